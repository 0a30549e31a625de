/**
 * Regional monitoring through the API (docs/region.md): the JST register with its history and audit,
 * concurrency, field errors, scope and access, the map's measures with small counts suppressed, the
 * time selector, the exports, and the metric `jst.lpdi_share` against a hand count. Świętokrzyskie
 * (26) is the Kielce analyst's; the demo step has filled its register.
 */
import {
  type JstHistory,
  type JstRegisterEntry,
  type JstRegisterList,
  type Problem,
  type RegionMap,
  type RegionScope,
  ratePer10k,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, type TestSession } from '../../../test/auth.js';
import { userIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { hashPassword } from '../identity/passwords.js';
import {
  caseOf,
  institution,
  person,
  programmeNode,
  project,
  teamMember,
} from '../indicators/indicators.fixtures.js';
import { computeMetric } from '../indicators/metrics/index.js';

let t: TestApp;
let db: DbOrTx;
let kielce: TestSession; // analityk.kielce — ROPS Kielce: monitors and edits Świętokrzyskie
let krakow: TestSession; // analityk.krakow — ROPS Kraków: Małopolska, whose register is empty
let worker: TestSession; // pracownik.bochnia — no region.monitor
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(db, query);

const CHECINY = '2604033'; // gmina in powiat kielecki
const GNOJNO = '2601022'; // gmina in powiat buski
const PACANOW = '2601043'; // gmina in powiat buski
const BUSKI = '2601';

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  [kielce, krakow, worker] = await Promise.all([
    login(t.app, 'analityk.kielce'),
    login(t.app, 'analityk.krakow'),
    login(t.app, 'pracownik.bochnia'),
  ]);
});

const get = async <T>(s: TestSession, url: string, headers: Record<string, string> = {}) => {
  const res = await s.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json() as T };
};
const put = async <T>(
  s: TestSession,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
) => {
  const res = await s.inject({ method: 'PUT', url, payload: payload as object, headers });
  return { status: res.statusCode, body: res.json() as T };
};
const mapOf = async (s: TestSession, query: string) => {
  const res = await get<RegionMap>(s, `/api/region/26/map?${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
const unitOn = (map: RegionMap, teryt: string) => map.units.find((u) => u.teryt === teryt);

const adopted = (adoptedOn: string, extra: Record<string, unknown> = {}) => ({
  status: 'przyjety',
  resolutionNumber: 'XII/87/2026',
  adoptedOn,
  periodFrom: 2026,
  periodTo: 2030,
  plannedServices: ['mieszkania treningowe', 'opieka wytchnieniowa'],
  ...extra,
});

describe('scope and access', () => {
  it('lists the województwa of the user’s monitoring memberships; the ROPS edits them', async () => {
    expect((await get<RegionScope>(kielce, '/api/region')).body.regions).toEqual([
      { teryt: '26', name: 'świętokrzyskie', edit: true },
    ]);
    expect((await get<RegionScope>(krakow, '/api/region')).body.regions).toEqual([
      { teryt: '12', name: 'małopolskie', edit: true },
    ]);
  });

  it('refuses a worker without region.monitor with 403, and answers 404 for another województwo (logged)', async () => {
    expect((await get<Problem>(worker, '/api/region/26/jst')).status).toBe(403);
    expect((await get<Problem>(worker, '/api/region')).status).toBe(403);

    for (const url of [
      '/api/region/12/jst',
      `/api/region/12/jst/1201011`,
      '/api/region/12/map',
      '/api/region/12/map.csv',
      '/api/region/99/jst',
    ]) {
      const res = await get<Problem>(kielce, url);
      expect(res.status, url).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    const edit = await put<Problem>(kielce, `/api/region/12/jst/1201011`, {
      lpdi: { status: 'brak' },
      cus: null,
      version: 0,
    });
    expect(edit.status).toBe(404);
    const [denied] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_type = 'region'
            and record_id = '12' and user_id = ${kielce.me.user.id}`,
    );
    expect(denied?.n).toBe(5);
  });

  it('answers 404 for a unit of another województwo or one no longer active', async () => {
    await q(
      sql`insert into territorial_units (teryt, level, kind, name, name_full, name_search, powiat_teryt, woj_teryt, active)
          values ('2604999', 'gmina', 'gmina_wiejska', 'Dawna', 'gmina wiejska Dawna', 'dawna', '2604', '26', false)`,
    );
    expect((await get(kielce, '/api/region/26/jst/1201011')).status).toBe(404);
    expect((await get(kielce, '/api/region/26/jst/2604999')).status).toBe(404);
    const list = await get<JstRegisterList>(kielce, '/api/region/26/jst');
    expect(list.body.items.some((i) => i.teryt === '2604999')).toBe(false);
  });

  it('lets an analyst outside a ROPS read the register but not change it', async () => {
    const pcpr = await institution(db, {
      name: 'PCPR Testowe Kielce',
      sector: 'pomoc_spoleczna',
      type: 'pcpr',
      teryt: '2604',
    });
    const [u] = await q<{ id: string }>(
      sql`insert into users (email, first_name, last_name, password_hash, password_changed_at)
          values ('analityk.pcpr@demo.kooperacja.pl', 'Paweł', 'Powiatowy', ${await hashPassword(DEMO_PASSWORD)}, now())
          returning id`,
    );
    await q(
      sql`insert into memberships (user_id, institution_id, roles) values (${u?.id}, ${pcpr}, array['analityk_regionalny'])`,
    );
    const analyst = await login(t.app, 'analityk.pcpr');
    expect((await get<RegionScope>(analyst, '/api/region')).body.regions).toEqual([
      { teryt: '26', name: 'świętokrzyskie', edit: false },
    ]);
    const entry = await get<JstRegisterEntry>(analyst, `/api/region/26/jst/${CHECINY}`);
    expect(entry.status).toBe(200);
    expect(entry.body.abilities.edit).toBe(false);
    const refused = await put<Problem>(analyst, `/api/region/26/jst/${CHECINY}`, {
      lpdi: { status: 'brak' },
      cus: { exists: false },
      version: entry.body.version,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('ROPS');
  });
});

describe('the register', () => {
  it('lists every active powiat and gmina, powiat by powiat, with their entries', async () => {
    const { body } = await get<JstRegisterList>(kielce, '/api/region/26/jst');
    expect(body.woj).toEqual({ teryt: '26', name: 'świętokrzyskie' });
    expect(body.abilities.edit).toBe(true);
    expect(body.items.filter((i) => i.level === 'gmina')).toHaveLength(102);
    expect(body.items.filter((i) => i.level === 'powiat')).toHaveLength(14);
    // Each powiat comes before its gminy.
    expect(body.items.slice(0, 3).map((i) => i.teryt)).toEqual(['2601', '2601013', GNOJNO]);
    for (const [n, item] of body.items.entries())
      if (item.level === 'gmina')
        expect(body.items.findIndex((i) => i.teryt === item.powiatTeryt)).toBeLessThan(n);
    expect(body.items.filter((i) => i.level === 'powiat').every((i) => i.cus === null)).toBe(true);
  });

  it('saves an entry in one transaction with its history row and audit entry', async () => {
    const url = `/api/region/26/jst/${CHECINY}`;
    const before = (await get<JstRegisterEntry>(kielce, url)).body;
    const saved = await put<JstRegisterEntry>(kielce, url, {
      lpdi: adopted('2026-05-04', { preparationStartedOn: '2026-01-12' }),
      cus: {
        exists: true,
        mode: 'nowa_jednostka',
        createdOn: '2026-07-01',
        programmeAdoptedOn: '2026-09-15',
        ipusOpen: 4,
        ipusClosed: 0,
      },
      version: before.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      teryt: CHECINY,
      level: 'gmina',
      version: before.version + 1,
      updatedBy: 'Aleksander Analityczny',
      lpdi: { status: 'przyjety', resolutionNumber: 'XII/87/2026', updatedOn: null },
      cus: { exists: true, mode: 'nowa_jednostka', lastDiagnosisOn: null },
      abilities: { edit: true },
    });

    const history = (await get<JstHistory>(kielce, `${url}/history`)).body.items;
    expect(history[0]).toMatchObject({
      changedBy: 'Aleksander Analityczny',
      before: { lpdi: before.lpdi, cus: before.cus },
      after: { lpdi: saved.body.lpdi, cus: saved.body.cus },
    });
    expect(history.length).toBe(saved.body.version);
    // Newest first.
    expect([...history].sort((a, b) => b.changedAt.localeCompare(a.changedAt))).toEqual(history);

    const [audit] = await q<{ action: string; changes: Record<string, { before: unknown; after: unknown }> }>(
      sql`select action, changes from audit_log where record_type = 'region_jst' and record_id = ${CHECINY}
          order by id desc limit 1`,
    );
    expect(audit?.action).toBe('record.update');
    expect(audit?.changes['lpdi.resolutionNumber']).toEqual({
      before: before.lpdi?.resolutionNumber ?? null,
      after: 'XII/87/2026',
    });
    expect(audit?.changes['cus.mode']).toEqual({ before: null, after: 'nowa_jednostka' });

    // The history is append-only.
    await expect(db.execute(sql`delete from region_jst_history where teryt = ${CHECINY}`)).rejects.toThrow();
    await expect(
      db.execute(sql`update region_jst_history set after = '{}' where teryt = ${CHECINY}`),
    ).rejects.toThrow();
  });

  it('makes the first save of a unit without an entry with version 0, and refuses a stale version with 409', async () => {
    // Małopolska's register is empty: Bochnia has no entry yet.
    const url = '/api/region/12/jst/1201011';
    const empty = (await get<JstRegisterEntry>(krakow, url)).body;
    expect(empty).toMatchObject({ lpdi: null, cus: null, version: 0, updatedAt: null, updatedBy: null });
    expect(empty.partnerships.active).toBeGreaterThanOrEqual(1);
    expect(empty.partnerships.models).toContain('kooperacje_3d');

    const body = {
      lpdi: { status: 'w_przygotowaniu', preparationStartedOn: '2026-02-02' },
      cus: { exists: false },
    };
    const first = await put<JstRegisterEntry>(krakow, url, { ...body, version: 0 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    const [history] = (await get<JstHistory>(krakow, `${url}/history`)).body.items;
    expect(history?.before).toBeNull();
    expect(history?.changedBy).toBe('Magdalena Małopolska');
    const [created] = await q<{ action: string }>(
      sql`select action from audit_log where record_type = 'region_jst' and record_id = '1201011'`,
    );
    expect(created?.action).toBe('record.create');

    // Another user still holding version 0 (or any stale version) gets the usual conflict.
    for (const version of [0, 5]) {
      const stale = await put<Problem>(krakow, url, { ...body, version });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('conflict');
    }
    const history2 = (await get<JstHistory>(krakow, `${url}/history`)).body.items;
    expect(history2).toHaveLength(1);
  });

  it('answers field errors in Polish (English on request), and a powiat has no CUS', async () => {
    const url = `/api/region/26/jst/${PACANOW}`;
    const { version } = (await get<JstRegisterEntry>(kielce, url)).body;
    const res = await put<Problem>(kielce, url, {
      lpdi: { status: 'przyjety', updatedOn: '2026-01-01' },
      cus: { exists: true, programmeAdoptedOn: '2020-01-01' },
      version,
    });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries((res.body.errors ?? []).map((e) => [e.field, e.message]));
    expect(byField).toMatchObject({
      'lpdi.resolutionNumber': 'Podaj numer uchwały przyjmującej plan (np. XLV/412/2024).',
      'lpdi.adoptedOn': 'Podaj datę przyjęcia planu.',
      'lpdi.periodFrom': 'Podaj okres, na który przyjęto plan (lata od–do).',
      'lpdi.updatedOn': 'Datę aktualizacji podaje się tylko dla planu ze statusem „Zaktualizowany”.',
      'cus.mode': 'Wybierz sposób utworzenia centrum usług społecznych.',
      'cus.createdOn': 'Podaj datę utworzenia centrum usług społecznych.',
    });

    const en = await put<Problem>(
      kielce,
      url,
      {
        lpdi: { status: 'brak', adoptedOn: '2025-01-01' },
        cus: { exists: false, mode: 'nowa_jednostka' },
        version,
      },
      { 'accept-language': 'en' },
    );
    expect(Object.fromEntries((en.body.errors ?? []).map((e) => [e.field, e.message]))).toEqual({
      'lpdi.adoptedOn':
        'A unit without a plan has no resolution nor dates: remove the value or change the status.',
      'cus.mode':
        'A gmina without a social services centre has no details of it: remove the value or mark that the CUS exists.',
    });

    const powiat = `/api/region/26/jst/${BUSKI}`;
    const p = (await get<JstRegisterEntry>(kielce, powiat)).body;
    const refused = await put<Problem>(kielce, powiat, {
      lpdi: { status: 'brak' },
      cus: { exists: false },
      version: p.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        field: 'cus',
        message: 'Centrum usług społecznych tworzy gmina: dla powiatu nie podaje się danych CUS.',
      }),
    ]);
    // Nothing was written by the refused saves.
    expect((await get<JstRegisterEntry>(kielce, url)).body.version).toBe(version);
  });
});

describe('the map', () => {
  it('follows the dates on the time selector: a plan adopted later is "brak" before', async () => {
    const url = `/api/region/26/jst/${GNOJNO}`;
    const { version } = (await get<JstRegisterEntry>(kielce, url)).body;
    const saved = await put<JstRegisterEntry>(kielce, url, {
      lpdi: adopted('2026-05-04', {
        status: 'zaktualizowany',
        preparationStartedOn: '2026-01-12',
        updatedOn: '2026-09-01',
      }),
      cus: { exists: true, mode: 'przeksztalcenie_ops', createdOn: '2026-03-01' },
      version,
    });
    expect(saved.status).toBe(200);
    const at = async (asOf: string, measure = 'lpdi') =>
      unitOn(await mapOf(kielce, `measure=${measure}&level=gmina&asOf=${asOf}`), GNOJNO);
    expect((await at('2026-01-11'))?.category).toBe('brak');
    expect((await at('2026-01-12'))?.category).toBe('w_przygotowaniu');
    expect((await at('2026-05-03'))?.category).toBe('w_przygotowaniu');
    expect((await at('2026-05-04'))?.category).toBe('przyjety');
    expect((await at('2026-09-01'))?.category).toBe('zaktualizowany');
    expect((await at('2026-02-28', 'cus'))?.category).toBe('nie');
    expect((await at('2026-03-01', 'cus'))?.category).toBe('tak');
    // The powiat counts its gminy with a CUS.
    const powiaty = await mapOf(kielce, 'measure=cus&level=powiat&asOf=2026-03-01');
    const before = await mapOf(kielce, 'measure=cus&level=powiat&asOf=2026-02-28');
    expect(unitOn(powiaty, BUSKI)?.value).toBe((unitOn(before, BUSKI)?.value ?? 0) + 1);

    const summary = (await mapOf(kielce, 'measure=lpdi&asOf=2026-05-04')).summary;
    expect(summary.jst).toBe(116);
    expect(summary.lpdiSharePercent).toBe(Math.round((summary.jstWithLpdi / 116) * 1000) / 10);

    const bad = await get<Problem>(kielce, '/api/region/26/map?asOf=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe('query.asOf');
  });

  it('suppresses 1–4 cases with a multi-sector team, shows 5, and the powiat adds its gminy up', async () => {
    const lead = await userIdOf(db, 'pracownik.bochnia');
    const gnojno = await institution(db, {
      name: 'GOPS Gnojno (test)',
      sector: 'pomoc_spoleczna',
      type: 'ops',
      teryt: GNOJNO,
    });
    const pacanow = await institution(db, {
      name: 'GOPS Pacanów (test)',
      sector: 'pomoc_spoleczna',
      type: 'ops',
      teryt: PACANOW,
    });
    const police = await institution(db, {
      name: 'KPP Busko (test)',
      sector: 'policja',
      type: 'policja',
      teryt: '2601013',
    });
    const teamCase = async (ops: string, member = police, o: { status?: string; endsOn?: string } = {}) => {
      const personId = await person(db, {
        institution: ops,
        createdBy: lead,
        sex: 'M',
        birthDate: '1979-04-02',
      });
      const caseId = await caseOf(db, { institution: ops, lead, personId, openedOn: '2026-01-05' });
      await teamMember(db, { caseId, institution: member, invitedBy: lead, startsOn: '2026-02-01', ...o });
      return caseId;
    };
    for (let i = 0; i < 3; i++) await teamCase(gnojno);
    // Not counted: a member of the case's own institution, an invitation not accepted, a member gone.
    await teamCase(gnojno, gnojno);
    await teamCase(gnojno, police, { status: 'zaproszony' });
    await teamCase(gnojno, police, { endsOn: '2026-02-20' });
    for (let i = 0; i < 2; i++) await teamCase(pacanow);

    const asOf = 'asOf=2026-03-01';
    let gminy = await mapOf(kielce, `measure=case_teams_per_10k&level=gmina&${asOf}`);
    expect(unitOn(gminy, GNOJNO)).toMatchObject({ value: null, suppressed: true });
    expect(unitOn(gminy, PACANOW)).toMatchObject({ value: null, suppressed: true });
    expect(unitOn(gminy, '2601052')).toMatchObject({ value: 0, suppressed: false });
    // Before the team was formed nothing is counted.
    const earlier = await mapOf(kielce, 'measure=case_teams_per_10k&level=gmina&asOf=2026-01-31');
    expect(unitOn(earlier, GNOJNO)).toMatchObject({ value: 0, suppressed: false });

    const powiaty = await mapOf(kielce, `measure=case_teams_per_10k&level=powiat&${asOf}`);
    const buski = unitOn(powiaty, BUSKI);
    expect(buski?.suppressed).toBe(false);
    expect(buski?.value).toBe(ratePer10k(5, buski?.population ?? null));

    for (let i = 0; i < 2; i++) await teamCase(gnojno);
    gminy = await mapOf(kielce, `measure=case_teams_per_10k&level=gmina&${asOf}`);
    const g = unitOn(gminy, GNOJNO);
    expect(g?.suppressed).toBe(false);
    expect(g?.population).toBe(4190);
    expect(g?.value).toBe(Math.round((5 / 4190) * 10_000 * 10) / 10); // 11.9 per 10,000
    // Now the powiat's 7 less Gnojno's 5 would give Pacanów's 2 away: the powiat is hidden too.
    const after = await mapOf(kielce, `measure=case_teams_per_10k&level=powiat&${asOf}`);
    expect(unitOn(after, BUSKI)).toMatchObject({ value: null, suppressed: true });
  });

  it('counts distinct persons who are participants on the day by the gmina of their address', async () => {
    const lead = await userIdOf(db, 'pracownik.bochnia');
    const leader = await institution(db, {
      name: 'Beneficjent (test)',
      sector: 'ngo',
      type: 'ngo',
      teryt: '2604',
    });
    const node = await programmeNode(db);
    const projects = [
      await project(db, { node, leader, startsOn: '2025-01-01', endsOn: '2027-12-31' }),
      await project(db, { node, leader, startsOn: '2025-01-01', endsOn: '2027-12-31' }),
    ];
    let n = 0;
    const enrol = async (
      projectId: string,
      personId: string,
      teryt: string,
      joinedOn: string,
      leftOn?: string,
    ) =>
      q(
        sql`insert into participants (project_id, person_id, technical_id, joined_on, age_at_entry, sex, education,
              labour_status, disability, foreign_origin, third_country, minority, homeless, status, left_on, teryt)
            values (${projectId}, ${personId}, ${`T/${++n}`}, ${joinedOn}, 40, 'K', 'isced_3', 'bierna_zawodowo',
              'nie', 'nie', 'nie', 'nie', 'nie', ${leftOn ? 'zakonczony' : 'aktywny'}, ${leftOn ?? null}, ${teryt})
            returning id`,
      );
    const someone = (pesel?: string) =>
      person(db, { institution: leader, createdBy: lead, sex: 'K', birthDate: '1986-01-01', pesel });
    // Four in Gnojno on 1 March (one of them in both projects), one who left in February, one who joins later.
    const twice = await someone('86010112345');
    await enrol(projects[0] as string, twice, GNOJNO, '2026-01-10');
    await enrol(projects[1] as string, twice, GNOJNO, '2026-02-10');
    for (let i = 0; i < 3; i++) await enrol(projects[0] as string, await someone(), GNOJNO, '2026-01-10');
    await enrol(projects[0] as string, await someone(), GNOJNO, '2026-01-10', '2026-02-15');
    await enrol(projects[0] as string, await someone(), GNOJNO, '2026-04-01');
    // One in Pacanów: the powiat has five.
    await enrol(projects[0] as string, await someone(), PACANOW, '2026-01-10');

    const gminy = await mapOf(kielce, 'measure=participants_per_10k&level=gmina&asOf=2026-03-01');
    expect(unitOn(gminy, GNOJNO)).toMatchObject({ value: null, suppressed: true });
    const powiaty = await mapOf(kielce, 'measure=participants_per_10k&level=powiat&asOf=2026-03-01');
    const buski = unitOn(powiaty, BUSKI);
    expect(buski).toMatchObject({ suppressed: false, value: ratePer10k(5, buski?.population ?? null) });
    const later = await mapOf(kielce, 'measure=participants_per_10k&level=gmina&asOf=2026-04-01');
    expect(unitOn(later, GNOJNO)).toMatchObject({ suppressed: false, value: ratePer10k(5, 4190) });
  });

  it('counts active partnerships on gminy, and on a powiat those of its gminy too', async () => {
    const krakowMap = async (level: string, asOf: string) => {
      const res = await get<RegionMap>(
        krakow,
        `/api/region/12/map?measure=partnerships&level=${level}&asOf=${asOf}`,
      );
      return res.body;
    };
    const today = (await get<RegionMap>(krakow, '/api/region/12/map?measure=partnerships')).body.asOf;
    const gminy = await krakowMap('gmina', today);
    expect(unitOn(gminy, '1201011')?.value).toBe(1); // the PZK of Bochnia
    expect(unitOn(gminy, '1201052')?.value).toBe(1); // Łapanów
    expect(unitOn(await krakowMap('powiat', today), '1201')?.value).toBe(2);
    expect(unitOn(await krakowMap('gmina', '2000-01-01'), '1201011')?.value).toBe(0);
  });
});

describe('exports', () => {
  it('writes the table as CSV (BOM, ";", CRLF), suppressed values empty, and logs the download', async () => {
    const res = await kielce.inject({
      method: 'GET',
      url: '/api/region/26/map.csv?measure=case_teams_per_10k&level=gmina&asOf=2026-01-31',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('mapa-26-case_teams_per_10k-gmina-2026-01-31.csv');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'TERYT;Jednostka;Ludność;Sprawy z zespołem wielosektorowym na 10 tys. mieszkańców;Ukryte (mniej niż 5)',
    );
    expect(lines).toHaveLength(102 + 2); // header, 102 gminy, the empty string after the last CRLF
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain(`${GNOJNO};gmina wiejska Gnojno;4190;0;`);

    const suppressed = (
      await kielce.inject({
        method: 'GET',
        url: '/api/region/26/map.csv?measure=case_teams_per_10k&asOf=2026-03-01',
      })
    ).rawPayload.toString('utf8');
    expect(suppressed).toContain(`\r\n${PACANOW};gmina miejsko-wiejska Pacanów;6800;;tak\r\n`);
    expect(suppressed).toContain(`\r\n${GNOJNO};gmina wiejska Gnojno;4190;11,9;\r\n`);

    const statuses = (
      await kielce.inject({
        method: 'GET',
        url: '/api/region/26/map.csv?measure=lpdi&level=powiat&asOf=2026-10-01',
      })
    ).rawPayload.toString('utf8');
    expect(statuses.split('\r\n')[0]).toBe('\uFEFFTERYT;Jednostka;Ludność;Status LPDI;Ukryte (mniej niż 5)');
    expect(statuses).toMatch(/\r\n2661;Kielce;\d+;(Przyjęty|Zaktualizowany);\r\n/);

    const [logged] = await q<{ details: Record<string, unknown> }>(
      sql`select details from audit_log where action = 'export.download' and record_type = 'region_map'
            and record_id = '26' order by id limit 1`,
    );
    expect(logged?.details).toMatchObject({
      format: 'csv',
      measure: 'case_teams_per_10k',
      level: 'gmina',
      rows: 102,
    });
  });

  it('writes the same table as XLSX with numbers as numbers', async () => {
    const res = await kielce.inject({
      method: 'GET',
      url: '/api/region/26/map.xlsx?measure=case_teams_per_10k&level=powiat&asOf=2026-03-01',
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Mapa');
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      'TERYT',
      'Jednostka',
      'Ludność',
      'Sprawy z zespołem wielosektorowym na 10 tys. mieszkańców',
      'Ukryte (mniej niż 5)',
    ]);
    expect(ws?.rowCount).toBe(15);
    const rows = [...Array(14).keys()].map((i) => ws?.getRow(i + 2));
    expect(rows.map((r) => r?.getCell(1).value)).toContain(BUSKI);
    for (const r of rows) {
      // A number, or an empty cell with "tak" when hidden (powiat buski: it would reveal Pacanów).
      const hidden = r?.getCell(5).value === 'tak';
      expect(hidden ? r?.getCell(4).value : typeof r?.getCell(4).value).toBe(hidden ? null : 'number');
      expect(typeof r?.getCell(3).value).toBe('number');
    }
    expect(rows.find((r) => r?.getCell(1).value === BUSKI)?.getCell(5).value).toBe('tak');
  });
});

describe('metric jst.lpdi_share', () => {
  it('gives the share of JST of the leader’s województwo with an adopted or updated plan, as a hand count', async () => {
    const [leader] = await q<{ id: string }>(
      sql`select id from institutions where short_name = 'ROPS Kielce'`,
    );
    const projectId = await project(db, {
      node: await programmeNode(db),
      leader: leader?.id as string,
      startsOn: '2024-01-01',
      endsOn: '2029-12-31',
    });
    for (const asOf of ['2024-12-31', '2025-06-30', '2026-05-04', '2026-10-01']) {
      // By hand: the register's rows with an adoption (or update) by the day, over its active units.
      const [hand] = await q<{ total: number; adopted: number; gminy: number; adoptedGminy: number }>(
        sql`select count(*)::int as total,
              count(*) filter (where r.lpdi_status in ('przyjety', 'zaktualizowany')
                and r.lpdi_adopted_on <= ${asOf}::date)::int as adopted,
              count(*) filter (where u.level = 'gmina')::int as gminy,
              count(*) filter (where u.level = 'gmina' and r.lpdi_status in ('przyjety', 'zaktualizowany')
                and r.lpdi_adopted_on <= ${asOf}::date)::int as "adoptedGminy"
            from territorial_units u left join region_jst r on r.teryt = u.teryt
            where u.woj_teryt = '26' and u.level in ('gmina', 'powiat') and u.active`,
      );
      const all = await computeMetric(db, 'jst.lpdi_share', { projectId, asOf, params: {} });
      expect(all).toMatchObject({ numerator: String(hand?.adopted), denominator: String(hand?.total) });
      expect(hand?.total).toBe(116);
      const gminy = await computeMetric(db, 'jst.lpdi_share', {
        projectId,
        asOf,
        params: { level: 'gminy' },
      });
      expect(gminy).toMatchObject({
        numerator: String(hand?.adoptedGminy),
        denominator: String(hand?.gminy),
      });
      const map = await mapOf(kielce, `measure=lpdi&asOf=${asOf}`);
      expect(map.summary.jstWithLpdi).toBe(hand?.adopted);
    }
  });
});
