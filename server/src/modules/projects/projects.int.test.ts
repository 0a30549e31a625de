/**
 * Stories of projects and their money: a coordinator keeps their own project (and nobody else's),
 * the Kielce analyst reads the projects of Świętokrzyskie and nothing of Andrychów, sums that do not
 * add up come back field by field with the amounts named and nothing written, a stale save is 409,
 * documents are checked by their bytes and every download is logged, and the portfolio filters by
 * programme (with its subtree), status, institution, region and text.
 */
import type {
  Problem,
  Project,
  ProjectList,
  ProjectMilestone,
  ProjectTask,
  ProjectTaskList,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { warsawToday } from '../../lib/dates.js';
import { findProgrammeNode } from '../programmes/index.js';
import { seedDemoProjects } from './demo.js';

let t: TestApp;
let andrychow: TestSession; // koordynator.andrychow — coordinates "Wykorzystaj swoją szansę"
let kielce: TestSession; // koordynator.kielce — coordinates the FERS project, member of Liderzy kooperacji
let krakow: TestSession; // koordynator.krakow — coordinates Kooperacje 3D (ROPS Kraków is a partner)
let analyst: TestSession; // analityk.kielce — regional analyst of Świętokrzyskie
const ids: Record<string, string> = {};

const FERS = 'FERS.04.13-IP.04-0001/23';
const WSS = 'RPMP.09.01.02-12-0142/17';
const LIDERZY = 'POWR.02.05.00-00-0201/18';
const K3D = 'POWR.02.05.00-00-0202/18';

async function call<T>(
  s: TestSession,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  status = 200,
) {
  const res = await s.inject({ method, url, payload, headers: { 'accept-language': 'pl' } });
  expect(res.statusCode, res.body).toBe(status);
  return (res.body ? res.json() : undefined) as T;
}
const get = <T>(s: TestSession, url: string, status = 200) => call<T>(s, 'GET', url, undefined, status);
const numbers = (l: ProjectList) => l.items.map((i) => i.number).sort();
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

/** The body of a PUT from the project as loaded (money in grosze), with changes. */
function updateOf(p: Project, changes: Record<string, unknown> = {}) {
  return {
    version: p.version,
    project: {
      number: p.number,
      title: p.title,
      shortTitle: p.shortTitle,
      programmeNodeId: p.programme.id,
      status: p.status,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      goals: p.goals,
      description: p.description,
      targetGroups: p.targetGroups,
      totalValue: p.totalValue,
      eligibleCosts: p.eligibleCosts,
      euFunding: p.euFunding,
      stateBudget: p.stateBudget,
      targetedSubsidy: p.targetedSubsidy,
      ownContribution: p.ownContribution,
      callNumber: p.callNumber,
      callRank: p.callRank,
      callTotal: p.callTotal,
      callResult: p.callResult,
      ...changes,
    },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const [present] = await q<{ n: number }>(
    sql`select count(*)::int as n from projects where number = ${K3D}`,
  );
  if (!present?.n) await t.database.db.transaction((tx) => seedDemoProjects(tx));
  for (const r of await q<{ id: string; number: string }>(sql`select id, number from projects`))
    ids[r.number] = r.id;
  andrychow = await login(t.app, 'koordynator.andrychow');
  kielce = await login(t.app, 'koordynator.kielce');
  krakow = await login(t.app, 'koordynator.krakow');
  analyst = await login(t.app, 'analityk.kielce');
});

describe('who reads and who changes a project', () => {
  it('lets a coordinator change their own project, with the change audited', async () => {
    const mine = await get<ProjectList>(andrychow, '/api/projects');
    // Their source project and the running demonstration project of OPS Andrychów (participants/demo.ts).
    expect(numbers(mine)).toContain(WSS);
    expect(numbers(mine).filter((n) => n !== WSS)).toEqual([
      expect.stringMatching(/^DEMO\/OPS-ANDRYCHOW\/\d{4}$/),
    ]);
    expect(mine.abilities.create).toBe(true);
    const p = await get<Project>(andrychow, `/api/projects/${ids[WSS]}`);
    expect(p.abilities.manage).toBe(true);
    const saved = await call<Project>(
      andrychow,
      'PUT',
      `/api/projects/${p.id}`,
      updateOf(p, { shortTitle: 'WSS' }),
    );
    expect(saved.shortTitle).toBe('WSS');
    expect(saved.version).toBe(p.version + 1);
    const [audit] = await q<{ changes: Record<string, unknown> }>(
      sql`select changes from audit_log where action = 'record.update' and record_type = 'project' and record_id = ${p.id}
          order by at desc limit 1`,
    );
    expect(audit?.changes).toEqual({ shortTitle: { before: null, after: 'WSS' } });
  });

  it('hides another coordinator’s project (404) and refuses a change by a member who is no coordinator (403)', async () => {
    await get<Problem>(kielce, `/api/projects/${ids[WSS]}`, 404);
    const wss = await get<Project>(andrychow, `/api/projects/${ids[WSS]}`);
    await call<Problem>(kielce, 'PUT', `/api/projects/${ids[WSS]}`, updateOf(wss), 404);
    // ROPS Kielce is a partner of Liderzy kooperacji and its coordinator a team member: reads, cannot change.
    const liderzy = await get<Project>(kielce, `/api/projects/${ids[LIDERZY]}`);
    expect(liderzy.abilities.manage).toBe(false);
    const refused = await call<Problem>(
      kielce,
      'PUT',
      `/api/projects/${ids[LIDERZY]}`,
      updateOf(liderzy),
      403,
    );
    expect(refused.detail).toContain('koordynator');
    // ROPS Kraków is a partner of Kooperacje 3D and its coordinator coordinates it.
    const k3d = await get<Project>(krakow, `/api/projects/${ids[K3D]}`);
    expect(k3d.abilities.manage).toBe(true);
    expect(k3d.leader.shortName).toBe('ROPS Katowice');
  });

  it('shows the Kielce analyst the projects of Świętokrzyskie and 404 for Andrychów’s', async () => {
    const list = await get<ProjectList>(analyst, '/api/projects');
    expect(numbers(list)).toEqual([FERS, LIDERZY].sort());
    expect(list.abilities.create).toBe(false);
    const fers = await get<Project>(analyst, `/api/projects/${ids[FERS]}`);
    expect(fers.abilities.manage).toBe(false);
    await get<Problem>(analyst, `/api/projects/${ids[WSS]}`, 404);
    await get<Problem>(analyst, `/api/projects/${ids[WSS]}/tasks`, 404);
    await get<Problem>(analyst, `/api/projects/${ids[K3D]}/documents`, 404);
    const [denied] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${ids[WSS]}`,
    );
    expect(denied?.n).toBeGreaterThan(0);
  });
});

describe('money', () => {
  it('shows the co-financing split with rates computed to the hundredth of a percent', async () => {
    const k3d = await get<Project>(krakow, `/api/projects/${ids[K3D]}`);
    expect(k3d.money).toMatchObject({
      totalValue: 2_268_143_103,
      eligibleCosts: 2_268_143_103,
      euFunding: 1_921_591_007,
      stateBudget: 346_552_096,
      coFinancing: 2_268_143_103,
    });
    expect(k3d.money.rates.eu).toBe(8472);
    expect(k3d.euRate).toBe(8472);
    expect(k3d.money.checks.every((c) => c.ok)).toBe(true);
    const wss = await get<Project>(andrychow, `/api/projects/${ids[WSS]}`);
    expect([wss.callRank, wss.callTotal]).toEqual([15, 56]);
    expect(wss.money.rates.coFinancing).toBe(8479); // 1 031 544,93 of 1 216 630,61
  });

  it('refuses sums that do not add up, field by field with the amounts, and writes nothing', async () => {
    const p = await get<Project>(andrychow, `/api/projects/${ids[WSS]}`);
    const bad = await call<Problem>(
      andrychow,
      'PUT',
      `/api/projects/${p.id}`,
      updateOf(p, { ownContribution: p.ownContribution - 1, eligibleCosts: p.totalValue + 1 }),
      400,
    );
    const byField = Object.fromEntries((bad.errors ?? []).map((e) => [e.field, e]));
    expect(Object.keys(byField).sort()).toEqual(['eligibleCosts', 'ownContribution']);
    expect(byField.eligibleCosts?.code).toBe('project.money.eligibleOverTotal');
    expect(byField.eligibleCosts?.message).toContain('1\u00a0216\u00a0630,62\u00a0zł');
    expect(byField.ownContribution?.code).toBe('project.money.sourcesMismatch');
    expect(byField.ownContribution?.message).toContain('wkład własny 185\u00a0085,67\u00a0zł');
    expect(byField.ownContribution?.message).toContain('brakuje 0,02\u00a0zł');
    const after = await get<Project>(andrychow, `/api/projects/${p.id}`);
    expect(after.version).toBe(p.version);
    expect(after.ownContribution).toBe(p.ownContribution);

    const english = await andrychow.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { 'accept-language': 'en' },
      payload: { ...updateOf(p).project, number: 'NOWY/1', euFunding: 0 },
    });
    expect(english.statusCode).toBe(400);
    expect((english.json() as Problem).errors?.[0]?.message).toContain(
      '1\u00a0031\u00a0544,93\u00a0zł missing',
    );
    const [none] = await q<{ n: number }>(
      sql`select count(*)::int as n from projects where number = 'NOWY/1'`,
    );
    expect(none?.n).toBe(0);
  });

  it('answers 409 to a save with a stale version', async () => {
    const p = await get<Project>(andrychow, `/api/projects/${ids[WSS]}`);
    await call<Project>(andrychow, 'PUT', `/api/projects/${p.id}`, updateOf(p, { goals: 'Nowe cele' }));
    const stale = await call<Problem>(
      andrychow,
      'PUT',
      `/api/projects/${p.id}`,
      updateOf(p, { goals: 'Inne' }),
      409,
    );
    expect(stale.code).toBe('conflict');
  });

  it('keeps partner shares within the total value and task budgets within the eligible costs', async () => {
    const k3d = await get<Project>(krakow, `/api/projects/${ids[K3D]}`);
    const opole = k3d.partners.find((x) => x.institution.shortName === 'ROPS Opole');
    const over = await call<Problem>(
      krakow,
      'PUT',
      `/api/projects/${k3d.id}/partners/${opole?.institution.id}`,
      { role: 'partner', budgetShare: k3d.totalValue, version: k3d.version },
      400,
    );
    expect(over.errors?.[0]).toMatchObject({
      field: 'budgetShare',
      code: 'project.money.partnerSharesOverTotal',
    });

    const tasks = await get<ProjectTaskList>(krakow, `/api/projects/${k3d.id}/tasks`);
    expect(tasks.tasksTotal).toBe(tasks.items.reduce((s, x) => s + x.total, 0));
    expect(tasks.items[0]?.total).toBe(tasks.items[0]?.lines.reduce((s, l) => s + l.amount, 0));
    expect(tasks.unassigned).toBe(tasks.eligibleCosts - tasks.tasksTotal);
    const tooMuch = await call<Problem>(
      krakow,
      'POST',
      `/api/projects/${k3d.id}/tasks`,
      { number: 99, name: 'Za drogie zadanie', lines: [{ name: 'Pozycja', amount: tasks.unassigned + 1 }] },
      400,
    );
    expect(tooMuch.errors?.[0]).toMatchObject({ field: 'lines', code: 'project.money.tasksOverEligible' });
    const fits = await call<ProjectTask>(
      krakow,
      'POST',
      `/api/projects/${k3d.id}/tasks`,
      {
        number: 99,
        name: 'Zadanie na resztę budżetu',
        lines: [
          { name: 'Pierwsza', category: 'uslugi', amount: tasks.unassigned - 1 },
          { name: 'Druga', category: 'inne', amount: 1 },
        ],
      },
      201,
    );
    expect(fits.total).toBe(tasks.unassigned);
  });
});

describe('partners and team', () => {
  it('adds only staff of the leader or partners, and keeps a coordinator', async () => {
    let p = await get<Project>(andrychow, `/api/projects/${ids[WSS]}`);
    const [outsider] = await q<{ id: string }>(
      sql`select id from users where email = 'pracownik.bochnia@demo.kooperacja.pl'`,
    );
    const refused = await call<Problem>(
      andrychow,
      'POST',
      `/api/projects/${p.id}/team`,
      { userId: outsider?.id, version: p.version },
      400,
    );
    expect(refused.errors?.[0]?.code).toBe('project.teamNotEligible');
    // MOPS Bochnia joins as a partner: its staff may now join the team.
    const [mops] = await q<{ id: string }>(
      sql`select id from institutions where short_name = 'MOPS Bochnia'`,
    );
    p = await call<Project>(
      andrychow,
      'POST',
      `/api/projects/${p.id}/partners`,
      {
        institutionId: mops?.id,
        role: 'partner',
        budgetShare: 10_000_00,
        version: p.version,
      },
      201,
    );
    expect(p.partners.map((x) => x.institution.shortName)).toEqual(['MOPS Bochnia']);
    p = await call<Project>(
      andrychow,
      'POST',
      `/api/projects/${p.id}/team`,
      { userId: outsider?.id, version: p.version },
      201,
    );
    expect(p.team.find((m) => m.user.id === outsider?.id)?.institutions).toEqual(['MOPS Bochnia']);
    // The only coordinator cannot step down.
    const me = andrychow.me.user.id;
    const last = await call<Problem>(
      andrychow,
      'DELETE',
      `/api/projects/${p.id}/team/${me}?version=${p.version}`,
      undefined,
      400,
    );
    expect(last.errors?.[0]?.code).toBe('project.lastCoordinator');
    p = await call<Project>(
      andrychow,
      'DELETE',
      `/api/projects/${p.id}/team/${outsider?.id}?version=${p.version}`,
    );
    p = await call<Project>(
      andrychow,
      'DELETE',
      `/api/projects/${p.id}/partners/${mops?.id}?version=${p.version}`,
    );
    expect(p.partners).toEqual([]);
  });
});

describe('creating a project', () => {
  it('makes the active institution the leader and the creator its coordinator', async () => {
    const nodeId = await findProgrammeNode(t.database.db, ['RPO WM 2014-2020', '9', '9.1', '9.1.1']);
    const created = await call<Project>(
      andrychow,
      'POST',
      '/api/projects',
      {
        number: 'RPMP.09.01.01-12-0001/24',
        title: 'Klub integracji społecznej',
        programmeNodeId: nodeId,
        startsOn: '2025-01-01',
        endsOn: '2026-12-31',
        totalValue: 50_000_000,
        eligibleCosts: 48_000_000,
        euFunding: 40_800_000,
        stateBudget: 4_800_000,
        ownContribution: 2_400_000,
      },
      201,
    );
    expect(created.leader.shortName).toBe('OPS Andrychów');
    expect(created.team.map((m) => [m.user.email, m.role])).toEqual([
      ['koordynator.andrychow@demo.kooperacja.pl', 'koordynator'],
    ]);
    expect(created.money.rates).toMatchObject({
      eu: 8500,
      stateBudget: 1000,
      ownContribution: 500,
      eligibleOfTotal: 9600,
    });
    expect(created.programme.path.map((s) => s.code)).toEqual(['RPO WM 2014-2020', '9', '9.1', '9.1.1']);
    const dup = await call<Problem>(
      andrychow,
      'POST',
      '/api/projects',
      { ...updateOf(created).project },
      400,
    );
    expect(dup.errors?.map((e) => e.code)).toEqual(['project.numberTaken']);
    // A whole action with sub-actions is no placement.
    const action = await findProgrammeNode(t.database.db, ['RPO WM 2014-2020', '9', '9.1']);
    const placed = await call<Problem>(
      andrychow,
      'POST',
      '/api/projects',
      {
        ...updateOf(created).project,
        number: 'INNY/1',
        programmeNodeId: action,
      },
      400,
    );
    expect(placed.errors?.map((e) => [e.field, e.code])).toEqual([
      ['programmeNodeId', 'project.programmePlacement'],
    ]);
  });
});

describe('milestones', () => {
  it('marks a milestone overdue when its date passed and it was not achieved', async () => {
    const url = `/api/projects/${ids[FERS]}/milestones`;
    const m = await call<ProjectMilestone>(
      kielce,
      'POST',
      url,
      { name: 'Raport roczny', dueOn: '2024-01-31' },
      201,
    );
    expect(m.overdue).toBe(warsawToday() > '2024-01-31');
    const achieved = await call<ProjectMilestone>(kielce, 'PUT', `${url}/${m.id}`, {
      milestone: {
        name: 'Raport roczny',
        dueOn: '2024-01-31',
        status: 'osiagniety',
        achievedOn: '2024-02-05',
      },
      version: m.version,
    });
    expect(achieved.overdue).toBe(false);
    const missingDate = await call<Problem>(
      kielce,
      'PUT',
      `${url}/${m.id}`,
      {
        milestone: { name: 'Raport roczny', dueOn: '2024-01-31', status: 'osiagniety' },
        version: achieved.version,
      },
      400,
    );
    expect(missingDate.errors?.[0]?.field).toBe('milestone.achievedOn');
    const outside = await call<Problem>(
      kielce,
      'POST',
      url,
      { name: 'Po projekcie', dueOn: '2029-01-31' },
      400,
    );
    expect(outside.errors?.[0]).toMatchObject({ field: 'dueOn', code: 'project.outsidePeriod' });
    expect(outside.errors?.[0]?.message).toContain('01.09.2023 – 31.12.2028');
  });
});

describe('documents', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

  it('accepts a PDF by its bytes, refuses a program named .pdf, and logs every download', async () => {
    const base = `/api/projects/${ids[FERS]}/documents`;
    const exe = await kielce.inject({
      method: 'POST',
      url: `${base}?filename=umowa.pdf&kind=umowa`,
      payload: Buffer.from('MZ\x90\x00 not a pdf'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(exe.statusCode).toBe(400);
    expect((exe.json() as Problem).errors?.[0]).toMatchObject({
      field: 'file',
      code: 'project.document.type',
    });
    const up = await kielce.inject({
      method: 'POST',
      url: `${base}?filename=${encodeURIComponent('Umowa o dofinansowanie.pdf')}&kind=umowa`,
      payload: PDF,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json() as { id: string; title: string; mimeType: string; size: number };
    expect(doc).toMatchObject({
      title: 'Umowa o dofinansowanie',
      mimeType: 'application/pdf',
      size: PDF.length,
    });
    // The analyst reads the region's project documents; the download is logged.
    const down = await analyst.inject({ method: 'GET', url: `${base}/${doc.id}` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''Umowa%20o%20dofinansowanie.pdf");
    const [log] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'export.download' and record_id = ${doc.id}
          and user_id = ${analyst.me.user.id}`,
    );
    expect(log?.n).toBe(1);
    // The analyst may not add documents.
    const denied = await analyst.inject({ method: 'POST', url: `${base}?filename=a.pdf`, payload: PDF });
    expect(denied.statusCode).toBe(403);
  });
});

describe('the portfolio', () => {
  it('filters by programme with its subtree, status, institution, region and text', async () => {
    const list = (query: string) => get<ProjectList>(analyst, `/api/projects?${query}`).then(numbers);
    const power = await findProgrammeNode(t.database.db, ['POWER 2014-2020']);
    const action25 = await findProgrammeNode(t.database.db, ['POWER 2014-2020', 'II', '2.5']);
    const fers = await findProgrammeNode(t.database.db, ['FERS 2021-2027']);
    const rpo = await findProgrammeNode(t.database.db, ['RPO WM 2014-2020']);
    expect(await list(`programme=${power}`)).toEqual([LIDERZY]);
    expect(await list(`programme=${action25}`)).toEqual([LIDERZY]);
    expect(await list(`programme=${fers}`)).toEqual([FERS]);
    expect(await list(`programme=${rpo}`)).toEqual([]);
    expect(await list('status=zakonczony')).toEqual([LIDERZY]);
    expect(await list('region=18')).toEqual([LIDERZY]);
    expect(await list('region=26')).toEqual([FERS, LIDERZY].sort());
    const [rzeszow] = await q<{ id: string }>(
      sql`select id from institutions where short_name = 'ROPS Rzeszów'`,
    );
    expect(await list(`institution=${rzeszow?.id}`)).toEqual([LIDERZY]);
    expect(await list(`q=${encodeURIComponent('kooperacji')}`)).toEqual([LIDERZY]);
    expect(await list(`q=${encodeURIComponent('swietokrzyskim')}`)).toEqual([FERS]);
    const page = await get<ProjectList>(analyst, '/api/projects?limit=1&offset=1');
    expect([page.total, page.items.length]).toEqual([2, 1]);
    const row = (await get<ProjectList>(krakow, '/api/projects')).items.find((i) => i.number === K3D);
    expect(row).toMatchObject({
      totalValue: 2_268_143_103,
      euFunding: 1_921_591_007,
      euRate: 8472,
      status: 'zakonczony',
    });
    expect(row?.programme.path.map((s) => s.code)).toEqual(['POWER 2014-2020', 'II', '2.5']);
  });
});
