/**
 * Stories of a recruitment: a coordinator prepares a call with two cohorts (rules and points as
 * data) and opens it; people apply through the public form — a repeated send gives the same number,
 * a bot filling the honeypot is refused, a flood from one address is slowed with a clear message,
 * and a person correcting their form is never counted; staff enter a paper application, see each
 * rule's reason, note missing documents and decide; the ranking with its cut line and reserve list
 * is approved in one go (stale approvals refused) and exported; only the project team reads
 * applications.
 */
import type {
  Application,
  ApplicationList,
  ApplicationReceipt,
  Call,
  CallList,
  Cohort,
  Problem,
  PublicCall,
  Ranking,
  RankingApproved,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf-text.js';
import { queryRows } from '../../db/database.js';
import { seedDemoProjects } from '../projects/demo.js';
import { THROTTLE_MAX } from './public.routes.js';

let t: TestApp;
let coordinator: TestSession; // koordynator.andrychow — coordinates "Wykorzystaj swoją szansę"
let kielce: TestSession; // koordynator.kielce — outside the Andrychów project; member of Liderzy kooperacji
let analyst: TestSession; // analityk.kielce — reads the FERS project (Świętokrzyskie), not on its team
const ids: Record<string, string> = {};
const WSS = 'RPMP.09.01.02-12-0142/17';
const FERS = 'FERS.04.13-IP.04-0001/23';
const LIDERZY = 'POWR.02.05.00-00-0201/18';
const ANDRYCHOW = '1218013';
const WADOWICE = '1218093';
const KIELCE = '2661011';

const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

async function call<T>(
  s: TestSession | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  status = 200,
  extra: Partial<InjectOptions> = {},
) {
  const opts = { method, url, payload, headers: { 'accept-language': 'pl' }, ...extra } as InjectOptions;
  const res = s ? await s.inject(opts) : await t.app.inject(opts);
  expect(res.statusCode, res.body).toBe(status);
  return (res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : res) as T;
}

/** A valid PESEL for a birth date (1900–2099) and sex. */
function pesel(birthDate: string, sex: 'K' | 'M', serial = '012'): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const month = Number(m) + (Number(y) >= 2000 ? 20 : 0);
  const body = `${y.slice(2)}${String(month).padStart(2, '0')}${d}${serial}${sex === 'M' ? 1 : 2}`;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (w[i] as number), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const now = Date.now();
const callBody = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: 'Nabór uczestników 2019–2020',
  description: 'Wsparcie aktywizacyjne dla mieszkańców gminy Andrychów.',
  opensAt: new Date(now - 86_400_000).toISOString(),
  closesAt: new Date(now + 30 * 86_400_000).toISOString(),
  placesTotal: 30,
  formKinds: ['wsparcie', 'doradztwo'],
  questions: [
    { key: 'dzieci', label: 'Czy wychowujesz dzieci?', type: 'tak_nie', required: true },
    {
      key: 'forma',
      label: 'Preferowana forma wsparcia',
      type: 'wybor',
      options: ['warsztaty', 'doradztwo indywidualne'],
      required: false,
    },
  ],
  clauses: [
    {
      key: 'klauzula',
      kind: 'informacja',
      title: 'Klauzula informacyjna',
      text: 'Administratorem danych jest OPS w Andrychowie.',
      legalBases: ['art6_1_c', 'art9_2_g'],
      required: true,
    },
    {
      key: 'prawdziwosc',
      kind: 'oswiadczenie',
      title: 'Oświadczenie o prawdziwości danych',
      text: 'Oświadczam, że dane są prawdziwe.',
      legalBases: [],
      required: true,
    },
  ],
  status: 'projekt',
  ...over,
});

/** Cohort 2019: persons with disabilities living in powiat wadowicki, 18+; points for grounds. */
const disabledCohort = {
  name: '2019 — osoby z niepełnosprawnościami',
  year: 2019,
  places: 2,
  reservePlaces: 1,
  eligibilityRules: [
    { kind: 'wiek', min: 18 },
    { kind: 'zamieszkanie', teryt: ['1218'] },
    { kind: 'niepelnosprawnosc' },
    { kind: 'nie_uczestnik' },
  ],
  scoringCriteria: [
    { kind: 'zagrozenie_wykluczeniem', perGround: true, points: 5 },
    { kind: 'odpowiedz', question: 'dzieci', value: true, points: 3 },
  ],
  tieBreak: 'kolejnosc_zgloszen',
};
const unemployedCohort = {
  name: '2020 — osoby bezrobotne',
  year: 2020,
  places: 10,
  reservePlaces: 5,
  eligibilityRules: [{ kind: 'status_na_rynku_pracy', allowed: ['bezrobotna_zarejestrowana'] }],
  scoringCriteria: [],
  tieBreak: 'starszy_wiek',
};

let wssCall: Call;
let cohort2019: Cohort;
let seq = 0;

/** What the public form sends for a person of the 2019 cohort. */
function form(over: Record<string, unknown> = {}, birthDate = '1980-04-12', sex: 'K' | 'M' = 'K') {
  seq++;
  return {
    clientToken: crypto.randomUUID(),
    website: '',
    application: {
      cohortId: cohort2019.id,
      formKind: 'wsparcie',
      firstName: 'Ewa',
      lastName: `Zgłaszająca ${seq}`,
      pesel: pesel(birthDate, sex, String(100 + seq).slice(-3)),
      teryt: ANDRYCHOW,
      city: 'Andrychów',
      postalCode: '34-120',
      email: `osoba${seq}@example.pl`,
      disability: 'tak',
      povertyGrounds: ['pomoc_spoleczna'],
      answers: { dzieci: false },
      consents: [
        { key: 'klauzula', given: true },
        { key: 'prawdziwosc', given: true },
      ],
      ...over,
    },
  };
}
const send = (body: object, status = 201, ip = '203.0.113.7') =>
  call<ApplicationReceipt>(null, 'POST', `/api/public/calls/${wssCall.code}/applications`, body, status, {
    remoteAddress: ip,
  });
const base = () => `/api/projects/${ids[WSS]}`;

beforeAll(async () => {
  t = await createTestApp();
  const [present] = await q<{ n: number }>(
    sql`select count(*)::int as n from projects where number = ${WSS}`,
  );
  if (!present?.n) await t.database.db.transaction((tx) => seedDemoProjects(tx));
  for (const r of await q<{ id: string; number: string }>(sql`select id, number from projects`))
    ids[r.number] = r.id;
  coordinator = await login(t.app, 'koordynator.andrychow');
  kielce = await login(t.app, 'koordynator.kielce');
  analyst = await login(t.app, 'analityk.kielce');
});

describe('a call with its cohorts', () => {
  it('is prepared as a draft, refuses to open without a cohort, and opens with them', async () => {
    const created = await call<Call>(coordinator, 'POST', `${base()}/calls`, callBody('nab-2019'), 201);
    expect(created.code).toBe('NAB-2019');
    expect(created.status).toBe('projekt');
    expect(created.acceptsApplications).toBe(false);
    // Opening with no cohort: a field error in Polish.
    const refused = await call<Problem>(
      coordinator,
      'PUT',
      `${base()}/calls/${created.id}`,
      { call: callBody('NAB-2019', { status: 'otwarty' }), version: created.version },
      400,
    );
    expect(refused.errors).toEqual([
      {
        field: 'call.status',
        code: 'recruitment.call.noCohorts',
        message: 'Nabór można otworzyć dopiero, gdy ma co najmniej jedną grupę (kohortę).',
      },
    ]);
    cohort2019 = await call<Cohort>(
      coordinator,
      'POST',
      `${base()}/calls/${created.id}/cohorts`,
      disabledCohort,
      201,
    );
    await call<Cohort>(coordinator, 'POST', `${base()}/calls/${created.id}/cohorts`, unemployedCohort, 201);
    // More places in the cohorts than in the call: refused, naming both numbers.
    const over = await call<Problem>(
      coordinator,
      'POST',
      `${base()}/calls/${created.id}/cohorts`,
      { ...unemployedCohort, name: 'Za duża', places: 20 },
      400,
    );
    expect(over.errors?.[0]?.message).toBe(
      'Miejsca w grupach (razem 32) przekraczają liczbę miejsc w naborze (30).',
    );
    wssCall = await call<Call>(coordinator, 'PUT', `${base()}/calls/${created.id}`, {
      call: callBody('NAB-2019', { status: 'otwarty' }),
      version: created.version,
    });
    expect(wssCall.acceptsApplications).toBe(true);
    expect(wssCall.cohorts.map((c) => c.name)).toEqual([disabledCohort.name, unemployedCohort.name]);
    // Another coordinator's save with the old version: 409.
    await call(
      coordinator,
      'PUT',
      `${base()}/calls/${created.id}`,
      { call: callBody('NAB-2019', { name: 'Stara wersja' }), version: created.version },
      409,
    );
    const [audit] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where record_type = 'recruitment_cohort' and action = 'record.create'`,
    );
    expect(audit?.n).toBe(2);
  });

  it('shows the public form only for an open call, with the cohorts, questions and clauses', async () => {
    const form = await call<PublicCall>(null, 'GET', `/api/public/calls/nab-2019`);
    expect(form.projectNumber).toBe(WSS);
    expect(form.cohorts.map((c) => c.name)).toEqual([disabledCohort.name, unemployedCohort.name]);
    expect(form.clauses.map((c) => c.legalBases)).toEqual([['art6_1_c', 'art9_2_g'], []]);
    // Only what the rules need is asked: disability and labour status here, not the institution.
    expect(form.asks).toEqual({
      labourStatus: true,
      disability: true,
      povertyGrounds: true,
      institution: false,
      residence: true,
    });
    const draft = await call<Call>(coordinator, 'POST', `${base()}/calls`, callBody('NAB-SZKIC'), 201);
    await call(null, 'GET', `/api/public/calls/NAB-SZKIC`, undefined, 404);
    await call(null, 'GET', `/api/public/calls/NIE-MA`, undefined, 404);
    await call(coordinator, 'DELETE', `${base()}/calls/${draft.id}?version=${draft.version}`, undefined, 204);
  });
});

describe('the public application form', () => {
  let first: ApplicationReceipt;

  it('takes an application, gives a number and a PDF copy with its secret', async () => {
    first = await send(form({ answers: { dzieci: true, forma: 'warsztaty' } }));
    expect(first.number).toBe('NAB-2019/0001');
    expect(first.repeated).toBe(false);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/public/calls/NAB-2019/applications/${first.applicationId}/pdf?token=${first.receiptToken}`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('NAB-2019/0001');
    expect(text).toContain('Oświadczenie o prawdziwości danych — TAK');
    expect(text).toContain('art. 9 ust. 2 lit. g RODO');
    const wrong = await call<Problem>(
      null,
      'GET',
      `/api/public/calls/NAB-2019/applications/${first.applicationId}/pdf?token=${'x'.repeat(32)}`,
      undefined,
      404,
    );
    expect(wrong.detail).toContain('Link do kopii zgłoszenia wygasł');
    // The applicant is told by e-mail, with the number and nothing of their data.
    const [mail] = await q<{ subject: string; body: string }>(
      sql`select subject, body from email_outbox where subject like 'Zgłoszenie NAB-2019/0001%'`,
    );
    expect(mail?.body).toContain('otrzymało numer NAB-2019/0001');
    expect(mail?.body).not.toContain('pomoc');
  });

  it('answers a repeated send of the same form with the same number, storing nothing new', async () => {
    const body = form();
    const a = await send(body);
    const b = await send(body, 200);
    expect(b.number).toBe(a.number);
    expect(b.applicationId).toBe(a.applicationId);
    expect(b.repeated).toBe(true);
    const [n] = await q<{ n: number }>(
      sql`select count(*)::int as n from applications where client_token = ${body.clientToken}`,
    );
    expect(n?.n).toBe(1);
    // The newest secret opens the copy.
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/public/calls/NAB-2019/applications/${b.applicationId}/pdf?token=${b.receiptToken}`,
    });
    expect(pdf.statusCode).toBe(200);
  });

  it('refuses a bot that fills the honeypot, and stores nothing', async () => {
    const before = await q<{ n: number }>(sql`select count(*)::int as n from applications`);
    const bot = await call<Problem>(
      null,
      'POST',
      `/api/public/calls/NAB-2019/applications`,
      { ...form(), website: 'http://spam.example' },
      400,
    );
    expect(bot.detail).toContain('wypełniono ukryte pole');
    const after = await q<{ n: number }>(sql`select count(*)::int as n from applications`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('names each problem of a form field by field in Polish', async () => {
    const body = form({ cohortId: null, consents: [{ key: 'klauzula', given: true }], answers: {} });
    const res = await call<Problem>(null, 'POST', `/api/public/calls/NAB-2019/applications`, body, 400);
    expect(res.errors?.map((e) => [e.field, e.message])).toEqual([
      ['application.cohortId', 'Wybierz grupę, do której się zgłaszasz.'],
      ['application.answers.dzieci', 'Odpowiedz na pytanie: „Czy wychowujesz dzieci?”.'],
      [
        'application.consents.prawdziwosc',
        'Zaznacz: „Oświadczenie o prawdziwości danych” — bez tego nie można przyjąć zgłoszenia.',
      ],
    ]);
    const bad = await call<Problem>(
      null,
      'POST',
      `/api/public/calls/NAB-2019/applications`,
      form({ pesel: '80041212345', email: 'nie-email', phone: null }),
      400,
    );
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(['application.email', 'application.pesel']);
  });

  it('slows a flood from one address with a clear message, never counting refused forms', async () => {
    const ip = '198.51.100.23';
    // Forms with mistakes are not counted: the person can correct them as often as needed.
    for (let i = 0; i < THROTTLE_MAX + 2; i++) await send(form({ answers: {} }), 400, ip);
    for (let i = 0; i < THROTTLE_MAX; i++) await send(form(), 201, ip);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/calls/NAB-2019/applications',
      payload: form(),
      headers: { 'accept-language': 'pl' },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((res.json() as Problem).detail).toMatch(
      /Twoje dane są zachowane w formularzu — wyślij je ponownie za \d+ s\./,
    );
    // A send that already went through still gets its confirmation; another address is not slowed.
    const [known] = await q<{ client_token: string }>(
      sql`select client_token from applications where client_token is not null order by submitted_at desc limit 1`,
    );
    await send({ ...form(), clientToken: known?.client_token }, 200, ip);
    await send(form(), 201, '198.51.100.24');
  });

  it('does not take applications once the call is closed, but keeps confirming sent ones', async () => {
    const body = form();
    await send(body);
    await q(
      sql`update recruitment_calls set closes_at = now() - interval '1 minute' where id = ${wssCall.id}`,
    );
    try {
      const closed = await call<Problem>(
        null,
        'POST',
        `/api/public/calls/NAB-2019/applications`,
        form(),
        404,
      );
      expect(closed.detail).toContain('nie przyjmuje teraz zgłoszeń');
      await call(null, 'GET', `/api/public/calls/NAB-2019`, undefined, 404);
      await send(body, 200);
    } finally {
      await q(sql`update recruitment_calls set closes_at = ${wssCall.closesAt} where id = ${wssCall.id}`);
    }
  });
});

describe('verification by staff', () => {
  it('enters a paper application and shows each rule with its reason', async () => {
    const app = await call<Application>(
      coordinator,
      'POST',
      `${base()}/calls/${wssCall.id}/applications`,
      {
        submittedAt: '2019-03-05T09:00:00+01:00',
        application: form({ teryt: KIELCE, disability: 'nie' }, '2003-09-01', 'M').application,
      },
      201,
    );
    expect(app.channel).toBe('papier');
    expect(app.enteredBy).toBe('Karolina Koordynacka');
    expect(app.eligibility?.onDate).toBe('2019-03-05');
    expect(app.eligibility?.eligible).toBe(false);
    expect(app.eligibility?.reasons.map((r) => [r.code, r.params])).toEqual([
      ['wiek.za_mlody', { age: 15, min: 18 }],
      ['zamieszkanie.poza_obszarem', { teryt: KIELCE, allowed: ['1218'] }],
      ['niepelnosprawnosc.nie_dotyczy', {}],
      ['nie_uczestnik.spelnia', {}],
    ]);
  });

  it('checks again, notes missing documents, decides with a reason, refuses a stale version', async () => {
    const list = await call<ApplicationList>(
      coordinator,
      'GET',
      `${base()}/calls/${wssCall.id}/applications?q=NAB-2019/0001`,
    );
    const id = list.items[0]?.id as string;
    let app = await call<Application>(coordinator, 'GET', `${base()}/applications/${id}`);
    expect(app.abilities).toEqual({ manage: true, enrol: false });
    app = await call<Application>(coordinator, 'PUT', `${base()}/applications/${id}/documents`, {
      missingDocuments: [{ name: 'Orzeczenie o niepełnosprawności', received: false }],
      version: app.version,
    });
    expect(app.status).toBe('w_weryfikacji');
    const needsReason = await call<Problem>(
      coordinator,
      'POST',
      `${base()}/applications/${id}/decision`,
      { status: 'odrzucone', version: app.version },
      400,
    );
    expect(needsReason.errors?.[0]).toMatchObject({
      field: 'reason',
      message: 'Podaj uzasadnienie decyzji.',
    });
    await call(
      coordinator,
      'POST',
      `${base()}/applications/${id}/eligibility`,
      { version: app.version - 1 },
      409,
    );
    app = await call<Application>(coordinator, 'POST', `${base()}/applications/${id}/eligibility`, {
      version: app.version,
    });
    expect(app.eligibility?.eligible).toBe(true);
    const [read] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'record.read' and record_type = 'application' and record_id = ${id}`,
    );
    expect(read?.n).toBe(1);
    const [change] = await q<{ changes: Record<string, unknown> }>(
      sql`select changes from audit_log where action = 'record.update' and record_type = 'application' and record_id = ${id}
          order by at limit 1`,
    );
    expect(change?.changes).toHaveProperty('status', { before: 'zlozone', after: 'w_weryfikacji' });
  });

  it('lists applications with filters and counts, only for the project team', async () => {
    const all = await call<ApplicationList>(coordinator, 'GET', `${base()}/calls/${wssCall.id}/applications`);
    expect(all.total).toBeGreaterThan(10);
    const paper = await call<ApplicationList>(
      coordinator,
      'GET',
      `${base()}/calls/${wssCall.id}/applications?channel=papier`,
    );
    expect(paper.items.map((i) => i.channel)).toEqual(['papier']);
    const ineligible = await call<ApplicationList>(
      coordinator,
      'GET',
      `${base()}/calls/${wssCall.id}/applications?eligible=nie`,
    );
    expect(ineligible.items.every((i) => i.eligible === false)).toBe(true);
    const found = await call<ApplicationList>(
      coordinator,
      'GET',
      `${base()}/calls/${wssCall.id}/applications?q=NAB-2019/0001`,
    );
    expect(found.items.map((i) => i.number)).toEqual(['NAB-2019/0001']);
    // Outside the project: 404 for the calls and the applications alike.
    await call(kielce, 'GET', `${base()}/calls`, undefined, 404);
    await call(kielce, 'GET', `${base()}/calls/${wssCall.id}/applications`, undefined, 404);
    await call(kielce, 'GET', `${base()}/applications/${found.items[0]?.id}`, undefined, 404);
  });

  it('shows a reader outside the team the calls with counts, never the applications', async () => {
    const fers = `/api/projects/${ids[FERS]}`;
    const c = await call<Call>(kielce, 'POST', `${fers}/calls`, callBody('FERS-2024'), 201);
    await q(
      sql`insert into applications (call_id, number, form_kind, channel, first_name, last_name, no_pesel, birth_date, sex)
          values (${c.id}, 'FERS-2024/0001', 'wsparcie', 'papier', 'Jan', 'Świętokrzyski', true, '1970-01-01', 'M')`,
    );
    const list = await call<CallList>(analyst, 'GET', `${fers}/calls`);
    expect(list.abilities).toEqual({ manage: false, team: false });
    expect(list.items[0]?.counts).toEqual({ zlozone: 1 });
    await call(analyst, 'GET', `${fers}/calls/${c.id}/applications`, undefined, 404);
    const [denied] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${ids[FERS]}`,
    );
    expect(denied?.n).toBeGreaterThan(0);
  });

  it('reads applications written elsewhere (the demo, an import) with only the rule results stored', async () => {
    const [row] = await q<{ id: string }>(
      sql`insert into applications (call_id, cohort_id, number, form_kind, channel, first_name, last_name, no_pesel,
            birth_date, sex, submitted_at, eligibility, score, consents)
          values (${wssCall.id}, ${cohort2019.id}, 'NAB-2019/9001', 'wsparcie', 'papier', 'Jan', 'Zaimportowany', true,
            '1970-01-01', 'M', '2019-03-10T23:30:00Z', '{"eligible": true, "reasons": []}'::jsonb, 7,
            '[{"key": "klauzula", "given": true}]'::jsonb)
          returning id`,
    );
    const app = await call<Application>(coordinator, 'GET', `${base()}/applications/${row?.id}`);
    // The day of the application in Poland (23:30 UTC is already 11 March there).
    expect(app.eligibility).toMatchObject({
      eligible: true,
      onDate: '2019-03-11',
      scoring: { total: 7, items: [] },
    });
    expect(app.consents).toEqual([{ key: 'klauzula', given: true, at: '2019-03-10T23:30:00.000Z' }]);
    await q(sql`delete from applications where id = ${row?.id}`);
  });

  it('lets a team member who is not a coordinator read but not decide (403)', async () => {
    const liderzy = ids[LIDERZY] as string;
    const [c] = await q<{ id: string }>(
      sql`insert into recruitment_calls (project_id, code, name, opens_at, closes_at, places_total)
          values (${liderzy}, 'LIDERZY-1', 'Nabór liderów', now(), now() + interval '1 day', 5) returning id`,
    );
    const [a] = await q<{ id: string }>(
      sql`insert into applications (call_id, number, form_kind, channel, first_name, last_name, no_pesel, birth_date, sex)
          values (${c?.id}, 'LIDERZY-1/0001', 'wsparcie', 'papier', 'Lena', 'Liderska', true, '1975-05-05', 'K') returning id`,
    );
    const app = await call<Application>(kielce, 'GET', `/api/projects/${liderzy}/applications/${a?.id}`);
    expect(app.abilities.manage).toBe(false);
    await call(
      kielce,
      'POST',
      `/api/projects/${liderzy}/applications/${a?.id}/decision`,
      { status: 'zakwalifikowane', version: app.version },
      403,
    );
  });
});

describe('the API description', () => {
  it('documents the public form and the staff routes', async () => {
    const doc = await call<{ paths: Record<string, unknown> }>(null, 'GET', '/api/openapi.json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/public/calls/{code}/applications',
        '/api/projects/{projectId}/calls/{callId}/cohorts/{cohortId}/ranking/approve',
        '/api/projects/{projectId}/applications/{applicationId}',
      ]),
    );
  });
});

describe('the ranking of a cohort', () => {
  let cohortCall: Call;
  let cohort: Cohort;

  it('orders by points, breaks ties by time, cuts at the places, and approves in one go', async () => {
    cohortCall = await call<Call>(
      coordinator,
      'POST',
      `${base()}/calls`,
      callBody('NAB-2021', { placesTotal: 5, questions: [], clauses: [] }),
      201,
    );
    cohort = await call<Cohort>(
      coordinator,
      'POST',
      `${base()}/calls/${cohortCall.id}/cohorts`,
      {
        name: '2021 — rodziny wieloproblemowe',
        places: 2,
        reservePlaces: 1,
        eligibilityRules: [{ kind: 'zamieszkanie', teryt: [ANDRYCHOW, WADOWICE] }],
        scoringCriteria: [{ kind: 'zagrozenie_wykluczeniem', perGround: true, points: 10 }],
        tieBreak: 'kolejnosc_zgloszen',
      },
      201,
    );
    cohortCall = await call<Call>(coordinator, 'PUT', `${base()}/calls/${cohortCall.id}`, {
      call: callBody('NAB-2021', { placesTotal: 5, questions: [], clauses: [], status: 'otwarty' }),
      version: cohortCall.version,
    });
    const paper = (name: string, day: string, grounds: string[], teryt = ANDRYCHOW) =>
      call<Application>(
        coordinator,
        'POST',
        `${base()}/calls/${cohortCall.id}/applications`,
        {
          submittedAt: `2021-02-${day}T10:00:00+01:00`,
          application: {
            formKind: 'wsparcie',
            firstName: 'Rodzina',
            lastName: name,
            noPesel: true,
            birthDate: '1985-01-01',
            sex: 'K',
            teryt,
            email: `r${day}@example.pl`,
            povertyGrounds: grounds,
          },
        },
        201,
      );
    const late = await paper('Późna', '20', ['ubostwo', 'bezdomnosc']);
    const early = await paper('Wczesna', '02', ['ubostwo', 'uzaleznienie']);
    const top = await paper('Najwyżej', '15', ['ubostwo', 'bezdomnosc', 'uzaleznienie']);
    const reserve = await paper('Rezerwowa', '03', ['ubostwo']);
    const outside = await paper('Ostatnia', '04', []);
    const elsewhere = await paper('Spoza', '01', ['ubostwo'], KIELCE);

    const ranking = await call<Ranking>(
      coordinator,
      'GET',
      `${base()}/calls/${cohortCall.id}/cohorts/${cohort.id}/ranking`,
    );
    expect(ranking.ranking.map((e) => [e.lastName, e.position, e.score, e.tied])).toEqual([
      ['Najwyżej', 1, 30, false],
      ['Wczesna', 2, 20, true],
    ]);
    expect(ranking.reserve.map((e) => [e.lastName, e.position])).toEqual([['Późna', 3]]);
    expect(ranking.rest.map((e) => [e.lastName, e.place])).toEqual([
      ['Rezerwowa', 'poza_lista'],
      ['Ostatnia', 'poza_lista'],
      ['Spoza', 'nie_spelnia_kryteriow'],
    ]);

    // Approving a ranking that changed since it was shown: 409, nothing changed.
    await call<Application>(coordinator, 'POST', `${base()}/applications/${reserve.id}/decision`, {
      status: 'wycofane',
      reason: 'Rezygnacja złożona telefonicznie',
      version: reserve.version,
    });
    const stale = await call<Problem>(
      coordinator,
      'POST',
      `${base()}/calls/${cohortCall.id}/cohorts/${cohort.id}/ranking/approve`,
      { digest: ranking.digest, version: ranking.version },
      409,
    );
    expect(stale.detail).toContain('Lista rankingowa zmieniła się');
    const fresh = await call<Ranking>(
      coordinator,
      'GET',
      `${base()}/calls/${cohortCall.id}/cohorts/${cohort.id}/ranking`,
    );
    expect(fresh.rest.find((e) => e.lastName === 'Rezerwowa')?.place).toBe('wykluczone');
    const approved = await call<RankingApproved>(
      coordinator,
      'POST',
      `${base()}/calls/${cohortCall.id}/cohorts/${cohort.id}/ranking/approve`,
      { digest: fresh.digest, version: fresh.version },
    );
    expect(approved).toEqual({ qualified: 2, reserve: 1, rejected: 2, notified: 5 });
    const statuses = await q<{ last_name: string; status: string; decision_reason: string | null }>(
      sql`select last_name, status, decision_reason from applications where call_id = ${cohortCall.id} order by last_name`,
    );
    expect(Object.fromEntries(statuses.map((s) => [s.last_name, s.status]))).toEqual({
      Najwyżej: 'zakwalifikowane',
      Wczesna: 'zakwalifikowane',
      Późna: 'rezerwa',
      Rezerwowa: 'wycofane',
      Ostatnia: 'odrzucone',
      Spoza: 'odrzucone',
    });
    expect(statuses.find((s) => s.last_name === 'Spoza')?.decision_reason).toBe(
      'Nie spełnia kryteriów naboru: Gmina zamieszkania 2661011 nie należy do obszaru naboru (1218013, 1218093).',
    );
    expect(statuses.find((s) => s.last_name === 'Ostatnia')?.decision_reason).toBe(
      'Poza listą rankingową i rezerwową (4. miejsce, 0 pkt).',
    );
    const mails = await q<{ to_address: string; subject: string }>(
      sql`select to_address, subject from email_outbox where to_address in ('r15@example.pl', 'r20@example.pl', 'r01@example.pl')
          and subject not like '%Złożone'`,
    );
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        `Zgłoszenie ${late.number}: Lista rezerwowa`,
        `Zgłoszenie ${elsewhere.number}: Odrzucone`,
        `Zgłoszenie ${top.number}: Zakwalifikowane`,
      ].sort(),
    );
    // The same approval again: its version is gone.
    await call(
      coordinator,
      'POST',
      `${base()}/calls/${cohortCall.id}/cohorts/${cohort.id}/ranking/approve`,
      { digest: fresh.digest, version: fresh.version },
      409,
    );
    const after = await call<Application>(coordinator, 'GET', `${base()}/applications/${early.id}`);
    expect(after.abilities.enrol).toBe(true);
    expect(outside.number).toMatch(/^NAB-2021\/\d{4}$/);
  });

  it('exports the ranking as PDF and XLSX, with names or numbers only, logged', async () => {
    const url = `${base()}/calls/${cohortCall.id}/cohorts/${cohort.id}/ranking`;
    const pdf = await coordinator.inject({ method: 'GET', url: `${url}/pdf` });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('LISTA RANKINGOWA');
    expect(text).toContain('Rodzina Najwyżej');
    expect(text).toContain('granica listy podstawowej (2 miejsc)');
    const anon = await coordinator.inject({ method: 'GET', url: `${url}/pdf?anonim=1` });
    expect(pdfText(anon.rawPayload)).not.toContain('Najwyżej');
    const xlsx = await coordinator.inject({ method: 'GET', url: `${url}/xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Lp.',
      'Nr zgłoszenia',
      'Imię i nazwisko',
      'Punkty',
      'Data złożenia',
      'Wynik',
      'Status zgłoszenia',
    ]);
    expect(sheet?.getRow(2).getCell(3).value).toBe('Rodzina Najwyżej');
    expect(sheet?.getRow(2).getCell(6).value).toBe('lista podstawowa');
    const [logged] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'export.download' and record_type = 'recruitment_ranking'
          and record_id = ${cohort.id}`,
    );
    expect(logged?.n).toBe(3);
    await call(kielce, 'GET', `${url}/xlsx`, undefined, 404);
  });

  it('checks every application of a cohort again when its rules change', async () => {
    const fresh = await call<Cohort>(
      coordinator,
      'PUT',
      `${base()}/calls/${cohortCall.id}/cohorts/${cohort.id}`,
      {
        cohort: {
          name: '2021 — rodziny wieloproblemowe',
          places: 2,
          reservePlaces: 1,
          eligibilityRules: [{ kind: 'zamieszkanie', teryt: ['1218', '2661'] }],
          scoringCriteria: [],
          tieBreak: 'kolejnosc_zgloszen',
        },
        version: (await call<Call>(coordinator, 'GET', `${base()}/calls/${cohortCall.id}`)).cohorts[0]
          ?.version,
      },
    );
    expect(fresh.places).toBe(2);
    const [spoza] = await q<{ eligible: string; score: number }>(
      sql`select eligibility->>'eligible' as eligible, score from applications where call_id = ${cohortCall.id} and last_name = 'Spoza'`,
    );
    expect(spoza).toEqual({ eligible: 'true', score: 0 });
  });
});
