import { type Permission, roles, type ShareBasis, type ShareScope } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { consentInForce } from '../cases/access.js';
import { fieldError } from '../identity/scope.js';

export { warsawToday } from '../../lib/dates.js';

export const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)).toISOString());

/** An active institution other than the case owner: the partner a share goes to. */
export async function checkPartnerInstitution(
  db: DbOrTx,
  institutionId: string,
  ownerInstitutionId: string,
  field: string,
): Promise<{ id: string; name: string }> {
  if (institutionId === ownerInstitutionId) throw fieldError(field, 'share.ownInstitution');
  const [row] = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from institutions where id = ${institutionId} and active`,
  );
  if (!row) throw fieldError(field, 'share.institutionUnknown');
  return row;
}

/**
 * The basis of a new share: a consent must be of this case, for this recipient, in force today,
 * and cover every scope asked for.
 */
export async function checkBasis(
  db: DbOrTx,
  input: { basis: ShareBasis; consentId?: string | null; scopes: ShareScope[] },
  caseId: string,
  recipientInstitutionId: string,
): Promise<void> {
  if (input.basis !== 'zgoda' || !input.consentId) return;
  const [k] = await queryRows<{ scopes: ShareScope[]; active: boolean; recipient: string }>(
    db,
    sql`select k.scopes, k.recipient_institution_id as recipient,
${consentInForce} as active
        from consents k where k.id = ${input.consentId} and k.case_id = ${caseId}`,
  );
  if (!k) throw fieldError('consentId', 'share.consentUnknown');
  if (k.recipient !== recipientInstitutionId) throw fieldError('consentId', 'share.consentOtherRecipient');
  if (!k.active) throw fieldError('consentId', 'share.consentNotActive');
  const missing = input.scopes.filter((s) => !k.scopes.includes(s));
  if (missing.length) throw fieldError('scopes', 'share.scopeBeyondConsent', { scopes: missing.join(', ') });
}

/** Roles that handle referrals and case-team work in their institution. */
const handlerRoles = Object.entries(roles)
  .filter(([, r]) => (r.permissions as readonly Permission[]).includes('referrals.handle'))
  .map(([k]) => k);

/** A user of the actor's institution who handles referrals (to be named member or assignee). */
export async function checkHandler(db: DbOrTx, a: Actor, userId: string, field: string): Promise<void> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select true as ok from memberships m join users u on u.id = m.user_id
        where m.user_id = ${userId} and m.institution_id = ${a.institutionId} and m.active and u.status = 'active'
          and m.roles && ${sql.param(handlerRoles)}::text[]`,
  );
  if (!row) throw fieldError(field, 'share.notAHandler');
}

/** The people of the actor's institution who handle referrals and may be named team members. */
export async function handlersOf(db: DbOrTx, institutionId: string) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.first_name || ' ' || u.last_name as name from memberships m join users u on u.id = m.user_id
        where m.institution_id = ${institutionId} and m.active and u.status = 'active'
          and m.roles && ${sql.param(handlerRoles)}::text[]
        order by u.last_name, u.first_name`,
  );
}

/** The version a client read is stale: someone changed the record meanwhile. */
export function checkVersion(current: number, sent: number): void {
  if (current !== sent) throw new AppError('conflict', 'record.conflict');
}

/** Display name of a case's subject (person or household). */
export const subjectNameSql = sql`coalesce((select p.first_name || ' ' || p.last_name from persons p where p.id = c.person_id),
  (select 'Rodzina: ' || h.name from households h where h.id = c.household_id))`;

/** The Polish label of a dictionary entry, for timeline entries written in the institution's language. */
export const plLabel = (dict: Record<string, { pl: string; en: string }>, key: string | null) =>
  key ? (dict[key]?.pl ?? key) : '';
