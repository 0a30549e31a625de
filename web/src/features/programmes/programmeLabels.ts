import { type ProgrammeNodeKind, type ProgrammeRules, programmeNodeKinds } from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';

/** Labels of node kinds and the rules of a support type in words, in the interface language. */
export function useProgrammeLabels() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const kind = (k: ProgrammeNodeKind) => programmeNodeKinds[k]?.[lang] ?? k;
  /** One sentence per rule; empty when the node has none. */
  const rules = (r: ProgrammeRules): string[] => {
    const out: string[] = [];
    if (r.onlyWithOther) out.push(t('programmes.rules.onlyWithOther'));
    if (r.timeWindow) {
      out.push(
        r.monthsAfterLeaving !== undefined
          ? t('programmes.rules.timeWindowMonths', { window: r.timeWindow, count: r.monthsAfterLeaving })
          : t('programmes.rules.timeWindow', { window: r.timeWindow }),
      );
    }
    if (r.targetGroups?.length)
      out.push(t('programmes.rules.targetGroups', { groups: r.targetGroups.join('; ') }));
    return out;
  };
  return { kind, rules };
}

/** Lower case without diacritics ("dzialanie" finds "Działanie"; ł → l). */
export const fold = (s: string) =>
  s
    .toLocaleLowerCase('pl')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ł/g, 'l');

/** Every word typed occurs in the text, diacritics and case ignored. */
export function matchesWords(text: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const haystack = fold(text);
  return words.every((w) => haystack.includes(w));
}
