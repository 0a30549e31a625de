import { IsoDate, institutionTypes, TrainingStats } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../db/database.js';
import { warsawToday } from '../../lib/dates.js';
import { actorOf, fieldError } from '../identity/scope.js';
import { personsOf, type StaffLearner, staffLearners } from './staff.js';

const StatsQuery = z.object({ asOf: IsoDate.optional() });

/** A real calendar day (the schema checks only the YYYY-MM-DD shape). */
function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Distinct persons of the rows by a key of their institution. */
function personsBy(rows: readonly StaffLearner[], keyOf: (r: StaffLearner) => string) {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = keyOf(r);
    const set = out.get(key) ?? new Set<string>();
    set.add(r.person);
    out.set(key, set);
  }
  return out;
}

const typeOrder = Object.keys(institutionTypes);

/**
 * The organiser's statistics (docs/trainings.md): the staff supported and the staff who raised their
 * qualifications in the trainings of the active institution (any project or own funds) as of a day —
 * the definitions of the indicators (`trainings/staff.ts`) — by the type of the learner's institution
 * and by its place (the gmina of its TERYT; an institution of a whole powiat under the powiat). These
 * are counts of the organiser's own register, so nothing is suppressed and no read is logged.
 */
export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/stats',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary:
          'Staff supported and staff who raised their qualifications in the active institution’s trainings, as of a day',
        querystring: StatsQuery,
        response: { 200: TrainingStats },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const asOf = request.query.asOf ?? warsawToday();
      if (!isCalendarDay(asOf)) throw fieldError('query.asOf', 'date.format');
      const empty = { asOf, supported: 0, raised: 0, byInstitutionType: [], byGmina: [] };
      if (!actor.institutionId) return empty;
      const trainings = sql`t.organiser_institution_id = ${actor.institutionId}`;
      const [supported, raised] = await Promise.all([
        staffLearners(db, { count: 'supported', asOf, trainings }),
        staffLearners(db, { count: 'raised', asOf, trainings }),
      ]);

      const sType = personsBy(supported, (r) => r.institutionType);
      const rType = personsBy(raised, (r) => r.institutionType);
      const types = [...new Set([...sType.keys(), ...rType.keys()])].sort(
        (a, b) => (typeOrder.indexOf(a) >>> 0) - (typeOrder.indexOf(b) >>> 0) || a.localeCompare(b),
      );

      const sPlace = personsBy(supported, (r) => r.teryt);
      const rPlace = personsBy(raised, (r) => r.teryt);
      const teryts = [...new Set([...sPlace.keys(), ...rPlace.keys()])];
      const names = new Map(
        teryts.length
          ? (
              await queryRows<{ teryt: string; name: string }>(
                db,
                sql`select teryt, name_full as name from territorial_units where teryt = any(${sql.param(teryts)}::text[])`,
              )
            ).map((u) => [u.teryt, u.name] as const)
          : [],
      );
      const byGmina = teryts
        .map((teryt) => ({
          teryt,
          name: names.get(teryt) ?? teryt,
          supported: sPlace.get(teryt)?.size ?? 0,
          raised: rPlace.get(teryt)?.size ?? 0,
        }))
        .sort(
          (a, b) => b.supported - a.supported || b.raised - a.raised || a.name.localeCompare(b.name, 'pl'),
        );

      return {
        asOf,
        supported: personsOf(supported).size,
        raised: personsOf(raised).size,
        byInstitutionType: types.map((type) => ({
          type,
          supported: sType.get(type)?.size ?? 0,
          raised: rType.get(type)?.size ?? 0,
        })),
        byGmina,
      };
    },
  );
};
