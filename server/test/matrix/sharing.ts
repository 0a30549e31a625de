import { sql } from 'drizzle-orm';
import { insertAttachment, insertCase, insertPlan } from '../case-fixtures.js';
import { both, type Case, type Ctx, institutionId, kit, q, type Req } from './kit.js';

/**
 * Route × role cases of case teams, consents, referrals, shared cases, case messages and case-team
 * meetings.
 * Every call gets fresh records, so a change made by one role never decides another role's answer.
 *
 * Owner side ("own"): a case of MOPS Bochnia led by pracownik.bochnia (its supervisor sees it too);
 * "other": a case of OPS Andrychów. Partner side ("own"): something shared with, or sent to, the
 * caller's institution; "other": the same for an institution that is not the caller's.
 */
const writer = (c: Ctx) => c.role === 'pracownik_socjalny' || c.role === 'kierownik';
const onOwnerCase = (ok: number) => (c: Ctx) => (c.rel === 'own' && writer(c) ? ok : 404);
const onOwn = (ok: number) => (c: Ctx) => (c.rel === 'own' ? ok : 404);

const db = () => kit.t.database.db;

const ZERO = '00000000-0000-4000-8000-000000000000';
/**
 * Records are made only for callers who hold the route's permission: the others are refused (403)
 * before any record is looked at, so their request only needs the route's shape.
 */
function holding(permission: string, build: (c: Ctx) => Promise<Req>, shape: string): Case['request'] {
  return (c) =>
    c.session.me.permissions.includes(permission as never)
      ? build(c)
      : { url: shape.replace(/:[a-zA-Z]+/g, ZERO), payload: {} };
}

async function ownerCase(c: Ctx) {
  return c.rel === 'own'
    ? insertCase(db(), { institution: 'MOPS Bochnia', lead: 'pracownik.bochnia' })
    : insertCase(db(), { institution: 'OPS Andrychów', lead: 'pracownik.andrychow' });
}

/** A case of an institution other than the caller's (MOPS Bochnia, or OPS Andrychów for MOPS staff). */
async function foreignCase(c: Ctx) {
  const own = c.session.me.activeInstitutionId;
  const mops = await institutionId('MOPS Bochnia');
  return own === mops
    ? insertCase(db(), { institution: 'OPS Andrychów', lead: 'pracownik.andrychow' })
    : insertCase(db(), { institution: 'MOPS Bochnia', lead: 'pracownik.bochnia' });
}

/** The caller's institution (own) or one that is not theirs (other). */
async function recipient(c: Ctx): Promise<string> {
  const own = c.session.me.activeInstitutionId as string;
  if (c.rel === 'own') return own;
  const kpp = await institutionId('KPP Bochnia');
  return own === kpp ? institutionId('SP 1 Bochnia') : kpp;
}

const kppId = () => institutionId('KPP Bochnia');

async function insertMember(
  caseId: string,
  inst: string,
  status: string,
  userId: string | null,
  invitedBy: string,
) {
  const [row] = await q<{ id: string }>(
    sql`insert into case_team_members (case_id, institution_id, user_id, role, status, basis, legal_basis, scopes, starts_on, invited_by)
        values (${caseId}, ${inst}, ${userId}, 'czlonek', ${status}, 'przepis', 'ups_art_110_8',
                array['podstawowe', 'plan']::text[], current_date - 1, ${invitedBy})
        returning id`,
  );
  return row?.id as string;
}

async function insertReferral(
  caseId: string,
  from: string,
  fromUser: string,
  to: string,
  status = 'wyslane',
) {
  const [row] = await q<{ id: string }>(
    sql`insert into referrals (number, case_id, kind, from_institution_id, from_user_id, to_institution_id, reason, scopes,
          basis, legal_basis, status)
        values (${`SKR/M/${Math.random().toString(36).slice(2, 10)}`}, ${caseId}, 'skierowanie', ${from}, ${fromUser}, ${to},
                'Powód', array['podstawowe']::text[], 'przepis', 'ups_art_110_8', ${status})
        returning id`,
  );
  return row?.id as string;
}

async function leadOf(caseId: string) {
  const [row] = await q<{ lead: string; inst: string }>(
    sql`select lead_worker_id as lead, institution_id as inst from cases where id = ${caseId}`,
  );
  return row as { lead: string; inst: string };
}

/** A case of another institution shared with the caller (own: as named member) or with nobody (other). */
async function sharedWithCaller(c: Ctx) {
  const fx = await foreignCase(c);
  const { lead } = await leadOf(fx.caseId);
  const inst = c.session.me.activeInstitutionId as string;
  const plan = await insertPlan(db(), { caseId: fx.caseId, actions: [{ deadline: null }] });
  await q(sql`update plan_actions set party = 'instytucja', responsible_institution_id = ${inst}
              where id = ${plan.actionIds[0] as string} returning id`);
  if (c.rel === 'own') await insertMember(fx.caseId, inst, 'aktywny', c.session.me.user.id, lead);
  return { caseId: fx.caseId, actionId: plan.actionIds[0] as string };
}

/** A referral the caller is a party to (own: sender for MOPS staff, receiver for others) or not (other). */
async function referralFor(c: Ctx, status = 'wyslane') {
  if (c.rel === 'other') {
    const fx = await insertCase(db(), { institution: 'OPS Andrychów', lead: 'pracownik.andrychow' });
    const { lead, inst } = await leadOf(fx.caseId);
    return insertReferral(fx.caseId, inst, lead, await institutionId('PCPR Bochnia'), status);
  }
  if (writer(c)) {
    const fx = await insertCase(db(), { institution: 'MOPS Bochnia', lead: 'pracownik.bochnia' });
    const { lead, inst } = await leadOf(fx.caseId);
    return insertReferral(fx.caseId, inst, lead, await kppId(), status);
  }
  const fx = await foreignCase(c);
  const { lead, inst } = await leadOf(fx.caseId);
  return insertReferral(fx.caseId, inst, lead, c.session.me.activeInstitutionId as string, status);
}

/** A referral sent to the caller's institution (own) or to another one (other). */
async function referralTo(c: Ctx, status: string) {
  const fx = await foreignCase(c);
  const { lead, inst } = await leadOf(fx.caseId);
  return insertReferral(fx.caseId, inst, lead, await recipient(c), status);
}

/** A meeting of a case (starting tomorrow) attended by an institution, with one action item of it. */
async function insertMeeting(caseId: string, institutionId: string) {
  const { lead } = await leadOf(caseId);
  const [m] = await q<{ id: string }>(
    sql`insert into meetings (case_id, title, starts_at, place, created_by)
        values (${caseId}, 'Spotkanie zespołu', now() + interval '1 day', 'Sala 2', ${lead}) returning id`,
  );
  const meetingId = m?.id as string;
  await q(sql`insert into meeting_attendees (meeting_id, institution_id, name) values (${meetingId}, ${institutionId}, 'Instytucja')
              returning id`);
  const [item] = await q<{ id: string }>(
    sql`insert into meeting_action_items (meeting_id, description, owner_institution_id)
        values (${meetingId}, 'Zadanie', ${institutionId}) returning id`,
  );
  return { meetingId, itemId: item?.id as string };
}

/** A meeting on the owner's case (own or other), with an item of the case's institution. */
async function ownerMeeting(c: Ctx) {
  const fx = await ownerCase(c);
  const { inst } = await leadOf(fx.caseId);
  return { caseId: fx.caseId, ...(await insertMeeting(fx.caseId, inst)) };
}

/** A meeting of a case shared with the caller (own) or not (other), attended by the caller's institution. */
async function sharedMeeting(c: Ctx) {
  const s = await sharedWithCaller(c);
  return { caseId: s.caseId, ...(await insertMeeting(s.caseId, c.session.me.activeInstitutionId as string)) };
}

const tomorrowIso = () => new Date(Date.now() + 86_400_000).toISOString();

async function versionOf(table: 'referrals' | 'case_team_members' | 'consents' | 'cases', id: string) {
  const [row] = await q<{ version: number }>(sql`select version from ${sql.raw(table)} where id = ${id}`);
  return row?.version ?? 1;
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());

export const sharingCases: Record<string, Case> = {
  'GET /api/cases/:caseId/team': {
    relations: both,
    request: holding(
      'cases.read',
      async (c) => ({ url: `/api/cases/${(await ownerCase(c)).caseId}/team` }),
      '/api/cases/:caseId/team',
    ),
    expect: onOwnerCase(200),
  },
  'POST /api/cases/:caseId/team': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => ({
        url: `/api/cases/${(await ownerCase(c)).caseId}/team`,
        payload: {
          institutionId: await kppId(),
          role: 'dzielnicowy',
          startsOn: today(),
          scopes: ['podstawowe'],
          basis: 'przepis',
          legalBasis: 'ups_art_110_8',
        },
      }),
      '/api/cases/:caseId/team',
    ),
    expect: onOwnerCase(201),
  },
  'POST /api/cases/:caseId/team/:memberId/end': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => {
        const fx = await ownerCase(c);
        const { lead } = await leadOf(fx.caseId);
        const id = await insertMember(fx.caseId, await kppId(), 'zaproszony', null, lead);
        return {
          url: `/api/cases/${fx.caseId}/team/${id}/end`,
          payload: { reason: 'Koniec współpracy', version: 1 },
        };
      },
      '/api/cases/:caseId/team/:memberId/end',
    ),
    expect: onOwnerCase(204),
  },
  'POST /api/cases/:caseId/consents': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => {
        const fx = await ownerCase(c);
        return {
          url: `/api/cases/${fx.caseId}/consents`,
          payload: {
            personId: fx.personId,
            recipientInstitutionId: await kppId(),
            scopes: ['plan'],
            purpose: 'Współpraca',
            givenOn: today(),
          },
        };
      },
      '/api/cases/:caseId/consents',
    ),
    expect: onOwnerCase(201),
  },
  'POST /api/cases/:caseId/consents/:consentId/withdraw': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => {
        const fx = await ownerCase(c);
        const { lead } = await leadOf(fx.caseId);
        const [k] = await q<{ id: string }>(
          sql`insert into consents (case_id, person_id, recipient_institution_id, scopes, purpose, given_on, created_by)
            values (${fx.caseId}, ${fx.personId}, ${await kppId()}, array['podstawowe']::text[], 'Cel', current_date - 5, ${lead})
            returning id`,
        );
        return {
          url: `/api/cases/${fx.caseId}/consents/${k?.id}/withdraw`,
          payload: { withdrawnOn: today(), version: 1 },
        };
      },
      '/api/cases/:caseId/consents/:consentId/withdraw',
    ),
    expect: onOwnerCase(204),
  },
  'GET /api/cases/:caseId/consents/:consentId/pdf': {
    relations: both,
    request: holding(
      'cases.read',
      async (c) => {
        const fx = await ownerCase(c);
        const { lead } = await leadOf(fx.caseId);
        const [k] = await q<{ id: string }>(
          sql`insert into consents (case_id, person_id, recipient_institution_id, scopes, purpose, given_on, created_by)
            values (${fx.caseId}, ${fx.personId}, ${await kppId()}, array['podstawowe']::text[], 'Cel', current_date, ${lead})
            returning id`,
        );
        return { url: `/api/cases/${fx.caseId}/consents/${k?.id}/pdf` };
      },
      '/api/cases/:caseId/consents/:consentId/pdf',
    ),
    expect: onOwnerCase(200),
  },
  'PUT /api/cases/:caseId/consents/:consentId/signed-scan': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => {
        const fx = await ownerCase(c);
        const { lead } = await leadOf(fx.caseId);
        const [k] = await q<{ id: string }>(
          sql`insert into consents (case_id, person_id, recipient_institution_id, scopes, purpose, given_on, created_by)
              values (${fx.caseId}, ${fx.personId}, ${await kppId()}, array['podstawowe']::text[], 'Cel', current_date, ${lead})
              returning id`,
        );
        const attachmentId = await insertAttachment(db(), {
          caseId: fx.caseId,
          uploadedBy: lead,
          data: Buffer.from('%PDF-1.4\n%%EOF\n'),
        });
        return {
          url: `/api/cases/${fx.caseId}/consents/${k?.id}/signed-scan`,
          payload: { attachmentId, version: 1 },
        };
      },
      '/api/cases/:caseId/consents/:consentId/signed-scan',
    ),
    expect: onOwnerCase(204),
  },
  'PUT /api/cases/:caseId/blue-card': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => {
        const fx = await ownerCase(c);
        return {
          url: `/api/cases/${fx.caseId}/blue-card`,
          payload: { since: today(), version: await versionOf('cases', fx.caseId) },
        };
      },
      '/api/cases/:caseId/blue-card',
    ),
    expect: onOwnerCase(200),
  },
  'GET /api/cases/:caseId/referrals': {
    relations: both,
    request: holding(
      'cases.read',
      async (c) => ({ url: `/api/cases/${(await ownerCase(c)).caseId}/referrals` }),
      '/api/cases/:caseId/referrals',
    ),
    expect: onOwnerCase(200),
  },
  'POST /api/cases/:caseId/referrals': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => ({
        url: `/api/cases/${(await ownerCase(c)).caseId}/referrals`,
        payload: {
          kind: 'informacja',
          toInstitutionId: await kppId(),
          reason: 'Prośba o informację',
          scopes: ['podstawowe'],
          basis: 'przepis',
          legalBasis: 'ups_art_100',
        },
      }),
      '/api/cases/:caseId/referrals',
    ),
    expect: onOwnerCase(201),
  },
  'GET /api/cases/:caseId/messages': {
    relations: both,
    request: holding(
      'cases.read',
      async (c) => ({ url: `/api/cases/${(await ownerCase(c)).caseId}/messages` }),
      '/api/cases/:caseId/messages',
    ),
    expect: onOwnerCase(200),
  },
  'POST /api/cases/:caseId/messages': {
    relations: both,
    request: holding(
      'cases.read',
      async (c) => ({
        url: `/api/cases/${(await ownerCase(c)).caseId}/messages`,
        payload: { body: 'Wiadomość do zespołu' },
      }),
      '/api/cases/:caseId/messages',
    ),
    expect: onOwnerCase(201),
  },
  'GET /api/team-invitations': { request: () => ({ url: '/api/team-invitations' }), expect: () => 200 },
  'POST /api/team-invitations/:memberId': {
    relations: both,
    request: holding(
      'referrals.handle',
      async (c) => {
        const fx = await foreignCase(c);
        const { lead } = await leadOf(fx.caseId);
        const id = await insertMember(fx.caseId, await recipient(c), 'zaproszony', null, lead);
        return {
          url: `/api/team-invitations/${id}`,
          payload: { answer: 'accept', userId: c.session.me.user.id, version: 1 },
        };
      },
      '/api/team-invitations/:memberId',
    ),
    expect: onOwn(204),
  },
  'GET /api/referrals/inbox': { request: () => ({ url: '/api/referrals/inbox' }), expect: () => 200 },
  'GET /api/referrals/assignees': { request: () => ({ url: '/api/referrals/assignees' }), expect: () => 200 },
  'GET /api/referrals/:id': {
    relations: both,
    request: holding(
      'cases.read',
      async (c) => ({ url: `/api/referrals/${await referralFor(c)}` }),
      '/api/referrals/:id',
    ),
    expect: onOwn(200),
  },
  'POST /api/referrals/:id/answer': {
    relations: both,
    request: holding(
      'cases.read',
      async (c) => ({
        url: `/api/referrals/${await referralFor(c)}/answer`,
        payload: writer(c)
          ? { action: 'withdraw', reason: 'Nieaktualne', version: 1 }
          : { action: 'accept', version: 1 },
      }),
      '/api/referrals/:id/answer',
    ),
    expect: onOwn(200),
  },
  'POST /api/referrals/:id/assign': {
    relations: both,
    request: holding(
      'referrals.handle',
      async (c) => ({
        url: `/api/referrals/${await referralTo(c, 'przyjete')}/assign`,
        payload: { userId: c.session.me.user.id, version: 1 },
      }),
      '/api/referrals/:id/assign',
    ),
    expect: onOwn(200),
  },
  'GET /api/shared-cases': { request: () => ({ url: '/api/shared-cases' }), expect: () => 200 },
  'GET /api/shared-cases/:caseId': {
    relations: both,
    request: holding(
      'referrals.handle',
      async (c) => ({ url: `/api/shared-cases/${(await sharedWithCaller(c)).caseId}` }),
      '/api/shared-cases/:caseId',
    ),
    expect: onOwn(200),
  },
  'POST /api/shared-cases/:caseId/notes': {
    relations: both,
    request: holding(
      'referrals.handle',
      async (c) => ({
        url: `/api/shared-cases/${(await sharedWithCaller(c)).caseId}/notes`,
        payload: { body: 'Notatka partnera' },
      }),
      '/api/shared-cases/:caseId/notes',
    ),
    expect: onOwn(201),
  },
  'POST /api/shared-cases/:caseId/actions/:actionId/complete': {
    relations: both,
    request: holding(
      'referrals.handle',
      async (c) => {
        const s = await sharedWithCaller(c);
        return { url: `/api/shared-cases/${s.caseId}/actions/${s.actionId}/complete` };
      },
      '/api/shared-cases/:caseId/actions/:actionId/complete',
    ),
    expect: onOwn(204),
  },
  'GET /api/cases/:caseId/meetings': {
    relations: both,
    request: holding(
      'cases.read',
      async (c) => ({ url: `/api/cases/${(await ownerCase(c)).caseId}/meetings` }),
      '/api/cases/:caseId/meetings',
    ),
    expect: onOwnerCase(200),
  },
  'POST /api/cases/:caseId/meetings': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => ({
        url: `/api/cases/${(await ownerCase(c)).caseId}/meetings`,
        payload: { title: 'Spotkanie zespołu', startsAt: tomorrowIso(), place: 'Sala 2' },
      }),
      '/api/cases/:caseId/meetings',
    ),
    expect: onOwnerCase(201),
  },
  'GET /api/cases/:caseId/meetings/:meetingId': {
    relations: both,
    request: holding(
      'cases.read',
      async (c) => {
        const m = await ownerMeeting(c);
        return { url: `/api/cases/${m.caseId}/meetings/${m.meetingId}` };
      },
      '/api/cases/:caseId/meetings/:meetingId',
    ),
    expect: onOwnerCase(200),
  },
  'PUT /api/cases/:caseId/meetings/:meetingId': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => {
        const m = await ownerMeeting(c);
        return {
          url: `/api/cases/${m.caseId}/meetings/${m.meetingId}`,
          payload: {
            meeting: { title: 'Spotkanie zespołu', startsAt: tomorrowIso(), place: 'Sala 3' },
            version: 1,
          },
        };
      },
      '/api/cases/:caseId/meetings/:meetingId',
    ),
    expect: onOwnerCase(200),
  },
  'POST /api/cases/:caseId/meetings/:meetingId/action-items': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => {
        const m = await ownerMeeting(c);
        const { inst } = await leadOf(m.caseId);
        return {
          url: `/api/cases/${m.caseId}/meetings/${m.meetingId}/action-items`,
          payload: { description: 'Zwołać kolejne spotkanie', ownerInstitutionId: inst },
        };
      },
      '/api/cases/:caseId/meetings/:meetingId/action-items',
    ),
    expect: onOwnerCase(201),
  },
  'POST /api/cases/:caseId/meetings/:meetingId/action-items/:itemId/done': {
    relations: both,
    request: holding(
      'cases.write',
      async (c) => {
        const m = await ownerMeeting(c);
        return {
          url: `/api/cases/${m.caseId}/meetings/${m.meetingId}/action-items/${m.itemId}/done`,
          payload: { done: true },
        };
      },
      '/api/cases/:caseId/meetings/:meetingId/action-items/:itemId/done',
    ),
    expect: onOwnerCase(200),
  },
  'GET /api/shared-cases/:caseId/meetings': {
    relations: both,
    request: holding(
      'referrals.handle',
      async (c) => ({ url: `/api/shared-cases/${(await sharedMeeting(c)).caseId}/meetings` }),
      '/api/shared-cases/:caseId/meetings',
    ),
    expect: onOwn(200),
  },
  'GET /api/shared-cases/:caseId/meetings/:meetingId': {
    relations: both,
    request: holding(
      'referrals.handle',
      async (c) => {
        const m = await sharedMeeting(c);
        return { url: `/api/shared-cases/${m.caseId}/meetings/${m.meetingId}` };
      },
      '/api/shared-cases/:caseId/meetings/:meetingId',
    ),
    expect: onOwn(200),
  },
  'POST /api/shared-cases/:caseId/meetings/:meetingId/action-items/:itemId/done': {
    relations: both,
    request: holding(
      'referrals.handle',
      async (c) => {
        const m = await sharedMeeting(c);
        return {
          url: `/api/shared-cases/${m.caseId}/meetings/${m.meetingId}/action-items/${m.itemId}/done`,
          payload: { done: true },
        };
      },
      '/api/shared-cases/:caseId/meetings/:meetingId/action-items/:itemId/done',
    ),
    expect: onOwn(200),
  },
};
