import { type InstitutionType, institutionTypes } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/database.js';
import { countWithGender, type StaffCount, staffLearners } from '../../trainings/staff.js';
import { type MetricContext, registerMetric } from './registry.js';

/**
 * Metrics of the training platform (docs/trainings.md): the staff of the institutions who took part
 * in the trainings financed by the project (`trainings.project_id`), counted once per person, as
 * the records stood at the end of the day — seed 001's indicators "688 employees supported" and
 * "654 employees who raised their qualifications". The definitions live in `trainings/staff.ts`,
 * shared with the regional map and the organiser's statistics. Broken down by gender (`plec`).
 */

type TypeFilter = 'wszystkie' | InstitutionType;
const typeKeys = ['wszystkie', ...Object.keys(institutionTypes)] as [TypeFilter, ...TypeFilter[]];
const typeOptions: Record<string, { pl: string; en: string }> = {
  wszystkie: { pl: 'Wszystkie instytucje', en: 'All institutions' },
  ...Object.fromEntries(
    Object.entries(institutionTypes).map(([k, v]) => [k, { pl: v.pl, en: v.en }] as const),
  ),
};

const params = z.object({ institutionType: z.enum(typeKeys).default('wszystkie') });
const paramLabels = {
  institutionType: {
    pl: 'Typ instytucji pracownika',
    en: 'Type of the employee’s institution',
    options: typeOptions,
  },
};

const compute = (count: StaffCount) => async (db: DbOrTx, ctx: MetricContext<z.output<typeof params>>) =>
  countWithGender(
    await staffLearners(db, {
      count,
      asOf: ctx.asOf,
      trainings: sql`t.project_id = ${ctx.projectId}`,
      where:
        ctx.params.institutionType === 'wszystkie' ? undefined : sql`i.type = ${ctx.params.institutionType}`,
    }),
  );

registerMetric({
  key: 'staff.supported',
  label: { pl: 'Pracownicy objęci wsparciem (szkolenia)', en: 'Staff supported (trainings)' },
  description: {
    pl: 'Osoby unikalne z potwierdzonym zgłoszeniem na edycję szkolenia finansowanego z projektu, które do dnia pomiaru były obecne na zajęciach albo rozpoczęły lekcję e-learningu. Podział według płci.',
    en: 'Distinct persons with a confirmed registration for an edition of a training financed by the project who, by the day, were present at a session or started an e-learning lesson. Broken down by gender.',
  },
  unit: 'osoby',
  counting: 'osoby_unikalne',
  breakdowns: ['plec'],
  params,
  paramLabels,
  compute: compute('supported'),
});

registerMetric({
  key: 'staff.qualifications_raised',
  label: {
    pl: 'Pracownicy, którzy podnieśli kwalifikacje (szkolenia)',
    en: 'Staff who raised their qualifications (trainings)',
  },
  description: {
    pl: 'Osoby unikalne — uczestnicy szkoleń finansowanych z projektu, które do dnia pomiaru zdały test wiedzy po szkoleniu albo otrzymały certyfikat (niecofnięty do tego dnia). Podział według płci.',
    en: 'Distinct persons — learners of trainings financed by the project — who by the day passed the final knowledge test or received a certificate not revoked by then. Broken down by gender.',
  },
  unit: 'osoby',
  counting: 'osoby_unikalne',
  breakdowns: ['plec'],
  params,
  paramLabels,
  compute: compute('raised'),
});
