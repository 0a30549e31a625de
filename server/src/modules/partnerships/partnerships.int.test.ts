import type {
  Agreement,
  MyPartnershipActionItemList,
  Partnership,
  PartnershipDashboard,
  PartnershipList,
  PartnershipMeeting,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { insertCase, institutionIdOf, userIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf-text.js';
import { queryRows } from '../../db/database.js';
import { addDays, warsawToday } from '../cases/tasks.js';

let t: TestApp;
let animator: TestSession;
let worker: TestSession;
let police: TestSession;
let analyst: TestSession;
let mops: string;
let pcpr: string;
let kpp: string;
let bochnia: Partnership;
let lapanow: Partnership;
const today = warsawToday();

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(t.database.db, query);
}

beforeAll(async () => {
  t = await createTestApp();
  [animator, worker, police, analyst] = await Promise.all([
    login(t.app, 'animator.bochnia'),
    login(t.app, 'pracownik.bochnia'),
    login(t.app, 'policja.bochnia'),
    login(t.app, 'analityk.kielce'),
  ]);
  const db = t.database.db;
  mops = await institutionIdOf(db, 'MOPS Bochnia');
  pcpr = await institutionIdOf(db, 'PCPR Bochnia');
  kpp = await institutionIdOf(db, 'KPP Bochnia');
  const list = (
    await analyst.inject({ method: 'GET', url: '/api/partnerships?teryt=1201' })
  ).json() as PartnershipList;
  const idOf = (name: string) => list.items.find((p) => p.name.includes(name))?.id as string;
  bochnia = (await animator.inject({ method: 'GET', url: `/api/partnerships/${idOf('Bochni')}` })).json();
  lapanow = (await animator.inject({ method: 'GET', url: `/api/partnerships/${idOf('Łapanów')}` })).json();
});

describe('reading partnerships', () => {
  it('lists the partnerships of a territory to any user with institutions.read, filtered by model', async () => {
    const all = (
      await analyst.inject({ method: 'GET', url: '/api/partnerships?teryt=1201' })
    ).json() as PartnershipList;
    expect(all.items.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'Partnerski Zespół Kooperacyjny w Bochni',
        'Zespół Kooperacyjny Gminy Łapanów',
      ]),
    );
    const rural = (
      await police.inject({ method: 'GET', url: '/api/partnerships?teryt=1201&model=liderzy_kooperacji' })
    ).json() as PartnershipList;
    expect(rural.items.map((p) => p.name)).toEqual(['Zespół Kooperacyjny Gminy Łapanów']);
    const elsewhere = (await analyst.inject({ method: 'GET', url: '/api/partnerships?teryt=26' })).json();
    expect(elsewhere.items).toEqual([]);
    const bad = await analyst.inject({ method: 'GET', url: '/api/partnerships?teryt=123' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows members with work contacts and says who may manage', async () => {
    expect(bochnia.leader.name).toBe('MOPS Bochnia');
    expect(bochnia.strategicPartner?.name).toBe('PCPR Bochnia');
    expect(bochnia.animator?.name).toBe('Anna Animuszewska');
    expect(bochnia.members.find((m) => m.role === 'lider')?.institution.id).toBe(mops);
    expect(bochnia.members.length).toBeGreaterThanOrEqual(9);
    expect(bochnia.abilities.manage).toBe(true);
    expect(lapanow.abilities.manage).toBe(false);
    const asPolice = (await police.inject({ method: 'GET', url: `/api/partnerships/${bochnia.id}` })).json();
    expect(asPolice.abilities.manage).toBe(false);
    const missing = await police.inject({
      method: 'GET',
      url: '/api/partnerships/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('managing a partnership', () => {
  it('lets only the leader’s or the animator’s managers change it (403 otherwise, logged)', async () => {
    const body = {
      name: lapanow.name,
      kind: lapanow.kind,
      model: lapanow.model,
      teryt: lapanow.teryt,
      leaderInstitutionId: lapanow.leader.id,
      strategicPartnerInstitutionId: lapanow.strategicPartner?.id,
      animatorUserId: null,
      description: 'Zmiana',
      startsOn: lapanow.startsOn,
      status: 'aktywne',
      roleVocabulary: lapanow.roleVocabulary,
      version: lapanow.version,
    };
    const res = await animator.inject({
      method: 'PUT',
      url: `/api/partnerships/${lapanow.id}`,
      payload: body,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/lider i animator/);
    const [denied] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${lapanow.id}`,
    );
    expect(denied?.n).toBeGreaterThan(0);
    // A social worker has no partnerships.manage at all.
    const worker403 = await worker.inject({
      method: 'POST',
      url: `/api/partnerships/${bochnia.id}/members`,
      payload: {},
    });
    expect(worker403.statusCode).toBe(403);
  });

  it('creates a partnership run by its animator, with leader and strategic partner as members; stale edits conflict', async () => {
    const me = animator.me.user.id;
    const created = await animator.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: {
        name: 'Zespół gminno-powiatowy Bochnia',
        kind: 'gminno_powiatowy',
        model: 'wlasny',
        teryt: '1201',
        leaderInstitutionId: mops,
        strategicPartnerInstitutionId: pcpr,
        startsOn: '2026-01-01',
      },
    });
    expect(created.statusCode).toBe(201);
    const p = created.json() as Partnership;
    expect(p.animator?.id).toBe(me);
    expect(p.status).toBe('tworzone');
    expect(p.roleVocabulary.lider?.pl).toBe('Lider');
    expect(p.members.map((m) => [m.institution.id, m.role])).toEqual([
      [mops, 'lider'],
      [pcpr, 'partner_strategiczny'],
    ]);

    const update = (version: number, extra: Record<string, unknown> = {}) =>
      animator.inject({
        method: 'PUT',
        url: `/api/partnerships/${p.id}`,
        payload: {
          name: p.name,
          kind: p.kind,
          model: p.model,
          teryt: p.teryt,
          leaderInstitutionId: mops,
          strategicPartnerInstitutionId: pcpr,
          animatorUserId: me,
          startsOn: p.startsOn,
          status: 'aktywne',
          roleVocabulary: { ...p.roleVocabulary, obserwator: { pl: 'Obserwator', en: 'Observer' } },
          version,
          ...extra,
        },
      });
    const ok = await update(p.version);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('aktywne');
    expect((await update(p.version)).statusCode).toBe(409);
    // Handing the partnership over so that the animator could no longer run it is refused.
    const away = await update(p.version + 1, { animatorUserId: null });
    expect(away.statusCode).toBe(400);
    expect(away.json().errors[0].field).toBe('leaderInstitutionId');
    // The vocabulary must keep the required roles; the error is on the field, in English on request.
    const { kooperant: _k, ...noKooperant } = p.roleVocabulary;
    const en = await animator.inject({
      method: 'PUT',
      url: `/api/partnerships/${p.id}`,
      headers: { 'accept-language': 'en' },
      payload: {
        ...JSON.parse(ok.body),
        roleVocabulary: noKooperant,
        version: p.version + 1,
        leaderInstitutionId: mops,
        strategicPartnerInstitutionId: pcpr,
        animatorUserId: me,
      },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'roleVocabulary', message: expect.stringContaining('kooperant') }),
      ]),
    );

    // Members: a role of the vocabulary; not twice; the leader cannot leave; others leave on a date.
    const add = (payload: Record<string, unknown>) =>
      animator.inject({ method: 'POST', url: `/api/partnerships/${p.id}/members`, payload });
    const unknownRole = await add({ institutionId: kpp, role: 'szeryf', joinedOn: '2026-02-01' });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().errors[0]).toMatchObject({
      field: 'role',
      message: expect.stringMatching(/słowniku ról/),
    });
    const joined = await add({
      institutionId: kpp,
      role: 'obserwator',
      contactName: 'asp. Piotr Posterunkowy',
      joinedOn: '2026-02-01',
    });
    expect(joined.statusCode).toBe(201);
    const twice = await add({ institutionId: kpp, role: 'kooperant', joinedOn: '2026-02-01' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].field).toBe('institutionId');
    const members = (joined.json() as Partnership).members;
    const leader = members.find((m) => m.role === 'lider');
    const police = members.find((m) => m.institution.id === kpp);
    const endLeader = await animator.inject({
      method: 'POST',
      url: `/api/partnerships/${p.id}/members/${leader?.id}/end`,
      payload: { leftOn: '2026-03-01' },
    });
    expect(endLeader.statusCode).toBe(400);
    const ended = await animator.inject({
      method: 'POST',
      url: `/api/partnerships/${p.id}/members/${police?.id}/end`,
      payload: { leftOn: '2026-03-01' },
    });
    expect(ended.statusCode).toBe(200);
    expect((ended.json() as Partnership).members.find((m) => m.id === police?.id)?.leftOn).toBe('2026-03-01');
    expect((ended.json() as Partnership).memberCount).toBe(2);
  });

  it('refuses to create a partnership the creator could not run', async () => {
    const res = await animator.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: {
        name: 'Cudze partnerstwo',
        kind: 'pzk',
        model: 'kooperacje_3d',
        teryt: '1201011',
        leaderInstitutionId: mops,
        startsOn: '2026-01-01',
      },
    });
    // Without an animator named, the creator becomes the animator: allowed.
    expect(res.statusCode).toBe(201);
    const notAnimator = await animator.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: {
        name: 'Cudze partnerstwo 2',
        kind: 'pzk',
        model: 'kooperacje_3d',
        teryt: '1201011',
        leaderInstitutionId: mops,
        animatorUserId: await userIdOf(t.database.db, 'pracownik.bochnia'),
        startsOn: '2026-01-01',
      },
    });
    expect(notAnimator.statusCode).toBe(400);
    expect(notAnimator.json().errors[0].field).toBe('leaderInstitutionId');
  });
});

describe('cooperation agreements', () => {
  let a: Agreement;
  const url = (rest = '') => `/api/partnerships/${bochnia.id}/agreements${rest}`;
  const transition = (to: string, version: number, date?: string) =>
    animator.inject({ method: 'POST', url: url(`/${a.id}/transition`), payload: { to, version, date } });

  it('goes from draft to signed only with parties, signatories and a date; refusals say why', async () => {
    const created = await animator.inject({
      method: 'POST',
      url: url(),
      payload: {
        title: 'Porozumienie o współdziałaniu w sprawach rodzin',
        scope: 'Wymiana informacji o usługach, wspólne zespoły zadaniowe, udział w spotkaniach.',
        concludedIn: 'Bochnia',
        validFrom: '2026-01-01',
        validTo: addDays(today, 30),
        parties: [
          { institutionId: mops, signatoryName: 'Halina Dyrektorska', signatoryPosition: 'Dyrektor' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    a = created.json();
    expect(a.status).toBe('projekt');

    const oneParty = await transition('podpisane', a.version, today);
    expect(oneParty.statusCode).toBe(400);
    expect(oneParty.json().errors[0]).toMatchObject({
      field: 'to',
      message: expect.stringMatching(/dwie strony/),
    });
    expect((await transition('wygasle', a.version)).json().errors[0].message).toMatch(/nie przewidziano/);

    const edited = await animator.inject({
      method: 'PUT',
      url: url(`/${a.id}`),
      payload: {
        agreement: {
          number: 'PZK/2/2026',
          title: a.title,
          scope: a.scope,
          concludedIn: 'Bochnia',
          validFrom: a.validFrom,
          validTo: a.validTo,
          parties: [
            { institutionId: mops, signatoryName: 'Halina Dyrektorska', signatoryPosition: 'Dyrektor' },
            { institutionId: kpp },
          ],
        },
        version: a.version,
      },
    });
    expect(edited.statusCode).toBe(200);
    a = edited.json();
    const stale = await animator.inject({
      method: 'PUT',
      url: url(`/${a.id}`),
      payload: { agreement: { title: 'x', scope: 'y', parties: [] }, version: a.version - 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect((await transition('podpisane', a.version, today)).json().errors[0].message).toMatch(
      /osobę podpisującą/,
    );

    a = (
      await animator.inject({
        method: 'PUT',
        url: url(`/${a.id}`),
        payload: {
          agreement: {
            number: 'PZK/2/2026',
            title: a.title,
            scope: a.scope,
            concludedIn: 'Bochnia',
            validFrom: a.validFrom,
            validTo: a.validTo,
            parties: [
              { institutionId: mops, signatoryName: 'Halina Dyrektorska', signatoryPosition: 'Dyrektor' },
              { institutionId: kpp, signatoryName: 'insp. Adam Komendant', signatoryPosition: 'Komendant' },
            ],
          },
          version: a.version,
        },
      })
    ).json();
    const noDate = await transition('podpisane', a.version);
    expect(noDate.json().errors[0].field).toBe('date');
    expect((await transition('podpisane', a.version, addDays(today, 2))).json().errors[0].field).toBe('date');
    const signed = await transition('podpisane', a.version, today);
    expect(signed.statusCode).toBe(200);
    a = signed.json();
    expect(a).toMatchObject({ status: 'podpisane', signedOn: today });

    // Signed: no edits, no way back, expiry only after the end date, termination with a date.
    const edit = await animator.inject({
      method: 'PUT',
      url: url(`/${a.id}`),
      payload: { agreement: { title: 'x', scope: 'y', parties: [] }, version: a.version },
    });
    expect(edit.json().errors[0].message).toMatch(/tylko projekt/);
    expect((await transition('projekt', a.version)).statusCode).toBe(400);
    expect((await transition('wygasle', a.version)).json().errors[0].message).toMatch(/wygasa dopiero/);
    const other = await police.inject({
      method: 'POST',
      url: url(`/${a.id}/transition`),
      payload: { to: 'rozwiazane', version: a.version, date: today },
    });
    expect(other.statusCode).toBe(403);
  });

  it('prints the agreement as a PDF with Polish letters and the parties', async () => {
    const res = await police.inject({ method: 'GET', url: url(`/${a.id}/pdf`) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('porozumienie-PZK-2-2026.pdf');
    const pdf = res.rawPayload;
    if (process.env.AGREEMENT_PDF_OUT)
      (await import('node:fs')).writeFileSync(process.env.AGREEMENT_PDF_OUT, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('POROZUMIENIE O WSPÓŁPRACY NR PZK/2/2026');
    expect(text).toContain('Miejski Ośrodek Pomocy Społecznej w Bochni');
    expect(text).toContain('Halina Dyrektorska');
    expect(text).toContain('Zakres współpracy');
    expect(text).toContain('Kooperacje 3D');
  });

  it('takes a signed scan checked by content, and gives it back', async () => {
    const upload = (body: Buffer, version: number, filename = 'skan.pdf') =>
      animator.inject({
        method: 'PUT',
        url: url(`/${a.id}/signed-scan?filename=${encodeURIComponent(filename)}&version=${version}`),
        headers: { 'content-type': 'application/octet-stream' },
        payload: body,
      });
    const fake = await upload(Buffer.from('MZ this is a program'), a.version, 'skan.pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors[0].field).toBe('file');
    const scan = Buffer.from('%PDF-1.4\n%podpisane\n%%EOF\n');
    const ok = await upload(scan, a.version, 'Porozumienie podpisane.pdf');
    expect(ok.statusCode).toBe(200);
    a = ok.json();
    expect(a.signedScan).toMatchObject({
      filename: 'Porozumienie podpisane.pdf',
      mimeType: 'application/pdf',
    });
    expect((await upload(scan, a.version - 1)).statusCode).toBe(409);
    const back = await analyst.inject({ method: 'GET', url: url(`/${a.id}/signed-scan`) });
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(scan)).toBe(true);

    const ended = await transition('rozwiazane', a.version, today);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'rozwiazane', terminatedOn: today });
  });

  it('deletes only drafts', async () => {
    const list = (await worker.inject({ method: 'GET', url: url() })).json() as { items: Agreement[] };
    const draft = list.items.find((x) => x.status === 'projekt') as Agreement;
    const signed = list.items.find((x) => x.status === 'podpisane') as Agreement;
    expect(
      (await animator.inject({ method: 'DELETE', url: url(`/${signed.id}?version=${signed.version}`) }))
        .statusCode,
    ).toBe(400);
    expect(
      (await animator.inject({ method: 'DELETE', url: url(`/${draft.id}?version=${draft.version}`) }))
        .statusCode,
    ).toBe(204);
  });
});

describe('meetings and action items', () => {
  let meeting: PartnershipMeeting;
  const url = (rest = '') => `/api/partnerships/${bochnia.id}/meetings${rest}`;

  it('needs a place or a link, and cannot be held in the future', async () => {
    const noPlace = await animator.inject({
      method: 'POST',
      url: url(),
      payload: { title: 'Spotkanie', startsAt: '2026-01-10T10:00:00+01:00' },
    });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().errors[0]).toMatchObject({
      field: 'place',
      message: expect.stringMatching(/miejsce/),
    });
    const future = await animator.inject({
      method: 'POST',
      url: url(),
      payload: { title: 'Spotkanie', startsAt: '2099-01-10T10:00:00+01:00', place: 'MOPS', status: 'odbyte' },
    });
    expect(future.statusCode).toBe(400);
  });

  it('records attendance and minutes with a version', async () => {
    const workerId = await userIdOf(t.database.db, 'pracownik.bochnia');
    const created = await animator.inject({
      method: 'POST',
      url: url(),
      payload: {
        title: 'Spotkanie robocze',
        startsAt: '2026-01-10T10:00:00+01:00',
        onlineUrl: 'https://spotkania.example.org/pzk',
        agenda: '1. Skierowania',
        attendees: [
          { institutionId: mops, userId: workerId, name: 'Paulina Pracowita' },
          { institutionId: kpp, name: 'asp. Piotr Posterunkowy' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    meeting = created.json();
    expect(meeting.attendees).toHaveLength(2);
    const held = await animator.inject({
      method: 'PUT',
      url: url(`/${meeting.id}`),
      payload: {
        meeting: {
          title: meeting.title,
          startsAt: meeting.startsAt,
          onlineUrl: meeting.onlineUrl,
          status: 'odbyte',
          minutes: 'Omówiono skierowania.',
          decisions: 'Odpowiedź na skierowanie w 7 dni.',
          attendees: meeting.attendees.map((x) => ({
            institutionId: x.institution?.id,
            userId: x.userId,
            name: x.name,
            present: x.institution?.id === mops,
          })),
        },
        version: meeting.version,
      },
    });
    expect(held.statusCode).toBe(200);
    meeting = held.json();
    expect(meeting.status).toBe('odbyte');
    expect(meeting.attendees.filter((x) => x.present)).toHaveLength(1);
    const stale = await animator.inject({
      method: 'PUT',
      url: url(`/${meeting.id}`),
      payload: {
        meeting: { title: 'x', startsAt: meeting.startsAt, place: 'x' },
        version: meeting.version - 1,
      },
    });
    expect(stale.statusCode).toBe(409);
    const list = (await police.inject({ method: 'GET', url: url() })).json();
    expect(list.items.find((m: { id: string }) => m.id === meeting.id)).toMatchObject({
      attendees: 2,
      present: 1,
    });
  });

  it('invites the people named to a meeting still to come, once each, through their notifications', async () => {
    const workerId = await userIdOf(t.database.db, 'pracownik.bochnia');
    const policeId = await userIdOf(t.database.db, 'policja.bochnia');
    const soon = `${addDays(today, 10)}T10:00:00+01:00`;
    const invitations = (userId: string) =>
      q<{ n: number }>(
        sql`select count(*)::int as n from notifications where user_id = ${userId} and kind = 'meeting.invited'`,
      ).then((r) => r[0]?.n ?? 0);
    const [workerBefore, policeBefore] = [await invitations(workerId), await invitations(policeId)];
    const planned = await animator.inject({
      method: 'POST',
      url: url(),
      payload: {
        title: 'Spotkanie PZK o skierowaniach',
        startsAt: soon,
        place: 'MOPS Bochnia, sala 12',
        attendees: [{ institutionId: mops, userId: workerId, name: 'Paulina Pracowita' }],
      },
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const m = planned.json();
    expect(await invitations(workerId)).toBe(workerBefore + 1);
    const changed = await animator.inject({
      method: 'PUT',
      url: url(`/${m.id}`),
      payload: {
        meeting: {
          title: m.title,
          startsAt: m.startsAt,
          place: m.place,
          attendees: [
            { institutionId: mops, userId: workerId, name: 'Paulina Pracowita' },
            { institutionId: kpp, userId: policeId, name: 'asp. Piotr Posterunkowy' },
          ],
        },
        version: m.version,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // Only the newly named person is invited; the one invited before is not invited twice.
    expect(await invitations(workerId)).toBe(workerBefore + 1);
    expect(await invitations(policeId)).toBe(policeBefore + 1);
  });

  it('turns an action item into a task of its owner, who marks it done', async () => {
    const workerId = await userIdOf(t.database.db, 'pracownik.bochnia');
    const wrongInstitution = await animator.inject({
      method: 'POST',
      url: url(`/${meeting.id}/action-items`),
      payload: { description: 'x', ownerInstitutionId: kpp, ownerUserId: workerId },
    });
    expect(wrongInstitution.statusCode).toBe(400);
    expect(wrongInstitution.json().errors[0].field).toBe('ownerUserId');
    const added = await animator.inject({
      method: 'POST',
      url: url(`/${meeting.id}/action-items`),
      payload: {
        description: 'Opracować listę kontaktów do zespołów zadaniowych',
        ownerInstitutionId: mops,
        ownerUserId: workerId,
        dueOn: addDays(today, -1),
      },
    });
    expect(added.statusCode).toBe(201);
    const item = (added.json() as PartnershipMeeting).actionItems.find((i) =>
      i.description.startsWith('Opracować'),
    );
    expect(item).toMatchObject({ overdue: true, doneOn: null });

    const mine = (
      await worker.inject({ method: 'GET', url: '/api/partnerships/action-items/mine' })
    ).json() as MyPartnershipActionItemList;
    const task = mine.items.find((i) => i.id === item?.id);
    expect(task).toMatchObject({
      partnership: { id: bochnia.id },
      meeting: { id: meeting.id, title: 'Spotkanie robocze' },
      overdue: true,
      abilities: { complete: true },
    });
    const notMine = (
      await police.inject({ method: 'GET', url: '/api/partnerships/action-items/mine' })
    ).json() as MyPartnershipActionItemList;
    expect(notMine.items.some((i) => i.id === item?.id)).toBe(false);

    const doneUrl = url(`/${meeting.id}/action-items/${item?.id}/done`);
    expect((await police.inject({ method: 'POST', url: doneUrl, payload: { done: true } })).statusCode).toBe(
      403,
    );
    const done = await worker.inject({ method: 'POST', url: doneUrl, payload: { done: true } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ doneOn: today, overdue: false });
    const after = (
      await worker.inject({ method: 'GET', url: '/api/partnerships/action-items/mine' })
    ).json() as MyPartnershipActionItemList;
    expect(after.items.some((i) => i.id === item?.id)).toBe(false);
  });

  it('lists the demo action items of their owners', async () => {
    const mine = (
      await police.inject({ method: 'GET', url: '/api/partnerships/action-items/mine' })
    ).json() as MyPartnershipActionItemList;
    expect(mine.items.map((i) => i.description)).toContain(
      'Wyznaczyć dzielnicowych do kontaktu z zespołami zadaniowymi',
    );
  });
});

describe('the animator’s dashboard', () => {
  it('counts members by sector, meetings, action items, multi-sector teams and referrals', async () => {
    const db = t.database.db;
    // A partnership of two fresh institutions, so the counts do not depend on other demo data.
    const [ops, school, ngo] = (await Promise.all(
      [
        ['OPS Pulpitowo', 'ops', 'pomoc_spoleczna'],
        ['Szkoła Pulpitowo', 'szkola', 'edukacja'],
        ['Fundacja Pulpitowo', 'ngo', 'ngo'],
      ].map(async (spec) => {
        const [name, type, sector] = spec as [string, string, string];
        const [row] = await q<{ id: string }>(
          sql`insert into institutions (name, short_name, type, sector, teryt) values (${name}, ${name}, ${type}, ${sector}, '1201011') returning id`,
        );
        return row?.id as string;
      }),
    )) as [string, string, string];
    const created = await animator.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: {
        name: 'PZK Pulpitowo',
        kind: 'pzk',
        model: 'kooperacje_3d',
        teryt: '1201011',
        leaderInstitutionId: ops,
        strategicPartnerInstitutionId: school,
        startsOn: '2025-01-01',
      },
    });
    const p = created.json() as Partnership;
    const me = animator.me.user.id;
    const workerId = await userIdOf(db, 'pracownik.bochnia');
    // Two meetings held, one planned; action items: one open overdue, one open, one done.
    const [m1] = await q<{ id: string }>(
      sql`insert into meetings (partnership_id, title, starts_at, place, status) values
          (${p.id}, 'A', now() - interval '30 days', 'X', 'odbyte'),
          (${p.id}, 'B', now() - interval '10 days', 'X', 'odbyte'),
          (${p.id}, 'C', now() + interval '10 days', 'X', 'zaplanowane') returning id`,
    );
    await q(
      sql`insert into meeting_action_items (meeting_id, description, owner_institution_id, due_on, done_on) values
          (${m1?.id}, 'a', ${ops}, ${addDays(today, -2)}, null),
          (${m1?.id}, 'b', ${ops}, ${addDays(today, 5)}, null),
          (${m1?.id}, 'c', ${school}, ${addDays(today, -5)}, ${addDays(today, -6)})`,
    );
    // Cases of the leader: one with a team from another sector, one with a team of its own sector only.
    await q(sql`update institutions set short_name = 'OPS Pulpitowo' where id = ${ops}`);
    const c1 = await insertCase(db, { institution: 'OPS Pulpitowo', lead: 'pracownik.bochnia' });
    const c2 = await insertCase(db, { institution: 'OPS Pulpitowo', lead: 'pracownik.bochnia' });
    await q(
      sql`insert into case_team_members (case_id, institution_id, role, status, basis, scopes, starts_on, invited_by) values
          (${c1.caseId}, ${school}, 'pedagog', 'aktywny', 'przepis', '{}', '2025-01-01', ${workerId}),
          (${c2.caseId}, ${mops}, 'pracownik', 'aktywny', 'przepis', '{}', '2025-01-01', ${workerId})`,
    );
    // Referrals from the leader: to the school (answered in 2 h, completed), to the NGO outside the
    // partnership (answered in 4 h, accepted), to the school (open, overdue), between outsiders (ignored).
    const ref = (
      n: string,
      from: string,
      to: string,
      status: string,
      hours: number | null,
      expected: string | null,
    ) =>
      sql`(${n}, ${c1.caseId}, 'skierowanie', ${from}, ${workerId}, ${to}, 'Powód', ${status},
           now() - interval '3 days', ${hours === null ? null : sql`now() - interval '3 days' + make_interval(hours => ${hours})`},
           ${expected}, '{}', 'przepis')`;
    await q(
      sql`insert into referrals (number, case_id, kind, from_institution_id, from_user_id, to_institution_id, reason, status,
            created_at, responded_at, expected_by, scopes, basis) values
          ${ref('T/1', ops, school, 'zakonczone', 2, null)},
          ${ref('T/2', ops, ngo, 'przyjete', 4, null)},
          ${ref('T/3', ops, school, 'wyslane', null, addDays(today, -1))},
          ${ref('T/4', mops, kpp, 'wyslane', null, addDays(today, -1))}`,
    );
    const d = (
      await police.inject({ method: 'GET', url: `/api/partnerships/${p.id}/dashboard` })
    ).json() as PartnershipDashboard;
    expect(d.membersBySector).toEqual(
      expect.arrayContaining([
        { sector: 'pomoc_spoleczna', count: 1 },
        { sector: 'edukacja', count: 1 },
      ]),
    );
    expect(d.meetings).toEqual({ held: 2, planned: 1, cancelled: 0 });
    expect(d.actionItems).toEqual({ open: 2, overdue: 1, done: 1 });
    expect(d.casesWithMultiSectorTeam).toBe(1);
    expect(d.referrals).toMatchObject({
      sent: 3,
      accepted: 2,
      completed: 1,
      overdue: 1,
      medianResponseHours: 3,
    });
    expect(d.referrals.bySector).toEqual(
      expect.arrayContaining([
        { sector: 'edukacja', sent: 2, accepted: 1, completed: 1 },
        { sector: 'ngo', sent: 1, accepted: 1, completed: 0 },
      ]),
    );
    expect(me).toBeTruthy();
  });
});
