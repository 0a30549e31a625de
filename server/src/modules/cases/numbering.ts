import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';

/**
 * The next case number of an institution in a year, e.g. `SPR/2026/0007`. The counter row is locked
 * by the upsert, so two workers opening cases at once get different numbers.
 */
export async function nextCaseNumber(tx: DbOrTx, institutionId: string, year: number): Promise<string> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`insert into case_counters (institution_id, year, last) values (${institutionId}, ${year}, 1)
        on conflict (institution_id, year) do update set last = case_counters.last + 1
        returning last`,
  );
  return `SPR/${year}/${String(row?.last ?? 1).padStart(4, '0')}`;
}
