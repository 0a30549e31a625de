import { sql } from 'drizzle-orm';

/** A timestamp column as ISO 8601 in UTC with milliseconds, as the API returns times. */
export const isoColumn = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
