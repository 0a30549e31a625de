// Generator of a large synthetic client registry for the cases benchmark: ~50 social-assistance
// centres of a synthetic region (real gminy of województwo świętokrzyskie), their workers, and per
// 1,000,000 persons: 300,000 cases, 5,000,000 timeline entries, households, reasons, co-workers,
// diagnoses and plans in proportion. Every person is invented (common Polish names, valid PESELs).
//
// Loaded with COPY (PostgreSQL: COPY FROM STDIN through pg-copy-streams; PGlite: COPY FROM
// '/dev/blob'), one institution at a time, with the secondary indexes dropped during the load and
// rebuilt after it, and foreign-key triggers off (session_replication_role = replica): the
// generator makes consistent rows itself. Deterministic: the same scale and seed give the same data.
//
// Run as a script: `npm run cases:generate -w bench` (see bench/README.md); cases.bench.ts imports it.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import pgModule from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../server/src/db/database.js';
import { prepareDatabase } from '../server/src/db/prepare.js';
import { makePesel } from '../server/src/modules/cases/demo.js';
import { hashPassword } from '../server/src/modules/identity/passwords.js';
import {
  actionTexts,
  diagnosisTexts,
  femaleFirstNames,
  goalTexts,
  lastNameFor,
  lastNames,
  maleFirstNames,
  prng,
  streets,
  timelineTexts,
  zipf,
} from './lib/polish.js';

/** Password of every generated user. */
export const BENCH_PASSWORD = 'Bench-Kooperacja-2026!';
export const BENCH_EMAIL_DOMAIN = 'bench.kooperacja.pl';

export interface Scale {
  persons: number;
  institutions: number;
  cases: number;
  timeline: number;
  /** Social workers per institution (plus one supervisor). */
  workers: number;
}

/** The benchmark's proportions: 0.3 cases and 5 timeline entries per person, 20,000 persons per centre. */
export function scaleFor(persons: number): Scale {
  return {
    persons,
    institutions: Math.max(1, Math.round(persons / 20_000)),
    cases: Math.round(persons * 0.3),
    timeline: persons * 5,
    workers: 15,
  };
}

/** Where the rows go: a dedicated PostgreSQL connection or an embedded PGlite. */
export interface Loader {
  engine: 'postgres' | 'pglite';
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  copy(table: string, columns: string[], rows: string[]): Promise<void>;
}

export function postgresLoader(client: pgModule.Client): Loader {
  return {
    engine: 'postgres',
    query: async <T>(text: string, params?: unknown[]) =>
      (await client.query(text, params as unknown[])).rows as T[],
    copy: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      await pipeline(Readable.from(chunks(rows)), stream);
    },
  };
}

export function pgliteLoader(client: PGlite): Loader {
  return {
    engine: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    copy: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const blob = new Blob([...chunks(rows)]);
      await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
    },
  };
}

/** Joins rows into ~1 MB strings (one write per chunk). */
function* chunks(rows: string[]) {
  let buf: string[] = [];
  let size = 0;
  for (const r of rows) {
    buf.push(r);
    size += r.length + 1;
    if (size > 1_000_000) {
      yield `${buf.join('\n')}\n`;
      buf = [];
      size = 0;
    }
  }
  if (buf.length) yield `${buf.join('\n')}\n`;
}

/** A COPY text field: NULL as \N; backslash, tab and line breaks escaped. */
function f(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : v;
}
/** One COPY text line from its fields. */
export const row = (...vs: (string | number | boolean | null | undefined)[]) => vs.map(f).join('\t');

/** A valid v4-shaped UUID from a table tag (8 hex digits) and a counter. */
const uid = (tag: string, n: number) => `${tag}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const TAG = {
  institution: 'b0000001',
  user: 'b0000002',
  membership: 'b0000003',
  person: 'b0000004',
  household: 'b0000005',
  member: 'b0000006',
  case: 'b0000007',
  diagnosis: 'b0000008',
  plan: 'b0000009',
  goal: 'b000000a',
  action: 'b000000b',
  timeline: 'b000000c',
} as const;
export const benchCaseId = (n: number) => uid(TAG.case, n);

/** The tables this generator fills (secondary indexes are rebuilt after the load). */
const LOADED_TABLES = [
  'persons',
  'households',
  'household_members',
  'cases',
  'case_workers',
  'case_reasons',
  'diagnoses',
  'plans',
  'plan_goals',
  'plan_actions',
  'plan_versions',
  'timeline_entries',
];

export interface DatasetFigures {
  scale: Scale;
  seed: number;
  rows: Record<string, number>;
  loadSeconds: { generateAndCopy: number; indexes: number; analyze: number; total: number };
  /** The worker the load run logs in as, with the size of their scope. */
  worker: { email: string; leadCases: number; coWorkerCases: number };
  supervisor: { email: string };
}

type Sex = 'K' | 'M';

/** "Kowalscy", "Nowakowie": how a family is named after its surname. */
const familyName = (masc: string) =>
  /dzki$/.test(masc)
    ? `${masc.slice(0, -4)}dzcy`
    : /ski$/.test(masc)
      ? `${masc.slice(0, -3)}scy`
      : /cki$/.test(masc)
        ? `${masc.slice(0, -3)}ccy`
        : `${masc}owie`;
const DAY = 86_400_000;

export async function generateCases(
  loader: Loader,
  scale: Scale,
  opts: { seed?: number; log?: (message: string) => void } = {},
): Promise<DatasetFigures> {
  const seed = opts.seed ?? 20261123;
  const log = opts.log ?? (() => undefined);
  const rng = prng(seed);
  const started = performance.now();
  const today = new Date(Math.floor(Date.now() / DAY) * DAY);
  const day = (offset: number) => new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);
  const dayCache = new Map<number, string>();
  const d = (offset: number) => {
    let s = dayCache.get(offset);
    if (!s) {
      s = day(offset);
      dayCache.set(offset, s);
    }
    return s;
  };
  const counts: Record<string, number> = {};
  const copy = async (table: string, columns: string[], rows: string[]) => {
    await loader.copy(table, columns, rows);
    counts[table] = (counts[table] ?? 0) + rows.length;
  };

  // ——— the region: real gminy, one centre each ———
  const gminy = await loader.query<{ teryt: string; name: string }>(
    `select teryt, name from territorial_units
      where level = 'gmina' and woj_teryt = '26' and active order by teryt limit $1`,
    [scale.institutions],
  );
  if (gminy.length < scale.institutions)
    throw new Error('territory not loaded: run the migrations and seeds first');

  // Secondary indexes off during the load, foreign keys not checked (rows are consistent by construction).
  const indexes = await loader.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes i
      where schemaname = 'public' and tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [LOADED_TABLES],
  );
  for (const ix of indexes) await loader.query(`drop index ${ix.indexname}`);
  await loader.query('set session_replication_role = replica');

  // ——— institutions, users, memberships ———
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const instIds = gminy.map((_, i) => uid(TAG.institution, i + 1));
  await copy(
    'institutions',
    [
      'id',
      'name',
      'short_name',
      'type',
      'sector',
      'teryt',
      'street',
      'postal_code',
      'city',
      'email',
      'phone',
    ],
    gminy.map((g, i) =>
      row(
        instIds[i],
        `Ośrodek Pomocy Społecznej w gminie ${g.name} (bench ${i + 1})`,
        `OPS ${g.name} ${i + 1}`,
        'ops',
        'pomoc_spoleczna',
        g.teryt,
        `ul. ${streets[i % streets.length]} ${1 + (i % 40)}`,
        `2${String(5 + (i % 4))}-${String(100 + i).padStart(3, '0')}`,
        g.name,
        `ops${i + 1}@${BENCH_EMAIL_DOMAIN}`,
        `41 ${String(300 + i).padStart(3, '0')} 00 ${String(10 + (i % 90)).padStart(2, '0')}`,
      ),
    ),
  );
  const perInst = scale.workers + 1;
  const userId = (inst: number, w: number) => uid(TAG.user, inst * perInst + w + 1);
  const users: string[] = [];
  const memberships: string[] = [];
  const firstM = zipf(maleFirstNames);
  const firstK = zipf(femaleFirstNames);
  const lastPick = zipf(lastNames, 0.8);
  for (let i = 0; i < gminy.length; i++) {
    for (let w = 0; w < perInst; w++) {
      const supervisor = w === scale.workers;
      const sex: Sex = rng.chance(0.85) ? 'K' : 'M';
      const local = supervisor ? `kierownik.ops${i + 1}` : `pracownik${w + 1}.ops${i + 1}`;
      users.push(
        row(
          userId(i, w),
          `${local}@${BENCH_EMAIL_DOMAIN}`,
          sex === 'K' ? firstK(rng.next()) : firstM(rng.next()),
          lastNameFor(lastPick(rng.next()), sex),
          'active',
          passwordHash,
          today.toISOString(),
        ),
      );
      memberships.push(
        row(
          uid(TAG.membership, i * perInst + w + 1),
          userId(i, w),
          instIds[i],
          supervisor ? '{kierownik}' : '{pracownik_socjalny}',
        ),
      );
    }
  }
  await copy(
    'users',
    ['id', 'email', 'first_name', 'last_name', 'status', 'password_hash', 'password_changed_at'],
    users,
  );
  await copy('memberships', ['id', 'user_id', 'institution_id', 'roles'], memberships);

  // ——— the registry, one institution at a time ———
  const peselSerials = new Map<string, number>();
  const pesel = (birth: string, sex: Sex) => {
    const key = birth + sex;
    const n = peselSerials.get(key) ?? 0;
    peselSerials.set(key, n + 1);
    // 2477 is coprime with 5000: the first 5000 persons born on a day get different numbers.
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) % 5000;
    return makePesel(birth, sex, (h + n * 2477) % 5000);
  };
  const reasonPick = zipf(
    ['1', '4', '9', '6', '5', '13', '3', '8', '7', '2', '12', '14', '11', '15', '7a'],
    1.1,
  );
  const sourcePick = zipf(
    [
      'wniosek_wlasny',
      'z_urzedu',
      'zgloszenie_instytucji',
      'szkola',
      'policja',
      'ochrona_zdrowia',
      'sad',
      'skierowanie',
      'inne',
    ],
    1,
  );
  const kindPick = (r: number) =>
    r < 0.2
      ? 'wizyta'
      : r < 0.4
        ? 'rozmowa'
        : r < 0.65
          ? 'telefon'
          : r < 0.85
            ? 'notatka'
            : r < 0.9
              ? 'dokument'
              : r < 0.97
                ? 'status'
                : r < 0.99
                  ? 'diagnoza'
                  : 'plan';
  const statusPick = (r: number) =>
    r < 0.55
      ? 'zamknieta'
      : r < 0.6
        ? 'zgloszenie'
        : r < 0.68
          ? 'diagnoza'
          : r < 0.73
            ? 'plan'
            : r < 0.9
              ? 'realizacja'
              : 'monitorowanie';
  const closurePick = zipf([
    'cel_osiagniety',
    'czesciowo_osiagniety',
    'brak_wspolpracy',
    'rezygnacja',
    'przeprowadzka',
    'przekazanie',
    'zgon',
    'inne',
  ]);
  const planTypePick = (r: number) =>
    r < 0.5
      ? 'kontrakt_socjalny'
      : r < 0.7
        ? 'plan_pomocy'
        : r < 0.85
          ? 'plan_pracy_z_rodzina'
          : r < 0.9
            ? 'ipw'
            : r < 0.95
              ? 'program_wychodzenia_z_bezdomnosci'
              : 'ipzs';

  let personN = 0;
  let householdN = 0;
  let memberN = 0;
  let caseN = 0;
  let diagnosisN = 0;
  let planN = 0;
  let goalN = 0;
  let actionN = 0;
  let timelineN = 0;
  const caseCounters: string[] = [];
  let workerFigures = { email: '', leadCases: 0, coWorkerCases: 0 };

  for (let i = 0; i < gminy.length; i++) {
    const g = gminy[i] as { teryt: string; name: string };
    const instId = instIds[i] as string;
    const last = i === gminy.length - 1;
    const share = (total: number) =>
      last ? total - Math.floor(total / gminy.length) * (gminy.length - 1) : Math.floor(total / gminy.length);
    const personBudget = share(scale.persons);
    const caseBudget = share(scale.cases);
    const timelineBudget = share(scale.timeline);
    const householdCases = Math.round(caseBudget * 0.7);
    const worker = () => userId(i, rng.int(0, scale.workers - 1));

    const persons: string[] = [];
    const households: string[] = [];
    const members: string[] = [];
    const cases: string[] = [];
    const caseWorkers: string[] = [];
    const caseReasons: string[] = [];
    const diagnoses: string[] = [];
    const plans: string[] = [];
    const goals: string[] = [];
    const actions: string[] = [];
    const planVersions: string[] = [];
    const timeline: string[] = [];
    const yearCounters = new Map<number, number>();
    /** Per case of this institution: opened and end day offsets, lead and co-worker. */
    const caseInfo: { id: string; from: number; to: number; lead: string; co: string | null }[] = [];

    const address = () => ({
      street: `ul. ${streets[rng.int(0, streets.length - 1)]} ${rng.int(1, 120)}${rng.chance(0.4) ? `/${rng.int(1, 40)}` : ''}`,
      postal: `2${rng.int(5, 9)}-${String(rng.int(0, 999)).padStart(3, '0')}`,
    });
    const addPerson = (
      sex: Sex,
      age: number,
      lastMasc: string,
      addr: { street: string; postal: string },
      createdBy: string,
      createdDay: number,
    ) => {
      personN++;
      const id = uid(TAG.person, personN);
      const birthOffset = -Math.round(age * 365.25) - rng.int(0, 364);
      const birth = d(birthOffset);
      const foreign = rng.chance(0.03);
      const first = sex === 'K' ? firstK(rng.next()) : firstM(rng.next());
      const created = `${d(createdDay)}T09:00:00Z`;
      persons.push(
        row(
          id,
          instId,
          first,
          lastNameFor(lastMasc, sex),
          foreign ? null : pesel(birth, sex),
          foreign ? 'paszport' : null,
          foreign ? `F${String(personN).padStart(8, '0')}` : null,
          birth,
          sex,
          foreign ? 'ukraińskie' : 'polskie',
          g.teryt,
          addr.street,
          addr.postal,
          g.name,
          rng.chance(0.6)
            ? `5${rng.int(0, 99).toString().padStart(2, '0')} ${rng.int(100, 999)} ${rng.int(100, 999)}`
            : null,
          rng.chance(0.1) ? `osoba${personN}@example.com` : null,
          null,
          createdBy,
          created,
          created,
        ),
      );
      return id;
    };

    const openCase = (subject: { personId: string | null; householdId: string | null }, lead: string) => {
      caseN++;
      const id = uid(TAG.case, caseN);
      const status = statusPick(rng.next());
      const closed = status === 'zamknieta';
      const opened = closed ? -rng.int(60, 8 * 365) : -rng.int(1, 2 * 365);
      const end = closed ? Math.min(-1, opened + rng.int(30, 720)) : 0;
      const year = Number(d(opened).slice(0, 4));
      const seq = (yearCounters.get(year) ?? 0) + 1;
      yearCounters.set(year, seq);
      const co = rng.chance(0.2) ? worker() : null;
      const coWorker = co && co !== lead ? co : null;
      cases.push(
        row(
          id,
          instId,
          `SPR/${year}/${String(seq).padStart(4, '0')}`,
          subject.personId,
          subject.householdId,
          lead,
          sourcePick(rng.next()),
          null,
          status,
          d(opened),
          closed ? d(end) : null,
          closed ? closurePick(rng.next()) : null,
          closed ? 'Sytuacja rodziny ustabilizowana, zakończono pracę socjalną.' : null,
          rng.chance(0.5) ? 'Rodzina zgłosiła się po pomoc w związku z trudną sytuacją materialną.' : null,
          lead,
          `${d(opened)}T08:00:00Z`,
          `${d(end)}T15:00:00Z`,
        ),
      );
      caseInfo.push({ id, from: opened, to: end, lead, co: coWorker });
      if (coWorker) caseWorkers.push(row(id, coWorker, `${d(opened)}T08:00:00Z`));
      const nReasons = rng.chance(0.4) ? 1 : rng.chance(0.67) ? 2 : 3;
      const codes = new Set<string>();
      while (codes.size < nReasons) codes.add(reasonPick(rng.next()));
      let first = true;
      for (const code of codes) {
        caseReasons.push(row(id, code, first));
        first = false;
      }
      // diagnosis: from "diagnoza" on (half of those still waiting), most closed cases had one
      const hasDiagnosis =
        status === 'diagnoza'
          ? rng.chance(0.5)
          : status === 'zgloszenie'
            ? false
            : status === 'zamknieta'
              ? rng.chance(0.8)
              : true;
      if (hasDiagnosis) {
        const versions = rng.chance(0.3) ? 2 : 1;
        for (let v = 1; v <= versions; v++) {
          diagnosisN++;
          const at = Math.min(end, opened + 7 * v + rng.int(0, 14));
          const areas: Record<string, string | null> = {};
          for (const [k, texts] of Object.entries(diagnosisTexts)) areas[k] = rng.pick(texts);
          const interview = {
            material: 'Dochód poniżej kryterium dochodowego, zaległości w opłatach.',
            housing: rng.chance(0.5) ? 'Mieszkanie dwupokojowe, ogrzewanie piecowe.' : null,
            health: rng.chance(0.3) ? 'Choroba przewlekła członka rodziny.' : null,
            work: rng.chance(0.5) ? 'Wnioskodawca bezrobotny bez prawa do zasiłku.' : null,
            family: null,
            upbringing: null,
            addiction: null,
            violence: null,
          };
          diagnoses.push(
            row(
              uid(TAG.diagnosis, diagnosisN),
              id,
              v,
              JSON.stringify(areas),
              JSON.stringify(interview),
              'Wskazana praca socjalna i kontrakt socjalny.',
              lead,
              `${d(at)}T12:00:00Z`,
            ),
          );
        }
      }
      // plans: every case in plan/realisation/monitoring, some closed ones
      const hasPlan =
        status === 'plan' ||
        status === 'realizacja' ||
        status === 'monitorowanie' ||
        (closed && rng.chance(0.4));
      if (hasPlan) {
        planN++;
        const planId = uid(TAG.plan, planN);
        const type = planTypePick(rng.next());
        const variant = type === 'kontrakt_socjalny' ? (rng.chance(0.5) ? 'A' : 'B') : null;
        const start = Math.min(end, opened + rng.int(14, 40));
        const finish = start + rng.int(90, 270);
        const planStatus =
          status === 'plan' ? 'projekt' : closed ? (rng.chance(0.8) ? 'zakonczony' : 'przerwany') : 'aktywny';
        const signed = planStatus !== 'projekt';
        plans.push(
          row(
            planId,
            id,
            type,
            variant,
            null,
            'Rodzina wymaga wsparcia w wyjściu z trudnej sytuacji życiowej.',
            d(start),
            d(finish),
            `{${d(start + 60)},${d(start + 120)}}`,
            planStatus,
            signed ? d(start) : null,
            signed ? d(start) : null,
            lead,
            1,
            `${d(start)}T10:00:00Z`,
            `${d(start)}T10:00:00Z`,
          ),
        );
        const snapshotGoals: { description: string; actions: string[] }[] = [];
        for (let gi = 1; gi <= 2; gi++) {
          goalN++;
          const goalId = uid(TAG.goal, goalN);
          const goalText = rng.pick(goalTexts);
          goals.push(row(goalId, planId, gi, goalText));
          const snap = { description: goalText, actions: [] as string[] };
          for (let ai = 1; ai <= 2; ai++) {
            actionN++;
            const client = rng.chance(0.4);
            const deadline = start + rng.int(20, 200);
            const done = deadline < 0 && rng.chance(0.7);
            const text = rng.pick(actionTexts);
            snap.actions.push(text);
            actions.push(
              row(
                uid(TAG.action, actionN),
                planId,
                goalId,
                ai,
                text,
                client ? 'klient' : 'instytucja',
                client ? null : rng.chance(0.7) ? instId : instIds[rng.int(0, instIds.length - 1)],
                client ? null : 'pracownik socjalny',
                client ? null : lead,
                d(deadline),
                done ? 'wykonane' : deadline < 0 ? 'w_toku' : 'zaplanowane',
                done ? d(deadline - rng.int(0, 10)) : null,
              ),
            );
          }
          snapshotGoals.push(snap);
        }
        planVersions.push(
          row(
            planId,
            1,
            JSON.stringify({
              type,
              variant,
              status: planStatus,
              startDate: d(start),
              endDate: d(finish),
              goals: snapshotGoals,
            }),
            lead,
            `${d(start)}T10:00:00Z`,
          ),
        );
      }
    };

    // households with a case each
    for (let h = 0; h < householdCases; h++) {
      householdN++;
      const hhId = uid(TAG.household, householdN);
      const lead = worker();
      const addr = address();
      const lastMasc = lastPick(rng.next());
      const size = (() => {
        const r = rng.next();
        return r < 0.08 ? 1 : r < 0.28 ? 2 : r < 0.55 ? 3 : r < 0.8 ? 4 : r < 0.93 ? 5 : 6;
      })();
      const createdDay = -rng.int(30, 8 * 365);
      households.push(
        row(
          hhId,
          instId,
          familyName(lastMasc),
          g.teryt,
          addr.street,
          addr.postal,
          g.name,
          lead,
          `${d(createdDay)}T09:00:00Z`,
          `${d(createdDay)}T09:00:00Z`,
        ),
      );
      const headSex: Sex = rng.chance(0.55) ? 'K' : 'M';
      const headAge = rng.int(22, 75);
      const add = (sex: Sex, age: number, relation: string) => {
        const pid = addPerson(sex, age, lastMasc, addr, lead, createdDay);
        memberN++;
        members.push(row(uid(TAG.member, memberN), hhId, pid, relation, d(createdDay), null));
      };
      add(headSex, headAge, 'glowa');
      let left = size - 1;
      if (left > 0 && rng.chance(0.7)) {
        add(
          headSex === 'K' ? 'M' : 'K',
          Math.max(19, headAge + rng.int(-5, 5)),
          rng.chance(0.8) ? 'malzonek' : 'partner',
        );
        left--;
      }
      if (left > 1 && rng.chance(0.15)) {
        add(rng.chance(0.7) ? 'K' : 'M', Math.min(95, headAge + rng.int(22, 30)), 'rodzic');
        left--;
      }
      for (; left > 0; left--)
        add(rng.chance(0.5) ? 'K' : 'M', rng.int(0, Math.max(0, Math.min(24, headAge - 19))), 'dziecko');
      openCase({ personId: null, householdId: hhId }, lead);
    }
    // persons with a case of their own
    for (let c = householdCases; c < caseBudget; c++) {
      const lead = worker();
      const sex: Sex = rng.chance(0.5) ? 'K' : 'M';
      const pid = addPerson(
        sex,
        rng.int(19, 90),
        lastPick(rng.next()),
        address(),
        lead,
        -rng.int(30, 8 * 365),
      );
      openCase({ personId: pid, householdId: null }, lead);
    }
    // the rest of the registry: persons without a case (one-off benefits, enquiries)
    const firstPersonOfInst = personN - persons.length;
    while (personN - firstPersonOfInst < personBudget) {
      addPerson(
        rng.chance(0.5) ? 'K' : 'M',
        rng.int(0, 90),
        lastPick(rng.next()),
        address(),
        worker(),
        -rng.int(1, 8 * 365),
      );
    }

    // timeline entries spread at random over the institution's cases (not stored per case: the heap
    // order is random, like entries written over years)
    for (let t = 0; t < timelineBudget; t++) {
      const c = caseInfo[rng.int(0, caseInfo.length - 1)] as (typeof caseInfo)[number];
      timelineN++;
      const kind = kindPick(rng.next());
      const text = rng.pick(timelineTexts[kind] as { title: string; body: string }[]);
      const at = `${d(rng.int(c.from, c.to))}T${String(rng.int(7, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`;
      const author = c.co && rng.chance(0.15) ? c.co : c.lead;
      timeline.push(
        row(
          uid(TAG.timeline, timelineN),
          c.id,
          kind,
          at,
          text.title,
          text.body,
          rng.chance(0.03),
          author,
          at,
        ),
      );
    }

    for (const [year, lastNo] of yearCounters) caseCounters.push(row(instId, year, lastNo));
    if (i === 0) {
      // the worker the load run logs in as: the first social worker of the first centre
      const email = `pracownik1.ops1@${BENCH_EMAIL_DOMAIN}`;
      const w1 = userId(0, 0);
      workerFigures = {
        email,
        leadCases: caseInfo.filter((c) => c.lead === w1).length,
        coWorkerCases: caseInfo.filter((c) => c.co === w1).length,
      };
    }

    await copy(
      'persons',
      [
        'id',
        'institution_id',
        'first_name',
        'last_name',
        'pesel',
        'other_id_type',
        'other_id_number',
        'birth_date',
        'sex',
        'citizenship',
        'teryt',
        'street',
        'postal_code',
        'city',
        'phone',
        'email',
        'notes',
        'created_by',
        'created_at',
        'updated_at',
      ],
      persons,
    );
    await copy(
      'households',
      [
        'id',
        'institution_id',
        'name',
        'teryt',
        'street',
        'postal_code',
        'city',
        'created_by',
        'created_at',
        'updated_at',
      ],
      households,
    );
    await copy(
      'household_members',
      ['id', 'household_id', 'person_id', 'relation', 'from_date', 'to_date'],
      members,
    );
    await copy(
      'cases',
      [
        'id',
        'institution_id',
        'number',
        'person_id',
        'household_id',
        'lead_worker_id',
        'source',
        'source_details',
        'status',
        'opened_on',
        'closed_on',
        'closure_reason',
        'outcome_summary',
        'summary',
        'created_by',
        'created_at',
        'updated_at',
      ],
      cases,
    );
    await copy('case_workers', ['case_id', 'user_id', 'created_at'], caseWorkers);
    await copy('case_reasons', ['case_id', 'code', 'main'], caseReasons);
    await copy(
      'diagnoses',
      ['id', 'case_id', 'version_no', 'areas', 'interview', 'conclusions', 'author_id', 'created_at'],
      diagnoses,
    );
    await copy(
      'plans',
      [
        'id',
        'case_id',
        'type',
        'variant',
        'title',
        'assessment',
        'start_date',
        'end_date',
        'review_dates',
        'status',
        'worker_signed_on',
        'client_signed_on',
        'created_by',
        'version',
        'created_at',
        'updated_at',
      ],
      plans,
    );
    await copy('plan_goals', ['id', 'plan_id', 'position', 'description'], goals);
    await copy(
      'plan_actions',
      [
        'id',
        'plan_id',
        'goal_id',
        'position',
        'description',
        'party',
        'responsible_institution_id',
        'responsible_person',
        'responsible_user_id',
        'deadline',
        'status',
        'completed_on',
      ],
      actions,
    );
    await copy('plan_versions', ['plan_id', 'version', 'snapshot', 'author_id', 'created_at'], planVersions);
    await copy(
      'timeline_entries',
      ['id', 'case_id', 'kind', 'occurred_at', 'title', 'body', 'sensitive', 'author_id', 'created_at'],
      timeline,
    );
    log(
      `centre ${i + 1}/${gminy.length}: ${personN} persons, ${caseN} cases, ${timelineN} timeline entries (${Math.round((performance.now() - started) / 1000)} s)`,
    );
  }
  await copy('case_counters', ['institution_id', 'year', 'last'], caseCounters);
  await loader.query('set session_replication_role = origin');
  const copied = performance.now();

  for (const ix of indexes) {
    const t = performance.now();
    await loader.query(ix.indexdef);
    log(`index ${ix.indexname}: ${Math.round(performance.now() - t)} ms`);
  }
  const indexed = performance.now();
  await loader.query(loader.engine === 'postgres' ? 'vacuum analyze' : 'analyze');
  const analyzed = performance.now();
  const s = (ms: number) => Math.round(ms / 100) / 10;
  return {
    scale,
    seed,
    rows: counts,
    loadSeconds: {
      generateAndCopy: s(copied - started),
      indexes: s(indexed - copied),
      analyze: s(analyzed - indexed),
      total: s(analyzed - started),
    },
    worker: workerFigures,
    supervisor: { email: `kierownik.ops1@${BENCH_EMAIL_DOMAIN}` },
  };
}

// ——— as a script: (re)create the throw-away PostgreSQL database and fill it ———

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/kooperacja_bench';

/** Drops and creates the database named in `url` (through the `postgres` database of the same server). */
export async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || !/bench/.test(name))
    throw new Error(`refusing to drop "${name}": the benchmark database name must contain "bench"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pgModule.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** Migrations, reference data, then the generated dataset; its figures are kept in `bench_dataset`. */
export async function generatePostgres(
  url: string,
  persons: number,
  log: (m: string) => void,
): Promise<DatasetFigures> {
  await recreateDatabase(url);
  const database = await openDatabase({ engine: 'postgres', url, poolMax: 2 });
  await prepareDatabase(database, { seedDemo: false });
  await database.close();
  const client = new pgModule.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set maintenance_work_mem = '1GB'`);
    const figures = await generateCases(postgresLoader(client), scaleFor(persons), { log });
    await saveFigures(postgresLoader(client), figures);
    return figures;
  } finally {
    await client.end();
  }
}

export async function saveFigures(loader: Loader, figures: DatasetFigures): Promise<void> {
  await loader.query('create table if not exists bench_dataset (id int primary key, figures jsonb not null)');
  await loader.query(
    'insert into bench_dataset values (1, $1) on conflict (id) do update set figures = excluded.figures',
    [JSON.stringify(figures)],
  );
}

export async function loadFigures(loader: Loader): Promise<DatasetFigures | null> {
  const [t] = await loader.query<{ t: string | null }>(
    `select to_regclass('public.bench_dataset')::text as t`,
  );
  if (!t?.t) return null;
  const [r] = await loader.query<{ figures: DatasetFigures }>(
    'select figures from bench_dataset where id = 1',
  );
  return r?.figures ?? null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const persons = Number(process.env.BENCH_PERSONS ?? 1_000_000);
  const url = process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
  const figures = await generatePostgres(url, persons, (m) => console.log(m));
  console.log(JSON.stringify(figures, null, 2));
}
