import {
  type CaseStatus,
  caseStatuses,
  closureReasons,
  type DiagnosisArea,
  decodePesel,
  diagnosisAreas,
  type InterviewSection,
  interviewSections,
  type PlanStatus,
  planTypes,
} from '@kooperacja/domain';
import type { Tx } from '../../db/database.js';
import {
  caseReasons,
  cases,
  caseWorkers,
  diagnoses,
  householdMembers,
  households,
  institutions,
  personSensitive,
  persons,
  planActions,
  planGoals,
  plans,
  planVersions,
  timelineEntries,
  users,
} from '../../db/schema/index.js';
import { DEMO_DOMAIN, demoInstitutions } from '../identity/demo.js';
import { DEMO_FAMILIES } from './demo.data.js';
import { nextCaseNumber } from './numbering.js';
import { todayWarsaw } from './plans.queries.js';

/**
 * A valid PESEL for a birth date (YYYY-MM-DD) and sex. `serial` (0–4999) picks the serial number
 * and the sex digit, so one date and sex give 5000 different numbers.
 */
export function makePesel(birthDate: string, sex: 'K' | 'M', serial: number): string {
  const [y = 0, m = 0, d = 0] = birthDate.split('-').map(Number);
  const offset = y >= 2200 ? 60 : y >= 2100 ? 40 : y >= 2000 ? 20 : y >= 1900 ? 0 : 80;
  const s = ((serial % 5000) + 5000) % 5000;
  const sexDigit = (sex === 'M' ? 1 : 0) + 2 * Math.floor(s / 1000);
  const body =
    String(y % 100).padStart(2, '0') +
    String(m + offset).padStart(2, '0') +
    String(d).padStart(2, '0') +
    String(s % 1000).padStart(3, '0') +
    String(sexDigit);
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...body].reduce((acc, c, i) => acc + Number(c) * (w[i] ?? 0), 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** A seeded PRNG (mulberry32): demo identifiers are the same on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFactory(seed: number) {
  const next = seeded(seed);
  return () => {
    const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(next() * 4)]}${h.slice(17, 20)}-${h.slice(20)}`;
  };
}

const DAY = 86_400_000;
const STATUS_ORDER: CaseStatus[] = ['zgloszenie', 'diagnoza', 'plan', 'realizacja', 'monitorowanie'];

const emptySections = <K extends string>(keys: K[], values: Partial<Record<K, string>> = {}) =>
  Object.fromEntries(keys.map((k) => [k, values[k] ?? null])) as Record<K, string | null>;

/**
 * Demo persons, families and cases of MOPS Bochnia and OPS Andrychów (demo.data.ts): households
 * with members, cases across reasons and statuses, versioned diagnoses, plans with goals, actions
 * and versions, timeline entries and sensitive data. Dates are relative to `now`, so deadlines
 * stay around the day the demo starts; identifiers and PESEL numbers are deterministic.
 */
export async function seedDemoCases(tx: Tx, now: Date = new Date()): Promise<void> {
  const uuid = uuidFactory(20_261_123);
  // Calendar days count in Poland (deadlines are the institution's dates); times are approximate.
  const midnight = Date.parse(`${todayWarsaw(now)}T00:00:00Z`);
  const day = (offset: number) => new Date(midnight + offset * DAY).toISOString().slice(0, 10);
  /** A moment `daysAgo` days back at a local hour (Warsaw ≈ UTC+1), never in the future. */
  const at = (daysAgo: number, hour = 10, minute = 0) =>
    new Date(
      Math.min(midnight - daysAgo * DAY + (hour - 1) * 3_600_000 + minute * 60_000, now.getTime() - 60_000),
    );
  const thisYear = Number(day(0).slice(0, 4));

  const instRows = await tx.select({ id: institutions.id, name: institutions.name }).from(institutions);
  const instId = (key: string) => {
    const name = demoInstitutions.find((i) => i.key === key)?.name;
    const row = instRows.find((r) => r.name === name);
    if (!row) throw new Error(`demo institution ${key} missing (run demo:identity first)`);
    return row.id;
  };
  const instName = (id: string) => instRows.find((r) => r.id === id)?.name ?? '';
  const userRows = await tx.select({ id: users.id, email: users.email }).from(users);
  const userId = (local: string) => {
    const row = userRows.find((r) => r.email === `${local}@${DEMO_DOMAIN}`);
    if (!row) throw new Error(`demo user ${local} missing (run demo:identity first)`);
    return row.id;
  };

  const personRows: (typeof persons.$inferInsert)[] = [];
  const sensitiveRows: (typeof personSensitive.$inferInsert)[] = [];
  const householdRows: (typeof households.$inferInsert)[] = [];
  const memberRows: (typeof householdMembers.$inferInsert)[] = [];
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const workerRows: (typeof caseWorkers.$inferInsert)[] = [];
  const reasonRows: (typeof caseReasons.$inferInsert)[] = [];
  const diagnosisRows: (typeof diagnoses.$inferInsert)[] = [];
  const planRows: (typeof plans.$inferInsert)[] = [];
  const goalRows: (typeof planGoals.$inferInsert)[] = [];
  const actionRows: (typeof planActions.$inferInsert)[] = [];
  const versionRows: (typeof planVersions.$inferInsert)[] = [];
  const timelineRows: (typeof timelineEntries.$inferInsert)[] = [];
  const usedPesels = new Set<string>();

  for (const [fi, f] of DEMO_FAMILIES.entries()) {
    const institutionId = instId(f.institution);
    const lead = userId(f.lead);
    const firstOpened = Math.max(...f.cases.map((c) => c.openedDaysAgo));
    const registered = at(firstOpened, 9);

    // ——— persons and the household ———
    const personIds: string[] = [];
    for (const [mi, m] of f.members.entries()) {
      const id = uuid();
      personIds.push(id);
      const birthDate =
        m.bornDaysAgo !== undefined
          ? day(-m.bornDaysAgo)
          : `${thisYear - m.age - (`${m.md}` > day(0).slice(5) ? 1 : 0)}-${m.md}`;
      let pesel: string | null = null;
      if (!m.noPesel) {
        for (let serial = (fi * 131 + mi * 37 + 211) % 5000; ; serial = (serial + 1) % 5000) {
          pesel = makePesel(birthDate, m.sex, serial);
          if (!usedPesels.has(pesel)) break;
        }
        usedPesels.add(pesel);
        const decoded = decodePesel(pesel);
        if (decoded?.birthDate !== birthDate || decoded.sex !== m.sex)
          throw new Error(`demo PESEL for ${m.first} ${m.last} does not decode to its birth date and sex`);
      }
      personRows.push({
        id,
        institutionId,
        firstName: m.first,
        lastName: m.last,
        pesel,
        otherIdType: m.noPesel?.type ?? null,
        otherIdNumber: m.noPesel?.number ?? null,
        birthDate,
        sex: m.sex,
        citizenship: m.noPesel?.citizenship ?? 'polskie',
        teryt: f.address.teryt,
        street: f.address.street,
        postalCode: f.address.postalCode,
        city: f.address.city,
        phone: m.phone ?? null,
        email: m.email ?? null,
        notes: m.notes ?? null,
        createdBy: lead,
        createdAt: registered,
        updatedAt: registered,
      });
      if (m.sensitive) {
        sensitiveRows.push({
          personId: id,
          disabilityLevel: m.sensitive.disabilityLevel ?? null,
          disabilityUntil:
            m.sensitive.disabilityUntil !== undefined ? day(m.sensitive.disabilityUntil) : null,
          health: m.sensitive.health ?? null,
          addiction: m.sensitive.addiction ?? null,
          updatedBy: lead,
          updatedAt: registered,
        });
      }
    }
    let householdId: string | null = null;
    if (f.household) {
      householdId = uuid();
      householdRows.push({
        id: householdId,
        institutionId,
        name: f.household,
        teryt: f.address.teryt,
        street: f.address.street,
        postalCode: f.address.postalCode,
        city: f.address.city,
        createdBy: lead,
        createdAt: registered,
        updatedAt: registered,
      });
      for (const [mi, m] of f.members.entries()) {
        const fromDate = m.bornDaysAgo !== undefined ? day(-m.bornDaysAgo) : day(-firstOpened);
        memberRows.push({
          id: uuid(),
          householdId,
          personId: personIds[mi] as string,
          relation: m.relation,
          fromDate,
        });
      }
    }

    // ——— cases ———
    for (const c of f.cases) {
      const caseId = uuid();
      const closed = c.status === 'zamknieta';
      const openStatus = closed ? (c.closure?.from ?? 'zgloszenie') : c.status;
      const entry = (
        e: Omit<typeof timelineEntries.$inferInsert, 'id' | 'caseId' | 'authorId' | 'createdAt'> & {
          authorId?: string;
        },
      ) => {
        timelineRows.push({
          id: uuid(),
          caseId,
          authorId: e.authorId ?? lead,
          createdAt: e.occurredAt,
          ...e,
        });
      };
      caseRows.push({
        id: caseId,
        institutionId,
        number: '', // numbered below, in order of opening
        personId: householdId ? null : (personIds[0] as string),
        householdId,
        leadWorkerId: lead,
        source: c.source,
        sourceDetails: c.sourceDetails ?? null,
        status: c.status,
        openedOn: day(-c.openedDaysAgo),
        closedOn: c.closure ? day(-c.closure.daysAgo) : null,
        closureReason: c.closure?.reason ?? null,
        outcomeSummary: c.closure?.outcome ?? null,
        summary: c.summary,
        createdBy: lead,
        createdAt: at(c.openedDaysAgo, 9),
        updatedAt: at(c.closure?.daysAgo ?? Math.min(c.openedDaysAgo, 1), 15),
      });
      for (const w of f.coWorkers ?? [])
        workerRows.push({ caseId, userId: userId(w), addedAt: at(c.openedDaysAgo, 9) });
      c.reasons.forEach((code, i) => {
        reasonRows.push({ caseId, code, main: i === 0 });
      });

      // diagnoses and their system entries
      const diagnosisList = c.diagnoses ?? [];
      diagnosisList.forEach((d, i) => {
        const author = d.by ? userId(d.by) : lead;
        diagnosisRows.push({
          id: uuid(),
          caseId,
          versionNo: i + 1,
          areas: emptySections(Object.keys(diagnosisAreas) as DiagnosisArea[], d.areas),
          interview: emptySections(Object.keys(interviewSections) as InterviewSection[], d.interview),
          conclusions: d.conclusions ?? null,
          authorId: author,
          createdAt: at(d.daysAgo, 14),
        });
        entry({
          kind: 'diagnoza',
          occurredAt: at(d.daysAgo, 14),
          title: i === 0 ? 'Zapisano diagnozę' : `Zaktualizowano diagnozę (wersja ${i + 1})`,
          body: d.conclusions ?? null,
          authorId: author,
        });
      });

      // plans, goals, actions, versions and their system entries
      let signedAt: number | null = null;
      for (const p of c.plans ?? []) {
        const planId = uuid();
        const label = `${planTypes[p.type].pl}${p.variant ? ` (wariant ${p.variant})` : ''}`;
        const signed = p.signed !== undefined ? day(p.signed) : null;
        if (p.signed !== undefined) signedAt = signedAt === null ? -p.signed : Math.max(signedAt, -p.signed);
        const goals = p.goals.map((g, gi) => {
          const goalId = uuid();
          goalRows.push({ id: goalId, planId, position: gi + 1, description: g.text });
          const actions = g.actions.map((a, ai) => {
            const own = a.who === f.institution;
            const row = {
              id: uuid(),
              planId,
              goalId,
              position: ai + 1,
              description: a.text,
              party: a.who === 'klient' ? 'klient' : 'instytucja',
              responsibleInstitutionId: a.who === 'klient' ? null : instId(a.who),
              responsiblePerson: a.person ?? null,
              responsibleUserId: a.user ? userId(a.user) : own ? lead : null,
              deadline: day(a.due),
              status: a.status,
              completedOn: a.status === 'wykonane' ? day(a.done ?? Math.min(a.due - 2, -1)) : null,
            } satisfies typeof planActions.$inferInsert;
            actionRows.push(row);
            return row;
          });
          return { id: goalId, description: g.text, actions };
        });
        const startDate = day(p.start);
        // The shape plans.queries.ts keeps in plan_versions (snapshotOf): the plan as read, less ids and times.
        const snapshot = (status: PlanStatus, withSignatures: boolean, version: number) => ({
          type: p.type,
          variant: p.variant ?? null,
          title: p.title ?? null,
          assessment: p.assessment,
          startDate,
          endDate: day(p.start + p.lengthDays),
          reviewDates: p.reviews.map(day),
          status,
          goals: goals.map((g) => ({
            id: g.id,
            description: g.description,
            actions: g.actions.map((a) => ({
              id: a.id,
              description: a.description,
              party: a.party,
              responsibleInstitution: a.responsibleInstitutionId
                ? { id: a.responsibleInstitutionId, name: instName(a.responsibleInstitutionId) }
                : null,
              responsiblePerson: a.responsiblePerson,
              responsibleUserId: a.responsibleUserId,
              deadline: a.deadline,
              status: withSignatures ? a.status : 'zaplanowane',
              completedOn: withSignatures ? a.completedOn : null,
            })),
          })),
          workerSignedOn: withSignatures ? signed : null,
          clientSignedOn: withSignatures ? signed : null,
          signedScanId: null,
          version,
        });
        // the draft is saved a few days before the start, after the case was opened
        const draftDay = Math.min(c.openedDaysAgo - 1, Math.max(1, -p.start + 3));
        const versions: { snapshot: Record<string, unknown>; at: Date }[] = [];
        if (p.draftFirst) versions.push({ snapshot: snapshot('projekt', false, 1), at: at(draftDay, 12) });
        versions.push({
          snapshot: snapshot(p.status, signed !== null, versions.length + 1),
          at: at(p.signed !== undefined ? -p.signed : draftDay, 12),
        });
        planRows.push({
          id: planId,
          caseId,
          type: p.type,
          variant: p.variant ?? null,
          title: p.title ?? null,
          assessment: p.assessment,
          startDate,
          endDate: day(p.start + p.lengthDays),
          reviewDates: p.reviews.map(day),
          status: p.status,
          workerSignedOn: signed,
          clientSignedOn: signed,
          createdBy: lead,
          version: versions.length,
          createdAt: versions[0]?.at ?? at(draftDay),
          updatedAt: versions[versions.length - 1]?.at ?? at(draftDay),
        });
        versions.forEach((v, i) => {
          versionRows.push({ planId, version: i + 1, snapshot: v.snapshot, authorId: lead, at: v.at });
        });
        entry({ kind: 'plan', occurredAt: at(draftDay, 12), title: `${label} — zapisano projekt` });
        if (p.signed !== undefined)
          entry({
            kind: 'plan',
            occurredAt: at(-p.signed, 12, 30),
            title: `${label} — podpisany przez pracownika i klienta`,
          });
        if (p.status === 'zakonczony' || p.status === 'przerwany')
          entry({
            kind: 'plan',
            occurredAt: at(c.closure?.daysAgo ?? 1, 11),
            title: `${label} — ${p.status === 'zakonczony' ? 'zakończony' : 'przerwany'}`,
          });
      }

      // status changes along the way, anchored to what happened in the case
      const reached = STATUS_ORDER.slice(1, STATUS_ORDER.indexOf(openStatus) + 1);
      const firstDiagnosis = diagnosisList[0]?.daysAgo;
      const proposed: Record<string, number> = {
        diagnoza: c.openedDaysAgo - 2,
        plan: firstDiagnosis !== undefined ? firstDiagnosis - 1 : c.openedDaysAgo - 14,
        realizacja: signedAt ?? c.openedDaysAgo - 30,
        monitorowanie: c.monitorDaysAgo ?? Math.floor((signedAt ?? c.openedDaysAgo) / 2),
      };
      const floor = c.closure?.daysAgo ?? 0;
      let previous = c.openedDaysAgo;
      let from: CaseStatus = 'zgloszenie';
      for (const to of reached) {
        const d = Math.max(floor, Math.min(previous, proposed[to] ?? previous));
        entry({
          kind: 'status',
          occurredAt: at(d, 8, 30),
          title: `Zmiana statusu: ${caseStatuses[from].pl} → ${caseStatuses[to].pl}`,
        });
        previous = d;
        from = to;
      }
      if (c.closure)
        entry({
          kind: 'status',
          occurredAt: at(c.closure.daysAgo, 15),
          title: `Zmiana statusu: ${caseStatuses[from].pl} → ${caseStatuses.zamknieta.pl}`,
          body: `Powód zamknięcia: ${closureReasons[c.closure.reason].pl}. ${c.closure.outcome}`,
        });

      for (const e of c.timeline)
        entry({
          kind: e.kind,
          occurredAt: at(e.daysAgo, e.hour ?? 10, 15),
          title: e.title,
          body: e.body ?? null,
          sensitive: e.sensitive ?? false,
          authorId: e.by ? userId(e.by) : lead,
        });
    }
  }

  // Case numbers per institution and year, in order of opening.
  const byOpening = [...caseRows].sort(
    (a, b) => a.openedOn.localeCompare(b.openedOn) || String(a.id).localeCompare(String(b.id)),
  );
  for (const c of byOpening)
    c.number = await nextCaseNumber(tx, c.institutionId, Number(c.openedOn.slice(0, 4)));

  await tx.insert(persons).values(personRows);
  if (sensitiveRows.length) await tx.insert(personSensitive).values(sensitiveRows);
  await tx.insert(households).values(householdRows);
  await tx.insert(householdMembers).values(memberRows);
  await tx.insert(cases).values(caseRows);
  if (workerRows.length) await tx.insert(caseWorkers).values(workerRows);
  await tx.insert(caseReasons).values(reasonRows);
  await tx.insert(diagnoses).values(diagnosisRows);
  await tx.insert(plans).values(planRows);
  await tx.insert(planGoals).values(goalRows);
  await tx.insert(planActions).values(actionRows);
  await tx.insert(planVersions).values(versionRows);
  await tx.insert(timelineEntries).values(timelineRows);
}
