import {
  degurbaLevels,
  exitResults,
  exitSituations,
  followUpResults,
  iscedGroups,
  labourStatusDetails,
  labourStatusDetailsOf,
  labourStatuses,
  otherIdTypes,
  participantStatuses,
  participantTypes,
  triState,
} from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';

type Dict = Record<string | number, { pl: string; en: string }>;
const dictionaries = {
  statuses: participantStatuses as Dict,
  types: participantTypes as Dict,
  triState: triState as Dict,
  isced: iscedGroups as Dict,
  labour: labourStatuses as Dict,
  labourDetails: labourStatusDetails as Dict,
  exitSituations: exitSituations as Dict,
  exitResults: exitResults as Dict,
  followUpResults: followUpResults as Dict,
  degurba: degurbaLevels as Dict,
  otherIdTypes: otherIdTypes as Dict,
};
export type ParticipantDictionary = keyof typeof dictionaries;

/** Labels of the SM EFS dictionaries in the UI language (the monitoring system's own Polish words), and options. */
export function useParticipantLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'pl';
  const label = (dict: ParticipantDictionary, key: string | number | null | undefined) =>
    key === null || key === undefined || key === '' ? '' : (dictionaries[dict][key]?.[lang] ?? String(key));
  const options = (dict: ParticipantDictionary) =>
    Object.entries(dictionaries[dict]).map(([value, l]) => ({ value, label: l[lang] }));
  const detailOptions = (status: string | null | undefined) =>
    status && status in labourStatusDetailsOf
      ? labourStatusDetailsOf[status as keyof typeof labourStatusDetailsOf].map((value) => ({
          value,
          label: dictionaries.labourDetails[value]?.[lang] ?? value,
        }))
      : [];
  return { lang, label, options, detailOptions };
}
