import {
  applicationChannels,
  applicationFormKinds,
  applicationStatuses,
  callStatuses,
  clauseKinds,
  clauseLegalBases,
  eligibilityRuleKinds,
  iscedGroups,
  labourStatuses,
  povertyGrounds,
  questionTypes,
  scoringCriterionKinds,
  tieBreakRules,
  triState,
} from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';

type Dict = Record<string, { pl: string; en: string }>;
const dictionaries = {
  callStatuses: callStatuses as Dict,
  statuses: applicationStatuses as Dict,
  formKinds: applicationFormKinds as Dict,
  channels: applicationChannels as Dict,
  tieBreaks: tieBreakRules as Dict,
  triState: triState as Dict,
  isced: iscedGroups as Dict,
  labour: labourStatuses as Dict,
  grounds: povertyGrounds as Dict,
  ruleKinds: eligibilityRuleKinds as Dict,
  criterionKinds: scoringCriterionKinds as Dict,
  questionTypes: questionTypes as Dict,
  clauseKinds: clauseKinds as Dict,
  legalBases: clauseLegalBases as Dict,
};
export type RecruitmentDictionary = keyof typeof dictionaries;

/** Labels of the recruitment dictionaries in the UI language, and select options built from them. */
export function useRecruitmentLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'pl';
  const label = (dict: RecruitmentDictionary, key: string | null | undefined) =>
    key ? (dictionaries[dict][key]?.[lang] ?? key) : '';
  const options = (dict: RecruitmentDictionary, only?: readonly string[]) =>
    Object.entries(dictionaries[dict])
      .filter(([value]) => !only || only.includes(value))
      .map(([value, l]) => ({ value, label: l[lang] }));
  return { lang, label, options };
}
