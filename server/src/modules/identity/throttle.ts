import { inArray, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { loginThrottle } from '../../db/schema/index.js';

/**
 * Brute-force protection for logins, shared by every instance through the database. Failures are
 * counted per account (the e-mail as typed, whether or not it exists, so the answer reveals nothing)
 * and per IP address. From the third failure on, the next attempt must wait 1, 2, 4… up to 60 s
 * (for an IP address from the LOGIN_LOCK_THRESHOLD-th);
 * at LOGIN_LOCK_THRESHOLD failures the account is locked for LOGIN_LOCK_MINUTES (an IP address
 * at five times that, since an office shares one address). Failures older than an hour are forgotten.
 */
export const DELAY_FROM_FAILURE = 3;
const MAX_DELAY_S = 60;
const FORGET_AFTER_S = 3600;
const IP_FACTOR = 5;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** The wait before the next attempt after `failures` failures (an IP address gets more slack). */
export function delaySeconds(failures: number, from = DELAY_FROM_FAILURE): number {
  return failures < from ? 0 : Math.min(2 ** (failures - from), MAX_DELAY_S);
}

export type ThrottleVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'locked' | 'slow_down'; retryAfter: number };

interface Row {
  key: string;
  failures: number;
  since_failure: number;
  locked_for: number | null;
}

export async function checkThrottle(db: DbOrTx, config: Config, keys: string[]): Promise<ThrottleVerdict> {
  const rows = await queryRows<Row>(
    db,
    sql`select key, failures,
          extract(epoch from now() - last_failure_at)::float8 as since_failure,
          case when locked_until > now() then ceil(extract(epoch from locked_until - now()))::int end as locked_for
        from login_throttle where key in ${keys}`,
  );
  let verdict: ThrottleVerdict = { allowed: true };
  for (const r of rows) {
    if (r.locked_for) return { allowed: false, reason: 'locked', retryAfter: r.locked_for };
    if (r.since_failure > FORGET_AFTER_S) continue;
    const from = r.key.startsWith('ip:') ? config.LOGIN_LOCK_THRESHOLD : DELAY_FROM_FAILURE;
    const wait = Math.ceil(delaySeconds(r.failures, from) - r.since_failure);
    if (wait > 0 && (verdict.allowed || wait > verdict.retryAfter)) {
      verdict = { allowed: false, reason: 'slow_down', retryAfter: wait };
    }
  }
  return verdict;
}

/** Counts a failure on each key; returns the keys that this failure locked. */
export async function recordFailure(db: DbOrTx, config: Config, keys: string[]): Promise<string[]> {
  const locked: string[] = [];
  for (const key of keys) {
    const threshold = key.startsWith('ip:')
      ? config.LOGIN_LOCK_THRESHOLD * IP_FACTOR
      : config.LOGIN_LOCK_THRESHOLD;
    const [row] = await queryRows<{ failures: number; locked: boolean }>(
      db,
      sql`insert into login_throttle as t (key, failures, last_failure_at) values (${key}, 1, now())
          on conflict (key) do update set
            failures = case
              when t.locked_until is not null and t.locked_until <= now() then 1
              when t.last_failure_at < now() - make_interval(secs => ${FORGET_AFTER_S}) then 1
              else t.failures + 1 end,
            last_failure_at = now(),
            locked_until = case when t.locked_until <= now() then null else t.locked_until end
          returning failures, false as locked`,
    );
    if (row && row.failures >= threshold) {
      await db.execute(
        sql`update login_throttle set locked_until = now() + make_interval(mins => ${config.LOGIN_LOCK_MINUTES}),
              failures = 0 where key = ${key}`,
      );
      locked.push(key);
    }
  }
  return locked;
}

export async function clearFailures(db: DbOrTx, keys: string[]): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}
