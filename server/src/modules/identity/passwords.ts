import fs from 'node:fs';
import path from 'node:path';
import { PASSWORD_MIN_LENGTH } from '@kooperacja/domain';
import { hash, verify } from '@node-rs/argon2';
import { serverSource } from '../../paths.js';

/** argon2id, OWASP's minimum profile (19 MiB, 2 passes, 1 lane): ~25 ms on one core. */
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no stored hash (unknown account, no password set yet) it still spends
 * the time of a real verification, so the response time does not reveal whether an account exists.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword('kooperacja-dummy-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

const here = path.join(serverSource, 'modules/identity');
let common: Set<string> | undefined;

/**
 * The bundled list of common passwords: the zxcvbn-ts common list (MIT, ~49 000 entries, lower-case)
 * plus Polish ones. Loaded on first use.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(path.join(here, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

export type PasswordProblem = 'too_short' | 'common' | 'contains_email' | 'repetitive';

/**
 * The password policy (NIST SP 800-63B style): at least 12 characters, no composition rules, and
 * not a common password: neither the whole password nor its core once trailing digits and symbols
 * are stripped ("Password1234!" is "password"), and not built from the user's e-mail name.
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core))) return 'common';
  if (new Set(lower).size <= 3) return 'repetitive';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4) {
    for (const part of [local, ...local.split(/[._-]/)]) {
      if (part.length >= 4 && lower.includes(part) && part.length * 2 >= lower.length)
        return 'contains_email';
    }
  }
  return null;
}
