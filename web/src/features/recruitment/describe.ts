import type { EligibilityReason, EligibilityRule, ScoringCriterion } from '@kooperacja/domain';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useRecruitmentLabels } from './labels';

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Rules, criteria and the reasons of a check in words (the UI language): the reason codes and
 * params the server stores become sentences, dictionary keys their labels, dates DD.MM.YYYY.
 */
export function useDescribe() {
  const { t } = useTranslation();
  const tt = t as unknown as (key: string, params?: Record<string, unknown>) => string;
  const labels = useRecruitmentLabels();
  const list = (values: readonly string[] | undefined, dict?: 'labour' | 'grounds') =>
    (values ?? []).map((v) => (dict ? labels.label(dict, v) : v)).join('; ');

  const reason = (r: Pick<EligibilityReason, 'code' | 'params'>): string => {
    const p = r.params as Record<string, string | number | string[]>;
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(p)) {
      if (Array.isArray(v))
        params[k] = list(
          v,
          k === 'allowed' && r.code.startsWith('status')
            ? 'labour'
            : k === 'grounds' || k === 'required'
              ? 'grounds'
              : undefined,
        );
      else if (k === 'status') params[k] = labels.label('labour', String(v));
      else params[k] = isDate(v) ? formatDate(String(v)) : v;
    }
    return tt(`recruitment.reason.${r.code}`, params);
  };

  const rule = (r: EligibilityRule | ScoringCriterion): string => {
    switch (r.kind) {
      case 'wiek':
        if (r.min !== undefined && r.max !== undefined)
          return t('recruitment.rule.wiekRange', { min: r.min, max: r.max });
        return r.min !== undefined
          ? t('recruitment.rule.wiekMin', { min: r.min })
          : t('recruitment.rule.wiekMax', { max: r.max });
      case 'zamieszkanie':
        return t('recruitment.rule.zamieszkanie', { places: r.teryt.join(', ') });
      case 'status_na_rynku_pracy':
        return t('recruitment.rule.status', {
          statuses: list('allowed' in r ? r.allowed : 'statuses' in r ? r.statuses : [], 'labour'),
        });
      case 'niepelnosprawnosc':
        return t('recruitment.rule.niepelnosprawnosc');
      case 'zagrozenie_wykluczeniem':
        return r.grounds?.length
          ? t('recruitment.rule.wykluczenieGrounds', { grounds: list(r.grounds, 'grounds') })
          : t('recruitment.rule.wykluczenieAny');
      case 'instytucja':
        return t('recruitment.rule.instytucja', { months: r.months });
      case 'nie_uczestnik':
        return t('recruitment.rule.nieUczestnik');
      case 'odpowiedz':
        return t('recruitment.rule.odpowiedz', {
          question: r.question,
          value:
            typeof r.value === 'boolean'
              ? t(r.value ? 'recruitment.common.yes' : 'recruitment.common.no')
              : r.value,
        });
    }
  };

  const criterion = (c: ScoringCriterion): string =>
    c.kind === 'zagrozenie_wykluczeniem' && c.perGround
      ? t('recruitment.rule.pointsPerGround', { rule: rule(c), points: c.points })
      : t('recruitment.rule.points', { rule: rule(c), points: c.points });

  return { reason, rule, criterion };
}
