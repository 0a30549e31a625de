import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../../db/database.js';
import { registerMetric } from './registry.js';
import { projectInstitutions, projectPeriod, warsawDay } from './scope.js';

/**
 * Metrics of the institution dimension: referrals completed, the member entities of partnerships
 * led by the project's institutions, and signed cooperation agreements. Each reads the records as
 * they stood at the end of the measurement day (dates of completion, joining, leaving, signing).
 */

registerMetric({
  key: 'referrals.completed',
  label: { pl: 'Zrealizowane skierowania', en: 'Referrals completed' },
  description: {
    pl: 'Skierowania (lub prośby) wysłane przez instytucje projektu albo do nich, zakończone od początku projektu do dnia pomiaru; każde liczone osobno.',
    en: 'Referrals (or requests) sent by the project’s institutions or to them, completed between the start of the project and the measurement day; each one counted.',
  },
  unit: 'liczba',
  counting: 'zdarzenia',
  params: z.object({
    direction: z.enum(['wyslane', 'otrzymane']).default('wyslane'),
    kind: z.enum(['skierowanie', 'informacja', 'konsultacja', 'wszystkie']).default('skierowanie'),
  }),
  paramLabels: {
    direction: {
      pl: 'Kierunek',
      en: 'Direction',
      options: {
        wyslane: { pl: 'Wysłane przez instytucje projektu', en: 'Sent by the project’s institutions' },
        otrzymane: {
          pl: 'Otrzymane przez instytucje projektu',
          en: 'Received by the project’s institutions',
        },
      },
    },
    kind: {
      pl: 'Rodzaj',
      en: 'Kind',
      options: {
        skierowanie: { pl: 'Skierowania', en: 'Referrals' },
        informacja: { pl: 'Prośby o informację', en: 'Requests for information' },
        konsultacja: { pl: 'Prośby o konsultację', en: 'Requests for consultation' },
        wszystkie: { pl: 'Wszystkie rodzaje', en: 'All kinds' },
      },
    },
  },
  async compute(db, { projectId, asOf, params }) {
    const { startsOn } = await projectPeriod(db, projectId);
    const side = params.direction === 'wyslane' ? sql`r.from_institution_id` : sql`r.to_institution_id`;
    const kind = params.kind === 'wszystkie' ? sql`true` : sql`r.kind = ${params.kind}`;
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from referrals r
          where ${side} in ${projectInstitutions(projectId)} and ${kind}
            and r.status = 'zakonczone' and r.completed_at is not null
            and ${warsawDay(sql`r.completed_at`)} between ${startsOn}::date and ${asOf}::date`,
    );
    return { value: row?.n ?? 0 };
  },
});

registerMetric({
  key: 'partnerships.member_entities',
  label: { pl: 'Podmioty w partnerstwach', en: 'Entities in partnerships' },
  description: {
    pl: 'Podmioty (instytucje) będące na dzień pomiaru członkami partnerstw prowadzonych przez instytucje projektu; podmiot w dwóch partnerstwach liczony raz.',
    en: 'Entities (institutions) that are members, on the measurement day, of partnerships led by the project’s institutions; an entity in two partnerships counts once.',
  },
  unit: 'podmioty',
  counting: 'podmioty_unikalne',
  params: z.object({ includeLeader: z.boolean().default(true) }),
  paramLabels: {
    includeLeader: { pl: 'Wliczaj lidera partnerstwa', en: 'Count the partnership’s leader' },
  },
  async compute(db, { projectId, asOf, params }) {
    const leader = params.includeLeader ? sql`true` : sql`m.role <> 'lider'`;
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(distinct m.institution_id)::int as n
          from partnership_members m join partnerships p on p.id = m.partnership_id
          where p.leader_institution_id in ${projectInstitutions(projectId)}
            and p.starts_on <= ${asOf}::date and (p.ends_on is null or p.ends_on >= ${asOf}::date)
            and m.joined_on <= ${asOf}::date and (m.left_on is null or m.left_on > ${asOf}::date)
            and ${leader}`,
    );
    return { value: row?.n ?? 0 };
  },
});

registerMetric({
  key: 'agreements.signed',
  label: { pl: 'Podpisane porozumienia o współpracy', en: 'Signed cooperation agreements' },
  description: {
    pl: 'Porozumienia o współpracy partnerstw prowadzonych przez instytucje projektu albo z ich udziałem jako strony, podpisane do dnia pomiaru.',
    en: 'Cooperation agreements of partnerships led by the project’s institutions, or with one of them as a party, signed by the measurement day.',
  },
  unit: 'liczba',
  counting: 'zdarzenia',
  params: z.object({
    sinceProjectStart: z.boolean().default(true),
    inForce: z.boolean().default(false),
  }),
  paramLabels: {
    sinceProjectStart: {
      pl: 'Tylko podpisane od początku projektu',
      en: 'Only those signed since the project began',
    },
    inForce: {
      pl: 'Tylko obowiązujące w dniu pomiaru (nie wygasłe ani rozwiązane)',
      en: 'Only those in force on the day (not expired nor terminated)',
    },
  },
  async compute(db, { projectId, asOf, params }) {
    const { startsOn } = await projectPeriod(db, projectId);
    const since = params.sinceProjectStart ? sql`a.signed_on >= ${startsOn}::date` : sql`true`;
    const inForce = params.inForce
      ? sql`(a.terminated_on is null or a.terminated_on > ${asOf}::date)
            and (a.valid_to is null or a.valid_to >= ${asOf}::date)
            and (a.valid_from is null or a.valid_from <= ${asOf}::date)`
      : sql`true`;
    const institutions = projectInstitutions(projectId);
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from agreements a join partnerships p on p.id = a.partnership_id
          where a.signed_on is not null and a.signed_on <= ${asOf}::date and ${since} and ${inForce}
            and (p.leader_institution_id in ${institutions}
                 or exists (select 1 from agreement_parties ap
                            where ap.agreement_id = a.id and ap.institution_id in ${institutions}))`,
    );
    return { value: row?.n ?? 0 };
  },
});
