import {
  agreementStatuses,
  partnershipKinds,
  partnershipMeetingStatuses,
  partnershipModels,
  partnershipStatuses,
  sectors,
} from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';

type Dict = Record<string, { pl: string; en: string }>;
const dictionaries = {
  kinds: partnershipKinds as Dict,
  models: partnershipModels as Dict,
  statuses: partnershipStatuses as Dict,
  agreementStatuses: agreementStatuses as Dict,
  meetingStatuses: partnershipMeetingStatuses as Dict,
  sectors: sectors as Dict,
};
export type DictionaryName = keyof typeof dictionaries;

/** Labels of the partnership dictionaries in the UI language, and select options built from them. */
export function usePartnershipLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'pl';
  const label = (dict: DictionaryName, key: string | null | undefined) =>
    key ? (dictionaries[dict][key]?.[lang] ?? key) : '';
  const options = (dict: DictionaryName) =>
    Object.entries(dictionaries[dict]).map(([value, l]) => ({ value, label: l[lang] }));
  const role = (vocabulary: Record<string, { pl: string; en: string }>, key: string) =>
    vocabulary[key]?.[lang] ?? key;
  return { lang, label, options, role };
}

/** Today's date (local) as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
