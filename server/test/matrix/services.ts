import { sql } from 'drizzle-orm';
import { both, type Case, type Ctx, institutionId, isSys, q } from './kit.js';

/**
 * Route × role cases of the services capability (resource map). Reading is for everyone with
 * `institutions.read`; the write routes declare it too and the policy admits only the
 * administrator (`institution.admin`) or the partnership animator (`partnerships.manage`) of the
 * service's own institution — and the system administrator for any — so other readers get 403.
 *
 * Fixtures: one service of the caller's active institution (own) and one of another institution
 * (other: OPS Andrychów, or MOPS Bochnia for callers from Andrychów), made on first use.
 */
const serviceOf = new Map<string, Promise<string>>();
function fixtureService(institution: string): Promise<string> {
  let id = serviceOf.get(institution);
  if (!id) {
    id = q<{ id: string }>(
      sql`insert into services (institution_id, name, service_type, teryt, capacity, free_places)
          values (${institution}, 'Usługa testowa macierzy', 'poradnictwo_specjalistyczne', '1201011', 10, 2)
          returning id`,
    ).then((rows) => rows[0]?.id as string);
    serviceOf.set(institution, id);
  }
  return id;
}

async function targetService(c: Ctx): Promise<string> {
  const own = c.session.me.activeInstitutionId as string;
  if (c.rel === 'own') return fixtureService(own);
  const andrychow = await institutionId('OPS Andrychów');
  return fixtureService(andrychow === own ? await institutionId('MOPS Bochnia') : andrychow);
}

async function versionOf(id: string): Promise<number> {
  const [row] = await q<{ version: number }>(sql`select version from services where id = ${id}`);
  return row?.version ?? 1;
}

/** Administrators and animators keep their own institution's services. */
const keepsCatalogue = (c: Ctx) =>
  c.session.me.permissions.includes('institution.admin') ||
  c.session.me.permissions.includes('partnerships.manage');
const mayUpdate = (c: Ctx) => isSys(c) || (keepsCatalogue(c) && c.rel === 'own');

const input = {
  name: 'Poradnictwo testowe',
  serviceType: 'poradnictwo_rodzinne',
  targetGroups: ['rodziny_z_dziecmi'],
  capacity: 5,
  freePlaces: 1,
  contactPhone: '14 611 00 99',
  contactEmail: 'test@demo.kooperacja.pl',
  teryt: '1201011',
};

export const servicesCases: Record<string, Case> = {
  'GET /api/services': { request: () => ({ url: '/api/services?q=asystent&limit=5' }), expect: () => 200 },
  'GET /api/services/map': { request: () => ({ url: '/api/services/map?teryt=1201' }), expect: () => 200 },
  'GET /api/services/:id': {
    relations: both,
    request: async (c) => ({ url: `/api/services/${await targetService(c)}` }),
    expect: () => 200,
  },
  'POST /api/services': {
    request: () => ({ url: '/api/services', payload: input }),
    expect: (c) => (isSys(c) || keepsCatalogue(c) ? 201 : 403),
  },
  'PUT /api/services/:id': {
    relations: both,
    request: async (c) => {
      const id = await targetService(c);
      return { url: `/api/services/${id}`, payload: { service: input, version: await versionOf(id) } };
    },
    expect: (c) => (mayUpdate(c) ? 200 : 403),
  },
  'PUT /api/services/:id/active': {
    relations: both,
    request: async (c) => {
      const id = await targetService(c);
      return { url: `/api/services/${id}/active`, payload: { active: true, version: await versionOf(id) } };
    },
    expect: (c) => (mayUpdate(c) ? 200 : 403),
  },
};
