import { type SupportKind, supportKinds } from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';

/** The order the kinds are shown in (the order: group, individual, internships, flats). */
export const kindOrder: SupportKind[] = ['grupowe', 'indywidualne', 'staz', 'mieszkanie'];

/** Hours as the API sends them ("1.5") in the Polish form ("1,5"). */
export const plHours = (hours: string | null | undefined) => (hours ? hours.replace('.', ',') : '');

/** Labels of the support kinds in the UI language, and select options built from them. */
export function useSupportLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'pl';
  const kind = (k: SupportKind | string) => supportKinds[k as SupportKind]?.[lang] ?? k;
  const kindOptions = kindOrder.map((k) => ({ value: k, label: supportKinds[k][lang] }));
  return { lang, kind, kindOptions };
}
