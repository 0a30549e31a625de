import { sql } from 'drizzle-orm';
import { type Case, type Ctx, institutionId, q, type Rel } from './kit.js';

/**
 * Route × role cases of the partnerships capability. "own" is the demo PZK of Bochnia, run by
 * `animator.bochnia` (its animator); "other" is the demo team of Łapanów, led by GOPS Łapanów, which
 * no demo user runs. Every role with `institutions.read` reads both; only the animator holds
 * `partnerships.manage`, and changes only the partnership it runs (403 on the other: the record is
 * visible, so 404 would hide nothing). Writes read the current version from the database.
 */
const both: Rel[] = ['own', 'other'];
const managed = (ok: number) => (c: Ctx) => (c.rel === 'own' ? ok : 403);
let seq = 0;

let fixtures: Promise<Record<Rel, { id: string; meetingId: string; agreementId: string }>> | undefined;
function partnership(c: Ctx) {
  fixtures ??= (async () => {
    const make = async (name: string) => {
      const [p] = await q<{ id: string; leader: string }>(
        sql`select id, leader_institution_id as leader from partnerships where name = ${name}`,
      );
      if (!p) throw new Error(`no demo partnership ${name}`);
      const [m] = await q<{ id: string }>(
        sql`select id from meetings where partnership_id = ${p.id} order by starts_at limit 1`,
      );
      const agreementId = await draftAgreement(p.id, p.leader);
      // A scan to download.
      const [d] = await q<{ id: string }>(
        sql`insert into documents (institution_id, filename, mime_type, size, sha256, data, uploaded_by)
            values (${p.leader}, 'skan.pdf', 'application/pdf', 15, 'x', ${Buffer.from('%PDF-1.4\n%%EOF\n')},
              (select id from users order by email limit 1)) returning id`,
      );
      await q(sql`update agreements set signed_scan_id = ${d?.id} where id = ${agreementId}`);
      return { id: p.id, meetingId: m?.id as string, agreementId };
    };
    return {
      own: await make('Partnerski Zespół Kooperacyjny w Bochni'),
      other: await make('Zespół Kooperacyjny Gminy Łapanów'),
    };
  })();
  return fixtures.then((f) => f[c.rel]);
}

/** A fresh draft agreement with two parties that both have signatories. */
async function draftAgreement(partnershipId: string, leader: string): Promise<string> {
  const [a] = await q<{ id: string }>(
    sql`insert into agreements (partnership_id, title, scope) values (${partnershipId}, 'Porozumienie testowe', 'Zakres') returning id`,
  );
  const pcpr = await institutionId('PCPR Bochnia');
  await q(
    sql`insert into agreement_parties (agreement_id, institution_id, signatory_name, position) values
        (${a?.id}, ${leader}, 'Podpisujący 1', 0), (${a?.id}, ${pcpr}, 'Podpisujący 2', 1)`,
  );
  return a?.id as string;
}

async function freshInstitution(): Promise<string> {
  const [row] = await q<{ id: string }>(
    sql`insert into institutions (name, type, sector, teryt) values (${`Instytucja macierzowa ${++seq}`}, 'ngo', 'ngo', '1201011') returning id`,
  );
  return row?.id as string;
}

async function versionOf(table: 'partnerships' | 'agreements' | 'meetings', id: string): Promise<number> {
  const [row] = await q<{ version: number }>(sql`select version from ${sql.raw(table)} where id = ${id}`);
  return row?.version ?? 1;
}

const today = () => new Date().toISOString().slice(0, 10);
const base = async (c: Ctx, rest = '') => `/api/partnerships/${(await partnership(c)).id}${rest}`;

export const partnershipsCases: Record<string, Case> = {
  'GET /api/partnerships': { request: () => ({ url: '/api/partnerships?teryt=1201' }), expect: () => 200 },
  'GET /api/partnerships/action-items/mine': {
    request: () => ({ url: '/api/partnerships/action-items/mine' }),
    expect: () => 200,
  },
  'POST /api/partnerships': {
    request: async (c) => ({
      url: '/api/partnerships',
      payload: {
        name: `Partnerstwo macierzowe ${++seq}`,
        kind: 'pzk',
        model: 'wlasny',
        teryt: '1201011',
        leaderInstitutionId: c.session.me.activeInstitutionId,
        startsOn: '2026-01-01',
      },
    }),
    expect: () => 201,
  },
  'GET /api/partnerships/:id': {
    relations: both,
    request: async (c) => ({ url: await base(c) }),
    expect: () => 200,
  },
  'PUT /api/partnerships/:id': {
    relations: both,
    request: async (c) => {
      const { id } = await partnership(c);
      const [p] = await q<Record<string, unknown>>(
        sql`select name, kind, model, teryt, leader_institution_id as "leaderInstitutionId",
              strategic_partner_institution_id as "strategicPartnerInstitutionId",
              animator_user_id as "animatorUserId", description, starts_on::text as "startsOn",
              ends_on::text as "endsOn", status, role_vocabulary as "roleVocabulary", version
            from partnerships where id = ${id}`,
      );
      return { url: await base(c), payload: p };
    },
    expect: managed(200),
  },
  'POST /api/partnerships/:id/members': {
    relations: both,
    request: async (c) => ({
      url: await base(c, '/members'),
      payload: { institutionId: await freshInstitution(), role: 'kooperant', joinedOn: '2026-01-01' },
    }),
    expect: managed(201),
  },
  'POST /api/partnerships/:id/members/:memberId/end': {
    relations: both,
    request: async (c) => {
      const { id } = await partnership(c);
      const [m] = await q<{ id: string }>(
        sql`insert into partnership_members (partnership_id, institution_id, role, joined_on)
            values (${id}, ${await freshInstitution()}, 'kooperant', '2025-01-01') returning id`,
      );
      return { url: await base(c, `/members/${m?.id}/end`), payload: { leftOn: '2026-01-31' } };
    },
    expect: managed(200),
  },
  'GET /api/partnerships/:id/dashboard': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/dashboard') }),
    expect: () => 200,
  },
  'GET /api/partnerships/:id/agreements': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/agreements') }),
    expect: () => 200,
  },
  'POST /api/partnerships/:id/agreements': {
    relations: both,
    request: async (c) => ({
      url: await base(c, '/agreements'),
      payload: { title: 'Porozumienie', scope: 'Zakres współpracy', parties: [] },
    }),
    expect: managed(201),
  },
  'PUT /api/partnerships/:id/agreements/:agreementId': {
    relations: both,
    request: async (c) => {
      const { agreementId } = await partnership(c);
      return {
        url: await base(c, `/agreements/${agreementId}`),
        payload: {
          agreement: { title: 'Porozumienie testowe', scope: 'Zakres', parties: [] },
          version: await versionOf('agreements', agreementId),
        },
      };
    },
    expect: managed(200),
  },
  'DELETE /api/partnerships/:id/agreements/:agreementId': {
    relations: both,
    request: async (c) => {
      const { id } = await partnership(c);
      const [p] = await q<{ leader: string }>(
        sql`select leader_institution_id as leader from partnerships where id = ${id}`,
      );
      const agreementId = await draftAgreement(id, p?.leader as string);
      return { url: await base(c, `/agreements/${agreementId}?version=1`) };
    },
    expect: managed(204),
  },
  'POST /api/partnerships/:id/agreements/:agreementId/transition': {
    relations: both,
    request: async (c) => {
      const { id } = await partnership(c);
      const [p] = await q<{ leader: string }>(
        sql`select leader_institution_id as leader from partnerships where id = ${id}`,
      );
      const agreementId = await draftAgreement(id, p?.leader as string);
      return {
        url: await base(c, `/agreements/${agreementId}/transition`),
        payload: { to: 'podpisane', date: today(), version: 1 },
      };
    },
    expect: managed(200),
  },
  'GET /api/partnerships/:id/agreements/:agreementId/pdf': {
    relations: both,
    request: async (c) => ({ url: await base(c, `/agreements/${(await partnership(c)).agreementId}/pdf`) }),
    expect: () => 200,
  },
  'GET /api/partnerships/:id/agreements/:agreementId/signed-scan': {
    relations: both,
    request: async (c) => ({
      url: await base(c, `/agreements/${(await partnership(c)).agreementId}/signed-scan`),
    }),
    expect: () => 200,
  },
  'PUT /api/partnerships/:id/agreements/:agreementId/signed-scan': {
    relations: both,
    request: async (c) => {
      const { agreementId } = await partnership(c);
      const version = await versionOf('agreements', agreementId);
      return {
        url: await base(c, `/agreements/${agreementId}/signed-scan?filename=skan.pdf&version=${version}`),
        payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
      };
    },
    expect: managed(200),
  },
  'GET /api/partnerships/:id/meetings': {
    relations: both,
    request: async (c) => ({ url: await base(c, '/meetings') }),
    expect: () => 200,
  },
  'POST /api/partnerships/:id/meetings': {
    relations: both,
    request: async (c) => ({
      url: await base(c, '/meetings'),
      payload: { title: 'Spotkanie macierzowe', startsAt: '2026-06-01T10:00:00+02:00', place: 'Sala' },
    }),
    expect: managed(201),
  },
  'GET /api/partnerships/:id/meetings/:meetingId': {
    relations: both,
    request: async (c) => ({ url: await base(c, `/meetings/${(await partnership(c)).meetingId}`) }),
    expect: () => 200,
  },
  'PUT /api/partnerships/:id/meetings/:meetingId': {
    relations: both,
    request: async (c) => {
      const { meetingId } = await partnership(c);
      return {
        url: await base(c, `/meetings/${meetingId}`),
        payload: {
          meeting: {
            title: 'Spotkanie',
            startsAt: '2026-01-10T10:00:00+01:00',
            place: 'Sala',
            status: 'odbyte',
          },
          version: await versionOf('meetings', meetingId),
        },
      };
    },
    expect: managed(200),
  },
  'POST /api/partnerships/:id/meetings/:meetingId/action-items': {
    relations: both,
    request: async (c) => ({
      url: await base(c, `/meetings/${(await partnership(c)).meetingId}/action-items`),
      payload: { description: 'Zadanie macierzowe', ownerInstitutionId: await institutionId('MOPS Bochnia') },
    }),
    expect: managed(201),
  },
  // The owner marks an item done: "own" is an item owned by the caller, "other" one owned by nobody
  // in a partnership the caller does not run (403).
  'POST /api/partnerships/:id/meetings/:meetingId/action-items/:itemId/done': {
    relations: both,
    request: async (c) => {
      const { meetingId } = await partnership(c);
      const owner = c.rel === 'own' ? c.session.me.user.id : null;
      const [item] = await q<{ id: string }>(
        sql`insert into meeting_action_items (meeting_id, description, owner_institution_id, owner_user_id)
            values (${meetingId}, 'Zadanie', ${c.session.me.activeInstitutionId ?? (await institutionId('MOPS Bochnia'))}, ${owner})
            returning id`,
      );
      return {
        url: await base(c, `/meetings/${meetingId}/action-items/${item?.id}/done`),
        payload: { done: true },
      };
    },
    expect: managed(200),
  },
};
