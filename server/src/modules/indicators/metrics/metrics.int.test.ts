/**
 * Each metric of the registry on hand-made data: institutions, cases, teams, referrals,
 * partnerships and agreements made here (never the demo's), counted "as of" chosen days.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userIdOf } from '../../../../test/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { type DbOrTx, queryRows } from '../../../db/database.js';
import {
  caseOf,
  household,
  institution,
  person,
  programmeNode,
  project,
  teamMember,
} from '../indicators.fixtures.js';
import {
  computeMetric,
  getMetric,
  listMetrics,
  type MetricDefinition,
  MetricInputError,
  metricParamsOf,
  registerMetric,
} from './index.js';

let t: TestApp;
let db: DbOrTx;
let projectId: string;
let ops: string;
let second: string;
let school: string;
let outside: string;
let lead: string;

const run = (key: string, asOf: string, params: Record<string, unknown> = {}) =>
  computeMetric(db, key, { projectId, asOf, params });

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  lead = await userIdOf(db, 'pracownik.bochnia');
  ops = await institution(db, { name: 'Ośrodek Testowy', sector: 'pomoc_spoleczna', type: 'ops' });
  second = await institution(db, { name: 'Ośrodek Drugi', sector: 'pomoc_spoleczna', type: 'ops' });
  school = await institution(db, { name: 'Szkoła Testowa', sector: 'edukacja', type: 'szkola' });
  outside = await institution(db, { name: 'Ośrodek Spoza Projektu', sector: 'pomoc_spoleczna', type: 'ops' });
  projectId = await project(db, {
    node: await programmeNode(db),
    leader: ops,
    partners: [second],
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
  });
  const p = (o: { at: string; sex: 'K' | 'M'; born: string; pesel?: string }) =>
    person(db, { institution: o.at, createdBy: lead, sex: o.sex, birthDate: o.born, pesel: o.pesel });

  // A: Anna (OPS) with a school member active from 1 March.
  const anna = await p({ at: ops, sex: 'K', born: '1990-05-01' });
  const a = await caseOf(db, { institution: ops, lead, personId: anna, openedOn: '2025-02-01' });
  await teamMember(db, { caseId: a, institution: school, invitedBy: lead, startsOn: '2025-03-01' });
  // B: Anna's household with her son Jan; the school member ended on 15 June.
  const jan = await p({ at: ops, sex: 'M', born: '2012-06-01' });
  const hh = await household(db, {
    institution: ops,
    members: [
      { personId: anna, from: '2020-01-01' },
      { personId: jan, from: '2020-01-01' },
    ],
  });
  const b = await caseOf(db, { institution: ops, lead, householdId: hh, openedOn: '2025-03-15' });
  await teamMember(db, {
    caseId: b,
    institution: school,
    invitedBy: lead,
    status: 'zakonczony',
    startsOn: '2025-04-01',
    endedAt: '2025-06-15T10:00:00Z',
  });
  // C: Ewa at the partner institution; a member from the leader (another institution, same sector).
  const ewa = await p({ at: second, sex: 'K', born: '1960-01-01', pesel: '60010112345' });
  const c = await caseOf(db, { institution: second, lead, personId: ewa, openedOn: '2025-04-20' });
  await teamMember(db, { caseId: c, institution: ops, invitedBy: lead, startsOn: '2025-05-01' });
  // F: the same Ewa (same PESEL) in the leader's own registry, with the school in her team.
  const ewa2 = await p({ at: ops, sex: 'K', born: '1960-01-01', pesel: '60010112345' });
  const f = await caseOf(db, { institution: ops, lead, personId: ewa2, openedOn: '2025-05-05' });
  await teamMember(db, { caseId: f, institution: school, invitedBy: lead, startsOn: '2025-05-10' });
  // D: a case outside the project's institutions, with a team: never counted.
  const out = await p({ at: outside, sex: 'M', born: '1980-01-01' });
  const d = await caseOf(db, { institution: outside, lead, personId: out, openedOn: '2025-01-10' });
  await teamMember(db, { caseId: d, institution: school, invitedBy: lead, startsOn: '2025-02-01' });
  // E: an OPS case whose only "team" is its own institution and an unanswered invitation.
  const e = await caseOf(db, {
    institution: ops,
    lead,
    personId: await p({ at: ops, sex: 'M', born: '1975-01-01' }),
    openedOn: '2025-01-20',
  });
  await teamMember(db, { caseId: e, institution: ops, invitedBy: lead, startsOn: '2025-02-01' });
  await teamMember(db, {
    caseId: e,
    institution: school,
    invitedBy: lead,
    status: 'zaproszony',
    startsOn: '2025-02-01',
  });
  // G: a case closed on 1 March (not open later).
  await caseOf(db, {
    institution: ops,
    lead,
    personId: await p({ at: ops, sex: 'M', born: '1970-01-01' }),
    openedOn: '2025-01-05',
    closedOn: '2025-03-01',
  });

  // Referrals.
  const ref = (o: { from: string; to: string; status: string; kind?: string; completed?: string }) =>
    db.execute(
      sql`insert into referrals (number, case_id, kind, from_institution_id, from_user_id, to_institution_id, reason,
            scopes, basis, legal_basis, status, completed_at)
          values (${`R/${Math.random().toString(36).slice(2, 10)}`}, ${a}, ${o.kind ?? 'skierowanie'}, ${o.from}, ${lead},
            ${o.to}, 'Test', array['podstawowe']::text[], 'przepis', 'ups_art_110_8', ${o.status},
            ${o.completed ? `${o.completed}T12:00:00+02:00` : null}::timestamptz)`,
    );
  await ref({ from: ops, to: school, status: 'zakonczone', completed: '2025-04-10' });
  await ref({ from: ops, to: school, status: 'zakonczone', completed: '2024-12-20' });
  await ref({ from: ops, to: school, status: 'w_realizacji' });
  await ref({ from: outside, to: ops, status: 'zakonczone', completed: '2025-05-01' });
  await ref({ from: ops, to: school, status: 'zakonczone', kind: 'informacja', completed: '2025-05-02' });

  // Partnerships and agreements.
  const partnership = async (leader: string, startsOn: string) => {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into partnerships (name, kind, model, teryt, leader_institution_id, role_vocabulary, starts_on, status)
          values ('PZK testowy', 'pzk', 'kooperacje_3d', '1201011', ${leader}, '{}'::jsonb, ${startsOn}, 'aktywne')
          returning id`,
    );
    return row?.id as string;
  };
  const member = (pid: string, inst: string, role: string, joined: string, left?: string) =>
    db.execute(
      sql`insert into partnership_members (partnership_id, institution_id, role, joined_on, left_on)
          values (${pid}, ${inst}, ${role}, ${joined}, ${left ?? null})`,
    );
  const p1 = await partnership(ops, '2025-01-15');
  await member(p1, ops, 'lider', '2025-01-15');
  await member(p1, school, 'kooperant', '2025-02-01');
  await member(p1, second, 'kooperant', '2025-02-01', '2025-06-01');
  const p2 = await partnership(second, '2025-03-01');
  await member(p2, second, 'lider', '2025-03-01');
  await member(p2, school, 'kooperant', '2025-03-01');
  const p3 = await partnership(outside, '2025-01-01');
  await member(p3, outside, 'lider', '2025-01-01');
  await member(p3, ops, 'kooperant', '2025-01-01');

  const agreement = async (
    pid: string,
    o: { status: string; signed?: string; terminated?: string; parties?: string[] },
  ) => {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into agreements (partnership_id, title, scope, status, signed_on, terminated_on)
          values (${pid}, 'Porozumienie', 'Współpraca', ${o.status}, ${o.signed ?? null}, ${o.terminated ?? null})
          returning id`,
    );
    for (const inst of o.parties ?? [])
      await db.execute(
        sql`insert into agreement_parties (agreement_id, institution_id) values (${row?.id}, ${inst})`,
      );
  };
  await agreement(p1, { status: 'podpisane', signed: '2025-03-01' });
  await agreement(p1, { status: 'projekt' });
  await agreement(p3, {
    status: 'rozwiazane',
    signed: '2025-04-01',
    terminated: '2025-06-01',
    parties: [outside, ops],
  });
  await agreement(p3, { status: 'podpisane', signed: '2025-03-01', parties: [outside] });
  await agreement(p1, { status: 'podpisane', signed: '2024-06-01' });
});

describe('cases with a multi-sector team', () => {
  it('counts cases of the project’s institutions with a member from another institution active that day', async () => {
    // A, B, C and F; not D (outside), not E (own institution, an invitation), not G (closed).
    expect((await run('cases.multi_sector_team', '2025-05-20')).value).toBe('4');
    // B's member ended on 15 June.
    expect((await run('cases.multi_sector_team', '2025-07-01')).value).toBe('3');
    expect((await run('cases.multi_sector_team', '2025-02-15')).value).toBe('0');
  });

  it('counts cumulatively since the project began, and only other sectors when asked', async () => {
    expect((await run('cases.multi_sector_team', '2025-07-01', { window: 'narastajaco' })).value).toBe('4');
    // C's member (OPS) is of the same sector as the case's institution.
    expect((await run('cases.multi_sector_team', '2025-05-20', { otherSector: true })).value).toBe('3');
  });

  it('gives the share among the cases open that day as numerator and denominator', async () => {
    const share = await run('cases.multi_sector_team_share', '2025-05-20');
    // Open that day: A, B, C, E, F (G closed in March, D outside).
    expect(share).toMatchObject({ numerator: '4', denominator: '5', value: '80' });
  });
});

describe('persons in multi-sector cases', () => {
  it('counts each person once — across two cases and across two records with one PESEL', async () => {
    const r = await run('cases.persons_in_multi_sector_cases', '2025-07-01');
    // Anna (cases A and B), Jan (B) and Ewa (C, and F under the same PESEL).
    expect(r.value).toBe('3');
    expect(r.breakdown).toEqual({
      plec: { k: 2, m: 1 },
      wiek: { '30_54': 1, ponizej_18: 1, '55_plus': 1 },
    });
  });

  it('on the day only: Jan’s case had no active member left on 1 July', async () => {
    const r = await run('cases.persons_in_multi_sector_cases', '2025-07-01', { window: 'na_dzien' });
    expect(r.value).toBe('2');
    expect(r.breakdown.plec).toEqual({ k: 2 });
  });

  it('is zero before the project began', async () => {
    expect((await run('cases.persons_in_multi_sector_cases', '2024-12-31')).value).toBe('0');
  });
});

describe('referrals completed', () => {
  it('counts referrals sent by the project’s institutions completed since its start, each one', async () => {
    expect((await run('referrals.completed', '2025-06-01')).value).toBe('1');
    expect((await run('referrals.completed', '2025-04-09')).value).toBe('0');
    expect((await run('referrals.completed', '2025-06-01', { kind: 'wszystkie' })).value).toBe('2');
    expect((await run('referrals.completed', '2025-06-01', { direction: 'otrzymane' })).value).toBe('1');
  });
});

describe('partnership member entities', () => {
  it('counts distinct member institutions of partnerships led by the project’s institutions', async () => {
    // OPS, the school (in two partnerships: once) and the partner institution.
    expect((await run('partnerships.member_entities', '2025-05-01')).value).toBe('3');
    expect((await run('partnerships.member_entities', '2025-05-01', { includeLeader: false })).value).toBe(
      '2',
    );
    // The partner left the first partnership on 1 June but leads the second.
    expect((await run('partnerships.member_entities', '2025-07-01')).value).toBe('3');
    expect((await run('partnerships.member_entities', '2025-07-01', { includeLeader: false })).value).toBe(
      '1',
    );
  });
});

describe('signed cooperation agreements', () => {
  it('counts agreements of the project’s partnerships or with a project institution as a party', async () => {
    expect((await run('agreements.signed', '2025-05-01')).value).toBe('2');
    expect((await run('agreements.signed', '2025-05-01', { sinceProjectStart: false })).value).toBe('3');
    expect((await run('agreements.signed', '2025-07-01', { inForce: true })).value).toBe('1');
    expect((await run('agreements.signed', '2025-02-01')).value).toBe('0');
  });
});

describe('the registry', () => {
  it('lists every metric with its parameters for the form', () => {
    const metrics = listMetrics();
    expect(metrics.map((m) => m.key)).toEqual([
      'agreements.signed',
      'cases.multi_sector_team',
      'cases.multi_sector_team_share',
      'cases.persons_in_multi_sector_cases',
      'jst.cus_count',
      'jst.lpdi_share',
      'jst.with_partnership',
      'participants.employment_effectiveness',
      'participants.entered',
      'participants.result_after_6_months',
      'participants.result_on_leaving',
      'participants.social_effectiveness',
      'partnerships.member_entities',
      'referrals.completed',
      'staff.qualifications_raised',
      'staff.supported',
    ]);
    const persons = metrics.find((m) => m.key === 'cases.persons_in_multi_sector_cases');
    expect(persons?.breakdowns).toEqual(['plec', 'wiek']);
    expect(persons?.params.find((p) => p.name === 'window')).toMatchObject({
      kind: 'enum',
      default: 'narastajaco',
      options: [
        { value: 'na_dzien', label: { pl: 'Stan na dzień pomiaru' } },
        { value: 'narastajaco', label: { pl: 'Narastająco od początku projektu' } },
      ],
    });
  });

  it('looks a metric up by its key only: a metric registered later is computed like the others', async () => {
    registerMetric({
      key: 'test.share_of_three',
      label: { pl: 'Test', en: 'Test' },
      description: { pl: 'Test', en: 'Test' },
      unit: 'procent',
      counting: 'zdarzenia',
      params: z.object({ of: z.int().min(1).default(3) }),
      paramLabels: {},
      compute: async (_db, ctx) => ({ numerator: 1, denominator: ctx.params.of }),
    });
    expect(await run('test.share_of_three', '2025-05-01')).toMatchObject({
      value: '33.3333',
      numerator: '1',
    });
    const existing = getMetric('agreements.signed') as MetricDefinition;
    expect(() => registerMetric({ ...existing })).toThrow(/already registered/);
  });

  it('refuses an unknown key and parameters the metric does not take', async () => {
    await expect(run('no.such_metric', '2025-05-01')).rejects.toBeInstanceOf(MetricInputError);
    expect(() => metricParamsOf('referrals.completed', { direction: 'w_bok' })).toThrow(MetricInputError);
    expect(metricParamsOf('referrals.completed', {})).toEqual({ direction: 'wyslane', kind: 'skierowanie' });
  });
});
