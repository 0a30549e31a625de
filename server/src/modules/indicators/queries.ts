import {
  type BandCounts,
  type Breakdown,
  type CurrentValue,
  canonicalDecimal,
  type Evidence,
  earlierDay,
  effectiveSeries,
  emptyBandCounts,
  frozenPeriodOn,
  type IndicatorDefinitionSummary,
  type IndicatorValue,
  type IndicatorValueSeries,
  type PeriodLike,
  type ProjectIndicator,
  type ProjectIndicatorList,
  periodElapsed,
  progressOf,
  type ReportingPeriod,
  type SeriesRow,
  valueAsOf,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { computeMetric, getMetric } from './metrics/index.js';

/** The project as the indicator rules need it. */
export interface ProjectFrame {
  id: string;
  startsOn: string;
  endsOn: string;
  leaderInstitutionId: string;
}

export async function loadProjectFrame(db: DbOrTx, projectId: string): Promise<ProjectFrame> {
  const [row] = await queryRows<ProjectFrame>(
    db,
    sql`select id, starts_on::text as "startsOn", ends_on::text as "endsOn",
          leader_institution_id as "leaderInstitutionId"
        from projects where id = ${projectId}`,
  );
  if (!row) throw new Error(`project ${projectId} not found`);
  return row;
}

export interface IndicatorRow {
  id: string;
  projectId: string;
  definition: IndicatorDefinitionSummary;
  baseline: string;
  target: string;
  targetBreakdown: Breakdown;
  source: 'manual' | 'metric';
  metricKey: string | null;
  metricParams: Record<string, unknown>;
  sortOrder: number;
  currentValue: string | null;
  currentOn: string | null;
  version: number;
}

/** The indicators of a project (or one of them) with their definitions, in the project's order. */
export async function loadIndicatorRows(
  db: DbOrTx,
  projectId: string,
  indicatorId?: string,
): Promise<IndicatorRow[]> {
  const one: SQL = indicatorId ? sql`and pi.id = ${indicatorId}` : sql``;
  const rows = await queryRows<IndicatorRow>(
    db,
    sql`select pi.id, pi.project_id as "projectId",
          json_build_object('id', d.id, 'code', d.code, 'name', d.name, 'definition', d.definition,
            'unit', d.unit, 'type', d.type, 'counting', d.counting, 'breakdowns', d.breakdowns,
            'measurement', d.measurement, 'scope', d.scope) as definition,
          pi.baseline::text as baseline, pi.target::text as target, pi.target_breakdown as "targetBreakdown",
          pi.source, pi.metric_key as "metricKey", pi.metric_params as "metricParams", pi.sort_order as "sortOrder",
          pi.current_value::text as "currentValue", pi.current_on::text as "currentOn", pi.version
        from project_indicators pi join indicator_definitions d on d.id = pi.definition_id
        where pi.project_id = ${projectId} ${one}
        order by pi.sort_order, d.type, d.code nulls last, d.name, pi.id`,
  );
  return rows.map((r) => ({
    ...r,
    baseline: canonicalDecimal(r.baseline),
    target: canonicalDecimal(r.target),
    currentValue: r.currentValue === null ? null : canonicalDecimal(r.currentValue),
  }));
}

export interface ValueRow extends SeriesRow {
  indicatorId: string;
  value: string;
  numerator: string | null;
  denominator: string | null;
  breakdown: Breakdown;
  origin: 'manual' | 'metric';
  sourceNote: string | null;
  evidence: Evidence | null;
  enteredBy: { id: string; name: string } | null;
}

const dec = (v: string | null) => (v === null ? null : canonicalDecimal(v));

/** Every recorded value of the given indicators (corrected ones too). */
export async function loadValueRows(db: DbOrTx, where: SQL): Promise<ValueRow[]> {
  const rows = await queryRows<ValueRow>(
    db,
    sql`select iv.id, iv.project_indicator_id as "indicatorId", iv.measured_on::text as "measuredOn",
          iv.value::text as value, iv.numerator::text as numerator, iv.denominator::text as denominator,
          iv.breakdown, iv.origin, iv.source_note as "sourceNote", iv.supersedes_id as "supersedesId",
          (iv.entered_at at time zone 'Europe/Warsaw')::date::text as "enteredOn",
          to_char(iv.entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "enteredAt",
          case when d.id is null then null else json_build_object('id', d.id, 'filename', d.filename,
            'mimeType', d.mime_type, 'size', d.size) end as evidence,
          case when u.id is null then null else json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) end
            as "enteredBy"
        from indicator_values iv
        left join documents d on d.id = iv.evidence_document_id
        left join users u on u.id = iv.entered_by
        where ${where}
        order by iv.measured_on desc, iv.entered_at desc`,
  );
  return rows.map((r) => ({
    ...r,
    value: canonicalDecimal(r.value),
    numerator: dec(r.numerator),
    denominator: dec(r.denominator),
  }));
}

export interface PeriodRow extends PeriodLike {
  frozenAt: string | null;
  frozenBy: { id: string; name: string } | null;
  version: number;
}

export async function loadPeriods(db: DbOrTx, projectId: string): Promise<PeriodRow[]> {
  return queryRows<PeriodRow>(
    db,
    sql`select rp.id, rp.name, rp.starts_on::text as "startsOn", rp.ends_on::text as "endsOn", rp.status,
          to_char(rp.frozen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "frozenAt",
          case when u.id is null then null else json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) end
            as "frozenBy",
          rp.version
        from reporting_periods rp left join users u on u.id = rp.frozen_by
        where rp.project_id = ${projectId}
        order by rp.starts_on, rp.name`,
  );
}

const figureOf = (r: ValueRow) => ({
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  breakdown: r.breakdown,
});

export interface Figure {
  value: string;
  numerator: string | null;
  denominator: string | null;
  breakdown: Breakdown;
}

/**
 * The value of one indicator as of a day. A metric indicator asked for a day (`recompute`) is
 * computed from the records as they stood that day (at most the project's last day); otherwise the recorded values answer: all of
 * them when `knownOn` is not given (the live figure), or only those entered by `knownOn`.
 */
export async function figureAsOf(
  db: DbOrTx,
  row: IndicatorRow,
  rows: readonly ValueRow[],
  opts: { asOf: string; knownOn?: string; recompute: boolean; projectEndsOn: string },
): Promise<(Figure & { measuredOn: string; origin: 'manual' | 'metric' }) | null> {
  if (row.source === 'metric' && opts.recompute && row.metricKey) {
    // After the project's end its value is the one on its last day.
    const day = earlierDay(opts.asOf, opts.projectEndsOn);
    const m = await computeMetric(db, row.metricKey, {
      projectId: row.projectId,
      asOf: day,
      params: row.metricParams,
    });
    return { ...m, measuredOn: day, origin: 'metric' };
  }
  const v = valueAsOf(rows, { measuredBy: opts.asOf, knownOn: opts.knownOn });
  return v ? { ...figureOf(v), measuredOn: v.measuredOn, origin: v.origin } : null;
}

/**
 * The indicators of a project with their values, progress and bands as of a day. Without `asOf`
 * the figures are the stored latest values (a metric is not recomputed: "record a measurement"
 * does that); with `asOf` metrics are recomputed as of that day and manual values are taken as
 * they were known that day (rows entered later are ignored).
 */
export async function indicatorList(
  db: DbOrTx,
  opts: {
    projectId: string;
    today: string;
    asOf?: string;
    manage: boolean;
    onMetricError: (indicatorId: string, error: unknown) => void;
  },
): Promise<ProjectIndicatorList> {
  const project = await loadProjectFrame(db, opts.projectId);
  const rows = await loadIndicatorRows(db, opts.projectId);
  const values = await loadValueRows(
    db,
    sql`iv.project_indicator_id in (select id from project_indicators where project_id = ${opts.projectId})`,
  );
  const day = opts.asOf ?? opts.today;
  const byBand = emptyBandCounts();
  const items: ProjectIndicator[] = [];
  for (const row of rows) {
    let current: CurrentValue | null = null;
    let metricFailed = false;
    try {
      current = await figureAsOf(
        db,
        row,
        values.filter((v) => v.indicatorId === row.id),
        opts.asOf
          ? { asOf: day, knownOn: day, recompute: true, projectEndsOn: project.endsOn }
          : { asOf: day, recompute: false, projectEndsOn: project.endsOn },
      );
    } catch (e) {
      metricFailed = true;
      opts.onMetricError(row.id, e);
    }
    const progress = progressOf({
      baseline: row.baseline,
      target: row.target,
      current: current?.value ?? null,
      startsOn: project.startsOn,
      endsOn: project.endsOn,
      asOf: day,
    });
    byBand[progress.band] += 1;
    items.push(
      presentIndicator(
        row,
        { current, achieved: progress.achieved, band: progress.band, metricFailed },
        opts.manage,
      ),
    );
  }
  return {
    projectId: opts.projectId,
    asOf: day,
    live: !opts.asOf,
    project: {
      startsOn: project.startsOn,
      endsOn: project.endsOn,
      elapsed: periodElapsed(project.startsOn, project.endsOn, day),
    },
    items,
    byBand: byBand as BandCounts,
    abilities: { manage: opts.manage },
  };
}

export function presentIndicator(
  row: IndicatorRow,
  state: Pick<ProjectIndicator, 'current' | 'achieved' | 'band' | 'metricFailed'>,
  manage: boolean,
): ProjectIndicator {
  const metric = row.metricKey ? getMetric(row.metricKey) : undefined;
  return {
    id: row.id,
    projectId: row.projectId,
    definition: row.definition,
    baseline: row.baseline,
    target: row.target,
    targetBreakdown: row.targetBreakdown,
    source: row.source,
    metricKey: row.metricKey,
    metricLabel: metric ? metric.label : null,
    metricParams: row.metricParams,
    sortOrder: row.sortOrder,
    ...state,
    version: row.version,
    abilities: {
      update: manage,
      remove: manage,
      enterValue: manage && row.source === 'manual',
      measure: manage && row.source === 'metric',
    },
  };
}

/** The chart's data and the history of one indicator: every row, and the line of values in force. */
export function presentSeries(
  row: IndicatorRow,
  rows: readonly ValueRow[],
  periods: readonly PeriodLike[],
  manage: boolean,
): IndicatorValueSeries {
  const supersededBy = new Map<string, string>();
  for (const r of rows) if (r.supersedesId) supersededBy.set(r.supersedesId, r.id);
  const items: IndicatorValue[] = rows.map((r) => {
    const frozen = frozenPeriodOn(periods, r.measuredOn) !== null;
    const replaced = supersededBy.get(r.id) ?? null;
    return {
      id: r.id,
      measuredOn: r.measuredOn,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      breakdown: r.breakdown,
      origin: r.origin,
      sourceNote: r.sourceNote,
      evidence: r.evidence,
      supersedesId: r.supersedesId,
      supersededById: replaced,
      enteredBy: r.enteredBy,
      enteredAt: r.enteredAt,
      frozen,
      abilities: { correct: manage && r.origin === 'manual' && !replaced && !frozen },
    };
  });
  return {
    indicatorId: row.id,
    baseline: row.baseline,
    target: row.target,
    unit: row.definition.unit,
    items,
    points: effectiveSeries(rows).map((r) => ({ measuredOn: r.measuredOn, value: r.value })),
  };
}

/** The reporting periods of a project with what was reported for the frozen ones. */
export async function periodList(db: DbOrTx, projectId: string, manage: boolean): Promise<ReportingPeriod[]> {
  const periods = await loadPeriods(db, projectId);
  const figures = await queryRows<{
    periodId: string;
    projectIndicatorId: string;
    code: string | null;
    name: string;
    unit: ReportingPeriod['figures'][number]['unit'];
    baseline: string;
    target: string;
    value: string;
    numerator: string | null;
    denominator: string | null;
    breakdown: Breakdown;
  }>(
    db,
    sql`select rv.period_id as "periodId", rv.project_indicator_id as "projectIndicatorId", d.code, d.name, d.unit,
          pi.baseline::text as baseline, pi.target::text as target, rv.value::text as value,
          rv.numerator::text as numerator, rv.denominator::text as denominator, rv.breakdown
        from reported_values rv
        join reporting_periods rp on rp.id = rv.period_id
        join project_indicators pi on pi.id = rv.project_indicator_id
        join indicator_definitions d on d.id = pi.definition_id
        where rp.project_id = ${projectId}
        order by pi.sort_order, d.type, d.code nulls last, d.name`,
  );
  return periods.map((p) => ({
    id: p.id,
    name: p.name,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status,
    frozenAt: p.frozenAt,
    frozenBy: p.frozenBy,
    version: p.version,
    figures: figures
      .filter((f) => f.periodId === p.id)
      .map((f) => {
        const value = canonicalDecimal(f.value);
        const target = canonicalDecimal(f.target);
        return {
          projectIndicatorId: f.projectIndicatorId,
          code: f.code,
          name: f.name,
          unit: f.unit,
          target,
          value,
          numerator: dec(f.numerator),
          denominator: dec(f.denominator),
          breakdown: f.breakdown,
          achieved: progressOf({
            baseline: canonicalDecimal(f.baseline),
            target,
            current: value,
            startsOn: p.startsOn,
            endsOn: p.endsOn,
            asOf: p.endsOn,
          }).achieved,
        };
      }),
    abilities: { freeze: manage && p.status === 'otwarty', remove: manage && p.status === 'otwarty' },
  }));
}
