/**
 * Stories of the resource map: a social worker looks for whom to refer a family to — by need typed
 * without diacritics, by type or area, target group, gmina/powiat, sector, free places — and the
 * map counts follow the same filters; an institution's administrator or animator keeps its own
 * services (validation field by field in the user's language, stale saves 409, deactivation), and
 * nobody else changes them.
 */
import type { Problem, Service, ServiceList, ServiceMapCounts } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';
import { demoServices } from './demo.js';

let t: TestApp;
let worker: TestSession; // pracownik.bochnia — reads, cannot change
let admin: TestSession; // admin.bochnia — administrator of MOPS Bochnia
let animator: TestSession; // animator.bochnia — PCPR Bochnia
let sysadmin: TestSession; // admin — system administrator (ROPS Kraków)

async function call<T>(
  s: TestSession,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  status = 200,
) {
  const res = await s.inject({ method, url, payload, headers: { 'accept-language': 'pl' } });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
const search = (s: TestSession, query: string) =>
  call<ServiceList>(s, 'GET', `/api/services?limit=200&${query}`);
const names = (l: ServiceList) => l.items.map((i) => i.name);

const valid = {
  name: 'Poradnictwo dla rodzin zastępczych',
  serviceType: 'poradnictwo_rodzinne',
  targetGroups: ['rodziny_z_dziecmi', 'rodziny_z_dziecmi'],
  description: 'Konsultacje pedagoga',
  capacity: 10,
  freePlaces: 4,
  hours: 'pn. 9:00–12:00',
  howToRefer: 'Zapisy telefoniczne',
  contactPhone: '+48 14 611-00-99',
  contactEmail: 'Porady@MOPS.demo.kooperacja.pl',
  teryt: '1201011',
};

beforeAll(async () => {
  t = await createTestApp();
  worker = await login(t.app, 'pracownik.bochnia');
  admin = await login(t.app, 'admin.bochnia');
  animator = await login(t.app, 'animator.bochnia');
  sysadmin = await login(t.app, 'admin');
});

describe('searching the resource map', () => {
  it('holds the demo catalogue: about forty services, the inactive ones hidden by default', async () => {
    const all = await search(worker, 'active=all');
    expect(all.total).toBe(demoServices.length);
    expect(demoServices.length).toBeGreaterThanOrEqual(38);
    const active = await search(worker, '');
    expect(active.total).toBe(demoServices.filter((s) => s.active !== false).length);
    expect(names(active)).not.toContain('Kącik czytelniczy dla dzieci w Lipnicy Murowanej');
    expect(names(await search(worker, 'active=false'))).toContain(
      'Kącik czytelniczy dla dzieci w Lipnicy Murowanej',
    );
    // A reader sees no edit ability and may not create.
    expect(active.abilities.create).toBe(false);
    expect(active.items.every((i) => !i.abilities.update)).toBe(true);
  });

  it('finds by need typed without diacritics, in the type and target-group labels too', async () => {
    const flats = await search(worker, 'q=mieszkanie');
    expect(flats.items.map((i) => i.serviceType).sort()).toEqual(
      ['mieszkanie_treningowe', 'mieszkanie_treningowe', 'mieszkanie_wspomagane'].sort(),
    );
    const addiction = await search(worker, `q=${encodeURIComponent('uzaleznien')}`);
    expect(names(addiction)).toContain('Poradnia Terapii Uzależnienia od Alkoholu i Współuzależnienia');
    // "przemoc" is in no name of the police procedure, but in its type and target group.
    expect(names(await search(worker, 'q=przemocy'))).toContain('Dzielnicowy — procedura Niebieskiej Karty');
    // Every word must match: the family assistant of Andrychów only.
    const assistants = await search(worker, `q=${encodeURIComponent('asystent Andrychów')}`);
    expect(assistants.items.map((i) => i.institution.shortName)).toEqual(['OPS Andrychów']);
    // The best textual match comes first.
    const best = await search(worker, `q=${encodeURIComponent('Centrum Integracji Społecznej')}`);
    expect(best.items[0]?.name).toBe('Centrum Integracji Społecznej „Razem”');
  });

  it('filters by type, area, target group, sector and free places', async () => {
    const cis = await search(worker, 'type=centrum_integracji_spolecznej');
    expect(cis.items.map((i) => i.name)).toEqual(['Centrum Integracji Społecznej „Razem”']);
    const housing = await search(worker, 'area=mieszkalnictwo');
    expect(housing.total).toBe(3);
    expect(housing.items.every((i) => i.area === 'mieszkalnictwo')).toBe(true);
    const seniors = await search(worker, 'targetGroup=seniorzy');
    expect(seniors.items.every((i) => i.targetGroups.includes('seniorzy'))).toBe(true);
    expect(seniors.total).toBeGreaterThanOrEqual(5);
    const ngo = await search(worker, 'sector=ngo');
    expect(ngo.items.every((i) => i.institution.sector === 'ngo')).toBe(true);
    expect(ngo.total).toBeGreaterThan(5);
    const free = await search(worker, 'freeOnly=true');
    expect(free.items.every((i) => (i.freePlaces ?? 0) > 0)).toBe(true);
    expect(names(free)).not.toContain('Usługi opiekuńcze w miejscu zamieszkania');
    // With free places first when nothing is typed.
    const list = await search(worker, 'teryt=1201011');
    const firstFull = list.items.findIndex((i) => !(i.freePlaces && i.freePlaces > 0));
    expect(list.items.slice(firstFull).every((i) => !(i.freePlaces && i.freePlaces > 0))).toBe(true);
  });

  it('a powiat or województwo code includes its gminy; pages keep the total', async () => {
    const powiat = await search(worker, 'teryt=1201');
    const gminy = new Set(powiat.items.map((i) => i.teryt));
    expect(gminy).toContain('1201032'); // Drwinia
    expect(gminy).toContain('1201092'); // Żegocina
    expect([...gminy].every((g) => g.startsWith('1201'))).toBe(true);
    const drwinia = powiat.items.find((i) => i.teryt === '1201032');
    expect(drwinia?.unitName).toBe('Drwinia');
    const region = await search(worker, 'teryt=12');
    expect(region.total).toBe(powiat.total + 4); // and Andrychów, Wadowice
    const page = await call<ServiceList>(worker, 'GET', '/api/services?teryt=12&limit=5&offset=5');
    expect(page.total).toBe(region.total);
    expect(page.items).toHaveLength(5);
  });

  it('counts services per gmina for the map with the same filters', async () => {
    const map = await call<ServiceMapCounts>(worker, 'GET', '/api/services/map');
    const list = await search(worker, '');
    expect(map.total).toBe(list.total);
    expect(map.items.find((i) => i.teryt === '1201032')).toEqual({
      teryt: '1201032',
      name: 'Drwinia',
      count: 1,
      freePlaces: 6,
    });
    const free = await call<ServiceMapCounts>(worker, 'GET', '/api/services/map?freeOnly=true&teryt=1218');
    expect(free.items.map((i) => i.teryt)).toEqual(['1218013']);
  });

  it('answers 400 for a malformed filter and 404 for an unknown service', async () => {
    const bad = await call<Problem>(worker, 'GET', '/api/services?teryt=12a', undefined, 400);
    expect(bad.errors?.[0]?.field).toBe('query.teryt');
    await call(worker, 'GET', '/api/services/00000000-0000-4000-8000-000000000000', undefined, 404);
  });
});

describe('keeping the institution’s services', () => {
  let created: Service;

  it('the administrator adds a service of their institution; values are normalised and audited', async () => {
    const list = await call<ServiceList>(admin, 'GET', '/api/services?limit=1');
    expect(list.abilities.create).toBe(true);
    created = await call<Service>(admin, 'POST', '/api/services', valid, 201);
    expect(created.institution.shortName).toBe('MOPS Bochnia');
    expect(created.targetGroups).toEqual(['rodziny_z_dziecmi']);
    expect(created.contactEmail).toBe('porady@mops.demo.kooperacja.pl');
    expect(created.area).toBe('wspieranie_rodziny');
    expect(created.abilities.update).toBe(true);
    expect(created.version).toBe(1);
    const [audit] = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where record_type = 'service' and record_id = ${created.id}`,
    );
    expect(audit?.action).toBe('record.create');
    // A worker of the same institution reads it but cannot change it.
    const seen = await call<Service>(worker, 'GET', `/api/services/${created.id}`);
    expect(seen.abilities.update).toBe(false);
  });

  it('explains every wrong field in the user’s language', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/services',
      headers: { 'accept-language': 'pl' },
      payload: {
        ...valid,
        freePlaces: 12,
        contactEmail: 'nie-email',
        contactPhone: '12 34',
        teryt: '1201',
      },
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json() as Problem;
    const byField = Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));
    expect(byField.freePlaces).toBe('Wolnych miejsc nie może być więcej niż wszystkich miejsc.');
    expect(byField.contactEmail).toBe('Nieprawidłowy adres e-mail.');
    expect(byField.contactPhone).toMatch(/numer telefonu/);
    expect(byField.teryt).toMatch(/gmin/);

    const en = await admin.inject({
      method: 'POST',
      url: '/api/services',
      headers: { 'accept-language': 'en' },
      payload: { ...valid, capacity: null, freePlaces: 3 },
    });
    expect(en.statusCode).toBe(400);
    expect((en.json() as Problem).errors?.[0]).toMatchObject({
      field: 'capacity',
      message: 'When you give free places, give the capacity too.',
    });

    const unknown = await call<Problem>(admin, 'POST', '/api/services', { ...valid, teryt: '1201999' }, 400);
    expect(unknown.errors?.[0]?.field).toBe('teryt');
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const changed = await call<Service>(admin, 'PUT', `/api/services/${created.id}`, {
      service: { ...valid, freePlaces: 0 },
      version: created.version,
    });
    expect(changed.freePlaces).toBe(0);
    expect(changed.version).toBe(2);
    const stale = await call<Problem>(
      admin,
      'PUT',
      `/api/services/${created.id}`,
      { service: { ...valid, name: 'Nadpisanie' }, version: 1 },
      409,
    );
    expect(stale.detail).toMatch(/zmienił/);
    expect((await call<Service>(worker, 'GET', `/api/services/${created.id}`)).name).toBe(valid.name);
  });

  it('nobody outside the institution changes it, except the system administrator', async () => {
    const other = await call<Problem>(
      animator,
      'PUT',
      `/api/services/${created.id}`,
      { service: valid, version: 2 },
      403,
    );
    expect(other.detail).toMatch(/własnej instytucji/);
    await call(worker, 'POST', '/api/services', valid, 403);
    const fixed = await call<Service>(sysadmin, 'PUT', `/api/services/${created.id}`, {
      service: { ...valid, freePlaces: 2 },
      version: 2,
    });
    expect(fixed.version).toBe(3);
    // The animator keeps PCPR's services.
    const pcpr = await search(
      animator,
      `institutionId=${(await search(animator, 'q=PFRON')).items[0]?.institution.id}`,
    );
    expect(pcpr.items.every((i) => i.abilities.update)).toBe(true);
  });

  it('a deactivated service leaves the search and the map but can be offered again', async () => {
    const off = await call<Service>(admin, 'PUT', `/api/services/${created.id}/active`, {
      active: false,
      version: 3,
    });
    expect(off.active).toBe(false);
    expect(names(await search(worker, `q=${encodeURIComponent('rodzin zastepczych')}`))).not.toContain(
      valid.name,
    );
    await call(admin, 'PUT', `/api/services/${created.id}/active`, { active: true, version: 3 }, 409);
    const on = await call<Service>(admin, 'PUT', `/api/services/${created.id}/active`, {
      active: true,
      version: 4,
    });
    expect(on.active).toBe(true);
    expect(names(await search(worker, `q=${encodeURIComponent('rodzin zastepczych')}`))).toContain(
      valid.name,
    );
  });
});
