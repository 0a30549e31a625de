import {
  editionModes,
  editionStatuses,
  institutionTypes,
  learnerSexes,
  lessonKinds,
  questionKinds,
  type RegistrationStatus,
  registrationStatuses,
  targetStaff,
  testKinds,
  trainingForms,
  trainingStatuses,
} from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';

type Labels = { pl: string; en: string };
type Dict = Record<string, Labels>;
const dictionaries = {
  forms: trainingForms as Dict,
  targetStaff: targetStaff as Dict,
  statuses: trainingStatuses as Dict,
  modes: editionModes as Dict,
  editionStatuses: editionStatuses as Dict,
  registrationStatuses: registrationStatuses as Dict,
  testKinds: testKinds as Dict,
  questionKinds: questionKinds as Dict,
  lessonKinds: lessonKinds as Dict,
  sexes: learnerSexes as Dict,
  institutionTypes: institutionTypes as unknown as Dict,
};
export type TrainingDictionary = keyof typeof dictionaries;

/** Colours of the registration statuses; the badge always carries the status in words too. */
export const registrationColours: Record<RegistrationStatus, string> = {
  do_akceptacji: 'yellow',
  potwierdzona: 'green',
  rezerwowa: 'blue',
  odrzucona: 'red',
  wycofana: 'gray',
};

/** Labels of the training dictionaries (from the domain contract) in the UI language. */
export function useTrainingLabels() {
  const { i18n } = useTranslation();
  const lang: 'pl' | 'en' = i18n.language?.startsWith('en') ? 'en' : 'pl';
  const label = (dict: TrainingDictionary, key: string | null | undefined) =>
    key ? (dictionaries[dict][key]?.[lang] ?? key) : '';
  const options = (dict: TrainingDictionary) =>
    Object.entries(dictionaries[dict]).map(([value, l]) => ({ value, label: l[lang] }));
  return { lang, label, options };
}

/** Hours the Polish way: 7.5 → "7,5". */
export function formatHours(hours: number): string {
  return new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 1 }).format(hours);
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
