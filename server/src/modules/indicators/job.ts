import { frozenPeriodOn } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { writeAudit } from '../audit/index.js';
import { loadIndicatorRows, loadPeriods } from './queries.js';
import { lockProjectIndicators, recordMeasurement } from './values.js';

/**
 * One indicator's measurement by the daily job (`server/src/jobs/indicators.ts`), in its own
 * transaction with its audit entry (the system as the actor): skipped when it was already measured
 * that day or the day is frozen.
 */
export async function recordDailyMeasurement(
  db: DbOrTx,
  projectId: string,
  indicatorId: string,
  day: string,
): Promise<'measured' | 'skipped'> {
  return db.transaction(async (tx) => {
    await lockProjectIndicators(tx, projectId);
    const [row] = await loadIndicatorRows(tx, projectId, indicatorId);
    if (row?.source !== 'metric') return 'skipped';
    if (frozenPeriodOn(await loadPeriods(tx, projectId), day)) return 'skipped';
    const done = await queryRows<{ id: string }>(
      tx,
      sql`select id from indicator_values where project_indicator_id = ${indicatorId} and measured_on = ${day}::date
            and origin = 'metric' limit 1`,
    );
    if (done.length) return 'skipped';
    const valueId = await recordMeasurement(tx, row, day, null);
    await writeAudit(
      tx,
      { userId: null },
      {
        action: 'record.create',
        recordType: 'indicator_value',
        recordId: valueId,
        details: {
          projectId,
          indicatorId,
          origin: 'metric',
          metricKey: row.metricKey,
          day,
          job: 'indicators-measurements',
        },
      },
    );
    return 'measured';
  });
}
