import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../../lib/api';

/** A label in both UI languages, as the dictionaries endpoint sends it. */
export interface LocalizedLabel {
  pl: string;
  en: string;
}
export interface DictionaryItem {
  key: string;
  label: LocalizedLabel;
}

/** `GET /api/dictionaries/cases`: every list of the client dimension with its labels. */
export interface CaseDictionaries {
  reasons: DictionaryItem[];
  sources: DictionaryItem[];
  statuses: DictionaryItem[];
  closureReasons: DictionaryItem[];
  planTypes: DictionaryItem[];
  contractVariants: DictionaryItem[];
  planStatuses: DictionaryItem[];
  actionStatuses: DictionaryItem[];
  actionParties: DictionaryItem[];
  householdRelations: DictionaryItem[];
  timelineKinds: (DictionaryItem & { system: boolean })[];
  disabilityLevels: DictionaryItem[];
  otherIdTypes: DictionaryItem[];
  diagnosisAreas: DictionaryItem[];
  interviewSections: DictionaryItem[];
}
export type CaseDictionaryName = keyof CaseDictionaries;

export function useCaseDictionaries() {
  return useQuery({
    queryKey: ['dictionaries', 'cases'],
    queryFn: ({ signal }) => apiFetch<CaseDictionaries>('/dictionaries/cases', { signal }),
    staleTime: 60 * 60_000,
  });
}

/**
 * Labels of the case dictionaries in the current language: `label('reasons', '4')` → "Bezrobocie",
 * `options('reasons')` → `{ value, label }[]` for selects. Unknown keys fall back to the key.
 */
export function useCaseLabels() {
  const { i18n } = useTranslation();
  const { data } = useCaseDictionaries();
  const lang = i18n.language === 'en' ? 'en' : 'pl';
  return useMemo(() => {
    const maps = new Map<string, Map<string, string>>();
    const mapOf = (name: CaseDictionaryName) => {
      let m = maps.get(name);
      if (!m) {
        m = new Map((data?.[name] ?? []).map((i) => [i.key, i.label[lang]]));
        maps.set(name, m);
      }
      return m;
    };
    return {
      ready: !!data,
      data,
      label: (name: CaseDictionaryName, key: string | null | undefined) =>
        key == null ? '' : (mapOf(name).get(key) ?? key),
      options: (name: CaseDictionaryName) => [...mapOf(name)].map(([value, label]) => ({ value, label })),
    };
  }, [data, lang]);
}
