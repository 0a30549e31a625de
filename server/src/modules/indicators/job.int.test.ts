import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { institutionIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { runIndicatorMeasurementsOnce } from '../../jobs/indicators.js';
import { addDays, warsawToday } from '../cases/tasks.js';
import { definition, programmeNode, project, projectIndicator } from './indicators.fixtures.js';

let t: TestApp;
let running: string;
let ended: string;
let frozen: string;
const today = warsawToday();

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(t.database.db, query);
}
const measurements = async (indicatorId: string) =>
  (
    await q<{ n: number }>(
      sql`select count(*)::int as n from indicator_values where project_indicator_id = ${indicatorId} and origin = 'metric'`,
    )
  )[0]?.n;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const node = await programmeNode(db);
  const leader = await institutionIdOf(db, 'MOPS Bochnia');
  const metric = { key: 'partnerships.member_entities' };
  const make = async (startsOn: string, endsOn: string) => {
    const id = await project(db, { node, leader, startsOn, endsOn });
    return {
      id,
      indicator: await projectIndicator(db, {
        projectId: id,
        definitionId: await definition(db, { unit: 'podmioty' }),
        target: '10',
        metric,
      }),
    };
  };
  const r = await make(addDays(today, -300), addDays(today, 300));
  running = r.indicator;
  ended = (await make(addDays(today, -900), addDays(today, -30))).indicator;
  const f = await make(addDays(today, -300), addDays(today, 300));
  frozen = f.indicator;
  await q(
    sql`insert into reporting_periods (project_id, name, starts_on, ends_on, status)
        values (${f.id}, 'Zamrożony', ${addDays(today, -10)}, ${addDays(today, 10)}, 'zamrozony')`,
  );
});

describe('the daily measurement job', () => {
  it('measures computed indicators of running projects once a day, skipping frozen days', async () => {
    const first = await runIndicatorMeasurementsOnce(t.database.db);
    expect(first.failed).toBe(0);
    expect(await measurements(running)).toBe(1);
    expect(await measurements(ended)).toBe(0);
    expect(await measurements(frozen)).toBe(0);
    const [stored] = await q<{ on: string; value: string }>(
      sql`select current_on::text as on, current_value::text as value from project_indicators where id = ${running}`,
    );
    // MOPS Bochnia leads the demo PZK in Bochnia.
    expect(stored?.on).toBe(today);
    expect(Number(stored?.value)).toBeGreaterThan(0);
    const second = await runIndicatorMeasurementsOnce(t.database.db);
    expect(second.measured).toBe(0);
    expect(await measurements(running)).toBe(1);
    const [audit] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where record_type = 'indicator_value' and user_id is null
            and details->>'indicatorId' = ${running}`,
    );
    expect(audit?.n).toBe(1);
  });
});
