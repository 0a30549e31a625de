/**
 * Individual plans (kontrakt socjalny and the other plan types): what a social worker does with them
 * and what the others (a supervisor, a colleague, another institution, the police) may see.
 */
import type { Plan, PlanInput, Problem } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { insertAttachment } from '../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf-text.js';
import { queryRows } from '../../db/database.js';
import { todayWarsaw } from './plans.queries.js';

let t: TestApp;
let worker: TestSession;
const ids = new Map<string, string>();
const id = (key: string) => {
  const v = ids.get(key);
  if (!v) throw new Error(`no fixture ${key}`);
  return v;
};
const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

let seq = 0;
/** A person and a case of theirs, led by `lead`, straight in the database (the case API is not under test). */
async function createCase(opts: { institution?: string; lead?: string; status?: string } = {}) {
  const inst = id(opts.institution ?? 'MOPS Bochnia');
  const n = ++seq;
  const [p] = await q<{ id: string }>(
    sql`insert into persons (institution_id, first_name, last_name, pesel, birth_date, sex, teryt, street, postal_code, city)
        values (${inst}, 'Łucja', ${`Żółkiewska${n > 1 ? `-${n}` : ''}`}, ${n === 1 ? '85031412347' : null},
                '1985-03-14', 'K', '1201011', 'ul. Kościuszki 12/3', '32-700', 'Bochnia')
        returning id`,
  );
  const [c] = await q<{ id: string }>(
    sql`insert into cases (institution_id, number, person_id, lead_worker_id, source, status, opened_on)
        values (${inst}, ${`SPR/2026/${9000 + n}`}, ${p?.id}, ${id(opts.lead ?? 'pracownik.bochnia')},
                'wniosek_wlasny', ${opts.status ?? 'plan'}, '2026-01-05')
        returning id`,
  );
  return c?.id as string;
}

const kontrakt = (): PlanInput => ({
  type: 'kontrakt_socjalny',
  variant: 'A',
  assessment:
    'Rodzina w trudnej sytuacji materialnej po utracie pracy przez panią Łucję; zaległości czynszowe.',
  startDate: '2026-02-01',
  endDate: '2026-07-31',
  reviewDates: ['2026-04-30', '2026-03-31'],
  goals: [
    {
      description: 'Podjęcie zatrudnienia przez panią Łucję',
      actions: [
        {
          description: 'Rejestracja w Powiatowym Urzędzie Pracy',
          party: 'klient',
          deadline: '2026-02-15',
        },
        {
          description: 'Skierowanie na szkolenie zawodowe',
          party: 'instytucja',
          responsibleInstitutionId: id('PUP Bochnia'),
          responsiblePerson: 'doradca zawodowy',
          deadline: '2026-03-31',
        },
      ],
    },
    {
      description: 'Spłata zaległości czynszowych',
      actions: [
        {
          description: 'Zawarcie ugody z zarządcą budynku',
          party: 'klient',
          deadline: '2026-03-15',
        },
      ],
    },
    {
      description: 'Poprawa relacji w rodzinie — udział w konsultacjach',
      actions: [
        {
          description: 'Konsultacje w poradni psychologiczno-pedagogicznej',
          party: 'instytucja',
          responsibleInstitutionId: id('PPP Bochnia'),
          responsibleUserId: id('pracownik.bochnia'),
        },
      ],
    },
  ],
});

/** The plan as a PUT sends it back: what the API returned, minus what the server computes. */
function asInput(p: Plan): PlanInput {
  return {
    type: p.type,
    variant: p.variant,
    title: p.title,
    assessment: p.assessment,
    startDate: p.startDate,
    endDate: p.endDate,
    reviewDates: p.reviewDates,
    status: p.status,
    workerSignedOn: p.workerSignedOn,
    clientSignedOn: p.clientSignedOn,
    goals: p.goals.map((g) => ({
      id: g.id,
      description: g.description,
      actions: g.actions.map((a) => ({
        id: a.id,
        description: a.description,
        party: a.party,
        responsibleInstitutionId: a.responsibleInstitution?.id ?? null,
        responsiblePerson: a.responsiblePerson,
        responsibleUserId: a.responsibleUserId,
        deadline: a.deadline,
        status: a.status,
      })),
    })),
  };
}

async function createPlan(session: TestSession, caseId: string, body: PlanInput = kontrakt()) {
  const res = await session.inject({ method: 'POST', url: `/api/cases/${caseId}/plans`, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Plan;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const r of await q<{ email: string; id: string }>(sql`select email, id from users`))
    ids.set(r.email.split('@')[0] as string, r.id);
  for (const r of await q<{ short_name: string; id: string }>(
    sql`select short_name, id from institutions where short_name is not null`,
  ))
    ids.set(r.short_name, r.id);
  worker = await login(t.app, 'pracownik.bochnia');
});

describe('a kontrakt socjalny with three goals', () => {
  let caseId: string;
  let plan: Plan;

  beforeAll(async () => {
    caseId = await createCase();
    plan = await createPlan(worker, caseId);
  });

  it('is created with its goals and actions in order, as version 1, on the timeline and in the log', async () => {
    expect(plan).toMatchObject({
      caseId,
      type: 'kontrakt_socjalny',
      variant: 'A',
      status: 'projekt',
      version: 1,
      reviewDates: ['2026-03-31', '2026-04-30'],
      abilities: { update: true },
    });
    expect(plan.goals.map((g) => g.description)).toEqual([
      'Podjęcie zatrudnienia przez panią Łucję',
      'Spłata zaległości czynszowych',
      'Poprawa relacji w rodzinie — udział w konsultacjach',
    ]);
    expect(plan.goals[0]?.actions.map((a) => a.description)).toEqual([
      'Rejestracja w Powiatowym Urzędzie Pracy',
      'Skierowanie na szkolenie zawodowe',
    ]);
    expect(plan.goals[0]?.actions[1]?.responsibleInstitution?.name).toMatch(/Urząd Pracy/);
    expect(plan.goals[2]?.actions[0]).toMatchObject({
      responsibleUserId: id('pracownik.bochnia'),
      deadline: null,
    });

    const [version] = await q<{ version: number; snapshot: { goals: unknown[] } }>(
      sql`select version, snapshot from plan_versions where plan_id = ${plan.id}`,
    );
    expect(version?.version).toBe(1);
    expect(version?.snapshot.goals).toHaveLength(3);
    const entries = await q<{ title: string; kind: string }>(
      sql`select title, kind from timeline_entries where case_id = ${caseId}`,
    );
    expect(entries).toContainEqual({ kind: 'plan', title: 'Utworzono plan: Kontrakt socjalny' });
    const audit = await q<{ user_id: string }>(
      sql`select user_id from audit_log where action = 'record.create' and record_type = 'plan' and record_id = ${plan.id}`,
    );
    expect(audit).toEqual([{ user_id: worker.me.user.id }]);
  });

  it('is listed with the case, overdue actions marked', async () => {
    const res = await worker.inject({ method: 'GET', url: `/api/cases/${caseId}/plans` });
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: Plan[] };
    expect(items.map((p) => p.id)).toEqual([plan.id]);
    const actions = items[0]?.goals.flatMap((g) => g.actions) ?? [];
    const today = todayWarsaw();
    for (const a of actions) expect(a.overdue).toBe(a.deadline !== null && a.deadline < today);
  });

  it('a stale save answers 409 and changes nothing', async () => {
    const fresh = await worker.inject({ method: 'GET', url: `/api/cases/${caseId}/plans/${plan.id}` });
    const current = fresh.json() as Plan;
    const first = await worker.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/plans/${plan.id}`,
      payload: {
        plan: { ...asInput(current), title: 'Kontrakt — wersja pani Łucji' },
        version: current.version,
      },
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await worker.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/plans/${plan.id}`,
      payload: { plan: { ...asInput(current), title: 'Inny tytuł' }, version: current.version },
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).detail).toMatch(/Ktoś inny zmienił/);
    const after = (
      await worker.inject({ method: 'GET', url: `/api/cases/${caseId}/plans/${plan.id}` })
    ).json() as Plan;
    expect(after.title).toBe('Kontrakt — wersja pani Łucji');
    expect(after.version).toBe(current.version + 1);
  });

  it('an update keeps the ids of goals and actions sent back, adds new ones and removes the rest', async () => {
    const current = (
      await worker.inject({ method: 'GET', url: `/api/cases/${caseId}/plans/${plan.id}` })
    ).json() as Plan;
    const input = asInput(current);
    const [g1, g2, g3] = input.goals;
    if (!g1 || !g2 || !g3) throw new Error('three goals expected');
    // Drop the PUP referral, move the settlement first, add a goal, rename one.
    g1.actions = g1.actions.slice(0, 1);
    g3.description = 'Poprawa relacji w rodzinie';
    input.goals = [
      g2,
      g1,
      g3,
      {
        description: 'Uregulowanie sytuacji zdrowotnej',
        actions: [{ description: 'Wizyta u lekarza rodzinnego', party: 'klient', deadline: '2026-02-28' }],
      },
    ];
    const res = await worker.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/plans/${plan.id}`,
      payload: { plan: input, version: current.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json() as Plan;
    expect(updated.goals.map((g) => g.id).slice(0, 3)).toEqual([g2.id, g1.id, g3.id]);
    expect(updated.goals[3]?.id).not.toBe(undefined);
    expect(updated.goals[2]?.description).toBe('Poprawa relacji w rodzinie');
    expect(updated.goals[1]?.actions.map((a) => a.id)).toEqual([g1.actions[0]?.id]);
    const removed = current.goals[0]?.actions[1]?.id as string;
    expect(await q(sql`select 1 from plan_actions where id = ${removed}`)).toHaveLength(0);
    const [audit] = await q<{ changes: Record<string, unknown> }>(
      sql`select changes from audit_log where action = 'record.update' and record_id = ${plan.id} order by at desc limit 1`,
    );
    expect(Object.keys(audit?.changes ?? {})).toEqual(['goals']);
    plan = updated;
  });

  it('signing and starting it puts the event on the timeline; an active kontrakt needs both signatures', async () => {
    const unsigned = await worker.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/plans/${plan.id}`,
      payload: {
        plan: { ...asInput(plan), status: 'aktywny', workerSignedOn: '2026-02-01' },
        version: plan.version,
      },
    });
    expect(unsigned.statusCode).toBe(400);
    expect((unsigned.json() as Problem).errors).toEqual([
      expect.objectContaining({
        field: 'plan.clientSignedOn',
        message: 'Kontrakt w realizacji musi mieć daty podpisu pracownika i klienta.',
      }),
    ]);
    const res = await worker.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/plans/${plan.id}`,
      payload: {
        plan: {
          ...asInput(plan),
          status: 'aktywny',
          workerSignedOn: '2026-02-01',
          clientSignedOn: '2026-02-01',
        },
        version: plan.version,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json() as Plan;
    expect(plan.status).toBe('aktywny');
    const entries = await q<{ title: string }>(
      sql`select title from timeline_entries where case_id = ${caseId}`,
    );
    expect(entries.map((e) => e.title)).toContain(
      'Plan podpisany i w realizacji: Kontrakt — wersja pani Łucji',
    );
  });

  it('completing an action records the day, bumps the version and tells the timeline with the note', async () => {
    const action = plan.goals[1]?.actions[0];
    if (!action) throw new Error('no action');
    const res = await worker.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/plans/${plan.id}/actions/${action.id}/status`,
      payload: { status: 'wykonane', note: 'Zaświadczenie z PUP w aktach.', version: plan.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Plan;
    expect(after.version).toBe(plan.version + 1);
    expect(after.goals[1]?.actions[0]).toMatchObject({
      status: 'wykonane',
      completedOn: todayWarsaw(),
      overdue: false,
    });
    const [entry] = await q<{ title: string; body: string }>(
      sql`select title, body from timeline_entries where case_id = ${caseId} and title like 'Działanie wykonane%'`,
    );
    expect(entry).toEqual({
      title: 'Działanie wykonane: Rejestracja w Powiatowym Urzędzie Pracy',
      body: 'Zaświadczenie z PUP w aktach.',
    });

    const stale = await worker.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/plans/${plan.id}/actions/${action.id}/status`,
      payload: { status: 'niewykonane', version: plan.version },
    });
    expect(stale.statusCode).toBe(409);
    const unknown = await worker.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/plans/${plan.id}/actions/00000000-0000-4000-8000-000000000000/status`,
      payload: { status: 'wykonane', version: after.version },
    });
    expect(unknown.statusCode).toBe(404);
    plan = after;
  });

  it('lists every version with its author, newest first', async () => {
    const res = await worker.inject({ method: 'GET', url: `/api/cases/${caseId}/plans/${plan.id}/versions` });
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as {
      items: { version: number; author: { name: string }; snapshot: { title: string | null } }[];
    };
    expect(items.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(items[0]?.author.name).toBe(`${worker.me.user.firstName} ${worker.me.user.lastName}`);
    expect(items.at(-1)?.snapshot.title).toBe(null);
    expect(items[0]?.snapshot.title).toBe('Kontrakt — wersja pani Łucji');
  });

  it('prints as a kontrakt socjalny in Polish, with the parties, the goals and the sanction clause', async () => {
    const res = await worker.inject({ method: 'GET', url: `/api/cases/${caseId}/plans/${plan.id}/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="kontrakt-socjalny-SPR-2026-9001.pdf"',
    );
    const pdf = res.rawPayload;
    // PLAN_PDF_OUT=/tmp/k.pdf keeps the document to look at (pdftoppm -png /tmp/k.pdf page).
    if (process.env.PLAN_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.PLAN_PDF_OUT, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('KONTRAKT SOCJALNY');
    expect(text).toContain('Łucja Żółkiewska');
    expect(text).toContain('PESEL 85031412347');
    expect(text).toContain('Podjęcie zatrudnienia przez panią Łucję');
    expect(text).toContain('Cel główny');
    expect(text).toContain('Ocena sytuacji życiowej');
    expect(text).toContain('Kontrakt zawarto na czas od 01.02.2026 do 31.07.2026');
    expect(text).toContain('art. 11 ust. 2 ustawy z dnia 12 marca 2004 r. o pomocy społecznej');
    expect(text).toContain('(podpis pracownika socjalnego)');
    expect(text).toContain('Poradnia Psychologiczno- Pedagogiczna w Bochni — Paulina Pracowita');
    const audit = await q(
      sql`select 1 from audit_log where action = 'export.download' and record_type = 'plan' and record_id = ${plan.id}`,
    );
    expect(audit).toHaveLength(1);
  });

  it('the signed scan links an attachment of this case only', async () => {
    const other = await createCase();
    const attach = (caseId: string) =>
      insertAttachment(t.database.db, {
        caseId,
        uploadedBy: id('pracownik.bochnia'),
        data: Buffer.from('%PDF-1.4\n%%EOF\n'),
        filename: 'kontrakt-podpisany.pdf',
      });
    const foreign = await attach(other);
    const bad = await worker.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/plans/${plan.id}/signed-scan`,
      payload: { attachmentId: foreign, version: plan.version },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'attachmentId', message: 'Wybierz plik dołączony do tej sprawy.' }),
    ]);
    const own = await attach(caseId);
    const res = await worker.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/plans/${plan.id}/signed-scan`,
      payload: { attachmentId: own, version: plan.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Plan).signedScanId).toBe(own);
  });
});

describe('validation, field by field, in Polish', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await createCase();
  });

  it('names each wrong field with a Polish message', async () => {
    const body = kontrakt();
    body.variant = null;
    body.startDate = '2026-08-01';
    const action = body.goals[0]?.actions[1];
    if (action) action.responsibleInstitutionId = null;
    const res = await worker.inject({ method: 'POST', url: `/api/cases/${caseId}/plans`, payload: body });
    expect(res.statusCode).toBe(400);
    const errors = (res.json() as Problem).errors ?? [];
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    expect(byField).toEqual({
      endDate: 'Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.',
      variant: 'Wybierz wariant kontraktu socjalnego (A albo B).',
      'goals.0.actions.1.responsibleInstitutionId': 'Wskaż instytucję odpowiedzialną za działanie.',
    });
  });

  it('refuses an institution or a user that is not in the registry, and answers in English when asked', async () => {
    const body = kontrakt();
    const a = body.goals[2]?.actions[0];
    if (a) {
      a.responsibleInstitutionId = '00000000-0000-4000-8000-000000000001';
      a.responsibleUserId = '00000000-0000-4000-8000-000000000002';
    }
    const res = await worker.inject({ method: 'POST', url: `/api/cases/${caseId}/plans`, payload: body });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors?.map((e) => [e.field, e.message])).toEqual([
      [
        'goals.2.actions.0.responsibleInstitutionId',
        'Nie ma takiej instytucji w rejestrze — wybierz instytucję z listy.',
      ],
      [
        'goals.2.actions.0.responsibleUserId',
        'Nie ma takiego użytkownika — wybierz osobę z listy albo wpisz jej imię i nazwisko.',
      ],
    ]);
    const en = await worker.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/plans`,
      payload: body,
      headers: { 'accept-language': 'en' },
    });
    expect((en.json() as Problem).errors?.[0]?.message).toBe(
      'No such institution in the registry — choose one from the list.',
    );
    expect(await q(sql`select 1 from plans where case_id = ${caseId}`)).toHaveLength(0);
  });

  it('refuses ids of goals or actions of another plan', async () => {
    const a = await createPlan(worker, caseId);
    const b = await createPlan(worker, caseId, { ...kontrakt(), type: 'plan_pomocy', variant: null });
    const input = asInput(b);
    const stolen = a.goals[0]?.id;
    const first = input.goals[0];
    if (first) first.id = stolen;
    const res = await worker.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/plans/${b.id}`,
      payload: { plan: input, version: b.version },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors?.[0]?.field).toBe('goals.0.id');
  });
});

describe('who sees a plan', () => {
  let caseId: string;
  let plan: Plan;
  beforeAll(async () => {
    caseId = await createCase();
    plan = await createPlan(worker, caseId);
  });

  it('a worker of another institution gets 404, as for a missing case, and the attempt is logged', async () => {
    const andrychow = await login(t.app, 'pracownik.andrychow');
    for (const url of [
      `/api/cases/${caseId}/plans`,
      `/api/cases/${caseId}/plans/${plan.id}`,
      `/api/cases/${caseId}/plans/${plan.id}/versions`,
      `/api/cases/${caseId}/plans/${plan.id}/pdf`,
    ]) {
      const res = await andrychow.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
    const post = await andrychow.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/plans`,
      payload: kontrakt(),
    });
    expect(post.statusCode).toBe(404);
    const denied = await q(
      sql`select 1 from audit_log where action = 'access.denied' and record_id = ${caseId} and user_id = ${andrychow.me.user.id}`,
    );
    expect(denied.length).toBeGreaterThanOrEqual(5);
  });

  it('another worker of the same institution, not on the case, gets 404 too; the police cannot write', async () => {
    const colleague = await login(t.app, 'pracownik2.bochnia');
    expect((await colleague.inject({ method: 'GET', url: `/api/cases/${caseId}/plans` })).statusCode).toBe(
      404,
    );
    const police = await login(t.app, 'policja.bochnia');
    expect((await police.inject({ method: 'GET', url: `/api/cases/${caseId}/plans` })).statusCode).toBe(404);
    const write = await police.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/plans`,
      payload: kontrakt(),
    });
    expect(write.statusCode).toBe(403);
  });

  it('the supervisor reads and changes the plans of the institution', async () => {
    const boss = await login(t.app, 'kierownik.bochnia');
    const res = await boss.inject({ method: 'GET', url: `/api/cases/${caseId}/plans/${plan.id}` });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Plan).abilities.update).toBe(true);
  });

  it('a plan of a closed case is read-only', async () => {
    const closed = await createCase({ status: 'zamknieta' });
    await q(sql`update cases set status = 'plan' where id = ${closed}`);
    const p = await createPlan(worker, closed);
    await q(sql`update cases set status = 'zamknieta', closed_on = '2026-06-30' where id = ${closed}`);
    const read = await worker.inject({ method: 'GET', url: `/api/cases/${closed}/plans` });
    expect((read.json() as { items: Plan[] }).items[0]?.abilities.update).toBe(false);
    const res = await worker.inject({
      method: 'PUT',
      url: `/api/cases/${closed}/plans/${p.id}`,
      payload: { plan: asInput(p), version: p.version },
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as Problem).detail).toMatch(/Sprawa jest zamknięta/);
  });

  it('a plan of another case is not found under this case', async () => {
    const other = await createCase();
    const res = await worker.inject({ method: 'GET', url: `/api/cases/${other}/plans/${plan.id}` });
    expect(res.statusCode).toBe(404);
  });
});

describe('other plan types', () => {
  it('a kontrakt with a family is concluded with the head of the household, on behalf of the family', async () => {
    const inst = id('MOPS Bochnia');
    const [h] = await q<{ id: string }>(
      sql`insert into households (institution_id, name, street, postal_code, city)
          values (${inst}, 'Rodzina Wiśniewskich', 'ul. Brzeźnicka 5', '32-700', 'Bochnia') returning id`,
    );
    const members = await q<{ id: string }>(
      sql`insert into persons (institution_id, first_name, last_name, birth_date, sex)
          values (${inst}, 'Grzegorz', 'Wiśniewski', '1979-02-11', 'M'), (${inst}, 'Zosia', 'Wiśniewska', '2015-06-01', 'K')
          returning id`,
    );
    await q(
      sql`insert into household_members (household_id, person_id, relation, from_date)
          values (${h?.id}, ${members[1]?.id}, 'dziecko', '2015-06-01'), (${h?.id}, ${members[0]?.id}, 'glowa', '2010-01-01')`,
    );
    const [c] = await q<{ id: string }>(
      sql`insert into cases (institution_id, number, household_id, lead_worker_id, source, status, opened_on)
          values (${inst}, 'SPR/2026/9900', ${h?.id}, ${id('pracownik.bochnia')}, 'wniosek_wlasny', 'plan', '2026-01-05')
          returning id`,
    );
    const p = await createPlan(worker, c?.id as string);
    const res = await worker.inject({ method: 'GET', url: `/api/cases/${c?.id}/plans/${p.id}/pdf` });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('osobą: Grzegorz Wiśniewski, zamieszkałą: ul. Brzeźnicka 5, 32-700 Bochnia');
    expect(text).toContain('w imieniu rodziny (Rodzina Wiśniewskich, 2 os.)');
  });

  it('print as a plan document without the contract clauses', async () => {
    const caseId = await createCase();
    const p = await createPlan(worker, caseId, {
      ...kontrakt(),
      type: 'plan_pracy_z_rodzina',
      variant: null,
    });
    const res = await worker.inject({ method: 'GET', url: `/api/cases/${caseId}/plans/${p.id}/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /filename="plan-pracy-z-rodzina-SPR-2026-9\d{3}\.pdf"/,
    );
    const text = pdfText(res.rawPayload);
    expect(text).toContain('PLAN PRACY Z RODZINĄ');
    expect(text).toContain('Spłata zaległości czynszowych');
    expect(text).not.toContain('art. 11 ust. 2');
  });

  it('a kontrakt created signed and active tells the timeline in order: created, then signed', async () => {
    const caseId = await createCase();
    await createPlan(worker, caseId, {
      ...kontrakt(),
      status: 'aktywny',
      workerSignedOn: '2026-02-01',
      clientSignedOn: '2026-02-01',
    });
    const res = await worker.inject({ method: 'GET', url: `/api/cases/${caseId}/timeline` });
    expect(res.statusCode, res.body).toBe(200);
    // Newest first: the signing, then the creation (both written by the one request).
    expect((res.json() as { items: { title: string }[] }).items.map((e) => e.title)).toEqual([
      'Plan podpisany i w realizacji: Kontrakt socjalny',
      'Utworzono plan: Kontrakt socjalny',
    ]);
  });
});
