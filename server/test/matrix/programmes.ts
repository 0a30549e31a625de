import { sql } from 'drizzle-orm';
import { type Case, isSys, q } from './kit.js';

/**
 * Route × role cases of the programme catalogue. Reading (the tree, a node, placements, the JSON
 * export) is for every logged-in user — the catalogue is public information; changing it and
 * importing JSON need `system.admin`, so only the system administrator gets past 403.
 *
 * Fixtures: the shipped 9.2.1 sub-action (read, changed with its current version) and a fresh
 * support type under it for each delete (made on every request, so each role has one to delete).
 */
async function subAction(): Promise<{ id: string; version: number }> {
  const [row] = await q<{ id: string; version: number }>(
    sql`select n.id, n.version from programme_nodes n
        join programme_nodes a on a.id = n.parent_id
        where n.code = '9.2.1' and a.code = '9.2'`,
  );
  if (!row) throw new Error('no 9.2.1 in the catalogue');
  return row;
}

let made = 0;
async function freshLeaf(): Promise<string> {
  const parent = await subAction();
  made += 1;
  const [row] = await q<{ id: string }>(
    sql`insert into programme_nodes (parent_id, kind, code, name)
        values (${parent.id}, 'typ_wsparcia', ${`9.2.1.m${made}`}, 'Typ wsparcia macierzy') returning id`,
  );
  return row?.id as string;
}

const admin = (ok: number) => (c: Parameters<Case['expect']>[0]) => (isSys(c) ? ok : 403);

export const programmesCases: Record<string, Case> = {
  'GET /api/programmes': { request: () => ({ url: '/api/programmes' }), expect: () => 200 },
  'GET /api/programmes/placements': {
    request: () => ({ url: '/api/programmes/placements' }),
    expect: () => 200,
  },
  'GET /api/programmes/export': { request: () => ({ url: '/api/programmes/export' }), expect: () => 200 },
  'GET /api/programmes/:id': {
    request: async () => ({ url: `/api/programmes/${(await subAction()).id}` }),
    expect: () => 200,
  },
  'POST /api/programmes/import': {
    // A dry run of an empty document: valid, changes nothing.
    request: () => ({
      url: '/api/programmes/import?dryRun=true',
      payload: { format: 'kooperacja.programmes', formatVersion: 1, programmes: [] },
    }),
    expect: admin(200),
  },
  'POST /api/programmes': {
    request: async () => ({
      url: '/api/programmes',
      payload: {
        parentId: (await subAction()).id,
        kind: 'typ_wsparcia',
        code: `9.2.1.p${++made}`,
        name: 'Nowy typ wsparcia macierzy',
      },
    }),
    expect: admin(201),
  },
  'PUT /api/programmes/:id': {
    request: async () => {
      const n = await subAction();
      return {
        url: `/api/programmes/${n.id}`,
        payload: {
          node: {
            code: '9.2.1',
            name: 'Usługi społeczne i zdrowotne w regionie',
            description: null,
            rules: {},
            period: null,
            sortOrder: 10,
          },
          version: n.version,
        },
      };
    },
    expect: admin(200),
  },
  'PUT /api/programmes/:id/active': {
    request: async () => {
      const n = await subAction();
      return { url: `/api/programmes/${n.id}/active`, payload: { active: true, version: n.version } };
    },
    expect: admin(200),
  },
  'DELETE /api/programmes/:id': {
    request: async () => ({ url: `/api/programmes/${await freshLeaf()}?version=1` }),
    expect: admin(204),
  },
};
