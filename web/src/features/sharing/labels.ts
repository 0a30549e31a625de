import {
  actionStatuses,
  caseMeetingAttendeeKinds,
  diagnosisAreas,
  disabilityLevels,
  householdRelations,
  legalBases,
  partnershipMeetingStatuses,
  planStatuses,
  planTypes,
  referralKinds,
  referralStatuses,
  shareBases,
  shareScopes,
  teamMemberStatuses,
  teamRoles,
  urgencies,
} from '@kooperacja/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Dict = Record<string, { pl: string; en: string }>;
const dictionaries = {
  scopes: shareScopes as Dict,
  bases: shareBases as Dict,
  legalBases: legalBases as Dict,
  roles: teamRoles as Dict,
  memberStatuses: teamMemberStatuses as Dict,
  kinds: referralKinds as Dict,
  urgencies: urgencies as Dict,
  statuses: referralStatuses as Dict,
  planTypes: planTypes as Dict,
  planStatuses: planStatuses as Dict,
  actionStatuses: actionStatuses as Dict,
  diagnosisAreas: diagnosisAreas as Dict,
  disabilityLevels: disabilityLevels as Dict,
  relations: householdRelations as Dict,
  meetingStatuses: partnershipMeetingStatuses as Dict,
  attendeeKinds: caseMeetingAttendeeKinds as Dict,
};
export type SharingDictionary = keyof typeof dictionaries;

/** Labels of the sharing dictionaries in the UI language (straight from the domain package). */
export function useSharingLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'pl';
  return useMemo(() => {
    const label = (dict: SharingDictionary, key: string | null | undefined) =>
      key ? (dictionaries[dict][key]?.[lang] ?? key) : '';
    const options = (dict: SharingDictionary) =>
      Object.entries(dictionaries[dict]).map(([value, l]) => ({ value, label: l[lang] }));
    return { lang, label, options };
  }, [lang]);
}
export type SharingLabels = ReturnType<typeof useSharingLabels>;

/** Today's date (local) as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Status colours; the status is always written out too (never colour alone). */
export const referralStatusColor: Record<string, string> = {
  wyslane: 'blue',
  przyjete: 'teal',
  w_realizacji: 'indigo',
  zakonczone: 'green',
  odrzucone: 'red',
  wycofane: 'gray',
};
export const memberStatusColor: Record<string, string> = {
  zaproszony: 'blue',
  aktywny: 'green',
  odrzucony: 'red',
  zakonczony: 'gray',
};
export const meetingStatusColor: Record<string, string> = {
  zaplanowane: 'blue',
  odbyte: 'green',
  odwolane: 'gray',
};
