/**
 * The route × role matrix: every registered API route, called by every role (one demo user each)
 * on a record of their own institution and of another, answers as the policy says: 401 without a
 * session, 403 without the permission, 404 for a record outside the user's scope, 2xx otherwise.
 * A route without a case here fails the test, so the matrix always covers 100 % of the routes.
 */
import { type Role, roles } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../test/auth.js';
import { insertAttachment, insertCase, insertPlan } from '../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { indicatorsCases } from '../../test/matrix/indicators.js';
import { type Case, type Ctx, kit, type Rel } from '../../test/matrix/kit.js';
import { notificationsCases } from '../../test/matrix/notifications.js';
import { participantsCases } from '../../test/matrix/participants.js';
import { partnershipsCases } from '../../test/matrix/partnerships.js';
import { programmesCases } from '../../test/matrix/programmes.js';
import { projectsCases } from '../../test/matrix/projects.js';
import { recruitmentCases } from '../../test/matrix/recruitment.js';
import { regionCases } from '../../test/matrix/region.js';
import { servicesCases } from '../../test/matrix/services.js';
import { sharingCases } from '../../test/matrix/sharing.js';
import { smefsCases } from '../../test/matrix/smefs.js';
import { supportCases } from '../../test/matrix/support.js';
import { trainingsCases } from '../../test/matrix/trainings.js';
import { trainingCertificateCases } from '../../test/matrix/trainings-certificates.js';
import { trainingsStatsCases } from '../../test/matrix/trainings-stats.js';
import { queryRows } from '../db/database.js';
import type { RouteAccess } from './access.js';

const demoUserOf: Record<Role, string> = {
  administrator_systemu: 'admin',
  administrator_instytucji: 'admin.bochnia',
  pracownik_socjalny: 'pracownik.bochnia',
  kierownik: 'kierownik.bochnia',
  pracownik_partnera: 'policja.bochnia',
  koordynator_projektu: 'koordynator.andrychow',
  animator_partnerstwa: 'animator.bochnia',
  analityk_regionalny: 'analityk.kielce',
  trener: 'trener',
  audytor: 'audytor',
};

let t: TestApp;
const sessions = new Map<Role, TestSession>();
const userIds = kit.userIds;

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(t.database.db, query);
}
const uid = (local: string) => userIds.get(local) as string;
const isSys = (c: Ctx) => c.role === 'administrator_systemu';
let seq = 0;

/** Another user of the caller's institution (own) or a user outside it (other). */
async function targetUser(c: Ctx): Promise<string> {
  const inst = c.session.me.activeInstitutionId;
  if (c.rel === 'other')
    return uid(c.role === 'koordynator_projektu' ? 'pracownik.bochnia' : 'koordynator.andrychow');
  const [row] = await q<{ user_id: string }>(
    sql`select user_id from memberships where institution_id = ${inst} and user_id <> ${c.session.me.user.id} order by user_id limit 1`,
  );
  return row?.user_id ?? c.session.me.user.id;
}

async function targetInstitution(c: Ctx): Promise<string> {
  if (c.rel === 'own') return c.session.me.activeInstitutionId as string;
  const [row] = await q<{ id: string }>(
    sql`select id from institutions where id <> ${c.session.me.activeInstitutionId} and short_name = 'OPS Andrychów'
        union all select id from institutions where short_name = 'MOPS Bochnia' and id <> ${c.session.me.activeInstitutionId} limit 1`,
  );
  return row?.id as string;
}

const scopedAdmin = (ok: number) => (c: Ctx) => (isSys(c) || c.rel === 'own' ? ok : 404);
const both: Rel[] = ['own', 'other'];

// ————— Case timeline, attachments and tasks —————
// One case of MOPS Bochnia led by pracownik.bochnia (own: its supervisor sees it too, a partner of
// another institution does not) and one of OPS Andrychów (other), each with a file; made on first use.
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
let timelineFixtures: Promise<Record<Rel, { caseId: string; attachmentId: string }>> | undefined;
function timelineCase(c: Ctx) {
  timelineFixtures ??= (async () => {
    const db = t.database.db;
    const make = async (institution: string, lead: string) => {
      const { caseId } = await insertCase(db, { institution, lead });
      return {
        caseId,
        attachmentId: await insertAttachment(db, { caseId, uploadedBy: uid(lead), data: PDF }),
      };
    };
    return {
      own: await make('MOPS Bochnia', 'pracownik.bochnia'),
      other: await make('OPS Andrychów', 'pracownik.andrychow'),
    };
  })();
  return timelineFixtures.then((f) => f[c.rel]);
}
const onTimelineCase = (ok: number) => (c: Ctx) =>
  c.rel === 'own' && c.role !== 'pracownik_partnera' ? ok : 404;

const timelineCases: Record<string, Case> = {
  'GET /api/cases/:caseId/timeline': {
    relations: both,
    request: async (c) => ({ url: `/api/cases/${(await timelineCase(c)).caseId}/timeline` }),
    expect: onTimelineCase(200),
  },
  'POST /api/cases/:caseId/timeline': {
    relations: both,
    request: async (c) => ({
      url: `/api/cases/${(await timelineCase(c)).caseId}/timeline`,
      payload: { kind: 'notatka', occurredAt: '2026-01-15T12:00:00+01:00', title: 'Notatka testowa' },
    }),
    expect: onTimelineCase(201),
  },
  'POST /api/cases/:caseId/attachments': {
    relations: both,
    request: async (c) => ({
      url: `/api/cases/${(await timelineCase(c)).caseId}/attachments?filename=skan.pdf`,
      payload: PDF,
    }),
    expect: onTimelineCase(201),
  },
  'GET /api/cases/:caseId/attachments': {
    relations: both,
    request: async (c) => ({ url: `/api/cases/${(await timelineCase(c)).caseId}/attachments` }),
    expect: onTimelineCase(200),
  },
  'GET /api/cases/:caseId/attachments/:attachmentId': {
    relations: both,
    request: async (c) => {
      const f = await timelineCase(c);
      return { url: `/api/cases/${f.caseId}/attachments/${f.attachmentId}` };
    },
    expect: onTimelineCase(200),
  },
  'GET /api/tasks': { request: () => ({ url: '/api/tasks' }), expect: () => 200 },
  'GET /api/tasks/summary': { request: () => ({ url: '/api/tasks/summary' }), expect: () => 200 },
};

// ————— Individual plans —————
// A plan (one goal, one action) with a stored file on a case of MOPS Bochnia led by
// pracownik.bochnia (own) and on one of OPS Andrychów (other); made on first use. Writes read the
// plan's current version from the database, since every successful call bumps it.
const SCAN = Buffer.from('%PDF-1.4\n%%EOF\n');
let planFixtures: Promise<Record<Rel, { caseId: string; planId: string; attachmentId: string }>> | undefined;
function planCase(c: Ctx) {
  planFixtures ??= (async () => {
    const db = t.database.db;
    const make = async (institution: string, lead: string) => {
      const { caseId } = await insertCase(db, { institution, lead, status: 'plan' });
      const { planId } = await insertPlan(db, { caseId, actions: [{ deadline: '2026-03-31' }] });
      await q(
        sql`insert into plan_versions (plan_id, version, snapshot, author_id) values (${planId}, 1, '{}', ${uid(lead)})`,
      );
      const attachmentId = await insertAttachment(db, { caseId, uploadedBy: uid(lead), data: SCAN });
      return { caseId, planId, attachmentId };
    };
    return {
      own: await make('MOPS Bochnia', 'pracownik.bochnia'),
      other: await make('OPS Andrychów', 'pracownik.andrychow'),
    };
  })();
  return planFixtures.then((f) => f[c.rel]);
}
const onPlanCase = (ok: number) => (c: Ctx) =>
  c.rel === 'own' && c.role !== 'pracownik_partnera' ? ok : 404;
async function planState(planId: string) {
  const [row] = await q<{ version: number; action_id: string }>(
    sql`select p.version, (select a.id from plan_actions a where a.plan_id = p.id order by a.position limit 1) as action_id
        from plans p where p.id = ${planId}`,
  );
  return { version: row?.version ?? 1, actionId: row?.action_id as string };
}
const planPayload = {
  type: 'kontrakt_socjalny',
  variant: 'A',
  startDate: '2026-02-01',
  endDate: '2026-07-31',
  goals: [{ description: 'Cel testowy', actions: [{ description: 'Działanie testowe', party: 'klient' }] }],
};
const planUrl = async (c: Ctx, rest = '') => {
  const f = await planCase(c);
  return `/api/cases/${f.caseId}/plans/${f.planId}${rest}`;
};

const planCases: Record<string, Case> = {
  'GET /api/cases/:caseId/plans': {
    relations: both,
    request: async (c) => ({ url: `/api/cases/${(await planCase(c)).caseId}/plans` }),
    expect: onPlanCase(200),
  },
  'POST /api/cases/:caseId/plans': {
    relations: both,
    request: async (c) => ({ url: `/api/cases/${(await planCase(c)).caseId}/plans`, payload: planPayload }),
    expect: onPlanCase(201),
  },
  'GET /api/cases/:caseId/plans/:planId': {
    relations: both,
    request: async (c) => ({ url: await planUrl(c) }),
    expect: onPlanCase(200),
  },
  'PUT /api/cases/:caseId/plans/:planId': {
    relations: both,
    request: async (c) => {
      const { version } = await planState((await planCase(c)).planId);
      return { url: await planUrl(c), payload: { plan: planPayload, version } };
    },
    expect: onPlanCase(200),
  },
  'POST /api/cases/:caseId/plans/:planId/actions/:actionId/status': {
    relations: both,
    request: async (c) => {
      const { version, actionId } = await planState((await planCase(c)).planId);
      return {
        url: await planUrl(c, `/actions/${actionId}/status`),
        payload: { status: 'w_toku', note: 'Notatka testowa', version },
      };
    },
    expect: onPlanCase(200),
  },
  'GET /api/cases/:caseId/plans/:planId/versions': {
    relations: both,
    request: async (c) => ({ url: await planUrl(c, '/versions') }),
    expect: onPlanCase(200),
  },
  'GET /api/cases/:caseId/plans/:planId/pdf': {
    relations: both,
    request: async (c) => ({ url: await planUrl(c, '/pdf') }),
    expect: onPlanCase(200),
  },
  'PUT /api/cases/:caseId/plans/:planId/signed-scan': {
    relations: both,
    request: async (c) => {
      const f = await planCase(c);
      const { version } = await planState(f.planId);
      return { url: await planUrl(c, '/signed-scan'), payload: { attachmentId: f.attachmentId, version } };
    },
    expect: onPlanCase(200),
  },
};

// ————— Persons, households, cases and diagnosis —————
// A case of MOPS Bochnia led by pracownik.bochnia (own: the lead and the supervisor see it) and one of
// OPS Andrychów (other), each for a person who heads a household and with one diagnosis version;
// made on first use. Writes read the current version from the database.
let subjectFixtures:
  | Promise<Record<Rel, { caseId: string; personId: string; householdId: string }>>
  | undefined;
function subjectCase(c: Ctx) {
  subjectFixtures ??= (async () => {
    const db = t.database.db;
    const make = async (institution: string, lead: string) => {
      const { caseId, personId } = await insertCase(db, { institution, lead, status: 'zgloszenie' });
      const [h] = await q<{ id: string }>(
        sql`insert into households (institution_id, name, created_by)
            select institution_id, 'Rodzina Testowa', ${uid(lead)} from persons where id = ${personId} returning id`,
      );
      const householdId = h?.id as string;
      await q(
        sql`insert into household_members (household_id, person_id, relation, from_date) values (${householdId}, ${personId}, 'glowa', '2020-01-01') returning id`,
      );
      await q(
        sql`insert into diagnoses (case_id, version_no, areas, interview, author_id)
            values (${caseId}, 1, '{"causes":"Test"}', '{}', ${uid(lead)}) returning id`,
      );
      return { caseId, personId, householdId };
    };
    return {
      own: await make('MOPS Bochnia', 'pracownik.bochnia'),
      other: await make('OPS Andrychów', 'pracownik.andrychow'),
    };
  })();
  return subjectFixtures.then((f) => f[c.rel]);
}
/** The lead worker and the supervisor of MOPS Bochnia see its case; nobody sees the other one. */
const onSubjectCase = (ok: number) => (c: Ctx) =>
  c.rel === 'own' && (c.role === 'pracownik_socjalny' || c.role === 'kierownik') ? ok : 404;

/** A fresh person registered by the caller in their active institution (in their scope). */
async function ownPerson(c: Ctx): Promise<string> {
  const [p] = await q<{ id: string }>(
    sql`insert into persons (institution_id, first_name, last_name, birth_date, sex, created_by)
        values (${c.session.me.activeInstitutionId}, 'Osoba', ${`Macierzowa ${++seq}`}, '1990-01-01', 'M', ${c.session.me.user.id})
        returning id`,
  );
  return p?.id as string;
}
async function versionOf(table: 'persons' | 'households' | 'cases', id: string): Promise<number> {
  const [row] = await q<{ version: number }>(sql`select version from ${sql.raw(table)} where id = ${id}`);
  return row?.version ?? 1;
}
const personBody = {
  firstName: 'Anna',
  lastName: 'Testowa',
  birthDate: '1980-05-17',
  sex: 'K',
  otherIdType: 'brak',
};
const caseBody = { source: 'wniosek_wlasny', reasons: [{ code: '1', main: true }] };

const subjectCases: Record<string, Case> = {
  'GET /api/dictionaries/cases': { request: () => ({ url: '/api/dictionaries/cases' }), expect: () => 200 },
  'GET /api/persons': { request: () => ({ url: '/api/persons?q=testowa' }), expect: () => 200 },
  'POST /api/persons/check-duplicates': {
    request: () => ({ url: '/api/persons/check-duplicates', payload: personBody }),
    expect: () => 200,
  },
  'POST /api/persons': {
    request: () => ({
      url: '/api/persons',
      payload: {
        person: {
          ...personBody,
          lastName: `Rejestrowana ${++seq}`,
          birthDate: `1950-01-${String((seq % 28) + 1).padStart(2, '0')}`,
        },
        confirmNotDuplicate: true,
      },
    }),
    expect: () => 201,
  },
  'GET /api/persons/:id': {
    relations: both,
    request: async (c) => ({ url: `/api/persons/${(await subjectCase(c)).personId}` }),
    expect: onSubjectCase(200),
  },
  'PUT /api/persons/:id': {
    relations: both,
    request: async (c) => {
      const { personId } = await subjectCase(c);
      return {
        url: `/api/persons/${personId}`,
        payload: { person: personBody, version: await versionOf('persons', personId) },
      };
    },
    expect: onSubjectCase(200),
  },
  'PUT /api/persons/:id/sensitive': {
    relations: both,
    request: async (c) => {
      const { personId } = await subjectCase(c);
      const [s] = await q<{ version: number }>(
        sql`select version from person_sensitive where person_id = ${personId}`,
      );
      return {
        url: `/api/persons/${personId}/sensitive`,
        payload: { sensitive: { disabilityLevel: 'umiarkowany' }, version: s?.version ?? 0 },
      };
    },
    expect: onSubjectCase(200),
  },
  'POST /api/persons/merge': {
    relations: both,
    request: async (c) => {
      const institution = c.rel === 'own' ? 'MOPS Bochnia' : 'OPS Andrychów';
      const [a, b] = await q<{ id: string }>(
        sql`insert into persons (institution_id, first_name, last_name, birth_date, sex)
            select id, 'Jan', ${`Duplikat ${++seq}`}, '1970-02-02'::date, 'M' from institutions where short_name = ${institution}
            union all
            select id, 'Jan', ${`Duplikat ${seq}`}, '1970-02-02'::date, 'M' from institutions where short_name = ${institution}
            returning id`,
      );
      return {
        url: '/api/persons/merge',
        payload: { keepId: a?.id, mergeId: b?.id, keepVersion: 1, mergeVersion: 1 },
      };
    },
    expect: (c) => (c.rel === 'own' ? 200 : 404),
  },
  'POST /api/households': {
    request: async (c) => ({
      url: '/api/households',
      payload: {
        household: { name: 'Rodzina Macierzowa' },
        members: [{ personId: await ownPerson(c), relation: 'glowa' }],
      },
    }),
    expect: () => 201,
  },
  'GET /api/households/:id': {
    relations: both,
    request: async (c) => ({ url: `/api/households/${(await subjectCase(c)).householdId}` }),
    expect: onSubjectCase(200),
  },
  'PUT /api/households/:id': {
    relations: both,
    request: async (c) => {
      const { householdId } = await subjectCase(c);
      return {
        url: `/api/households/${householdId}`,
        payload: {
          household: { name: 'Rodzina Testowa' },
          version: await versionOf('households', householdId),
        },
      };
    },
    expect: onSubjectCase(200),
  },
  'POST /api/households/:id/members': {
    relations: both,
    request: async (c) => {
      const { householdId } = await subjectCase(c);
      return {
        url: `/api/households/${householdId}/members`,
        payload: {
          personId: await ownPerson(c),
          relation: 'dziecko',
          version: await versionOf('households', householdId),
        },
      };
    },
    expect: onSubjectCase(200),
  },
  'POST /api/households/:id/members/:memberId/end': {
    relations: both,
    request: async (c) => {
      const { householdId } = await subjectCase(c);
      const [m] = await q<{ id: string }>(
        sql`insert into household_members (household_id, person_id, relation, from_date)
            values (${householdId}, ${await ownPerson(c)}, 'dziecko', '2021-01-01') returning id`,
      );
      return {
        url: `/api/households/${householdId}/members/${m?.id}/end`,
        payload: { version: await versionOf('households', householdId) },
      };
    },
    expect: onSubjectCase(200),
  },
  'GET /api/cases/workers': { request: () => ({ url: '/api/cases/workers' }), expect: () => 200 },
  'GET /api/cases': { request: () => ({ url: '/api/cases?scope=institution' }), expect: () => 200 },
  'POST /api/cases': {
    request: async (c) => ({ url: '/api/cases', payload: { ...caseBody, personId: await ownPerson(c) } }),
    expect: () => 201,
  },
  'GET /api/cases/:id': {
    relations: both,
    request: async (c) => ({ url: `/api/cases/${(await subjectCase(c)).caseId}` }),
    expect: onSubjectCase(200),
  },
  'PUT /api/cases/:id': {
    relations: both,
    request: async (c) => {
      const { caseId } = await subjectCase(c);
      return {
        url: `/api/cases/${caseId}`,
        payload: { ...caseBody, version: await versionOf('cases', caseId) },
      };
    },
    expect: onSubjectCase(200),
  },
  'PUT /api/cases/:id/workers': {
    relations: both,
    request: async (c) => {
      const { caseId } = await subjectCase(c);
      const lead = uid(c.rel === 'own' ? 'pracownik.bochnia' : 'pracownik.andrychow');
      return {
        url: `/api/cases/${caseId}/workers`,
        payload: { leadWorkerId: lead, coWorkerIds: [], version: await versionOf('cases', caseId) },
      };
    },
    expect: onSubjectCase(200),
  },
  'POST /api/cases/:id/transition': {
    relations: both,
    request: async (c) => {
      const { caseId } = await subjectCase(c);
      const [row] = await q<{ status: string; version: number }>(
        sql`select status, version from cases where id = ${caseId}`,
      );
      return {
        url: `/api/cases/${caseId}/transition`,
        payload: { to: row?.status === 'zgloszenie' ? 'diagnoza' : 'zgloszenie', version: row?.version },
      };
    },
    expect: onSubjectCase(200),
  },
  'GET /api/cases/:caseId/diagnosis': {
    relations: both,
    request: async (c) => ({ url: `/api/cases/${(await subjectCase(c)).caseId}/diagnosis` }),
    expect: onSubjectCase(200),
  },
  'GET /api/cases/:caseId/diagnosis/:versionNo': {
    relations: both,
    request: async (c) => ({ url: `/api/cases/${(await subjectCase(c)).caseId}/diagnosis/1` }),
    expect: onSubjectCase(200),
  },
  'POST /api/cases/:caseId/diagnosis': {
    relations: both,
    request: async (c) => {
      const { caseId } = await subjectCase(c);
      const [row] = await q<{ v: number }>(
        sql`select coalesce(max(version_no), 0)::int as v from diagnoses where case_id = ${caseId}`,
      );
      return {
        url: `/api/cases/${caseId}/diagnosis`,
        payload: { areas: { needs: 'Praca' }, interview: {}, basedOn: row?.v ?? 0 },
      };
    },
    expect: onSubjectCase(201),
  },
};

const cases: Record<string, Case> = {
  'GET /api/auth/me': { request: () => ({ url: '/api/auth/me' }), expect: () => 200 },
  'POST /api/auth/logout-everywhere': {
    request: () => ({ url: '/api/auth/logout-everywhere' }),
    expect: () => 204,
    endsSession: true,
  },
  'POST /api/auth/institution': {
    request: (c) => ({
      url: '/api/auth/institution',
      payload: { institutionId: c.session.me.activeInstitutionId },
    }),
    expect: () => 200,
  },
  'POST /api/auth/password/change': {
    request: () => ({
      url: '/api/auth/password/change',
      payload: { currentPassword: 'to-nie-jest-haslo', newPassword: 'Zupełnie nowe długie hasło 9' },
    }),
    expect: () => 400,
  },
  'POST /api/auth/2fa/setup': { request: () => ({ url: '/api/auth/2fa/setup' }), expect: () => 200 },
  'POST /api/auth/2fa/enable': {
    request: () => ({ url: '/api/auth/2fa/enable', payload: { code: '000000' } }),
    expect: () => 400,
  },
  'POST /api/auth/2fa/disable': {
    request: () => ({ url: '/api/auth/2fa/disable', payload: { password: 'to-nie-jest-haslo' } }),
    expect: () => 400,
  },
  'GET /api/dictionaries/identity': {
    request: () => ({ url: '/api/dictionaries/identity' }),
    expect: () => 200,
  },
  'GET /api/institutions': { request: () => ({ url: '/api/institutions?limit=5' }), expect: () => 200 },
  'GET /api/institutions/:id': {
    relations: both,
    request: async (c) => ({ url: `/api/institutions/${await targetInstitution(c)}` }),
    expect: () => 200,
  },
  'POST /api/institutions': {
    request: () => ({
      url: '/api/institutions',
      payload: { name: `Instytucja testowa ${++seq}`, type: 'ngo', sector: 'ngo', teryt: '1201011' },
    }),
    expect: () => 201,
  },
  'PUT /api/institutions/:id': {
    relations: both,
    request: async (c) => {
      const id = await targetInstitution(c);
      const res = await c.session.inject({ method: 'GET', url: `/api/institutions/${id}` });
      const {
        id: _i,
        abilities: _a,
        unitName: _u,
        userCount: _c,
        ...fields
      } = res.json() as Record<string, unknown>;
      return { url: `/api/institutions/${id}`, payload: fields };
    },
    expect: (c) => (isSys(c) || c.rel === 'own' ? 200 : 403),
  },
  'GET /api/admin/users': { request: () => ({ url: '/api/admin/users' }), expect: () => 200 },
  'GET /api/admin/users/:id': {
    relations: both,
    request: async (c) => ({ url: `/api/admin/users/${await targetUser(c)}` }),
    expect: scopedAdmin(200),
  },
  'POST /api/admin/users': {
    request: (c) => ({
      url: '/api/admin/users',
      payload: {
        email: `nowy${++seq}@demo.kooperacja.pl`,
        firstName: 'Nowy',
        lastName: 'Użytkownik',
        membership: { institutionId: c.session.me.activeInstitutionId, roles: ['pracownik_socjalny'] },
      },
    }),
    expect: () => 201,
  },
  'PUT /api/admin/users/:id': {
    relations: both,
    request: async (c) => {
      const id = await targetUser(c);
      const [u] = await q<{ first_name: string; last_name: string; status: string; version: number }>(
        sql`select first_name, last_name, status, version from users where id = ${id}`,
      );
      return {
        url: `/api/admin/users/${id}`,
        payload: { firstName: u?.first_name, lastName: u?.last_name, status: u?.status, version: u?.version },
      };
    },
    expect: scopedAdmin(200),
  },
  'PUT /api/admin/users/:id/memberships/:institutionId': {
    relations: both,
    request: async (c) => {
      const id = await targetUser(c);
      const [m] = await q<{ institution_id: string; roles: string[] }>(
        sql`select institution_id, roles from memberships where user_id = ${id} order by institution_id limit 1`,
      );
      return {
        url: `/api/admin/users/${id}/memberships/${m?.institution_id}`,
        payload: { roles: m?.roles, active: true },
      };
    },
    expect: scopedAdmin(200),
  },
  'POST /api/admin/users/:id/password-link': {
    relations: both,
    request: async (c) => ({ url: `/api/admin/users/${await targetUser(c)}/password-link` }),
    expect: scopedAdmin(202),
  },
  'POST /api/admin/users/:id/2fa-reset': {
    relations: both,
    // The targets have no second factor: nothing to reset (403) — or the user is out of scope (404).
    request: async (c) => ({ url: `/api/admin/users/${await targetUser(c)}/2fa-reset` }),
    expect: scopedAdmin(403),
  },
  'GET /api/admin/outbox': { request: () => ({ url: '/api/admin/outbox' }), expect: () => 200 },
  'GET /api/audit': { request: () => ({ url: '/api/audit?limit=5' }), expect: () => 200 },
  'GET /api/audit/export.csv': {
    request: () => ({ url: '/api/audit/export.csv?action=auth.logout' }),
    expect: () => 200,
  },
  'GET /api/audit/settings': {
    request: () => ({ url: '/api/audit/settings' }),
    expect: (c) => (c.role === 'audytor' || isSys(c) ? 200 : 403),
  },
  'PUT /api/audit/settings': {
    request: () => ({ url: '/api/audit/settings', payload: { retentionYears: 2 } }),
    expect: () => 200,
  },
  'POST /api/audit/prune': { request: () => ({ url: '/api/audit/prune' }), expect: () => 200 },
  ...timelineCases,
  ...planCases,
  ...subjectCases,
  ...partnershipsCases,
  ...servicesCases,
  ...notificationsCases,
  ...sharingCases,
  ...smefsCases,
  ...programmesCases,
  ...projectsCases,
  ...recruitmentCases,
  ...indicatorsCases,
  ...participantsCases,
  ...supportCases,
  ...regionCases,
  ...trainingsCases,
  ...trainingsStatsCases,
  ...trainingCertificateCases,
};

interface Route {
  method: string;
  url: string;
  access: RouteAccess;
}
let routes: Route[] = [];

beforeAll(async () => {
  t = await createTestApp();
  kit.t = t;
  const seen = new Set<string>();
  routes = t.app.apiRoutes
    .map((r) => ({ ...r, url: r.url.length > 5 ? r.url.replace(/\/$/, '') : r.url }))
    .filter((r) => {
      const key = `${r.method} ${r.url}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  for (const r of await q<{ email: string; id: string }>(sql`select email, id from users`)) {
    userIds.set(r.email.split('@')[0] as string, r.id);
  }
  for (const role of Object.keys(roles) as Role[]) sessions.set(role, await login(t.app, demoUserOf[role]));
});

const guarded = () => routes.filter((r) => !('public' in r.access));

describe('route × role matrix', () => {
  it('has a case for every non-public route, and every public route says why it is public', () => {
    const missing = guarded()
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !cases[k]);
    expect(missing).toEqual([]);
    const stale = Object.keys(cases).filter((k) => !routes.some((r) => `${r.method} ${r.url}` === k));
    expect(stale).toEqual([]);
    for (const r of routes)
      if ('public' in r.access) expect(r.access.reason.length, `${r.method} ${r.url}`).toBeGreaterThan(5);
  });

  it('answers 401 problem+json to every non-public route without a session', async () => {
    const fails: string[] = [];
    for (const r of guarded()) {
      const url = r.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' ? undefined : {},
      });
      if (res.statusCode !== 401 || !String(res.headers['content-type']).includes('problem+json'))
        fails.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(fails).toEqual([]);
  });

  it('answers every role on its own and another institution’s records as the policy says', async () => {
    const fails: string[] = [];
    let calls = 0;
    for (const r of guarded()) {
      const c = cases[`${r.method} ${r.url}`];
      if (!c) continue;
      for (const role of Object.keys(roles) as Role[]) {
        for (const rel of c.relations ?? ['own']) {
          let session = sessions.get(role) as TestSession;
          const ctx: Ctx = { role, session, rel };
          const holds =
            'permission' in r.access ? session.me.permissions.includes(r.access.permission) : true;
          const expected = holds ? c.expect(ctx) : 403;
          const req = await c.request(ctx);
          const res = await session.inject({
            method: r.method as 'GET',
            url: req.url,
            payload: req.payload as object,
          });
          calls++;
          if (res.statusCode !== expected)
            fails.push(
              `${role} ${rel} ${r.method} ${req.url}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          if (c.endsSession && holds) {
            session = await login(t.app, demoUserOf[role]);
            sessions.set(role, session);
          }
        }
      }
    }
    expect(fails).toEqual([]);
    expect(calls).toBeGreaterThan(200);
    // Every route × role × relation: several hundred calls, slower under a parallel run.
  }, 180_000);
});
