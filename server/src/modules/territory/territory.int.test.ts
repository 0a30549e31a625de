import { gunzipSync } from 'node:zlib';
import type { Problem, TerritorySummary, UnitDetail, UnitSearchResult } from '@kooperacja/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const search = async (qs: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/territory/units?${qs}`, headers });
  return { res, body: res.json() as UnitSearchResult };
};

describe('territorial registry', () => {
  it('holds exactly 16 województwa, 380 powiaty and 2,479 gminy, and lists the two without polygons', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/territory/summary' });
    expect(res.statusCode).toBe(200);
    const s = res.json() as TerritorySummary;
    expect(s.counts).toEqual({ wojewodztwo: 16, powiat: 380, gmina: 2479 });
    expect(s.gminaKinds).toEqual({ gmina_miejska: 302, gmina_wiejska: 1453, gmina_miejsko_wiejska: 724 });
    expect(s.withoutGeometry.map((u) => [u.teryt, u.name])).toEqual([
      ['1207132', 'Szczawa'],
      ['2002162', 'Grabówka'],
    ]);
    expect(s.stanNa).toBe('2026-01-01');
  });

  it('finds Żabno without diacritics, with its TERYT code first', async () => {
    for (const q of ['zabno', 'Żabno', 'ŻABNO', 'żabno']) {
      const { res, body } = await search(`q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(body.items[0]).toMatchObject({ teryt: '1216153', name: 'Żabno', kind: 'gmina_miejsko_wiejska' });
    }
  });

  it('finds Bochnia whatever the case, and ranks exact names before longer ones', async () => {
    const a = await search('q=Bochnia&level=gmina');
    const b = await search('q=bochnia&level=gmina');
    expect(a.body.items.map((u) => u.teryt)).toEqual(b.body.items.map((u) => u.teryt));
    expect(a.body.items.slice(0, 2).map((u) => u.nameFull)).toEqual(
      expect.arrayContaining(['gmina miejska Bochnia', 'gmina wiejska Bochnia']),
    );
  });

  it('tolerates a typo (trigram similarity)', async () => {
    const { body } = await search('q=bochnai&level=gmina');
    expect(body.items.some((u) => u.name === 'Bochnia')).toBe(true);
  });

  it('finds powiaty by their full name ("powiat bocheński")', async () => {
    const { body } = await search(`q=${encodeURIComponent('powiat bocheński')}`);
    expect(body.items[0]).toMatchObject({ teryt: '1201', level: 'powiat' });
  });

  it('restricts results to a level and to the units within a województwo', async () => {
    const { body } = await search('level=powiat&within=12&limit=100');
    expect(body.total).toBe(22);
    expect(body.items.every((u) => u.wojTeryt === '12' && u.level === 'powiat')).toBe(true);
  });

  it('pages a long list with a stable total', async () => {
    const first = await search('level=gmina&limit=50&offset=0');
    const second = await search('level=gmina&limit=50&offset=50');
    expect(first.body.total).toBe(2479);
    expect(second.body.total).toBe(2479);
    expect(new Set([...first.body.items, ...second.body.items].map((u) => u.teryt)).size).toBe(100);
  });

  it('shows a gmina with its powiat and województwo, and a powiat with its gminy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/territory/units/1216153' });
    const d = res.json() as UnitDetail;
    expect(d.parents.map((p) => p.nameFull)).toEqual(['województwo małopolskie', 'powiat tarnowski']);
    expect(d.children).toEqual([]);
    expect(d.unit.population).toBeGreaterThan(15000);

    const p = (await t.app.inject({ method: 'GET', url: '/api/territory/units/1201' })).json() as UnitDetail;
    expect(p.children.map((c) => c.name)).toContain('Bochnia');
    expect(p.children.every((c) => c.powiatTeryt === '1201')).toBe(true);
    // Population of a powiat is the sum of its gminy.
    expect(p.unit.population).toBe(p.children.reduce((s, c) => s + (c.population ?? 0), 0));
  });

  it('answers 404 problem+json for a code that does not exist', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/territory/units/9999999' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.json() as Problem).code).toBe('not_found');
  });

  it('rejects a malformed code naming the field, in Polish by default and in English on request', async () => {
    const pl = await t.app.inject({ method: 'GET', url: '/api/territory/units/abc' });
    expect(pl.statusCode).toBe(400);
    const p = pl.json() as Problem;
    expect(p.code).toBe('validation_failed');
    expect(p.title).toBe('Nieprawidłowe dane');
    expect(p.errors).toEqual([
      { field: 'params.teryt', code: 'invalid_format', message: expect.stringContaining('Kod TERYT ma 2') },
    ]);
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/territory/units/abc',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect((en.json() as Problem).errors?.[0]?.message).toContain('A TERYT code has');
  });

  it('serves the boundaries compressed, with an ETag that allows a 304', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/territory/boundaries',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const topo = JSON.parse(gunzipSync(res.rawPayload).toString('utf8'));
    expect(topo.objects.gminy.geometries).toHaveLength(2477);
    expect(topo.objects.powiaty.geometries).toHaveLength(380);
    expect(topo.objects.wojewodztwa.geometries).toHaveLength(16);
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/territory/boundaries',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});
