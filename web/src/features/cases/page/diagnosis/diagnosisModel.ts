import type { Diagnosis, DiagnosisArea, DiagnosisInput, InterviewSection } from '@kooperacja/domain';

/** The diagnosis areas in order (Liderzy kooperacji: four areas, three of them pairs). */
export const DIAGNOSIS_AREAS: readonly DiagnosisArea[] = [
  'causes',
  'strengths',
  'weaknesses',
  'resources',
  'deficits',
  'expectations',
  'needs',
];

/** The four areas of the model, each one or two of the fields above. */
export const DIAGNOSIS_GROUPS: readonly { key: string; areas: readonly DiagnosisArea[] }[] = [
  { key: 'causes', areas: ['causes'] },
  { key: 'strengths', areas: ['strengths', 'weaknesses'] },
  { key: 'resources', areas: ['resources', 'deficits'] },
  { key: 'expectations', areas: ['expectations', 'needs'] },
];

/** Optional sections of the family community interview (RWŚ). */
export const INTERVIEW_SECTIONS: readonly InterviewSection[] = [
  'material',
  'housing',
  'health',
  'work',
  'family',
  'upbringing',
  'addiction',
  'violence',
];

export interface DiagnosisValues {
  areas: Record<DiagnosisArea, string>;
  interview: Record<InterviewSection, string>;
  conclusions: string;
}

const textsOf = <K extends string>(keys: readonly K[], source: Record<string, string | null> | undefined) =>
  Object.fromEntries(keys.map((k) => [k, source?.[k] ?? ''])) as Record<K, string>;

export function diagnosisValuesOf(d: Diagnosis | null | undefined): DiagnosisValues {
  return {
    areas: textsOf(DIAGNOSIS_AREAS, d?.areas),
    interview: textsOf(INTERVIEW_SECTIONS, d?.interview),
    conclusions: d?.conclusions ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function diagnosisInputOf(v: DiagnosisValues, basedOn: number): DiagnosisInput {
  return {
    areas: Object.fromEntries(
      DIAGNOSIS_AREAS.map((k) => [k, orNull(v.areas[k] ?? '')]),
    ) as DiagnosisInput['areas'],
    interview: Object.fromEntries(
      INTERVIEW_SECTIONS.map((k) => [k, orNull(v.interview[k] ?? '')]),
    ) as DiagnosisInput['interview'],
    conclusions: orNull(v.conclusions),
    basedOn,
  };
}

/** Whether at least one of the areas says something (the server refuses an empty diagnosis). */
export const hasAnyArea = (v: DiagnosisValues) =>
  DIAGNOSIS_AREAS.some((k) => (v.areas[k] ?? '').trim() !== '');
