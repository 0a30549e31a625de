/**
 * Stories of the SM EFS file: the project team downloads its participants as the monitoring system's
 * CSV (byte for byte the golden file) or XLSX; a participant without DEGURBA stops the export (409 with
 * the report) until corrected or forced; a coordinator uploads a file, sees per-row problems and
 * nothing is written; confirming writes every row or none; export → import into an empty project →
 * export gives the same file; nobody outside the team learns the project has participants; every read
 * and export is in the audit log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Problem, type SmefsImport, type SmefsReport, smefsCsvRows } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOLDEN = fs.readFileSync(
  path.resolve(here, '../../../../domain/src/projects/__fixtures__/smefs-golden.csv'),
  'utf8',
);
const GOLDEN_NUMBER = 'RPMP.09.01.02-12-0142/17';

let t: TestApp;
let coordinator: TestSession; // koordynator.andrychow — coordinates every project of this file
let outsider: TestSession; // koordynator.kielce — on no team (member of project A only where said)
let analyst: TestSession; // analityk.kielce — reads projects of Świętokrzyskie, never their participants
const ids = { a: '', b: '', c: '', d: '', node: '', andrychow: '', bochnia: '' };

const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);
const golden = (number: string) => GOLDEN.replaceAll(GOLDEN_NUMBER, number);
const base = (projectId: string) => `/api/projects/${projectId}/smefs`;

async function call(
  s: TestSession,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: unknown,
  status = 200,
) {
  const res = await s.inject({
    method,
    url,
    payload: payload as object,
    headers: {
      'accept-language': 'pl',
      ...(Buffer.isBuffer(payload) ? { 'content-type': 'application/octet-stream' } : {}),
    },
  });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res;
}

async function project(number: string, leader: string): Promise<string> {
  const [p] = await q<{ id: string }>(
    sql`insert into projects (number, title, programme_node_id, leader_institution_id, starts_on, ends_on,
          total_value, eligible_costs, eu_funding, own_contribution)
        values (${number}, 'Projekt SM EFS', ${ids.node}, ${leader}, '2019-01-01', '2021-12-31', 100000, 100000, 85000, 15000)
        returning id`,
  );
  await q(
    sql`insert into project_team (project_id, user_id, role)
        values (${p?.id}, ${coordinator.me.user.id}, 'koordynator')`,
  );
  return p?.id as string;
}

interface Seed {
  first: string;
  last: string;
  pesel: string | null;
  otherId?: string;
  birth: string;
  tech: string;
  sex: 'K' | 'M';
  age: number;
  education: string;
  citizenship: string;
  teryt: string;
  city: string;
  postal: string;
  degurba: number;
  phone: string | null;
  email: string | null;
  labour: string;
  detail: string;
  joined: string;
  left: string | null;
  exit: string[];
  completed: boolean | null;
  tri: [string, string, string, string, string];
  type: string;
  institution: string | null;
  supports: [kind: string, name: string, startsOn: string][];
}

/** The participants of the golden file, as rows of the database (as another capability records them). */
const seeds: Seed[] = [
  {
    first: 'Anna',
    last: 'Kowalska',
    pesel: '85031212329',
    birth: '1985-03-12',
    tech: 'WSS/2019/0001',
    sex: 'K',
    age: 34,
    education: 'isced_3',
    citizenship: 'polskie',
    teryt: '1218013',
    city: 'Andrychów',
    postal: '34-120',
    degurba: 2,
    phone: '+48 600 100 200',
    email: 'anna.kowalska@example.pl',
    labour: 'bezrobotna_zarejestrowana',
    detail: 'dlugotrwale_bezrobotna',
    joined: '2019-04-01',
    left: '2019-12-20',
    exit: ['poszukuje_pracy', 'kontynuuje_ksztalcenie'],
    completed: true,
    tri: ['tak', 'nie', 'nie', 'odmowa', 'nie'],
    type: 'indywidualny',
    institution: null,
    supports: [
      ['indywidualne', 'Poradnictwo psychologiczne', '2019-04-02'],
      ['grupowe', 'Trening kompetencji społecznych', '2019-04-15'],
    ],
  },
  {
    first: 'Jan',
    last: 'Nowak',
    pesel: '90070145675',
    birth: '1990-07-01',
    tech: 'WSS/2019/0002',
    sex: 'M',
    age: 28,
    education: 'isced_2',
    citizenship: 'polskie',
    teryt: '1201022',
    city: 'Gierczyce',
    postal: '32-700',
    degurba: 3,
    phone: null,
    email: null,
    labour: 'bierna_zawodowo',
    detail: 'inne_bierna',
    joined: '2019-06-30',
    left: null,
    exit: [],
    completed: null,
    tri: ['odmowa', 'odmowa', 'nie', 'nie', 'tak'],
    type: 'indywidualny',
    institution: null,
    supports: [['mieszkanie', 'Mieszkanie treningowe; ul. Lipowa 3', '2019-07-01']],
  },
  {
    first: 'Olena',
    last: 'Szewczenko',
    pesel: null,
    otherId: 'FX1234567',
    birth: '1978-05-05',
    tech: 'WSS/2020/0003',
    sex: 'K',
    age: 41,
    education: 'isced_5_8',
    citizenship: 'ukraińskie',
    teryt: '2469011',
    city: 'Katowice',
    postal: '40-001',
    degurba: 1,
    phone: '32 200 00 00',
    email: 'olena@example.org',
    labour: 'pracujaca',
    detail: 'organizacja_pozarzadowa',
    joined: '2020-03-02',
    left: '2020-09-30',
    exit: ['podjela_prace'],
    completed: false,
    tri: ['nie', 'tak', 'tak', 'nie', 'nie'],
    type: 'pracownik_instytucji',
    institution: 'Fundacja "Pomocna Dłoń"',
    supports: [['staz', 'Staż zawodowy', '2020-03-02']],
  },
  {
    first: 'Zofia',
    last: 'Wiśniewska-Nowak',
    pesel: '02310507846',
    birth: '2002-11-05',
    tech: 'WSS/2021/0004',
    sex: 'K',
    age: 18,
    education: 'isced_1',
    citizenship: 'polskie',
    teryt: '1261011',
    city: 'Kraków',
    postal: '31-001',
    degurba: 1,
    phone: '600700800',
    email: null,
    labour: 'bezrobotna_niezarejestrowana',
    detail: 'inne_bezrobotna',
    joined: '2021-01-10',
    left: '2021-06-30',
    exit: ['inne'],
    completed: true,
    tri: ['nie', 'nie', 'nie', 'tak', 'odmowa'],
    type: 'indywidualny',
    institution: null,
    supports: [
      ['grupowe', 'Warsztaty aktywizacji zawodowej', '2021-01-11'],
      ['grupowe', 'Warsztaty aktywizacji zawodowej', '2021-03-01'],
      ['indywidualne', 'Doradztwo zawodowe', '2021-03-01'],
    ],
  },
];

async function insertParticipant(projectId: string, s: Seed): Promise<string> {
  const [person] = await q<{ id: string }>(
    sql`insert into persons (institution_id, first_name, last_name, pesel, other_id_type, other_id_number, birth_date, sex)
        values (${ids.andrychow}, ${s.first}, ${s.last}, ${s.pesel}, ${s.pesel ? null : 'paszport'}, ${s.otherId ?? null},
                ${s.birth}, ${s.sex})
        returning id`,
  );
  const [pa] = await q<{ id: string }>(
    sql`insert into participants (project_id, person_id, technical_id, participant_type, institution_name, joined_on,
          age_at_entry, sex, education, citizenship, country, teryt, city, postal_code, degurba, phone, email, labour_status,
          labour_status_detail, disability, foreign_origin, third_country, minority, homeless, status, left_on,
          exit_situation, completed_path)
        values (${projectId}, ${person?.id}, ${s.tech}, ${s.type}, ${s.institution}, ${s.joined}, ${s.age}, ${s.sex},
          ${s.education}, ${s.citizenship}, 'Polska', ${s.teryt}, ${s.city}, ${s.postal}, ${s.degurba}, ${s.phone},
          ${s.email}, ${s.labour}, ${s.detail}, ${s.tri[0]}, ${s.tri[1]}, ${s.tri[2]}, ${s.tri[3]}, ${s.tri[4]},
          ${s.left ? 'zakonczony' : 'aktywny'}, ${s.left}, ${JSON.stringify(s.exit)}::jsonb, ${s.completed})
        returning id`,
  );
  for (const [kind, name, startsOn] of s.supports) {
    let [activity] = await q<{ id: string }>(
      sql`select id from support_activities where project_id = ${projectId} and kind = ${kind} and name = ${name}`,
    );
    activity ??= (
      await q<{ id: string }>(
        sql`insert into support_activities (project_id, kind, name, starts_on)
            values (${projectId}, ${kind}, ${name}, '2019-01-01') returning id`,
      )
    )[0];
    await q(
      sql`insert into support_episodes (activity_id, participant_id, starts_on) values (${activity?.id}, ${pa?.id}, ${startsOn})`,
    );
  }
  return pa?.id as string;
}

async function upload(projectId: string, file: Buffer | string, filename = 'uczestnicy.csv') {
  const res = await call(
    coordinator,
    'POST',
    `${base(projectId)}/imports?filename=${encodeURIComponent(filename)}`,
    Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'),
    202,
  );
  return res.json() as SmefsImport;
}

/** Polls the import until it leaves checking/saving (the work runs in the background). */
async function settled(projectId: string, id: string, query = ''): Promise<SmefsImport> {
  for (let i = 0; i < 400; i++) {
    const res = await call(coordinator, 'GET', `${base(projectId)}/imports/${id}${query}`);
    const view = res.json() as SmefsImport;
    if (view.status !== 'walidacja' && view.status !== 'zapisywanie') return view;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not settle');
}

async function exportCsv(projectId: string, status = 200, query = '') {
  return call(coordinator, 'GET', `${base(projectId)}/export.csv${query}`, undefined, status);
}

async function xlsxRows(data: Buffer): Promise<(string | number)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows: (string | number)[][] = [];
  wb.worksheets[0]?.eachRow((row) => {
    rows.push(Array.from((row.values as (string | number)[]).slice(1), (v) => v ?? ''));
  });
  return rows;
}

const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

const participantCount = async (projectId: string) =>
  (
    await q<{ n: number }>(sql`select count(*)::int as n from participants where project_id = ${projectId}`)
  )[0]?.n;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await login(t.app, 'koordynator.andrychow');
  outsider = await login(t.app, 'koordynator.kielce');
  analyst = await login(t.app, 'analityk.kielce');
  const [node] = await q<{ id: string }>(
    sql`select id from programme_nodes where kind in ('dzialanie', 'poddzialanie') order by code limit 1`,
  );
  ids.node = node?.id as string;
  const inst = async (short: string) =>
    (await q<{ id: string }>(sql`select id from institutions where short_name = ${short}`))[0]?.id as string;
  ids.andrychow = await inst('OPS Andrychów');
  ids.bochnia = await inst('MOPS Bochnia');
  ids.a = await project('SMEFS/A/2019', ids.andrychow);
  ids.b = await project('SMEFS/B/2019', ids.andrychow);
  ids.c = await project('SMEFS/C/2019', ids.bochnia);
  ids.d = await project('SMEFS/D/2019', ids.andrychow);
  for (const s of seeds) await insertParticipant(ids.a, s);
});

describe('export', () => {
  it('writes the CSV of the project byte for byte as the golden file, and logs the download with the count', async () => {
    const res = await exportCsv(ids.a);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('SM_EFS_SMEFS_A_2019_');
    expect(res.body).toBe(golden('SMEFS/A/2019'));
    const [audit] = await q<{ details: Record<string, unknown> }>(
      sql`select details from audit_log where action = 'export.download' and record_type = 'smefs_export'
            and record_id = ${ids.a} order by id desc limit 1`,
    );
    expect(audit?.details).toMatchObject({ format: 'csv', count: 4, invalid: 0, forced: false });
  });

  it('writes the same cells as XLSX (the age as a number)', async () => {
    const res = await call(coordinator, 'GET', `${base(ids.a)}/export.xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxRows(res.rawPayload);
    // The golden file's cells (read by the domain's RFC 4180 reader, itself tested on the golden file).
    const expected = [...smefsCsvRows(golden('SMEFS/A/2019'))].map((r) => r.cells);
    expect(rows[0]).toEqual(expected[0]);
    for (let i = 1; i < expected.length; i++) {
      const want: (string | number)[] = [...(expected[i] as string[])];
      want[6] = Number(want[6]);
      // exceljs leaves trailing empty cells out of a row.
      expect(rows[i]).toEqual(want.slice(0, (rows[i] as unknown[]).length));
      expect(want.slice((rows[i] as unknown[]).length).every((c) => c === '')).toBe(true);
    }
  });

  it('reports a participant without DEGURBA, refuses the export with the report (409), and exports it when forced', async () => {
    await q(
      sql`update participants set degurba = null where project_id = ${ids.a} and technical_id = 'WSS/2019/0002'`,
    );
    try {
      const report = (await call(coordinator, 'GET', `${base(ids.a)}/validation`)).json() as SmefsReport;
      expect(report).toMatchObject({ total: 4, valid: 3, invalid: 1, abilities: { import: true } });
      expect(report.items).toHaveLength(1);
      expect(report.items[0]).toMatchObject({
        technicalId: 'WSS/2019/0002',
        firstName: 'Jan',
        lastName: 'Nowak',
      });
      expect(report.items[0]?.problems).toEqual([
        {
          column: 'degurba',
          header: 'Obszar według stopnia urbanizacji (DEGURBA)',
          code: 'smefs.required',
          message: 'Brak wartości w kolumnie „Obszar według stopnia urbanizacji (DEGURBA)”.',
        },
      ]);
      expect(report.byColumn).toEqual([
        { column: 'degurba', header: 'Obszar według stopnia urbanizacji (DEGURBA)', count: 1 },
      ]);

      const refused = (await exportCsv(ids.a, 409)).json() as Problem & { report: SmefsReport };
      expect(refused.detail).toBe(
        '1 z 4 uczestników ma braki lub błędy w danych SM EFS. Popraw je według raportu albo pobierz plik mimo to.',
      );
      expect(refused.report.items[0]?.problems[0]?.column).toBe('degurba');
      await call(coordinator, 'GET', `${base(ids.a)}/export.xlsx`, undefined, 409);

      const forced = await exportCsv(ids.a, 200, '?force=true');
      const jan = csvRows(forced.body).find((l) => l.startsWith('Jan;'));
      expect(jan?.split(';').slice(14, 16)).toEqual(['32-700', '']);
      expect(jan).toContain(';32-700;;;;Osoba bierna zawodowo;');
      const [audit] = await q<{ details: Record<string, unknown> }>(
        sql`select details from audit_log where action = 'export.download' and record_id = ${ids.a} order by id desc limit 1`,
      );
      expect(audit?.details).toMatchObject({ count: 4, invalid: 1, forced: true });
      // Refused or sent, the temporary file of the export is gone.
      const left = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('kooperacja-smefs-'));
      expect(left).toEqual([]);
    } finally {
      await q(
        sql`update participants set degurba = 3 where project_id = ${ids.a} and technical_id = 'WSS/2019/0002'`,
      );
    }
  });

  it('logs every read of the report', async () => {
    await call(coordinator, 'GET', `${base(ids.a)}/validation?limit=1`);
    const [audit] = await q<{ details: Record<string, unknown>; user_id: string }>(
      sql`select details, user_id from audit_log where action = 'record.read' and record_type = 'smefs_report'
            and record_id = ${ids.a} order by id desc limit 1`,
    );
    expect(audit).toEqual({ user_id: coordinator.me.user.id, details: { total: 4, invalid: 0, shown: 0 } });
  });
});

describe('who may see and change it', () => {
  it('answers 404 to anybody outside the team, even a reader of the project, and logs the attempt', async () => {
    // ROPS Kielce is made a partner: its coordinator reads project A but is not on its team.
    await q(sql`insert into project_partners (project_id, institution_id)
                select ${ids.a}, id from institutions where short_name = 'ROPS Kielce'`);
    try {
      await call(outsider, 'GET', `/api/projects/${ids.a}`);
      for (const url of ['/validation', '/export.csv', '/export.xlsx?force=true'])
        await call(outsider, 'GET', `${base(ids.a)}${url}`, undefined, 404);
      await call(outsider, 'POST', `${base(ids.a)}/imports?filename=x.csv`, Buffer.from(GOLDEN), 404);
      await call(analyst, 'GET', `${base(ids.a)}/validation`, undefined, 404);
      const [denied] = await q<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${ids.a}
              and user_id = ${outsider.me.user.id}`,
      );
      expect(denied?.n).toBeGreaterThanOrEqual(4);
    } finally {
      await q(sql`delete from project_partners where project_id = ${ids.a}`);
    }
  });

  it('lets a team member who is no coordinator read and export, but not import (403)', async () => {
    await q(
      sql`insert into project_team (project_id, user_id, role) values (${ids.a}, ${outsider.me.user.id}, 'czlonek')`,
    );
    try {
      const report = (await call(outsider, 'GET', `${base(ids.a)}/validation`)).json() as SmefsReport;
      expect(report.abilities.import).toBe(false);
      await call(outsider, 'GET', `${base(ids.a)}/export.csv`);
      await call(outsider, 'POST', `${base(ids.a)}/imports?filename=x.csv`, Buffer.from(GOLDEN), 403);
    } finally {
      await q(sql`delete from project_team where project_id = ${ids.a} and user_id = ${outsider.me.user.id}`);
    }
  });
});

describe('import', () => {
  it('previews per-row problems of a file and writes nothing; such a file cannot be confirmed', async () => {
    const lines = golden(GOLDEN_NUMBER).split('\r\n');
    // Row 2: a wrong PESEL check digit; row 3: a gmina that does not exist; row 5: no DEGURBA.
    lines[1] = (lines[1] as string).replace('85031212329', '85031212328');
    lines[2] = (lines[2] as string).replace('Bochnia (gmina wiejska)', 'Bochnia Górna');
    lines[4] = (lines[4] as string).replace(';Miasta (1);600700800;', ';;600700800;');
    const personsBefore = (await q<{ n: number }>(sql`select count(*)::int as n from persons`))[0]?.n;
    const started = await upload(ids.b, lines.join('\r\n'));
    expect(started).toMatchObject({
      status: 'walidacja',
      format: 'csv',
      filename: 'uczestnicy.csv',
      errors: [],
    });
    const view = await settled(ids.b, started.id);
    expect(view).toMatchObject({ status: 'bledy', rowCount: 4, processed: 4, errorRows: 3, result: null });
    expect(view.abilities).toEqual({ confirm: false, discard: true });
    expect(view.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'identifier', 'smefs.pesel.checksum'],
      [3, 'gmina', 'smefs.territory'],
      [5, 'degurba', 'smefs.required'],
    ]);
    expect(view.errors[1]?.message).toBe(
      'Nie ma w rejestrze TERYT jednostki „Bochnia Górna” (kolumna „Gmina”).',
    );
    expect(view.notices).toEqual([
      'Plik podaje numer projektu „RPMP.09.01.02-12-0142/17”, a import dotyczy projektu „SMEFS/B/2019”: uczestnicy zostaną zapisani w tym projekcie.',
    ]);
    // English on request.
    const en = await coordinator.inject({
      method: 'GET',
      url: `${base(ids.b)}/imports/${view.id}?errorsLimit=1&errorsOffset=2`,
      headers: { 'accept-language': 'en' },
    });
    expect((en.json() as SmefsImport).errors).toEqual([
      {
        row: 5,
        column: 'degurba',
        header: 'Obszar według stopnia urbanizacji (DEGURBA)',
        code: 'smefs.required',
        message: 'The column “Obszar według stopnia urbanizacji (DEGURBA)” is empty.',
      },
    ]);
    expect(await participantCount(ids.b)).toBe(0);
    expect((await q<{ n: number }>(sql`select count(*)::int as n from persons`))[0]?.n).toBe(personsBefore);
    const refused = await call(
      coordinator,
      'POST',
      `${base(ids.b)}/imports/${view.id}/confirm`,
      { version: view.version },
      409,
    );
    expect((refused.json() as Problem).detail).toContain('nie jest gotowy do zapisania');
    await call(coordinator, 'DELETE', `${base(ids.b)}/imports/${view.id}`, undefined, 204);
    await call(coordinator, 'GET', `${base(ids.b)}/imports/${view.id}`, undefined, 404);
  });

  it('reads a CSV as Polish Excel saves it: Windows-1250, no BOM', async () => {
    const cp1250: Record<string, number> = {
      ą: 0xb9,
      ć: 0xe6,
      ę: 0xea,
      ł: 0xb3,
      ń: 0xf1,
      ó: 0xf3,
      ś: 0x9c,
      ź: 0x9f,
      ż: 0xbf,
      Ą: 0xa5,
      Ć: 0xc6,
      Ę: 0xca,
      Ł: 0xa3,
      Ń: 0xd1,
      Ó: 0xd3,
      Ś: 0x8c,
      Ź: 0x8f,
      Ż: 0xaf,
    };
    const text = golden(GOLDEN_NUMBER).replace(/^\uFEFF/, '');
    const bytes = Buffer.from(
      Array.from(text, (ch) => cp1250[ch] ?? (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 0x3f)),
    );
    const view = await settled(ids.b, (await upload(ids.b, bytes)).id);
    expect(view.errors).toEqual([]);
    expect(view).toMatchObject({ status: 'gotowy', rowCount: 4 });
    await call(coordinator, 'DELETE', `${base(ids.b)}/imports/${view.id}`, undefined, 204);
  });

  it('refuses a file that is not the SM EFS format, naming the first wrong header', async () => {
    const view = await settled(ids.b, (await upload(ids.b, 'Imie;Nazwisko\r\nAnna;Kowalska\r\n')).id);
    expect(view.status).toBe('bledy');
    expect(view.errors[0]?.message).toBe(
      'Nagłówek pliku nie jest nagłówkiem SM EFS: w kolumnie 1 oczekiwano „Imię”, jest „Imie”.',
    );
  });

  it('confirms all or nothing: one row that became invalid after the preview leaves the project untouched', async () => {
    const view = await settled(ids.b, (await upload(ids.b, golden(GOLDEN_NUMBER))).id);
    expect(view).toMatchObject({ status: 'gotowy', errorRows: 0, abilities: { confirm: true } });
    // Meanwhile somebody records a participant with the technical id of row 4 (Olena).
    const [person] = await q<{ id: string }>(
      sql`insert into persons (institution_id, first_name, last_name, birth_date, sex)
          values (${ids.andrychow}, 'Inna', 'Osoba', '1980-01-01', 'K') returning id`,
    );
    await q(
      sql`insert into participants (project_id, person_id, technical_id, joined_on, age_at_entry, sex, education,
            labour_status, disability, foreign_origin, third_country, minority, homeless)
          values (${ids.b}, ${person?.id}, 'WSS/2020/0003', '2020-01-01', 40, 'K', 'isced_3', 'pracujaca',
            'nie', 'nie', 'nie', 'nie', 'nie')`,
    );
    const activitiesBefore = (
      await q<{ n: number }>(
        sql`select count(*)::int as n from support_activities where project_id = ${ids.b}`,
      )
    )[0]?.n;
    // A stale version is refused.
    await call(
      coordinator,
      'POST',
      `${base(ids.b)}/imports/${view.id}/confirm`,
      { version: view.version + 7 },
      409,
    );
    const saving = (
      await call(
        coordinator,
        'POST',
        `${base(ids.b)}/imports/${view.id}/confirm`,
        { version: view.version },
        202,
      )
    ).json() as SmefsImport;
    expect(saving.status).toBe('zapisywanie');
    const failed = await settled(ids.b, view.id);
    expect(failed).toMatchObject({ status: 'niepowodzenie', result: null, errorRows: 1 });
    expect(failed.failure).toContain('Nic nie zapisano');
    expect(failed.errors.map((e) => [e.row, e.code])).toEqual([[4, 'smefs.technicalIdTaken']]);
    expect(await participantCount(ids.b)).toBe(1);
    const activitiesAfter = (
      await q<{ n: number }>(
        sql`select count(*)::int as n from support_activities where project_id = ${ids.b}`,
      )
    )[0]?.n;
    expect(activitiesAfter).toBe(activitiesBefore);
    const [created] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'record.create' and record_type = 'participant'
            and details->>'importId' = ${view.id}`,
    );
    expect(created?.n).toBe(0);
  });

  it('round trip: export → import into an empty project of another institution → export gives the same file', async () => {
    const exported = (await exportCsv(ids.a)).body;
    const view = await settled(ids.c, (await upload(ids.c, exported)).id);
    expect(view.status).toBe('gotowy');
    await call(
      coordinator,
      'POST',
      `${base(ids.c)}/imports/${view.id}/confirm`,
      { version: view.version },
      202,
    );
    const saved = await settled(ids.c, view.id);
    expect(saved).toMatchObject({
      status: 'zapisany',
      processed: 4,
      result: { participants: 4, personsCreated: 4, personsMatched: 0, activitiesCreated: 6, episodes: 7 },
      abilities: { confirm: false },
    });
    expect((await exportCsv(ids.c)).body).toBe(exported.replaceAll('SMEFS/A/2019', 'SMEFS/C/2019'));

    // Persons were created in the leader's registry (MOPS Bochnia): birth date from the PESEL, or
    // estimated from the age at joining, and said so.
    const persons = await q<{
      lastName: string;
      birthDate: string;
      notes: string | null;
      otherIdType: string | null;
    }>(
      sql`select pe.last_name as "lastName", pe.birth_date::text as "birthDate", pe.notes, pe.other_id_type as "otherIdType"
            from participants pa join persons pe on pe.id = pa.person_id
           where pa.project_id = ${ids.c} and pe.institution_id = ${ids.bochnia} order by pa.technical_id`,
    );
    expect(persons.map((p) => [p.lastName, p.birthDate])).toEqual([
      ['Kowalska', '1985-03-12'],
      ['Nowak', '1990-07-01'],
      ['Szewczenko', '1979-03-02'],
      ['Wiśniewska-Nowak', '2002-11-05'],
    ]);
    expect(persons[2]?.notes).toContain('przybliżona');
    const [status] = await q<{ status: string; followUp: string }>(
      sql`select status, follow_up_due_on::text as "followUp" from participants where project_id = ${ids.c} and technical_id = 'WSS/2020/0003'`,
    );
    expect(status).toEqual({ status: 'przerwany', followUp: '2021-03-30' });

    // Every participant and person created is in the audit log, with the import, and the save itself.
    const audit = await q<{ recordType: string; n: number }>(
      sql`select record_type as "recordType", count(*)::int as n from audit_log
           where action = 'record.create' and details->>'importId' = ${view.id} group by record_type order by 1`,
    );
    expect(audit).toEqual([
      { recordType: 'participant', n: 4 },
      { recordType: 'person', n: 4 },
    ]);
    const [saveAudit] = await q<{ changes: unknown; details: Record<string, unknown> }>(
      sql`select changes, details from audit_log where action = 'record.update' and record_type = 'smefs_import' and record_id = ${view.id}`,
    );
    expect(saveAudit?.changes).toEqual({ status: { before: 'zapisywanie', after: 'zapisany' } });
    expect(saveAudit?.details).toMatchObject({ projectId: ids.c, participants: 4 });
    const [file] = await q<{ payload: unknown }>(
      sql`select payload from smefs_imports where id = ${view.id}`,
    );
    expect(file?.payload).toBeNull();

    // The same file again: every row is now a participant of the project.
    const again = await settled(ids.c, (await upload(ids.c, exported)).id);
    expect(again.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['smefs.technicalIdTaken', 'smefs.alreadyParticipant']),
    );
  });

  it('round trip through XLSX into a project of the same leader: persons are matched, not duplicated', async () => {
    const personsBefore = (await q<{ n: number }>(sql`select count(*)::int as n from persons`))[0]
      ?.n as number;
    const xlsx = (await call(coordinator, 'GET', `${base(ids.a)}/export.xlsx`)).rawPayload;
    const view = await settled(ids.d, (await upload(ids.d, xlsx, 'uczestnicy.xlsx')).id);
    expect(view).toMatchObject({ status: 'gotowy', format: 'xlsx', rowCount: 4 });
    await call(
      coordinator,
      'POST',
      `${base(ids.d)}/imports/${view.id}/confirm`,
      { version: view.version },
      202,
    );
    const saved = await settled(ids.d, view.id);
    expect(saved.result).toMatchObject({ participants: 4, personsCreated: 0, personsMatched: 4 });
    expect((await q<{ n: number }>(sql`select count(*)::int as n from persons`))[0]?.n).toBe(personsBefore);
    expect((await exportCsv(ids.d)).body).toBe(golden('SMEFS/D/2019'));
  });
});
