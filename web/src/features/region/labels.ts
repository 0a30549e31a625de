import {
  cusModes,
  lpdiStatuses,
  partnershipModels,
  type RegionMapUnit,
  type RegionMeasure,
  regionMeasures,
} from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';

type Labels = { pl: string; en: string };
type Dict = Record<string, Labels>;
const dictionaries = {
  lpdiStatuses: lpdiStatuses as Dict,
  cusModes: cusModes as Dict,
  partnershipModels: partnershipModels as Dict,
};
export type RegionDictionary = keyof typeof dictionaries;

export const measureKeys = Object.keys(regionMeasures) as RegionMeasure[];
export const isRegionMeasure = (v: unknown): v is RegionMeasure =>
  typeof v === 'string' && (measureKeys as string[]).includes(v);

const rateFormat = new Intl.NumberFormat('pl-PL', {
  useGrouping: 'always',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** A rate per 10,000 inhabitants the Polish way, always with one decimal: 12.5 → "12,5". */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return rateFormat.format(value);
}

/** A value of a measure as a number (counts grouped, rates with one decimal). */
export function formatMeasureValue(measure: RegionMeasure, value: number): string {
  return regionMeasures[measure].kind === 'rate' ? formatRate(value) : formatNumber(value);
}

/** Labels of the region dictionaries in the UI language, and the value of a map unit in words. */
export function useRegionLabels() {
  const { t, i18n } = useTranslation();
  const lang: 'pl' | 'en' = i18n.language?.startsWith('en') ? 'en' : 'pl';
  const label = (dict: RegionDictionary, key: string | null | undefined) =>
    key ? (dictionaries[dict][key]?.[lang] ?? key) : '';
  const options = (dict: RegionDictionary) =>
    Object.entries(dictionaries[dict]).map(([value, l]) => ({ value, label: l[lang] }));
  const measureLabel = (measure: RegionMeasure) => regionMeasures[measure].label[lang];
  const measureOptions = measureKeys.map((value) => ({ value, label: measureLabel(value) }));

  /** A category of the status measures: an LPDI status, or `tak`/`nie` for a gmina's CUS. */
  const categoryLabel = (measure: RegionMeasure, category: string) => {
    if (measure === 'cus') {
      if (category === 'tak') return t('region.values.cusYes');
      if (category === 'nie') return t('region.values.cusNo');
    }
    return label('lpdiStatuses', category);
  };

  /** The value of a unit as the table and the hover read it; suppressed counts are never a number. */
  const unitValue = (measure: RegionMeasure, unit: RegionMapUnit) => {
    if (unit.suppressed) return t('region.values.lessThan5');
    if (unit.category !== null) return categoryLabel(measure, unit.category);
    if (unit.value === null) return t('region.values.noData');
    if (measure === 'cus') return t('region.values.cusGminy', { count: unit.value });
    return formatMeasureValue(measure, unit.value);
  };

  /** The same in a full sentence part, for the hover line ("12,5 na 10 tys. mieszkańców"). */
  const unitValueInWords = (measure: RegionMeasure, unit: RegionMapUnit) => {
    const text = unitValue(measure, unit);
    if (unit.suppressed || unit.category !== null || unit.value === null) return text;
    if (regionMeasures[measure].kind === 'rate') return t('region.values.rate', { value: text });
    if (measure === 'partnerships') return t('region.values.partnerships', { count: unit.value });
    if (measure === 'staff_trained') return t('region.values.staffTrained', { count: unit.value });
    return text;
  };

  return { lang, label, options, measureLabel, measureOptions, categoryLabel, unitValue, unitValueInWords };
}
