/**
 * Stories of the programme catalogue: a project coordinator looks up where a project sits and which
 * support types it may give (the shipped RPO WM 9.1.x catalogues complete, with their rules); the
 * system administrator keeps the tree (kinds fitting their parents, stale saves 409, nodes with
 * projects only deactivated) and moves it between installations as JSON (dry run first, field
 * errors with the JSON path, nothing half-written); nobody else changes it.
 */
import type {
  CatalogueDocument,
  CatalogueImportResult,
  Problem,
  ProgrammeNodeDetail,
  ProgrammePlacementList,
  ProgrammeTree,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { allowedSupportTypes, findProgrammeNode, loadProgrammeCatalogue } from './index.js';

let t: TestApp;
let worker: TestSession; // pracownik.bochnia — reads the catalogue
let instAdmin: TestSession; // admin.bochnia — an institution's administrator, not the system's
let sysadmin: TestSession; // admin — system administrator

async function call<T>(
  s: TestSession,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  status = 200,
) {
  const res = await s.inject({
    method,
    url,
    payload: payload as object,
    headers: { 'accept-language': 'pl' },
  });
  expect(res.statusCode, res.body).toBe(status);
  return (res.body ? res.json() : null) as T;
}

const node = (codes: string[]) => findProgrammeNode(t.database.db, codes);
const detail = async (codes: string[]) =>
  call<ProgrammeNodeDetail>(worker, 'GET', `/api/programmes/${await node(codes)}`);
const nodeCount = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from programme_nodes`))[0]?.n;
const fieldsOf = (p: Problem) => Object.fromEntries((p.errors ?? []).map((e) => [e.field, e.message]));

const RPO = ['RPO WM 2014-2020', '9', '9.1'];

async function addProject(nodeId: string, number: string) {
  const [inst] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from institutions where short_name = 'MOPS Bochnia'`,
  );
  await queryRows(
    t.database.db,
    sql`insert into projects (number, title, programme_node_id, leader_institution_id, starts_on, ends_on,
          total_value, eligible_costs)
        values (${number}, 'Projekt testowy katalogu', ${nodeId}, ${inst?.id}, '2019-01-01', '2021-12-31',
          121663061, 121663061)`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  worker = await login(t.app, 'pracownik.bochnia');
  instAdmin = await login(t.app, 'admin.bochnia');
  sysadmin = await login(t.app, 'admin');
});

describe('the shipped catalogue', () => {
  it('holds the three programmes with their axes and actions', async () => {
    const tree = await call<ProgrammeTree>(worker, 'GET', '/api/programmes');
    const roots = tree.items.filter((i) => i.parentId === null).map((i) => i.code);
    expect(roots).toEqual(['RPO WM 2014-2020', 'POWER 2014-2020', 'FERS 2021-2027']);
    expect(tree.abilities.manage).toBe(false);
    expect((await detail(['POWER 2014-2020', 'II', '2.5'])).path).toBe(
      'POWER 2014-2020 › II › 2.5 Skuteczna pomoc społeczna',
    );
    const power = await detail(['POWER 2014-2020', 'II']);
    expect(power.name).toBe('Efektywne polityki publiczne dla rynku pracy, gospodarki i edukacji');
    const fers = await detail(['FERS 2021-2027', '4', '04.13']);
    expect(fers.ancestors.map((a) => a.name)).toEqual([
      'Fundusze Europejskie dla Rozwoju Społecznego 2021-2027',
      'Spójność społeczna i zdrowie',
    ]);
    const axis9 = await detail(['RPO WM 2014-2020', '9']);
    expect(axis9.name).toBe('Region Spójny Społecznie');
    expect(axis9.children.map((c) => `${c.code} ${c.name}`)).toEqual([
      '9.1 Aktywna integracja',
      '9.2 Usługi społeczne i zdrowotne',
      '9.3 Wsparcie ekonomii społecznej',
    ]);
    expect((await detail(['RPO WM 2014-2020', '9', '9.2'])).children.map((c) => c.name)).toEqual([
      'Usługi społeczne i zdrowotne w regionie',
      'Usługi opiekuńcze oraz interwencja kryzysowa w subregionach',
    ]);
    expect((await detail(['RPO WM 2014-2020', '9', '9.3'])).children.map((c) => c.code)).toEqual([
      '9.3.1',
      '9.3.2',
    ]);
  });

  it('lists the twelve support types of 9.1.1 word for word, in order', async () => {
    const d = await detail([...RPO, '9.1.1']);
    expect(d.children).toHaveLength(12);
    expect(d.children.map((c) => c.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `9.1.1.${String(i + 1).padStart(2, '0')}`),
    );
    expect(d.children.every((c) => c.kind === 'typ_wsparcia')).toBe(true);
    expect(d.children[4]?.name).toBe(
      'organizacja i prowadzenie mieszkań chronionych, wspieranych, kontraktowych, treningowych prowadzących do integracji społeczno-zawodowej',
    );
    expect(d.children[11]?.name).toBe('inne narzędzia, metody służące aktywizacji społecznej i zawodowej');
    expect(d.effectiveRules.targetGroups).toContain(
      'osoby wykluczone społecznie lub zagrożone wykluczeniem społecznym',
    );
  });

  it('marks the last type of 9.1.2 as given only with other forms of support', async () => {
    const d = await detail([...RPO, '9.1.2']);
    expect(d.children).toHaveLength(12);
    const last = await detail([...RPO, '9.1.2', '9.1.2.12']);
    expect(last.name).toMatch(/^rozwój kompetencji oraz potencjału partnerów społecznych/);
    expect(last.rules).toEqual({ onlyWithOther: true });
    expect(last.effectiveRules.onlyWithOther).toBe(true);
    expect((await detail([...RPO, '9.1.2', '9.1.2.11'])).effectiveRules.onlyWithOther).toBeUndefined();
  });

  it('gives every 9.1.3 type the time window of the stay and 12 months after leaving', async () => {
    const d = await detail([...RPO, '9.1.3']);
    expect(d.name).toBe('Samodzielne życie');
    expect(d.children).toHaveLength(7);
    const types = await allowedSupportTypes(t.database.db, d.id);
    expect(types).toHaveLength(7);
    for (const type of types) {
      expect(type.rules.timeWindow).toBe(
        'w trakcie przebywania w placówce i do 12 miesięcy po jej opuszczeniu',
      );
      expect(type.rules.monthsAfterLeaving).toBe(12);
      expect(type.rules.targetGroups?.[0]).toMatch(/^wychowankowie młodzieżowych ośrodków wychowawczych/);
    }
    expect(types.map((x) => x.name)).toContain('promocja i wsparcie wolontariatu');
  });

  it('offers actions and sub-actions as placements, labelled with their code paths', async () => {
    const list = await call<ProgrammePlacementList>(worker, 'GET', '/api/programmes/placements');
    expect(list.items.map((i) => i.path)).toContain(
      'RPO WM 2014-2020 › 9 › 9.1 › 9.1.2 Aktywna integracja – projekty konkursowe',
    );
    expect(list.items.find((i) => i.code === '04.13')?.kind).toBe('dzialanie');
    expect(list.items.every((i) => i.kind === 'dzialanie' || i.kind === 'poddzialanie')).toBe(true);
    expect(list.items.find((i) => i.code === '9.1.2')?.id).toBe(await node([...RPO, '9.1.2']));
  });

  it('loads again without duplicating or changing anything', async () => {
    const before = await nodeCount();
    await t.database.db.transaction((tx) => loadProgrammeCatalogue(tx));
    expect(await nodeCount()).toBe(before);
    expect((await detail([...RPO, '9.1.1'])).version).toBe(1);
    await expect(node(['RPO WM 2014-2020', '9', '9.9'])).rejects.toThrow(/No programme node/);
  });
});

describe('keeping the catalogue', () => {
  it('lets only the system administrator change it', async () => {
    const parentId = await node(['RPO WM 2014-2020', '9', '9.2', '9.2.1']);
    const input = { parentId, kind: 'typ_wsparcia', code: '9.2.1.01', name: 'usługi opiekuńcze' };
    await call(worker, 'POST', '/api/programmes', input, 403);
    await call(instAdmin, 'POST', '/api/programmes', input, 403);
    await call(instAdmin, 'POST', '/api/programmes/import?dryRun=true', { format: 'x' }, 403);
    const created = await call<ProgrammeNodeDetail>(sysadmin, 'POST', '/api/programmes', input, 201);
    expect(created.path).toBe('RPO WM 2014-2020 › 9 › 9.2 › 9.2.1 › 9.2.1.01 usługi opiekuńcze');
    expect(created.abilities).toEqual({ update: true, addChild: false, delete: true });
    const [audit] = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where record_type = 'programme_node' and record_id = ${created.id}`,
    );
    expect(audit?.action).toBe('record.create');
  });

  it('refuses a kind that does not fit its parent and a code taken among siblings', async () => {
    const axis = await node(['RPO WM 2014-2020', '9']);
    const wrong = await call<Problem>(
      sysadmin,
      'POST',
      '/api/programmes',
      { parentId: axis, kind: 'typ_wsparcia', code: '9.01', name: 'typ pod osią' },
      400,
    );
    expect(fieldsOf(wrong).kind).toMatch(/nie może leżeć pod wybranym rodzicem/);
    const taken = await call<Problem>(
      sysadmin,
      'POST',
      '/api/programmes',
      { parentId: axis, kind: 'dzialanie', code: '9.1', name: 'Drugie 9.1' },
      400,
    );
    expect(fieldsOf(taken).code).toMatch(/Ten kod ma już inny węzeł/);
    const rules = await call<Problem>(
      sysadmin,
      'POST',
      '/api/programmes',
      { parentId: null, kind: 'program', code: 'TEST', name: 'Test', rules: { onlyWithOther: true } },
      400,
    );
    expect(Object.keys(fieldsOf(rules))).toEqual(['rules']);
  });

  it('saves with the loaded version and answers 409 to a stale one', async () => {
    const d = await detail(['RPO WM 2014-2020', '9', '9.3', '9.3.2']);
    const body = {
      node: {
        code: d.code,
        name: d.name,
        description: 'Koordynacja rozwoju ekonomii społecznej w regionie',
        rules: { targetGroups: ['podmioty ekonomii społecznej'] },
        period: null,
        sortOrder: d.sortOrder,
      },
      version: d.version,
    };
    const saved = await call<ProgrammeNodeDetail>(sysadmin, 'PUT', `/api/programmes/${d.id}`, body);
    expect(saved.version).toBe(d.version + 1);
    expect(saved.rules).toEqual({ targetGroups: ['podmioty ekonomii społecznej'] });
    await call(sysadmin, 'PUT', `/api/programmes/${d.id}`, body, 409);
    await call(worker, 'PUT', `/api/programmes/${d.id}`, { ...body, version: saved.version }, 403);
  });

  it('keeps a node with projects: it can be deactivated, not deleted', async () => {
    const id = await node(['RPO WM 2014-2020', '9', '9.2', '9.2.2']);
    // The axis may already hold projects (the demo's Andrychów project sits under 9.1.2).
    const axisBefore = (await detail(['RPO WM 2014-2020', '9'])).projectCount;
    await addProject(id, 'RPMP.09.02.02-12-0001/19');
    const d = await call<ProgrammeNodeDetail>(sysadmin, 'GET', `/api/programmes/${id}`);
    expect(d.projectCount).toBe(1);
    expect(d.abilities.delete).toBe(false);
    expect((await detail(['RPO WM 2014-2020', '9'])).projectCount).toBe(axisBefore + 1);
    const refused = await call<Problem>(
      sysadmin,
      'DELETE',
      `/api/programmes/${id}?version=${d.version}`,
      undefined,
      409,
    );
    expect(refused.detail).toMatch(/Pod węzłem są projekty/);
    const off = await call<ProgrammeNodeDetail>(sysadmin, 'PUT', `/api/programmes/${id}/active`, {
      active: false,
      version: d.version,
    });
    expect(off.active).toBe(false);
    expect(off.projectCount).toBe(1);
    const list = await call<ProgrammePlacementList>(worker, 'GET', '/api/programmes/placements');
    expect(list.items.some((i) => i.id === id)).toBe(false);
    // The project keeps its place.
    const [p] = await queryRows<{ programme_node_id: string }>(
      t.database.db,
      sql`select programme_node_id from projects where number = 'RPMP.09.02.02-12-0001/19'`,
    );
    expect(p?.programme_node_id).toBe(id);
    await call(sysadmin, 'PUT', `/api/programmes/${id}/active`, { active: true, version: d.version }, 409);
  });

  it('deletes a leaf but not a node with children', async () => {
    const withChildren = await detail([...RPO, '9.1.3']);
    const refused = await call<Problem>(
      sysadmin,
      'DELETE',
      `/api/programmes/${withChildren.id}?version=${withChildren.version}`,
      undefined,
      409,
    );
    expect(refused.detail).toMatch(/ma elementy podrzędne/);
    const leaf = await call<ProgrammeNodeDetail>(
      sysadmin,
      'POST',
      '/api/programmes',
      { parentId: withChildren.id, kind: 'typ_wsparcia', code: '9.1.3.99', name: 'do usunięcia' },
      201,
    );
    await call(worker, 'DELETE', `/api/programmes/${leaf.id}?version=1`, undefined, 403);
    await call(sysadmin, 'DELETE', `/api/programmes/${leaf.id}?version=1`, undefined, 204);
    await call(worker, 'GET', `/api/programmes/${leaf.id}`, undefined, 404);
  });

  it('offers the support types of a placement and of its ancestors, active ones only', async () => {
    const action = await node(['FERS 2021-2027', '4', '04.13']);
    expect(await allowedSupportTypes(t.database.db, action)).toEqual([]);
    const created = await call<ProgrammeNodeDetail>(
      sysadmin,
      'POST',
      '/api/programmes',
      {
        parentId: action,
        kind: 'typ_wsparcia',
        code: '04.13.01',
        name: 'szkolenia kadr pomocy społecznej',
        rules: { onlyWithOther: true },
      },
      201,
    );
    expect((await allowedSupportTypes(t.database.db, action)).map((x) => x.code)).toEqual(['04.13.01']);
    await call(sysadmin, 'PUT', `/api/programmes/${created.id}/active`, { active: false, version: 1 });
    expect(await allowedSupportTypes(t.database.db, action)).toEqual([]);
  });
});

describe('JSON import and export', () => {
  const imported = {
    format: 'kooperacja.programmes',
    formatVersion: 1,
    programmes: [
      {
        kind: 'program',
        code: 'FEM 2021-2027',
        name: 'Program regionalny testowy 2021-2027',
        description: null,
        period: '2021-2027',
        rules: {},
        active: true,
        children: [
          {
            kind: 'os',
            code: '6',
            name: 'Oś testowa',
            description: 'Opis osi',
            period: null,
            rules: {},
            active: true,
            children: [
              {
                kind: 'dzialanie',
                code: '6.1',
                name: 'Działanie testowe',
                description: null,
                period: null,
                rules: { targetGroups: ['osoby starsze'] },
                active: true,
                children: [
                  {
                    kind: 'typ_wsparcia',
                    code: '6.1.01',
                    name: 'usługi opiekuńcze',
                    description: null,
                    period: null,
                    rules: {
                      onlyWithOther: true,
                      timeWindow: 'do 6 miesięcy po opuszczeniu placówki',
                      monthsAfterLeaving: 6,
                    },
                    active: true,
                    children: [],
                  },
                  {
                    kind: 'typ_wsparcia',
                    code: '6.1.02',
                    name: 'teleopieka',
                    description: null,
                    period: null,
                    rules: {},
                    active: false,
                    children: [],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };

  it('reports a dry run without writing, imports, and exports the same document back', async () => {
    const before = await nodeCount();
    const dry = await call<CatalogueImportResult>(
      sysadmin,
      'POST',
      '/api/programmes/import?dryRun=true',
      imported,
    );
    expect(dry).toEqual({ dryRun: true, created: 5, updated: 0, unchanged: 0 });
    expect(await nodeCount()).toBe(before);

    const done = await call<CatalogueImportResult>(sysadmin, 'POST', '/api/programmes/import', imported);
    expect(done).toEqual({ dryRun: false, created: 5, updated: 0, unchanged: 0 });
    expect(await nodeCount()).toBe((before ?? 0) + 5);

    const id = await node(['FEM 2021-2027']);
    const res = await worker.inject({ method: 'GET', url: `/api/programmes/export?programme=${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="programy-FEM-2021-2027\.json"/);
    const exported = res.json() as CatalogueDocument;
    expect(exported.programmes).toEqual(imported.programmes);

    const again = await call<CatalogueImportResult>(sysadmin, 'POST', '/api/programmes/import', exported);
    expect(again).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 5 });
  });

  it('updates what changed, matched by code path, and leaves other nodes alone', async () => {
    const changed = structuredClone(imported);
    const action = changed.programmes[0]?.children[0]?.children[0];
    if (!action) throw new Error('fixture');
    action.name = 'Działanie testowe (zmienione)';
    const dry = await call<CatalogueImportResult>(
      sysadmin,
      'POST',
      '/api/programmes/import?dryRun=true',
      changed,
    );
    expect(dry).toEqual({ dryRun: true, created: 0, updated: 1, unchanged: 4 });
    await call(sysadmin, 'POST', '/api/programmes/import', changed);
    const d = await detail(['FEM 2021-2027', '6', '6.1']);
    expect(d.name).toBe('Działanie testowe (zmienione)');
    expect(d.version).toBe(2);
    // The whole-catalogue export holds the shipped programmes too.
    const all = await call<CatalogueDocument>(worker, 'GET', '/api/programmes/export');
    expect(all.programmes.map((p) => p.code)).toEqual([
      'RPO WM 2014-2020',
      'POWER 2014-2020',
      'FERS 2021-2027',
      'FEM 2021-2027',
    ]);
    const [audit] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'export.download' and record_type = 'programme_node'`,
    );
    expect(audit?.n).toBeGreaterThanOrEqual(2);
  });

  it('answers field errors with JSON paths and writes nothing when the document is wrong', async () => {
    const before = await nodeCount();
    const bad = structuredClone(imported) as unknown as {
      programmes: { code: string; children: { kind: string; name: string; children: unknown[] }[] }[];
    };
    const p = bad.programmes[0];
    if (!p?.children[0]) throw new Error('fixture');
    p.code = 'NOWY 2021-2027';
    p.children.push({ kind: 'os', name: '', children: [] });
    const shape = await call<Problem>(sysadmin, 'POST', '/api/programmes/import?dryRun=false', bad, 400);
    expect(Object.keys(fieldsOf(shape)).sort()).toEqual([
      'programmes.0.children.1.code',
      'programmes.0.children.1.name',
    ]);
    // Once the shape is right, the tree's own rules: kinds under fitting parents.
    p.children.pop();
    p.children[0].children.push({ kind: 'program', code: '6.2', name: 'zagnieżdżony program' });
    const tree = await call<Problem>(sysadmin, 'POST', '/api/programmes/import', bad, 400);
    expect(fieldsOf(tree)).toEqual({
      'programmes.0.children.0.children.1.kind': expect.stringMatching(
        /nie może leżeć pod wybranym rodzicem/,
      ),
    });
    expect(await nodeCount()).toBe(before);
    await expect(node(['NOWY 2021-2027'])).rejects.toThrow();
  });

  it('refuses to change the kind of an existing node and rolls the whole import back', async () => {
    const before = await nodeCount();
    const doc = {
      format: 'kooperacja.programmes',
      formatVersion: 1,
      programmes: [
        {
          kind: 'program',
          code: 'RPO WM 2014-2020',
          name: 'Regionalny Program Operacyjny Województwa Małopolskiego na lata 2014-2020',
          period: '2014-2020',
          children: [
            { kind: 'os', code: '10', name: 'Nowa oś' },
            {
              kind: 'os',
              code: '9',
              name: 'Region Spójny Społecznie',
              children: [
                {
                  kind: 'dzialanie',
                  code: '9.1',
                  name: 'Aktywna integracja',
                  children: [{ kind: 'typ_wsparcia', code: '9.1.1', name: 'udaje poddziałanie' }],
                },
              ],
            },
          ],
        },
      ],
    };
    const problem = await call<Problem>(sysadmin, 'POST', '/api/programmes/import', doc, 400);
    expect(Object.keys(fieldsOf(problem))).toEqual(['programmes.0.children.1.children.0.children.0.kind']);
    expect(await nodeCount()).toBe(before);
  });

  it('exports only a programme, not another kind of node', async () => {
    const axis = await node(['RPO WM 2014-2020', '9']);
    const problem = await call<Problem>(
      worker,
      'GET',
      `/api/programmes/export?programme=${axis}`,
      undefined,
      400,
    );
    expect(Object.keys(fieldsOf(problem))).toEqual(['query.programme']);
  });
});
