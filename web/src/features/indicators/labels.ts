import {
  breakdownDimensions,
  countingUnits,
  type IndicatorBand,
  type IndicatorUnit,
  indicatorBands,
  indicatorScopes,
  indicatorSources,
  indicatorTypes,
  indicatorUnits,
  measurementMoments,
  projectRegions,
  projectStatuses,
  reportingPeriodStatuses,
  valueOrigins,
} from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';

type Dict = Record<string, { pl: string; en: string }>;
const dictionaries = {
  units: indicatorUnits as Dict,
  types: indicatorTypes as Dict,
  counting: countingUnits as Dict,
  measurement: measurementMoments as Dict,
  scopes: indicatorScopes as Dict,
  sources: indicatorSources as Dict,
  origins: valueOrigins as Dict,
  bands: indicatorBands as Dict,
  periodStatuses: reportingPeriodStatuses as Dict,
  dimensions: breakdownDimensions as Dict,
  projectStatuses: projectStatuses as Dict,
  regions: projectRegions as Dict,
};
export type DictionaryName = keyof typeof dictionaries;

/** Labels of the indicator dictionaries in the UI language, and select options built from them. */
export function useIndicatorLabels() {
  const { i18n } = useTranslation();
  const lang: 'pl' | 'en' = i18n.language?.startsWith('en') ? 'en' : 'pl';
  const label = (dict: DictionaryName, key: string | null | undefined) =>
    key ? (dictionaries[dict][key]?.[lang] ?? key) : '';
  const options = (dict: DictionaryName) =>
    Object.entries(dictionaries[dict]).map(([value, l]) => ({ value, label: l[lang] }));
  const category = (dimension: string, key: string) =>
    (breakdownDimensions as Record<string, { categories: Dict }>)[dimension]?.categories[key]?.[lang] ?? key;
  const pick = (l: { pl: string; en: string } | null | undefined) => (l ? l[lang] : '');
  return { lang, label, options, category, pick };
}

/**
 * Fill colours of the bands (white text on them meets WCAG AA, `labels.test.ts` checks it). The
 * band is always written out too: the colour only repeats the text.
 */
export const bandColours: Record<IndicatorBand, string> = {
  osiagniety: '#1b6e3c',
  zgodnie: '#1c5d99',
  ryzyko: '#8a4b00',
  zagrozony: '#b3261e',
  nieosiagniety: '#7a1d16',
  brak_danych: '#495057',
};

/** An exact decimal string the Polish way: "1234.5" → "1 234,5" (grouped with a no-break space). */
export function formatDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const negative = value.startsWith('-');
  const [whole = '0', frac] = (negative ? value.slice(1) : value).split('.');
  return `${negative ? '-' : ''}${formatNumber(Number(whole))}${frac ? `,${frac}` : ''}`;
}

/** A value with its unit where the unit is a sign ("37,931 %"); counts stay bare. */
export function formatValue(value: string | null | undefined, unit: IndicatorUnit): string {
  const text = formatDecimal(value);
  return text && unit === 'procent' ? `${text}\u00a0%` : text;
}

/** Today's date (local) as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
