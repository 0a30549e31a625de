import type { Cus, Lpdi } from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import { type CusField, cusFields, type LpdiField, lpdiFields } from './jstForm';
import { useRegionLabels } from './labels';

type LpdiLike = Partial<Lpdi> | null | undefined;
type CusLike = Partial<Cus> | null | undefined;

/** Field labels and values of a register entry in words, for the read-only view and the history. */
export function useEntryWords() {
  const { t } = useTranslation();
  const labels = useRegionLabels();
  const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);

  const lpdiLabel = (f: LpdiField) => t(`region.lpdi.${f}`);
  const cusLabel = (f: CusField) => (f === 'exists' ? t('region.cus.title') : t(`region.cus.${f}`));

  /** A field's value in words; null when empty. */
  const lpdiValue = (f: LpdiField, lpdi: LpdiLike): string | null => {
    const v = lpdi?.[f];
    if (empty(v)) return null;
    if (f === 'status') return labels.label('lpdiStatuses', v as string);
    if (f === 'plannedServices') return (v as string[]).join('; ');
    if (f === 'periodFrom' || f === 'periodTo') return String(v);
    if (f === 'resolutionNumber') return v as string;
    return formatDate(v as string);
  };
  const cusValue = (f: CusField, cus: CusLike): string | null => {
    const v = cus?.[f];
    if (f === 'exists') return cus ? (cus.exists ? t('region.yes') : t('region.no')) : null;
    if (empty(v)) return null;
    if (f === 'mode') return labels.label('cusModes', v as string);
    if (f === 'ipusOpen' || f === 'ipusClosed') return formatNumber(v as number);
    return formatDate(v as string);
  };

  /** What changed between two states of an entry, field by field, in words. */
  const changes = (
    before: { lpdi: LpdiLike; cus: CusLike } | null,
    after: { lpdi: LpdiLike; cus: CusLike },
  ) => {
    const out: { key: string; field: string; before: string | null; after: string | null }[] = [];
    for (const f of lpdiFields) {
      const b = lpdiValue(f, before?.lpdi);
      const a = lpdiValue(f, after.lpdi);
      if (b !== a)
        out.push({
          key: `lpdi.${f}`,
          field: f === 'status' ? lpdiLabel(f) : `LPDI — ${lpdiLabel(f)}`,
          before: b,
          after: a,
        });
    }
    for (const f of cusFields) {
      const b = cusValue(f, before?.cus);
      const a = cusValue(f, after.cus);
      if (b !== a)
        out.push({
          key: `cus.${f}`,
          field: f === 'exists' ? cusLabel(f) : `CUS — ${cusLabel(f)}`,
          before: b,
          after: a,
        });
    }
    return out;
  };

  return { lpdiLabel, cusLabel, lpdiValue, cusValue, changes };
}
