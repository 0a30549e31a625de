import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/database.js';
import { warsawToday } from '../modules/cases/tasks.js';
import { recordDailyMeasurement } from '../modules/indicators/job.js';
import { portfolioChanged } from '../modules/indicators/portfolio.js';

/**
 * The daily measurement of indicators computed from the records: every metric indicator of a
 * project in progress (`realizacja`, today within its period) gets today's value, so that the
 * charts and the portfolio (which reads stored figures only) stay current without anyone pressing
 * "record a measurement". Idempotent: an indicator already measured today, or whose day falls in a
 * frozen reporting period, is skipped; one failing metric does not stop the others.
 */
export async function runIndicatorMeasurementsOnce(
  db: DbOrTx,
  now = new Date(),
): Promise<{ measured: number; skipped: number; failed: number }> {
  const today = warsawToday(now);
  const due = await queryRows<{ id: string; projectId: string }>(
    db,
    sql`select pi.id, pi.project_id as "projectId"
        from project_indicators pi join projects p on p.id = pi.project_id
        where pi.source = 'metric' and p.status = 'realizacja'
          and p.starts_on <= ${today}::date and p.ends_on >= ${today}::date
        order by pi.project_id, pi.id`,
  );
  const result = { measured: 0, skipped: 0, failed: 0 };
  for (const d of due) {
    try {
      const outcome = await recordDailyMeasurement(db, d.projectId, d.id, today);
      result[outcome] += 1;
    } catch {
      result.failed += 1;
    }
  }
  // New stored figures: portfolios cached by this process are out of date.
  if (result.measured > 0) portfolioChanged();
  return result;
}
