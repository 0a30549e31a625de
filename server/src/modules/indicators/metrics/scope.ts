import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../db/database.js';

/**
 * What every metric shares: the institutions of the project (its leader and partners — a metric
 * counts their records only) and the calendar day of a timestamp in Poland.
 */
export function projectInstitutions(projectId: string): SQL {
  return sql`(select leader_institution_id from projects where id = ${projectId}
              union select institution_id from project_partners where project_id = ${projectId})`;
}

/** The Warsaw calendar day of a `timestamptz` column or expression. */
export function warsawDay(ts: SQL): SQL {
  return sql`(${ts} at time zone 'Europe/Warsaw')::date`;
}

export interface ProjectPeriod {
  startsOn: string;
  endsOn: string;
}

export async function projectPeriod(db: DbOrTx, projectId: string): Promise<ProjectPeriod> {
  const [row] = await queryRows<ProjectPeriod>(
    db,
    sql`select starts_on::text as "startsOn", ends_on::text as "endsOn" from projects where id = ${projectId}`,
  );
  if (!row) throw new Error(`project ${projectId} not found`);
  return row;
}

/** Counting windows of the metrics that can count either on the day or since the project began. */
export const windowLabels = {
  na_dzien: { pl: 'Stan na dzień pomiaru', en: 'On the measurement day' },
  narastajaco: { pl: 'Narastająco od początku projektu', en: 'Cumulative since the project began' },
} as const;
export type CountWindow = keyof typeof windowLabels;
