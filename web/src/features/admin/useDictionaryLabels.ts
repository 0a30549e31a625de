import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityDictionaries, LocalizedLabel } from './adminApi';
import { useIdentityDictionaries } from './useIdentityDictionaries';

export interface DictionaryLabels {
  /** The dictionaries themselves (undefined while loading). */
  data: IdentityDictionaries | undefined;
  /** Picks the label in the current UI language. */
  pick: (label: LocalizedLabel) => string;
  institutionType: (key: string) => string;
  sector: (key: string) => string;
  role: (key: string) => string;
  auditAction: (key: string) => string;
  /** `{ value, label }` options for selects. */
  options: {
    institutionTypes: { value: string; label: string }[];
    sectors: { value: string; label: string }[];
    roles: { value: string; label: string }[];
    auditActions: { value: string; label: string }[];
  };
}

/**
 * Labels of the identity dictionaries in the current language. Unknown keys (or keys asked for
 * before the dictionaries arrive) fall back to the key itself, never to a hard-coded list.
 */
export function useDictionaryLabels(): DictionaryLabels {
  const { i18n } = useTranslation();
  const { data } = useIdentityDictionaries();
  const lang = i18n.language === 'en' ? 'en' : 'pl';
  return useMemo(() => {
    const pick = (label: LocalizedLabel) => label[lang];
    const index = (list: { key: string; label: LocalizedLabel }[] | undefined) =>
      new Map((list ?? []).map((item) => [item.key, pick(item.label)]));
    const types = index(data?.institutionTypes);
    const sectors = index(data?.sectors);
    const roles = index(data?.roles);
    const actions = index(data?.auditActions);
    const toOptions = (map: Map<string, string>) => [...map].map(([value, label]) => ({ value, label }));
    return {
      data,
      pick,
      institutionType: (key) => types.get(key) ?? key,
      sector: (key) => sectors.get(key) ?? key,
      role: (key) => roles.get(key) ?? key,
      auditAction: (key) => actions.get(key) ?? key,
      options: {
        institutionTypes: toOptions(types),
        sectors: toOptions(sectors),
        roles: toOptions(roles),
        auditActions: toOptions(actions),
      },
    };
  }, [data, lang]);
}
