import {
  type Evidence,
  type IndicatorDefinition,
  type IndicatorDefinitionList,
  type IndicatorValueSeries,
  type MetricList,
  type ProjectIndicator,
  type ProjectIndicatorList,
  progressOf,
  type ReportingPeriod,
  type ReportingPeriodList,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { institutionIdOf, userIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { addDays as addDaysIso, warsawToday } from '../cases/tasks.js';
import { PDF, programmeNode, project } from './indicators.fixtures.js';

let t: TestApp;
let admin: TestSession;
let kielce: TestSession;
let krakow: TestSession;
let andrychow: TestSession;
let analyst: TestSession;
let worker: TestSession;
let node: string;
let pKielce: string;
let pAndrychow: string;
const today = warsawToday();

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(t.database.db, query);
}
const url = (projectId: string, rest = '') => `/api/projects/${projectId}/indicators${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  [admin, kielce, krakow, andrychow, analyst, worker] = await Promise.all([
    login(t.app, 'admin'),
    login(t.app, 'koordynator.kielce'),
    login(t.app, 'koordynator.krakow'),
    login(t.app, 'koordynator.andrychow'),
    login(t.app, 'analityk.kielce'),
    login(t.app, 'pracownik.bochnia'),
  ]);
  node = await programmeNode(db);
  pKielce = await project(db, {
    node,
    leader: await institutionIdOf(db, 'ROPS Kielce'),
    team: [
      { userId: await userIdOf(db, 'koordynator.kielce'), role: 'koordynator' },
      { userId: await userIdOf(db, 'koordynator.krakow'), role: 'czlonek' },
    ],
    startsOn: '2024-01-01',
    endsOn: '2027-12-31',
  });
  pAndrychow = await project(db, {
    node,
    leader: await institutionIdOf(db, 'OPS Andrychów'),
    team: [{ userId: await userIdOf(db, 'koordynator.andrychow'), role: 'koordynator' }],
    startsOn: '2024-01-01',
    endsOn: '2027-12-31',
  });
});

async function libraryId(code: string): Promise<string> {
  const [row] = await q<{ id: string }>(
    sql`select id from indicator_definitions where code = ${code} and project_id is null`,
  );
  return row?.id as string;
}

async function addIndicator(session: TestSession, projectId: string, body: Record<string, unknown>) {
  return session.inject({ method: 'POST', url: url(projectId), payload: body });
}

describe('the indicator library', () => {
  it('holds the common ESF+ indicators with their units, types, counting and measurement', async () => {
    const res = await worker.inject({
      method: 'GET',
      url: '/api/indicators/definitions?scope=wspolny&limit=100',
    });
    expect(res.statusCode).toBe(200);
    const list = res.json() as IndicatorDefinitionList;
    expect(list.total).toBe(25);
    const codes = list.items.map((d) => d.code);
    expect(codes.slice(0, 3)).toEqual(['EECO01', 'EECO02', 'EECO03']);
    expect(codes).toContain('EECR06');
    expect(list.items.find((d) => d.code === 'EECO01')).toMatchObject({
      name: 'Całkowita liczba osób objętych wsparciem',
      unit: 'osoby',
      type: 'produkt',
      counting: 'osoby_unikalne',
      breakdowns: ['plec', 'wiek'],
      measurement: 'przy_wejsciu',
      abilities: { update: false },
    });
    expect(list.items.find((d) => d.code === 'EECO18')).toMatchObject({ unit: 'podmioty', breakdowns: [] });
    expect(list.items.find((d) => d.code === 'EECR05')).toMatchObject({
      type: 'rezultat',
      measurement: '6_miesiecy',
    });
    expect(list.abilities.createShared).toBe(false);
    const found = (
      await worker.inject({
        method: 'GET',
        url: `/api/indicators/definitions?q=${encodeURIComponent('dlugotrwale')}`,
      })
    ).json() as IndicatorDefinitionList;
    expect(found.items.map((d) => d.code)).toEqual(['EECO02', 'EECO03']);
  });

  it('lets a system administrator add common and programme definitions, and nobody else', async () => {
    const common = {
      scope: 'wspolny',
      code: 'TEST01',
      name: 'Liczba instytucji testowych',
      unit: 'podmioty',
      type: 'produkt',
      counting: 'podmioty_unikalne',
    };
    const created = await admin.inject({
      method: 'POST',
      url: '/api/indicators/definitions',
      payload: common,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'TEST01', abilities: { update: true } });
    const again = await admin.inject({ method: 'POST', url: '/api/indicators/definitions', payload: common });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ field: 'code' });
    const programme = await admin.inject({
      method: 'POST',
      url: '/api/indicators/definitions',
      payload: { ...common, code: null, scope: 'programowy', programmeNodeId: node },
    });
    expect(programme.statusCode).toBe(201);
    expect(programme.json().programmeNode).toMatchObject({ id: node });
    const byCoordinator = await kielce.inject({
      method: 'POST',
      url: '/api/indicators/definitions',
      payload: { ...common, code: 'TEST02' },
    });
    expect(byCoordinator.statusCode).toBe(403);

    const def = created.json() as IndicatorDefinition;
    const put = (version: number) =>
      admin.inject({
        method: 'PUT',
        url: `/api/indicators/definitions/${def.id}`,
        payload: { definition: { ...common, name: 'Liczba instytucji' }, active: true, version },
      });
    expect((await put(def.version)).statusCode).toBe(200);
    expect((await put(def.version)).statusCode).toBe(409);
  });

  it('lets a coordinator add project definitions to their own project only, visible with the project', async () => {
    const body = (projectId: string) => ({
      scope: 'projektowy',
      projectId,
      name: 'Liczba spotkań sieci ROPS',
      unit: 'liczba',
      type: 'produkt',
    });
    const own = await kielce.inject({
      method: 'POST',
      url: '/api/indicators/definitions',
      payload: body(pKielce),
    });
    expect(own.statusCode).toBe(201);
    const other = await kielce.inject({
      method: 'POST',
      url: '/api/indicators/definitions',
      payload: body(pAndrychow),
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0]).toMatchObject({ field: 'projectId' });
    const id = (own.json() as IndicatorDefinition).id;
    // The regional analyst reads projects of the region; a coordinator elsewhere does not see it.
    expect(
      (await analyst.inject({ method: 'GET', url: `/api/indicators/definitions/${id}` })).statusCode,
    ).toBe(200);
    expect(
      (await andrychow.inject({ method: 'GET', url: `/api/indicators/definitions/${id}` })).statusCode,
    ).toBe(404);
    const listed = (
      await andrychow.inject({ method: 'GET', url: '/api/indicators/definitions?scope=projektowy&limit=500' })
    ).json() as IndicatorDefinitionList;
    expect(listed.items.map((d) => d.id)).not.toContain(id);
  });
});

describe('indicators of a project', () => {
  let manual: ProjectIndicator;
  let metric: ProjectIndicator;

  it('adds a library indicator with targets per breakdown, once', async () => {
    const res = await addIndicator(kielce, pKielce, {
      definitionId: await libraryId('EECO01'),
      baseline: 0,
      target: '100',
      targetBreakdown: { plec: { k: 60, m: 40 } },
      source: 'manual',
    });
    expect(res.statusCode).toBe(201);
    manual = res.json();
    expect(manual).toMatchObject({
      definition: { code: 'EECO01' },
      target: '100',
      targetBreakdown: { plec: { k: 60, m: 40 } },
      current: null,
      band: 'brak_danych',
      abilities: { enterValue: true, measure: false },
    });
    const again = await addIndicator(kielce, pKielce, {
      definitionId: manual.definition.id,
      target: 5,
      source: 'manual',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ field: 'definitionId' });
  });

  it('refuses targets for a breakdown the indicator does not have, or above the total', async () => {
    const res = await addIndicator(kielce, pKielce, {
      definitionId: await libraryId('EECO02'),
      target: 10,
      targetBreakdown: { wiek: { '18_29': 5 }, plec: { k: 8, m: 4 } },
      source: 'manual',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['targetBreakdown.plec', 'targetBreakdown.wiek']);
  });

  it('adds a new project indicator computed by a metric, measured at once', async () => {
    const res = await addIndicator(kielce, pKielce, {
      newDefinition: { name: 'Podmioty w partnerstwach ROPS', unit: 'podmioty', type: 'produkt' },
      target: 12,
      source: 'metric',
      metricKey: 'partnerships.member_entities',
      metricParams: {},
    });
    expect(res.statusCode).toBe(201);
    metric = res.json();
    expect(metric).toMatchObject({
      definition: { scope: 'projektowy' },
      metricKey: 'partnerships.member_entities',
      metricParams: { includeLeader: true },
      metricLabel: { pl: 'Podmioty w partnerstwach' },
      current: { value: '0', measuredOn: today, origin: 'metric' },
      abilities: { measure: true, enterValue: false },
    });
    const wrongUnit = await addIndicator(kielce, pKielce, {
      newDefinition: { name: 'Osoby?', unit: 'osoby', type: 'produkt' },
      target: 12,
      source: 'metric',
      metricKey: 'partnerships.member_entities',
    });
    expect(wrongUnit.json().errors[0]).toMatchObject({ field: 'metricKey' });
    const badParams = await addIndicator(kielce, pKielce, {
      newDefinition: { name: 'Podmioty?', unit: 'podmioty', type: 'produkt' },
      target: 12,
      source: 'metric',
      metricKey: 'partnerships.member_entities',
      metricParams: { includeLeader: 'tak' },
    });
    expect(badParams.statusCode).toBe(400);
    expect(badParams.json().errors[0].field).toBe('metricParams.includeLeader');
    const percentRes = await addIndicator(kielce, pKielce, {
      newDefinition: { name: 'Odsetek JST z LPDI', unit: 'procent', type: 'rezultat' },
      target: 50,
      source: 'manual',
    });
    expect(percentRes.statusCode).toBe(201);
    expect((percentRes.json() as ProjectIndicator).definition.unit).toBe('procent');
  });

  it('lets only the project’s coordinator change it; its readers read, others get 404', async () => {
    const body = { definitionId: await libraryId('EECO04'), target: 5, source: 'manual' };
    const member = await addIndicator(krakow, pKielce, body);
    expect(member.statusCode).toBe(403);
    expect((await addIndicator(analyst, pKielce, body)).statusCode).toBe(403);
    expect((await addIndicator(andrychow, pKielce, body)).statusCode).toBe(404);
    const read = await analyst.inject({ method: 'GET', url: url(pKielce) });
    expect(read.statusCode).toBe(200);
    expect((read.json() as ProjectIndicatorList).abilities.manage).toBe(false);
    expect((await andrychow.inject({ method: 'GET', url: url(pKielce) })).statusCode).toBe(404);
    expect((await analyst.inject({ method: 'GET', url: url(pAndrychow) })).statusCode).toBe(404);
  });

  it('changes the target with the loaded version; a stale one answers 409', async () => {
    const put = (version: number) =>
      kielce.inject({
        method: 'PUT',
        url: url(pKielce, `/${manual.id}`),
        payload: {
          baseline: '0',
          target: '120',
          targetBreakdown: { plec: { k: 70, m: 50 } },
          source: 'manual',
          version,
        },
      });
    const ok = await put(manual.version);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ target: '120', version: manual.version + 1 });
    expect((await put(manual.version)).statusCode).toBe(409);
    manual = ok.json();
  });
});

describe('values, corrections and evidence', () => {
  let indicator: ProjectIndicator;
  let percent: ProjectIndicator;
  let evidence: Evidence;
  let firstValueId: string;

  beforeAll(async () => {
    const list = (await kielce.inject({ method: 'GET', url: url(pKielce) })).json() as ProjectIndicatorList;
    indicator = list.items.find((i) => i.definition.code === 'EECO01') as ProjectIndicator;
    percent = list.items.find((i) => i.definition.unit === 'procent') as ProjectIndicator;
  });

  const upload = (session: TestSession, body: Buffer, filename: string) =>
    session.inject({
      method: 'POST',
      url: url(pKielce, `/evidence?filename=${encodeURIComponent(filename)}`),
      headers: { 'content-type': 'application/octet-stream' },
      payload: body,
    });
  const enter = (body: Record<string, unknown>, target = indicator.id) =>
    kielce.inject({ method: 'POST', url: url(pKielce, `/${target}/values`), payload: body });

  it('uploads an evidence file checked by its content', async () => {
    const fake = await upload(kielce, Buffer.from('MZ not a pdf'), 'lista.pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors[0].field).toBe('file');
    expect((await upload(krakow, PDF, 'lista.pdf')).statusCode).toBe(403);
    const ok = await upload(kielce, PDF, 'Lista obecności.pdf');
    expect(ok.statusCode).toBe(201);
    evidence = ok.json();
    expect(evidence).toMatchObject({ filename: 'Lista obecności.pdf', mimeType: 'application/pdf' });
  });

  it('enters a value by hand with its date, breakdown, source and evidence', async () => {
    const res = await enter({
      measuredOn: '2025-03-31',
      value: '30',
      breakdown: { plec: { k: 20, m: 10 } },
      sourceNote: 'Listy obecności z warsztatów',
      evidenceDocumentId: evidence.id,
    });
    expect(res.statusCode).toBe(201);
    const s = res.json() as IndicatorValueSeries;
    expect(s.items[0]).toMatchObject({
      measuredOn: '2025-03-31',
      value: '30',
      origin: 'manual',
      sourceNote: 'Listy obecności z warsztatów',
      evidence: { id: evidence.id, filename: 'Lista obecności.pdf' },
      enteredBy: { name: 'Katarzyna Świętokrzyska' },
      abilities: { correct: true },
    });
    firstValueId = s.items[0]?.id as string;
    // The same file cannot be attached twice.
    const reused = await enter({
      measuredOn: '2025-04-30',
      value: '31',
      sourceNote: 'x',
      evidenceDocumentId: evidence.id,
    });
    expect(reused.json().errors[0]).toMatchObject({ field: 'evidenceDocumentId' });
  });

  it('refuses a breakdown above the total, a future date, a missing source', async () => {
    const res = await enter({
      measuredOn: addDaysIso(today, 1),
      value: '10',
      breakdown: { plec: { k: 8, m: 4 } },
      sourceNote: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['sourceNote']);
    const later = await enter({
      measuredOn: addDaysIso(today, 1),
      value: '10',
      breakdown: { plec: { k: 8, m: 4 } },
      sourceNote: 's',
    });
    expect(later.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'measuredOn',
      'breakdown.plec',
    ]);
  });

  it('computes a percent value exactly from numerator and denominator', async () => {
    const res = await enter(
      { measuredOn: '2025-06-30', numerator: 44, denominator: 116, sourceNote: 'Uchwały rad gmin' },
      percent.id,
    );
    expect(res.statusCode).toBe(201);
    expect((res.json() as IndicatorValueSeries).items[0]).toMatchObject({
      value: '37.931',
      numerator: '44',
      denominator: '116',
    });
  });

  it('shows the value, its progress and band, from the stored figure', async () => {
    const list = (await analyst.inject({ method: 'GET', url: url(pKielce) })).json() as ProjectIndicatorList;
    const item = list.items.find((i) => i.id === indicator.id) as ProjectIndicator;
    const expected = progressOf({
      baseline: '0',
      target: '120',
      current: '30',
      startsOn: '2024-01-01',
      endsOn: '2027-12-31',
      asOf: today,
    });
    expect(item).toMatchObject({ current: { value: '30', measuredOn: '2025-03-31' }, achieved: 2_500 });
    expect(item.band).toBe(expected.band);
    expect(list.live).toBe(true);
    expect(list.byBand[expected.band]).toBeGreaterThanOrEqual(1);
    const [stored] = await q<{ v: string }>(
      sql`select current_value::text as v from project_indicators where id = ${indicator.id}`,
    );
    expect(Number(stored?.v)).toBe(30);
  });

  it('corrects a value with a new row; "as of" an earlier day still shows what was known then', async () => {
    // The original was entered back then (two days after the day it is for).
    await q(
      sql`update indicator_values set entered_at = '2025-04-02T09:00:00+02:00' where id = ${firstValueId}`,
    );
    const res = await kielce.inject({
      method: 'POST',
      url: url(pKielce, `/${indicator.id}/values/${firstValueId}/correction`),
      payload: {
        measuredOn: '2025-03-31',
        value: '28',
        breakdown: { plec: { k: 19, m: 9 } },
        sourceNote: 'Korekta: dwie osoby liczone podwójnie',
      },
    });
    expect(res.statusCode).toBe(201);
    const s = res.json() as IndicatorValueSeries;
    const original = s.items.find((i) => i.id === firstValueId);
    const correction = s.items.find((i) => i.supersedesId === firstValueId);
    expect(original).toMatchObject({ supersededById: correction?.id, abilities: { correct: false } });
    // A correction without a new file keeps the original's evidence.
    expect(correction?.evidence?.id).toBe(evidence.id);
    expect(s.points).toEqual([{ measuredOn: '2025-03-31', value: '28' }]);
    const twice = await kielce.inject({
      method: 'POST',
      url: url(pKielce, `/${indicator.id}/values/${firstValueId}/correction`),
      payload: { measuredOn: '2025-03-31', value: '27', sourceNote: 'x' },
    });
    expect(twice.statusCode).toBe(409);

    const live = (await kielce.inject({ method: 'GET', url: url(pKielce) })).json() as ProjectIndicatorList;
    expect(live.items.find((i) => i.id === indicator.id)?.current?.value).toBe('28');
    const before = (
      await kielce.inject({ method: 'GET', url: url(pKielce, '?asOf=2025-06-30') })
    ).json() as ProjectIndicatorList;
    expect(before.live).toBe(false);
    expect(before.items.find((i) => i.id === indicator.id)?.current).toMatchObject({ value: '30' });
    const earlier = (
      await kielce.inject({ method: 'GET', url: url(pKielce, '?asOf=2025-03-31') })
    ).json() as ProjectIndicatorList;
    // On 31 March the value for that day had not been entered yet.
    expect(earlier.items.find((i) => i.id === indicator.id)?.current).toBeNull();
  });

  it('downloads the evidence for the project’s readers, logged; others get 404', async () => {
    const path = url(pKielce, `/${indicator.id}/values/${firstValueId}/evidence`);
    const res = await analyst.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect((await andrychow.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const [logged] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'export.download' and record_id = ${evidence.id}`,
    );
    expect(logged?.n).toBe(1);
  });

  it('records measurements of a computed indicator, one value a day', async () => {
    const list = (await kielce.inject({ method: 'GET', url: url(pKielce) })).json() as ProjectIndicatorList;
    const metric = list.items.find((i) => i.source === 'metric') as ProjectIndicator;
    const res = await kielce.inject({ method: 'POST', url: url(pKielce, `/${metric.id}/measurements`) });
    expect(res.statusCode).toBe(201);
    const s = res.json() as IndicatorValueSeries;
    expect(s.items.filter((i) => i.measuredOn === today)).toHaveLength(2);
    expect(s.points.filter((p) => p.measuredOn === today)).toHaveLength(1);
    expect(
      (await kielce.inject({ method: 'POST', url: url(pKielce, `/${indicator.id}/measurements`) }))
        .statusCode,
    ).toBe(400);
    const manualOnMetric = await enter({ measuredOn: '2025-03-31', value: '3', sourceNote: 's' }, metric.id);
    expect(manualOnMetric.statusCode).toBe(400);
  });
});

describe('reporting periods', () => {
  let indicator: ProjectIndicator;
  let first: ReportingPeriod;

  beforeAll(async () => {
    const list = (await kielce.inject({ method: 'GET', url: url(pKielce) })).json() as ProjectIndicatorList;
    indicator = list.items.find((i) => i.definition.code === 'EECO01') as ProjectIndicator;
  });

  const create = (name: string, startsOn: string, endsOn: string) =>
    kielce.inject({ method: 'POST', url: url(pKielce, '/periods'), payload: { name, startsOn, endsOn } });

  it('creates periods that do not overlap', async () => {
    const res = await create('2025 – I półrocze', '2025-01-01', '2025-06-30');
    expect(res.statusCode).toBe(201);
    first = res.json();
    expect(first).toMatchObject({ status: 'otwarty', figures: [], abilities: { freeze: true } });
    const overlap = await create('Zachodzący', '2025-06-01', '2025-12-31');
    expect(overlap.json().errors[0]).toMatchObject({ field: 'startsOn' });
    expect(overlap.json().errors[0].message).toContain('2025 – I półrocze');
    expect((await create('2025 – II półrocze', '2025-07-01', '2025-12-31')).statusCode).toBe(201);
  });

  it('freezes an ended period with the figures as of its end, in one step', async () => {
    const notEnded = await create('Bieżący', addDaysIso(today, -10), addDaysIso(today, 10));
    const freezeOpen = await kielce.inject({
      method: 'POST',
      url: url(pKielce, `/periods/${notEnded.json().id}/freeze`),
      payload: { version: 1 },
    });
    expect(freezeOpen.statusCode).toBe(400);
    expect(freezeOpen.json().detail).toContain('po jego zakończeniu');

    const res = await kielce.inject({
      method: 'POST',
      url: url(pKielce, `/periods/${first.id}/freeze`),
      payload: { version: first.version },
    });
    expect(res.statusCode).toBe(200);
    const frozen = res.json() as ReportingPeriod;
    expect(frozen).toMatchObject({ status: 'zamrozony', frozenBy: { name: 'Katarzyna Świętokrzyska' } });
    // The correction entered after the period's end counts: it is about a day inside it.
    expect(frozen.figures.find((f) => f.projectIndicatorId === indicator.id)).toMatchObject({
      value: '28',
      breakdown: { plec: { k: 19, m: 9 } },
    });
    expect(frozen.figures.find((f) => f.unit === 'procent')).toMatchObject({
      value: '37.931',
      numerator: '44',
    });
    const stale = await kielce.inject({
      method: 'POST',
      url: url(pKielce, `/periods/${first.id}/freeze`),
      payload: { version: first.version },
    });
    expect(stale.statusCode).toBe(409);
    const [audit] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where record_type = 'reporting_period' and record_id = ${first.id}
            and action = 'record.update'`,
    );
    expect(audit?.n).toBe(1);
  });

  it('refuses a value dated inside the frozen period and a correction of one, saying why', async () => {
    const res = await kielce.inject({
      method: 'POST',
      url: url(pKielce, `/${indicator.id}/values`),
      payload: { measuredOn: '2025-05-15', value: '40', sourceNote: 'Późny wpis' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'measuredOn' });
    expect(res.json().errors[0].message).toContain('zamrożonego okresu sprawozdawczego „2025 – I półrocze”');
    const series = (
      await kielce.inject({ method: 'GET', url: url(pKielce, `/${indicator.id}/values`) })
    ).json() as IndicatorValueSeries;
    const inForce = series.items.find((i) => !i.supersededById) as IndicatorValueSeries['items'][number];
    expect(inForce).toMatchObject({ frozen: true, abilities: { correct: false } });
    const correction = await kielce.inject({
      method: 'POST',
      url: url(pKielce, `/${indicator.id}/values/${inForce.id}/correction`),
      payload: { measuredOn: '2025-03-31', value: '29', sourceNote: 'Korekta' },
    });
    expect(correction.statusCode).toBe(400);
  });

  it('keeps the reported figures when later values change the live one', async () => {
    const later = await kielce.inject({
      method: 'POST',
      url: url(pKielce, `/${indicator.id}/values`),
      payload: { measuredOn: '2025-08-01', value: '55', sourceNote: 'Listy obecności' },
    });
    expect(later.statusCode).toBe(201);
    const live = (await kielce.inject({ method: 'GET', url: url(pKielce) })).json() as ProjectIndicatorList;
    expect(live.items.find((i) => i.id === indicator.id)?.current?.value).toBe('55');
    const periods = (
      await analyst.inject({ method: 'GET', url: url(pKielce, '/periods') })
    ).json() as ReportingPeriodList;
    expect(periods.abilities.create).toBe(false);
    expect(
      periods.items
        .find((p) => p.id === first.id)
        ?.figures.find((f) => f.projectIndicatorId === indicator.id),
    ).toMatchObject({ value: '28', achieved: 2_333 });
  });

  it('removes an open period but never a frozen one, nor an indicator with reported figures', async () => {
    const periods = (
      await kielce.inject({ method: 'GET', url: url(pKielce, '/periods') })
    ).json() as ReportingPeriodList;
    const open = periods.items.find((p) => p.name === 'Bieżący') as ReportingPeriod;
    const del = (p: ReportingPeriod) =>
      kielce.inject({ method: 'DELETE', url: url(pKielce, `/periods/${p.id}?version=${p.version}`) });
    expect((await del(periods.items.find((p) => p.id === first.id) as ReportingPeriod)).statusCode).toBe(400);
    expect((await del(open)).statusCode).toBe(204);
    const removeReported = await kielce.inject({
      method: 'DELETE',
      url: url(pKielce, `/${indicator.id}?version=${indicator.version}`),
    });
    expect(removeReported.statusCode).toBe(400);
    const spare = await addIndicator(kielce, pKielce, {
      definitionId: await libraryId('EECO17'),
      target: 3,
      source: 'manual',
    });
    const s = spare.json() as ProjectIndicator;
    expect(
      (await kielce.inject({ method: 'DELETE', url: url(pKielce, `/${s.id}?version=${s.version + 1}`) }))
        .statusCode,
    ).toBe(409);
    expect(
      (await kielce.inject({ method: 'DELETE', url: url(pKielce, `/${s.id}?version=${s.version}`) }))
        .statusCode,
    ).toBe(204);
  });
});

describe('the metric registry for the form', () => {
  it('lists the metrics to project readers', async () => {
    const res = await analyst.inject({ method: 'GET', url: '/api/indicators/metrics' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as MetricList).items.map((m) => m.key)).toContain(
      'cases.persons_in_multi_sector_cases',
    );
    expect((await worker.inject({ method: 'GET', url: '/api/indicators/metrics' })).statusCode).toBe(403);
  });
});
