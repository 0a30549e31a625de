import { type Cus, CusInput, type CusMode, type Lpdi, LpdiInput } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';
import { memberships, regionJst, regionJstHistory, users } from '../../db/schema/index.js';
import { addDays } from '../cases/tasks.js';
import { DEMO_DOMAIN } from '../identity/demo.js';
import { hashPassword } from '../identity/passwords.js';
import type { Snapshot } from './queries.js';

/**
 * Demo of the regional monitoring (docs/region.md, "Demo"):
 *
 * - **Świętokrzyskie (26)**: an entry for every active gmina and powiat, with its history as the
 *   ROPS Kielce analyst (`analityk.kielce`) kept it — an inventory on 12 Feb 2024, then one change
 *   per event (preparation began, plan adopted, plan updated, CUS created, its programme adopted).
 *   44 of the 116 JST adopted a plan (Kielce first), 12 of them by the end of 2024, 27 by mid-2025,
 *   38 by the end of 2025 and 44 by mid-2026 — the figures the ROPS project reports by hand for its
 *   indicator "JST z LPDI"; 6 of the early plans were updated since; 20 more are being prepared; the
 *   rest have none. Eleven gminy have a CUS (Staszów and Rytwiany by an inter-gmina agreement).
 *   Everything is derived from the unit's position in a fixed pseudo-random order: the same data on
 *   every database with the same TERC register.
 * - **Małopolska**: the analyst `analityk.krakow` (ROPS Kraków), so the partnerships of Bochnia and
 *   Łapanów (demo:partnerships) show on a map; its register stays empty.
 */
const WOJ = '26';
const INVENTORY = '2024-02-12';
const ADOPTED = 44;
const UPDATED = 6;
const PREPARING = 20;
/** How many plans were adopted by the end of each half-year: [first day, last day, count]. */
const ADOPTION_WAVES: [string, string, number][] = [
  ['2024-03-01', '2024-12-20', 12],
  ['2025-01-10', '2025-06-27', 15],
  ['2025-07-04', '2025-12-19', 11],
  ['2026-01-09', '2026-06-26', 6],
];

const CUS: { teryt: string; mode: CusMode; createdOn: string }[] = [
  { teryt: '2661011', mode: 'przeksztalcenie_ops', createdOn: '2021-01-01' }, // Kielce
  { teryt: '2607011', mode: 'przeksztalcenie_ops', createdOn: '2022-07-01' }, // Ostrowiec Świętokrzyski
  { teryt: '2611011', mode: 'przeksztalcenie_ops', createdOn: '2023-01-01' }, // Starachowice
  { teryt: '2610011', mode: 'przeksztalcenie_ops', createdOn: '2024-01-01' }, // Skarżysko-Kamienna
  { teryt: '2609011', mode: 'przeksztalcenie_ops', createdOn: '2024-07-01' }, // Sandomierz
  { teryt: '2601013', mode: 'przeksztalcenie_ops', createdOn: '2025-01-01' }, // Busko-Zdrój
  { teryt: '2605033', mode: 'nowa_jednostka', createdOn: '2025-04-01' }, // Końskie
  { teryt: '2604102', mode: 'nowa_jednostka', createdOn: '2025-09-01' }, // Miedziana Góra
  { teryt: '2612073', mode: 'porozumienie_miedzygminne', createdOn: '2026-01-01' }, // Staszów
  { teryt: '2612062', mode: 'porozumienie_miedzygminne', createdOn: '2026-01-01' }, // Rytwiany
  { teryt: '2602023', mode: 'przeksztalcenie_ops', createdOn: '2026-04-01' }, // Jędrzejów
];

const SERVICES = [
  'usługi opiekuńcze w miejscu zamieszkania',
  'specjalistyczne usługi opiekuńcze',
  'asystencja osobista osób z niepełnosprawnościami',
  'opieka wytchnieniowa',
  'mieszkania treningowe',
  'mieszkania wspomagane',
  'dzienny dom pomocy',
  'teleopieka',
  'usługi sąsiedzkie',
  'klub seniora',
  'centrum opiekuńczo-mieszkalne',
  'rodzinny dom pomocy',
];

/** A small deterministic generator (mulberry32): the same sequence on every run. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function roman(n: number): string {
  const table: [number, string][] = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}

/** A weekday: Saturday and Sunday move back to Friday (councils sit on working days). */
function weekday(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(day, -1) : dow === 0 ? addDays(day, -2) : day;
}

/**
 * The resolution number: the council's session (terms began in spring 2024, so the sessions of the
 * old term ran high), the resolution's number and its year — e.g. "XLV/412/2024".
 */
function resolutionNumber(adoptedOn: string, rnd: () => number): string {
  const year = Number(adoptedOn.slice(0, 4));
  const monthsIntoTerm = (year - 2024) * 12 + Number(adoptedOn.slice(5, 7)) - 5;
  const session = monthsIntoTerm < 0 ? 68 + Math.floor(rnd() * 10) : 2 + Math.floor(monthsIntoTerm * 0.9);
  const number = session * 7 + Math.floor(rnd() * 7);
  return `${roman(session)}/${number}/${year}`;
}

interface Unit {
  teryt: string;
  level: 'gmina' | 'powiat';
}

interface Event {
  on: string;
  apply(s: Snapshot): Snapshot;
}

const noCus: Cus = {
  exists: false,
  mode: null,
  createdOn: null,
  programmeAdoptedOn: null,
  lastDiagnosisOn: null,
  ipusOpen: null,
  ipusClosed: null,
};
const noPlan: Lpdi = {
  status: 'brak',
  preparationStartedOn: null,
  resolutionNumber: null,
  adoptedOn: null,
  updatedOn: null,
  periodFrom: null,
  periodTo: null,
  plannedServices: [],
};

/** The final entry of every unit as the events that led to it, in order of their days. */
function eventsOf(units: Unit[]): Map<string, Event[]> {
  const rnd = generator(26_2024);
  // Kielce (gmina and city powiat) and the CUS gminy first, then the rest in a fixed shuffled order.
  const first = ['2661011', '2661', ...CUS.map((c) => c.teryt).filter((t) => t !== '2661011')];
  const rest = units
    .map((u) => u.teryt)
    .filter((t) => !first.includes(t))
    .map((t) => ({ t, k: rnd() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.t);
  const order = [...first.filter((t) => units.some((u) => u.teryt === t)), ...rest];
  const events = new Map<string, Event[]>(units.map((u) => [u.teryt, []]));
  const add = (teryt: string, e: Event) => events.get(teryt)?.push(e);

  // Adopted plans, wave by wave, spread over each half-year.
  let i = 0;
  for (const [from, to, count] of ADOPTION_WAVES) {
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    for (let k = 0; k < count && i < ADOPTED; k++, i++) {
      const teryt = order[i] as string;
      const adoptedOn = weekday(addDays(from, Math.floor(((k + 0.5) * span) / count)));
      const preparationStartedOn = weekday(addDays(adoptedOn, -(120 + Math.floor(rnd() * 180))));
      const year = Number(adoptedOn.slice(0, 4));
      const services = SERVICES.filter(() => rnd() < 0.35).slice(0, 5);
      const plannedServices = services.length ? services : [SERVICES[0] as string];
      const resolution = resolutionNumber(adoptedOn, rnd);
      add(teryt, {
        on: preparationStartedOn,
        apply: (s) => ({ ...s, lpdi: { ...noPlan, status: 'w_przygotowaniu', preparationStartedOn } }),
      });
      add(teryt, {
        on: adoptedOn,
        apply: (s) => ({
          ...s,
          lpdi: {
            ...noPlan,
            status: 'przyjety',
            preparationStartedOn,
            resolutionNumber: resolution,
            adoptedOn,
            periodFrom: year,
            periodTo: 2030,
            plannedServices,
          },
        }),
      });
      // The earliest plans were updated a year or more later (a new resolution).
      if (i < UPDATED) {
        const updatedOn = weekday(addDays(adoptedOn, 420 + Math.floor(rnd() * 150)));
        const updateResolution = resolutionNumber(updatedOn, rnd);
        add(teryt, {
          on: updatedOn,
          apply: (s) => ({
            ...s,
            lpdi: {
              ...(s.lpdi as Lpdi),
              status: 'zaktualizowany',
              resolutionNumber: updateResolution,
              updatedOn,
              plannedServices: [...plannedServices, 'mieszkania wspomagane'].filter(
                (v, j, all) => all.indexOf(v) === j,
              ),
            },
          }),
        });
      }
    }
  }
  // Plans being prepared: begun between March 2025 and October 2026.
  for (let k = 0; k < PREPARING && i < order.length; k++, i++) {
    const preparationStartedOn = weekday(addDays('2025-03-03', Math.floor(((k + 0.5) * 600) / PREPARING)));
    add(order[i] as string, {
      on: preparationStartedOn,
      apply: (s) => ({ ...s, lpdi: { ...noPlan, status: 'w_przygotowaniu', preparationStartedOn } }),
    });
  }
  // Social services centres: created, then the programme of social services and a diagnosis.
  for (const [n, c] of CUS.entries()) {
    if (!events.has(c.teryt)) continue;
    const lastDiagnosisOn = weekday(addDays(c.createdOn, -75));
    const programmeAdoptedOn = weekday(addDays(c.createdOn, 150 + n * 7));
    const years = Math.max(0, (Date.parse('2026-10-01') - Date.parse(c.createdOn)) / (365 * 86_400_000));
    add(c.teryt, {
      on: c.createdOn,
      apply: (s) => ({
        ...s,
        cus: { ...noCus, exists: true, mode: c.mode, createdOn: c.createdOn, lastDiagnosisOn },
      }),
    });
    add(c.teryt, {
      on: programmeAdoptedOn,
      apply: (s) => ({
        ...s,
        cus: {
          ...(s.cus as Cus),
          programmeAdoptedOn,
          ipusOpen: Math.round(12 + years * 9 + n),
          ipusClosed: Math.round(years * 14),
        },
      }),
    });
  }
  return events;
}

/** When the analyst recorded an event: 10:00 in Warsaw (winter time) three days later, never in the future. */
const recordedAt = (day: string, now: Date) => {
  const at = new Date(`${addDays(day, 3)}T09:00:00Z`);
  return at > now ? now : at;
};

export async function seedDemoRegion(tx: Tx, demoPassword: string): Promise<void> {
  const [analyst] = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where email = ${`analityk.kielce@${DEMO_DOMAIN}`}`,
  );
  await seedKrakowAnalyst(tx, demoPassword);
  if (!analyst) return;
  const units = await queryRows<Unit>(
    tx,
    sql`select teryt, level from territorial_units
        where woj_teryt = ${WOJ} and level in ('gmina', 'powiat') and active order by teryt`,
  );
  if (!units.length) return;
  const now = new Date();
  const events = eventsOf(units);
  const rows: (typeof regionJst.$inferInsert)[] = [];
  const history: (typeof regionJstHistory.$inferInsert)[] = [];
  for (const u of units) {
    const own = (events.get(u.teryt) ?? []).sort((a, b) => a.on.localeCompare(b.on));
    // The inventory: what was true on its day; then one change per later event.
    let state: Snapshot = { lpdi: noPlan, cus: u.level === 'gmina' ? noCus : null };
    for (const e of own.filter((e) => e.on <= INVENTORY)) state = e.apply(state);
    const snapshots: { at: Date; s: Snapshot }[] = [{ at: recordedAt(INVENTORY, now), s: state }];
    for (const e of own.filter(
      (e) => e.on > INVENTORY && e.on <= addDays(now.toISOString().slice(0, 10), -3),
    )) {
      state = e.apply(state);
      snapshots.push({ at: recordedAt(e.on, now), s: state });
    }
    let before: Snapshot | null = null;
    for (const { at, s } of snapshots) {
      // Every stored snapshot obeys the form's rules (the history is read through them).
      LpdiInput.parse(s.lpdi);
      if (s.cus) CusInput.parse(s.cus);
      history.push({ teryt: u.teryt, changedAt: at, changedBy: analyst.id, before, after: s });
      before = s;
    }
    const last = snapshots[snapshots.length - 1] as { at: Date; s: Snapshot };
    const lpdi = last.s.lpdi as Lpdi;
    const cus = last.s.cus;
    rows.push({
      teryt: u.teryt,
      lpdiStatus: lpdi.status,
      lpdiPreparationStartedOn: lpdi.preparationStartedOn,
      lpdiResolutionNumber: lpdi.resolutionNumber,
      lpdiAdoptedOn: lpdi.adoptedOn,
      lpdiUpdatedOn: lpdi.updatedOn,
      lpdiPeriodFrom: lpdi.periodFrom,
      lpdiPeriodTo: lpdi.periodTo,
      lpdiPlannedServices: lpdi.plannedServices,
      cusExists: cus?.exists ?? null,
      cusMode: cus?.mode ?? null,
      cusCreatedOn: cus?.createdOn ?? null,
      cusProgrammeAdoptedOn: cus?.programmeAdoptedOn ?? null,
      cusLastDiagnosisOn: cus?.lastDiagnosisOn ?? null,
      cusIpusOpen: cus?.ipusOpen ?? null,
      cusIpusClosed: cus?.ipusClosed ?? null,
      version: snapshots.length,
      updatedAt: last.at,
      updatedBy: analyst.id,
    });
  }
  await tx.insert(regionJst).values(rows);
  await tx.insert(regionJstHistory).values(history);
}

/** The regional analyst of ROPS Kraków (Małopolska), unless the identity demo already has one. */
async function seedKrakowAnalyst(tx: Tx, demoPassword: string): Promise<void> {
  const [rops] = await queryRows<{ id: string }>(
    tx,
    sql`select id from institutions where short_name = 'ROPS Kraków' order by created_at limit 1`,
  );
  if (!rops) return;
  const [user] = await tx
    .insert(users)
    .values({
      email: `analityk.krakow@${DEMO_DOMAIN}`,
      firstName: 'Magdalena',
      lastName: 'Małopolska',
      passwordHash: await hashPassword(demoPassword),
      passwordChangedAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) return;
  await tx
    .insert(memberships)
    .values({ userId: user.id, institutionId: rops.id, roles: ['analityk_regionalny'] });
}
