import {
  projectBudgetCategories,
  projectDocumentKinds,
  projectMilestoneStatuses,
  projectPartnerRoles,
  projectRegions,
  projectStatuses,
  projectTeamRoles,
} from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';

type Dict = Record<string, { pl: string; en: string }>;
const dictionaries = {
  statuses: projectStatuses as Dict,
  partnerRoles: projectPartnerRoles as Dict,
  teamRoles: projectTeamRoles as Dict,
  milestoneStatuses: projectMilestoneStatuses as Dict,
  budgetCategories: projectBudgetCategories as Dict,
  documentKinds: projectDocumentKinds as Dict,
  regions: projectRegions as Dict,
};
export type ProjectDictionary = keyof typeof dictionaries;

/** Labels of the project dictionaries in the UI language, and select options built from them. */
export function useProjectLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'pl';
  const label = (dict: ProjectDictionary, key: string | null | undefined) =>
    key ? (dictionaries[dict][key]?.[lang] ?? key) : '';
  const options = (dict: ProjectDictionary) =>
    Object.entries(dictionaries[dict]).map(([value, l]) => ({ value, label: l[lang] }));
  return { lang, label, options };
}
