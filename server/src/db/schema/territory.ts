import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** JST from the GUS TERC register, with 2024 population and whether the map has a polygon. */
export const territorialUnits = pgTable(
  'territorial_units',
  {
    teryt: varchar('teryt', { length: 7 }).primaryKey(),
    level: text('level').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    nameFull: text('name_full').notNull(),
    /** lower(unaccent(name)), filled by the loader: diacritics-insensitive and trigram search. */
    nameSearch: text('name_search').notNull(),
    /** search_text(name_full): finds "powiat bocheński", "gmina wiejska Bochnia". */
    nameFullSearch: text('name_full_search').notNull().default(''),
    cityWithPowiatRights: boolean('city_with_powiat_rights').notNull().default(false),
    powiatTeryt: varchar('powiat_teryt', { length: 4 }),
    wojTeryt: varchar('woj_teryt', { length: 2 }).notNull(),
    population: integer('population'),
    hasGeometry: boolean('has_geometry').notNull().default(false),
    /** Units missing from a newer TERC file are kept (records refer to them) but marked inactive. */
    active: boolean('active').notNull().default(true),
    stanNa: date('stan_na'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('territorial_units_level_check', sql`${t.level} in ('wojewodztwo', 'powiat', 'gmina')`),
    index('territorial_units_name_trgm').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    index('territorial_units_name_full_trgm').using('gin', sql`${t.nameFullSearch} gin_trgm_ops`),
    index('territorial_units_powiat_idx').on(t.powiatTeryt),
    index('territorial_units_woj_level_idx').on(t.wojTeryt, t.level),
  ],
);
