import type { Role } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database.js';
import type { TestSession } from '../auth.js';
import type { TestApp } from '../helpers.js';

/**
 * The shared vocabulary of the route × role matrix (`server/src/http/route-matrix.int.test.ts`).
 * Each capability keeps its cases in a file of this folder and the matrix spreads them in, so every
 * non-public route has exactly one expected answer per role and relation.
 */
export type Rel = 'own' | 'other';
export interface Req {
  url: string;
  payload?: unknown;
}
export interface Ctx {
  role: Role;
  session: TestSession;
  rel: Rel;
}
export interface Case {
  /** Relations worth testing; routes without a record have only 'own'. */
  relations?: Rel[];
  request(ctx: Ctx): Promise<Req> | Req;
  /** The status for a caller who holds the route's permission (any caller for `authenticated`). */
  expect(ctx: Ctx): number;
  /** The call ends the caller's session (log in again afterwards). */
  endsSession?: boolean;
}

/** Filled by the matrix before any case runs. */
export const kit = {
  t: undefined as unknown as TestApp,
  userIds: new Map<string, string>(),
};

export const both: Rel[] = ['own', 'other'];
export const uid = (local: string) => kit.userIds.get(local) as string;
export const isSys = (c: Ctx) => c.role === 'administrator_systemu';

export async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(kit.t.database.db, query);
}

/** The id of a demo institution by its short name. */
export async function institutionId(shortName: string): Promise<string> {
  const [row] = await q<{ id: string }>(sql`select id from institutions where short_name = ${shortName}`);
  if (!row) throw new Error(`no institution ${shortName}`);
  return row.id;
}
