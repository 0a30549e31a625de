import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { territorialUnits } from './territory.js';

/**
 * The register of the JST of a województwo kept by its ROPS (docs/region.md): the local plan of
 * deinstitutionalisation (LPDI) of a gmina or powiat and the social services centre (CUS) of a
 * gmina. One row per unit, created by the first save; a unit without a row has no entry yet.
 * `cus_exists` is null for a powiat (and for a gmina whose CUS was not recorded).
 */
export const regionJst = pgTable(
  'region_jst',
  {
    teryt: varchar('teryt', { length: 7 })
      .primaryKey()
      .references(() => territorialUnits.teryt),
    lpdiStatus: text('lpdi_status').notNull().default('brak'),
    lpdiPreparationStartedOn: date('lpdi_preparation_started_on', { mode: 'string' }),
    lpdiResolutionNumber: text('lpdi_resolution_number'),
    lpdiAdoptedOn: date('lpdi_adopted_on', { mode: 'string' }),
    lpdiUpdatedOn: date('lpdi_updated_on', { mode: 'string' }),
    lpdiPeriodFrom: integer('lpdi_period_from'),
    lpdiPeriodTo: integer('lpdi_period_to'),
    lpdiPlannedServices: text('lpdi_planned_services').array().notNull().default(sql`'{}'::text[]`),
    cusExists: boolean('cus_exists'),
    cusMode: text('cus_mode'),
    cusCreatedOn: date('cus_created_on', { mode: 'string' }),
    cusProgrammeAdoptedOn: date('cus_programme_adopted_on', { mode: 'string' }),
    cusLastDiagnosisOn: date('cus_last_diagnosis_on', { mode: 'string' }),
    cusIpusOpen: integer('cus_ipus_open'),
    cusIpusClosed: integer('cus_ipus_closed'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    check(
      'region_jst_lpdi_status_ck',
      sql`${t.lpdiStatus} in ('brak', 'w_przygotowaniu', 'przyjety', 'zaktualizowany')`,
    ),
    check(
      'region_jst_cus_mode_ck',
      sql`${t.cusMode} is null or ${t.cusMode} in ('przeksztalcenie_ops', 'nowa_jednostka', 'porozumienie_miedzygminne')`,
    ),
  ],
);

/**
 * Every change of a register entry: who, when, the entry before (null for the first save) and after,
 * as `{ lpdi, cus }`. Append-only: the database refuses UPDATE, DELETE and TRUNCATE (migration
 * 0013), like the audit log, but without a retention path — the history is the register's own record.
 */
export const regionJstHistory = pgTable(
  'region_jst_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    teryt: varchar('teryt', { length: 7 })
      .notNull()
      .references(() => territorialUnits.teryt),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid('changed_by').references(() => users.id),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
  },
  (t) => [index('region_jst_history_teryt_idx').on(t.teryt, t.changedAt)],
);
