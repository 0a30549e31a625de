import type { Breakdown } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { figureAsOf, type IndicatorRow, loadIndicatorRows, loadValueRows } from './queries.js';

/**
 * Recording values. Rows of `indicator_values` are only ever inserted: a correction is a new row
 * that supersedes the old one, so every "as of" answer stays reproducible. After every insert the
 * indicator's stored figure (`current_value`, `current_on`) is brought up to date: the value in
 * force with the latest measurement day — what the portfolio reads without running any metric.
 */
export interface NewValue {
  indicatorId: string;
  measuredOn: string;
  value: string;
  numerator: string | null;
  denominator: string | null;
  breakdown: Breakdown;
  origin: 'manual' | 'metric';
  sourceNote: string | null;
  evidenceDocumentId: string | null;
  supersedesId: string | null;
  enteredBy: string | null;
  /** When the row was entered (demo data and imports); now by default. */
  enteredAt?: string;
}

export async function insertValue(tx: DbOrTx, v: NewValue): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into indicator_values (project_indicator_id, measured_on, value, numerator, denominator, breakdown,
          origin, source_note, evidence_document_id, supersedes_id, entered_by, entered_at)
        values (${v.indicatorId}, ${v.measuredOn}, ${v.value}, ${v.numerator}, ${v.denominator},
          ${JSON.stringify(v.breakdown)}::jsonb, ${v.origin}, ${v.sourceNote}, ${v.evidenceDocumentId},
          ${v.supersedesId}, ${v.enteredBy}, coalesce(${v.enteredAt ?? null}::timestamptz, clock_timestamp()))
        returning id`,
  );
  if (!row) throw new Error('insert returned nothing');
  await refreshCurrent(tx, v.indicatorId);
  return row.id;
}

/** Sets the stored figure to the value in force with the latest measurement day (or none). */
export async function refreshCurrent(tx: DbOrTx, indicatorId: string): Promise<void> {
  await tx.execute(
    sql`update project_indicators pi
        set current_value = v.value, current_on = v.measured_on
        from (select null::int as k) k
        left join lateral (
          select iv.value, iv.measured_on from indicator_values iv
          where iv.project_indicator_id = ${indicatorId}
            and not exists (select 1 from indicator_values s where s.supersedes_id = iv.id)
          order by iv.measured_on desc, iv.entered_at desc
          limit 1) v on true
        where pi.id = ${indicatorId}`,
  );
}

/**
 * Records a measurement of a metric indicator as of a day (today, from the button or the daily
 * job). A second measurement the same day supersedes the first, so the series keeps one value a day.
 */
export async function recordMeasurement(
  tx: DbOrTx,
  row: IndicatorRow,
  day: string,
  enteredBy: string | null,
): Promise<string> {
  const [project] = await queryRows<{ endsOn: string }>(
    tx,
    sql`select ends_on::text as "endsOn" from projects where id = ${row.projectId}`,
  );
  const figure = await figureAsOf(tx, row, [], {
    asOf: day,
    recompute: true,
    projectEndsOn: project?.endsOn ?? day,
  });
  if (!figure) throw new Error('a metric always gives a figure');
  const [earlier] = await queryRows<{ id: string }>(
    tx,
    sql`select iv.id from indicator_values iv
        where iv.project_indicator_id = ${row.id} and iv.measured_on = ${figure.measuredOn}::date
          and iv.origin = 'metric'
          and not exists (select 1 from indicator_values s where s.supersedes_id = iv.id)
        order by iv.entered_at desc limit 1`,
  );
  return insertValue(tx, {
    indicatorId: row.id,
    measuredOn: figure.measuredOn,
    value: figure.value,
    numerator: figure.numerator,
    denominator: figure.denominator,
    breakdown: figure.breakdown,
    origin: 'metric',
    sourceNote: null,
    evidenceDocumentId: null,
    supersedesId: earlier?.id ?? null,
    enteredBy,
  });
}

/**
 * Freezes (approves) a reporting period: stores each indicator's figure as of the period's last
 * day — a manual indicator's value in force measured by then (every row entered until now counts:
 * a value for June entered on 3 July belongs to the first half-year), a metric computed from the
 * records as of that day. Indicators without a value then are left out of the report. Runs inside
 * the caller's transaction; the caller checks the version and writes the audit entry.
 */
export async function freezePeriod(
  tx: DbOrTx,
  period: { id: string; projectId: string; endsOn: string; projectEndsOn: string },
  frozenBy: string,
): Promise<number> {
  const rows = await loadIndicatorRows(tx, period.projectId);
  const values = await loadValueRows(
    tx,
    sql`iv.project_indicator_id in (select id from project_indicators where project_id = ${period.projectId})`,
  );
  let stored = 0;
  for (const row of rows) {
    const figure = await figureAsOf(
      tx,
      row,
      values.filter((v) => v.indicatorId === row.id),
      { asOf: period.endsOn, recompute: true, projectEndsOn: period.projectEndsOn },
    );
    if (!figure) continue;
    await tx.execute(
      sql`insert into reported_values (period_id, project_indicator_id, value, numerator, denominator, breakdown)
          values (${period.id}, ${row.id}, ${figure.value}, ${figure.numerator}, ${figure.denominator},
                  ${JSON.stringify(figure.breakdown)}::jsonb)`,
    );
    stored += 1;
  }
  await tx.execute(
    sql`update reporting_periods set status = 'zamrozony', frozen_at = now(), frozen_by = ${frozenBy},
          version = version + 1
        where id = ${period.id}`,
  );
  return stored;
}

/** Serialises the changes of one project's indicator values and periods (entry against freezing). */
export async function lockProjectIndicators(tx: DbOrTx, projectId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`indicators:${projectId}`}))`);
}
