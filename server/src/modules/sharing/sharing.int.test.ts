import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { insertCase, insertPlan, institutionIdOf } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { queryRows } from '../../db/database.js';

/**
 * The worker dimension, told as stories across three institutions: Paulina Pomocna leads the case at
 * MOPS Bochnia; Piotr Posterunkowy is the community police officer at KPP Bochnia; Beata Szkolna is
 * the school counsellor at SP 1 Bochnia. Marek (another MOPS worker) and Agata (OPS Andrychów) have
 * nothing to do with the family. Nobody sees anything before a referral or a team membership, only
 * the shared scope after, and nothing once it ends.
 */
let t: TestApp;
let paulina: TestSession;
let piotr: TestSession;
let beata: TestSession;
let kierownik: TestSession;
let marek: TestSession;
let agata: TestSession;
let kpp: string;
let sp1: string;

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
const inDays = (n: number) => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestApp();
  paulina = await login(t.app, 'pracownik.bochnia');
  piotr = await login(t.app, 'policja.bochnia');
  beata = await login(t.app, 'pedagog.bochnia');
  kierownik = await login(t.app, 'kierownik.bochnia');
  marek = await login(t.app, 'pracownik2.bochnia');
  agata = await login(t.app, 'pracownik.andrychow');
  kpp = await institutionIdOf(t.database.db, 'KPP Bochnia');
  sp1 = await institutionIdOf(t.database.db, 'SP 1 Bochnia');
});

async function familyCase() {
  const db = t.database.db;
  const c = await insertCase(db, {
    institution: 'MOPS Bochnia',
    lead: 'pracownik.bochnia',
    lastName: 'Wiśniewska',
  });
  const plan = await insertPlan(db, {
    caseId: c.caseId,
    actions: [
      { description: 'Rozmowa dzielnicowego z rodziną', deadline: inDays(14) },
      { description: 'Konsultacja pedagoga szkolnego', deadline: inDays(21) },
    ],
  });
  await db.execute(sql`update plan_actions set party = 'instytucja', responsible_institution_id = ${kpp}
                       where id = ${plan.actionIds[0]}`);
  await db.execute(sql`update plan_actions set party = 'instytucja', responsible_institution_id = ${sp1}
                       where id = ${plan.actionIds[1]}`);
  await db.execute(sql`insert into diagnoses (case_id, version_no, areas, interview, conclusions, author_id)
                       values (${c.caseId}, 1, '{"przyczyny": "Utrata pracy"}', '{}', 'Wnioski diagnozy',
                               ${paulina.me.user.id})`);
  await db.execute(sql`insert into person_sensitive (person_id, health, addiction, updated_by)
                       values (${c.personId}, 'Cukrzyca typu 2', null, ${paulina.me.user.id})`);
  return { ...c, ...plan };
}

const sharedView = (s: TestSession, caseId: string) =>
  s.inject({ method: 'GET', url: `/api/shared-cases/${caseId}` });

async function refer(caseId: string, body: Record<string, unknown> = {}) {
  const res = await paulina.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/referrals`,
    payload: {
      kind: 'skierowanie',
      toInstitutionId: kpp,
      reason: 'Prośba o rozmowę dzielnicowego z rodziną w sprawie bezpieczeństwa dzieci.',
      urgency: 'pilna',
      expectedBy: inDays(7),
      scopes: ['podstawowe', 'plan'],
      basis: 'przepis',
      legalBasis: 'ups_art_110_8',
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

async function answer(s: TestSession, id: string, body: Record<string, unknown>) {
  const current = await s.inject({ method: 'GET', url: `/api/referrals/${id}` });
  expect(current.statusCode, current.body).toBe(200);
  return s.inject({
    method: 'POST',
    url: `/api/referrals/${id}/answer`,
    payload: { version: current.json().version, ...body },
  });
}

describe('a referral to the police', () => {
  it('shares only its scope while the police officer works on it, and the outcome closes the plan action', async () => {
    const c = await familyCase();
    // Before any referral: the police officer sees nothing, and the attempt is logged.
    expect((await sharedView(piotr, c.caseId)).statusCode).toBe(404);
    expect((await piotr.inject({ method: 'GET', url: `/api/cases/${c.caseId}` })).statusCode).toBe(404);
    const [denied] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and record_id = ${c.caseId}
            and user_id = ${piotr.me.user.id}`,
    );
    expect(denied?.n).toBeGreaterThanOrEqual(1);

    const ref = await refer(c.caseId, { planActionId: c.actionIds[0] });
    expect(ref.number).toMatch(/^SKR\/\d{4}\/\d{4}$/);

    // The institution's inbox shows it (with the person, for triage); the case itself stays closed.
    const inbox = await piotr.inject({ method: 'GET', url: '/api/referrals/inbox' });
    const item = inbox.json().items.find((i: { id: string }) => i.id === ref.id);
    expect(item).toMatchObject({ status: 'wyslane', urgency: 'pilna', subjectName: 'Anna Wiśniewska' });
    expect((await sharedView(piotr, c.caseId)).statusCode).toBe(404);

    expect((await answer(piotr, ref.id, { action: 'accept' })).statusCode).toBe(200);
    const view = await sharedView(piotr, c.caseId);
    expect(view.statusCode, view.body).toBe(200);
    const shared = view.json();
    expect(shared.scopes.sort()).toEqual(['plan', 'podstawowe']);
    expect(shared.subject.name).toBe('Anna Wiśniewska');
    expect(shared.diagnosis).toBeNull();
    expect(shared.health).toBeNull();
    const actions = shared.plans[0].goals[0].actions;
    expect(actions.map((a: { ours: boolean }) => a.ours)).toEqual([true, false]);
    expect(view.body).not.toContain('Cukrzyca');
    expect(view.body).not.toContain('Wnioski diagnozy');

    expect((await answer(piotr, ref.id, { action: 'start' })).statusCode).toBe(200);
    const done = await answer(piotr, ref.id, {
      action: 'complete',
      outcome: 'Przeprowadzono rozmowę z rodziną; brak zagrożenia.',
      feedback: 'Proszę o kontakt w razie nowych zgłoszeń.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().events.map((e: { status: string }) => e.status)).toEqual([
      'wyslane',
      'przyjete',
      'w_realizacji',
      'zakonczone',
    ]);

    // The social worker sees the outcome on the timeline; the plan action is done.
    const timeline = await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}/timeline` });
    expect(timeline.body).toContain('Przeprowadzono rozmowę z rodziną');
    const [action] = await queryRows<{ status: string; completedOn: string | null }>(
      t.database.db,
      sql`select status, completed_on::text as "completedOn" from plan_actions where id = ${c.actionIds[0]}`,
    );
    expect(action).toEqual({ status: 'wykonane', completedOn: today() });

    // Once completed, the police keep the record of their work but not the family's data.
    expect((await sharedView(piotr, c.caseId)).statusCode).toBe(404);
    const after = await piotr.inject({ method: 'GET', url: `/api/referrals/${ref.id}` });
    expect(after.json()).toMatchObject({ subjectName: null, reason: null, status: 'zakonczone' });
    expect(after.json().outcome).toContain('brak zagrożenia');
  });

  it('answers each step only in its turn, and a stale version is a conflict', async () => {
    const c = await familyCase();
    const ref = await refer(c.caseId);
    const first = await piotr.inject({ method: 'GET', url: `/api/referrals/${ref.id}` });
    const v = first.json().version;
    expect(
      (
        await piotr.inject({
          method: 'POST',
          url: `/api/referrals/${ref.id}/answer`,
          payload: { action: 'complete', outcome: 'x', version: v },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await piotr.inject({
          method: 'POST',
          url: `/api/referrals/${ref.id}/answer`,
          payload: { action: 'accept', version: v },
        })
      ).statusCode,
    ).toBe(200);
    const stale = await piotr.inject({
      method: 'POST',
      url: `/api/referrals/${ref.id}/answer`,
      payload: { action: 'reject', reason: 'Nie nasza właściwość', version: v },
    });
    expect(stale.statusCode).toBe(409);
    // The sender cannot accept; the receiver cannot withdraw.
    expect((await answer(paulina, ref.id, { action: 'start' })).statusCode).toBe(403);
    expect((await answer(piotr, ref.id, { action: 'withdraw', reason: 'x' })).statusCode).toBe(403);
  });

  it('a withdrawn referral leaves the receiving institution with no personal data', async () => {
    const c = await familyCase();
    const ref = await refer(c.caseId);
    expect((await answer(piotr, ref.id, { action: 'accept' })).statusCode).toBe(200);
    expect((await sharedView(piotr, c.caseId)).statusCode).toBe(200);
    const w = await answer(paulina, ref.id, {
      action: 'withdraw',
      reason: 'Rodzina wyprowadziła się z gminy.',
    });
    expect(w.statusCode, w.body).toBe(200);
    expect((await sharedView(piotr, c.caseId)).statusCode).toBe(404);
    const seen = await piotr.inject({ method: 'GET', url: `/api/referrals/${ref.id}` });
    expect(seen.json()).toMatchObject({ status: 'wycofane', subjectName: null, reason: null });
    // A worker of another institution, or one of MOPS without the case, does not even see the referral.
    expect((await agata.inject({ method: 'GET', url: `/api/referrals/${ref.id}` })).statusCode).toBe(404);
    expect((await marek.inject({ method: 'GET', url: `/api/referrals/${ref.id}` })).statusCode).toBe(404);
  });

  it('refuses a referral to the own institution, a health scope on a provision, and a past deadline, field by field', async () => {
    const c = await familyCase();
    const bad = await paulina.inject({
      method: 'POST',
      url: `/api/cases/${c.caseId}/referrals`,
      headers: { 'accept-language': 'pl' },
      payload: {
        kind: 'konsultacja',
        toInstitutionId: kpp,
        reason: 'Konsultacja',
        scopes: ['zdrowie'],
        basis: 'przepis',
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['legalBasis', 'scopes']));
    const own = await paulina.inject({
      method: 'POST',
      url: `/api/cases/${c.caseId}/referrals`,
      payload: {
        kind: 'konsultacja',
        toInstitutionId: paulina.me.activeInstitutionId,
        reason: 'Konsultacja',
        scopes: ['podstawowe'],
        basis: 'przepis',
        legalBasis: 'ups_art_100',
      },
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().errors[0]).toMatchObject({ field: 'toInstitutionId' });
    const past = await paulina.inject({
      method: 'POST',
      url: `/api/cases/${c.caseId}/referrals`,
      payload: {
        kind: 'konsultacja',
        toInstitutionId: kpp,
        reason: 'Konsultacja',
        scopes: ['podstawowe'],
        basis: 'przepis',
        legalBasis: 'ups_art_100',
        expectedBy: inDays(-1),
      },
    });
    expect(past.json().errors[0]).toMatchObject({ field: 'expectedBy' });
  });
});

describe('a case team with the school', () => {
  async function consent(caseId: string, personId: string, scopes: string[]) {
    const res = await paulina.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/consents`,
      payload: {
        personId,
        recipientInstitutionId: sp1,
        scopes,
        purpose: 'Wspólna praca zespołu nad sytuacją szkolną dziecka',
        givenOn: today(),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  async function invite(caseId: string, body: Record<string, unknown>) {
    return paulina.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/team`,
      payload: { institutionId: sp1, role: 'pedagog', startsOn: today(), ...body },
    });
  }

  async function acceptInvitation(memberId: string) {
    const list = await beata.inject({ method: 'GET', url: '/api/team-invitations' });
    const inv = list.json().items.find((i: { id: string }) => i.id === memberId);
    expect(inv).toBeDefined();
    const res = await beata.inject({
      method: 'POST',
      url: `/api/team-invitations/${memberId}`,
      payload: { answer: 'accept', userId: beata.me.user.id, version: inv.version },
    });
    expect(res.statusCode, res.body).toBe(204);
  }

  it('health data go only on consent; the member sees them until the consent is withdrawn', async () => {
    const c = await familyCase();
    const onProvision = await invite(c.caseId, {
      scopes: ['plan', 'zdrowie'],
      basis: 'przepis',
      legalBasis: 'ups_art_110_8',
    });
    expect(onProvision.statusCode).toBe(400);
    expect(onProvision.json().errors[0]).toMatchObject({ field: 'scopes' });

    const consentId = await consent(c.caseId, c.personId, ['plan', 'zdrowie']);
    const beyond = await invite(c.caseId, { scopes: ['diagnoza'], basis: 'zgoda', consentId });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().errors[0]).toMatchObject({ field: 'scopes' });

    const ok = await invite(c.caseId, { scopes: ['plan', 'zdrowie'], basis: 'zgoda', consentId });
    expect(ok.statusCode, ok.body).toBe(201);
    // Invited, not yet accepted: nothing visible.
    expect((await sharedView(beata, c.caseId)).statusCode).toBe(404);
    await acceptInvitation(ok.json().id);

    const view = await sharedView(beata, c.caseId);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().health[0]).toMatchObject({ health: 'Cukrzyca typu 2' });
    expect(view.json().diagnosis).toBeNull();
    // Never the Niebieska Karta flag, even when the owner set it.
    const caseRes = await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}` });
    const blue = await paulina.inject({
      method: 'PUT',
      url: `/api/cases/${c.caseId}/blue-card`,
      payload: { since: today(), version: caseRes.json().version },
    });
    expect(blue.statusCode, blue.body).toBe(200);
    expect(
      (await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}` })).json().blueCardSince,
    ).toBe(today());
    expect(
      (await kierownik.inject({ method: 'GET', url: `/api/cases/${c.caseId}` })).json().blueCardSince,
    ).toBe(today());
    const again = await sharedView(beata, c.caseId);
    expect(again.body.toLowerCase()).not.toContain('blue');
    expect(again.body.toLowerCase()).not.toContain('niebiesk');

    // The school marks its action done and writes a note; the social worker sees both.
    const ours = again.json().plans[0].goals[0].actions.find((a: { ours: boolean }) => a.ours);
    expect(
      (
        await beata.inject({
          method: 'POST',
          url: `/api/shared-cases/${c.caseId}/actions/${ours.id}/complete`,
        })
      ).statusCode,
    ).toBe(204);
    const theirs = again.json().plans[0].goals[0].actions.find((a: { ours: boolean }) => !a.ours);
    expect(
      (
        await beata.inject({
          method: 'POST',
          url: `/api/shared-cases/${c.caseId}/actions/${theirs.id}/complete`,
        })
      ).statusCode,
    ).toBe(404);
    const note = await beata.inject({
      method: 'POST',
      url: `/api/shared-cases/${c.caseId}/notes`,
      payload: { body: 'Dziecko objęte zajęciami wyrównawczymi od poniedziałku.' },
    });
    expect(note.statusCode).toBe(201);
    const timeline = await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}/timeline` });
    expect(timeline.body).toContain('zajęciami wyrównawczymi');

    // The person withdraws the consent: access ends at once.
    const team = await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}/team` });
    const k = team.json().consents.find((x: { id: string }) => x.id === consentId);
    const w = await paulina.inject({
      method: 'POST',
      url: `/api/cases/${c.caseId}/consents/${consentId}/withdraw`,
      payload: { withdrawnOn: today(), version: k.version },
    });
    expect(w.statusCode, w.body).toBe(204);
    expect((await sharedView(beata, c.caseId)).statusCode).toBe(404);
    const members = (await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}/team` })).json()
      .members;
    expect(members[0]).toMatchObject({ status: 'aktywny', sharing: false });
  });

  it('ending the membership ends access; the team thread is for the team only', async () => {
    const c = await familyCase();
    const inv = await invite(c.caseId, {
      scopes: ['podstawowe'],
      basis: 'przepis',
      legalBasis: 'ups_art_110_8',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    await acceptInvitation(inv.json().id);

    const post = await beata.inject({
      method: 'POST',
      url: `/api/cases/${c.caseId}/messages`,
      payload: { body: 'Czy mogę zaprosić mamę na rozmowę w szkole?' },
    });
    expect(post.statusCode, post.body).toBe(201);
    const thread = await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}/messages` });
    expect(thread.json().items[0]).toMatchObject({
      body: 'Czy mogę zaprosić mamę na rozmowę w szkole?',
      mine: false,
    });
    expect((await piotr.inject({ method: 'GET', url: `/api/cases/${c.caseId}/messages` })).statusCode).toBe(
      404,
    );
    expect((await agata.inject({ method: 'GET', url: `/api/cases/${c.caseId}/messages` })).statusCode).toBe(
      404,
    );

    // A coworker-less colleague of the same centre cannot form the team; the lead ends the membership.
    expect((await marek.inject({ method: 'GET', url: `/api/cases/${c.caseId}/team` })).statusCode).toBe(404);
    const team = (await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}/team` })).json();
    const end = await paulina.inject({
      method: 'POST',
      url: `/api/cases/${c.caseId}/team/${team.members[0].id}/end`,
      payload: { reason: 'Dziecko zmieniło szkołę.', version: team.members[0].version },
    });
    expect(end.statusCode, end.body).toBe(204);
    expect((await sharedView(beata, c.caseId)).statusCode).toBe(404);
    expect((await beata.inject({ method: 'GET', url: `/api/cases/${c.caseId}/messages` })).statusCode).toBe(
      404,
    );
    const list = (await beata.inject({ method: 'GET', url: '/api/shared-cases' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(c.caseId);
  });

  it('a membership that has not started yet or has ended by date shares nothing', async () => {
    const c = await familyCase();
    const later = await invite(c.caseId, {
      scopes: ['podstawowe'],
      basis: 'przepis',
      legalBasis: 'ups_art_110_8',
      startsOn: inDays(3),
    });
    expect(later.statusCode, later.body).toBe(201);
    await acceptInvitation(later.json().id);
    expect((await sharedView(beata, c.caseId)).statusCode).toBe(404);
    await t.database.db.execute(
      sql`update case_team_members set starts_on = ${inDays(-10)}, ends_on = ${inDays(-1)} where id = ${later.json().id}`,
    );
    expect((await sharedView(beata, c.caseId)).statusCode).toBe(404);
    await t.database.db.execute(
      sql`update case_team_members set ends_on = ${today()} where id = ${later.json().id}`,
    );
    expect((await sharedView(beata, c.caseId)).statusCode).toBe(200);
  });

  it('prints the consent form as a PDF and takes back the scan of the signed form', async () => {
    const c = await familyCase();
    const id = await consent(c.caseId, c.personId, ['plan']);
    const pdf = await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}/consents/${id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The signed form comes back as a scan: a file of the case, linked to the consent.
    const upload = await paulina.inject({
      method: 'POST',
      url: `/api/cases/${c.caseId}/attachments?filename=zgoda-podpisana.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const before = (await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}/team` })).json();
    const k = before.consents.find((x: { id: string }) => x.id === id);
    const link = await paulina.inject({
      method: 'PUT',
      url: `/api/cases/${c.caseId}/consents/${id}/signed-scan`,
      payload: { attachmentId: upload.json().id, version: k.version },
    });
    expect(link.statusCode, link.body).toBe(204);
    const after = (await paulina.inject({ method: 'GET', url: `/api/cases/${c.caseId}/team` })).json();
    expect(after.consents.find((x: { id: string }) => x.id === id).signedScanId).toBe(upload.json().id);
    // A file of another case cannot be linked.
    const other = await familyCase();
    const foreign = await paulina.inject({
      method: 'POST',
      url: `/api/cases/${other.caseId}/attachments?filename=inna.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    const wrong = await paulina.inject({
      method: 'PUT',
      url: `/api/cases/${c.caseId}/consents/${id}/signed-scan`,
      payload: { attachmentId: foreign.json().id, version: k.version + 1 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'attachmentId' });
  });
});
