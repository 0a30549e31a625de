// Generator of a national-scale cooperation dataset for the cooperation benchmark: 5,000 institutions
// of every type and sector in real gminy (TERYT), ~500 social-assistance centres owning 100,000 cases
// (one person each, a quarter of them as households), 500,000 referrals from those cases to other
// institutions, Zipf-distributed over the receivers (the police of a big town receives thousands,
// the median institution a few dozen), with every status change in referral_events, consents for the
// referrals that rest on one, case teams, and 300 partnerships of 5–40 members with meetings, action
// items and agreements. Every person is invented.
//
// Loaded with COPY (pg-copy-streams) with the secondary indexes of the big tables dropped during the
// load and rebuilt after it, and foreign-key triggers off (session_replication_role = replica: the
// generator makes consistent rows itself), then VACUUM ANALYZE. Deterministic: the same scale and
// seed give the same data (dates are relative to the day of generation).
//
// Run as a script: `npm run cooperation:generate -w bench`; cooperation.bench.ts imports it.
import { pathToFileURL } from 'node:url';
import {
  legalBases,
  partnershipModels,
  type roles as roleDefinitions,
  type Sector,
} from '@kooperacja/domain';
import pgModule from 'pg';
import { openDatabase } from '../server/src/db/database.js';
import { prepareDatabase } from '../server/src/db/prepare.js';
import { makePesel } from '../server/src/modules/cases/demo.js';
import { hashPassword } from '../server/src/modules/identity/passwords.js';
import { BENCH_PASSWORD, type Loader, postgresLoader, recreateDatabase, row } from './cases.generate.js';
import {
  femaleFirstNames,
  lastNameFor,
  lastNames,
  maleFirstNames,
  prng,
  streets,
  zipf,
} from './lib/polish.js';

export { BENCH_PASSWORD };
export const COOP_EMAIL_DOMAIN = 'coop.bench.kooperacja.pl';
export const DEFAULT_COOP_URL = 'postgres://postgres@127.0.0.1:5432/kooperacja_bench_coop';

export interface CoopScale {
  institutions: number;
  /** Social-assistance centres (OPS) that own the cases; one per gmina. */
  centres: number;
  cases: number;
  referrals: number;
  partnerships: number;
}

export const fullScale: CoopScale = {
  institutions: 5_000,
  centres: 500,
  cases: 100_000,
  referrals: 500_000,
  partnerships: 300,
};

export interface CoopFigures {
  scale: CoopScale;
  seed: number;
  /** The day the dates are relative to (YYYY-MM-DD). */
  generatedOn: string;
  rows: Record<string, number>;
  loadSeconds: { generateAndCopy: number; indexes: number; analyze: number; total: number };
}

/** A valid v4-shaped UUID from a table tag (8 hex digits) and a counter. */
const uid = (tag: string, n: number) => `${tag}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const TAG = {
  institution: 'c0000001',
  user: 'c0000002',
  membership: 'c0000003',
  person: 'c0000004',
  household: 'c0000005',
  member: 'c0000006',
  case: 'c0000007',
  referral: 'c0000008',
  event: 'c0000009',
  consent: 'c000000a',
  team: 'c000000b',
  partnership: 'c000000c',
  pmember: 'c000000d',
  meeting: 'c000000e',
  item: 'c000000f',
  agreement: 'c0000010',
} as const;

/** The tables whose secondary indexes are dropped during the load and rebuilt after it. */
const LOADED_TABLES = [
  'persons',
  'households',
  'household_members',
  'cases',
  'case_reasons',
  'referrals',
  'referral_events',
  'consents',
  'case_team_members',
];

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Types of the receiving institutions: how many, at which level, and how much work they receive. */
const receiverTypes: {
  type: string;
  sector: Sector;
  count: number;
  level: 'powiat' | 'gmina';
  weight: number;
  name: (place: string, n: number) => string;
  short: (place: string, n: number) => string;
}[] = [
  {
    type: 'policja',
    sector: 'policja',
    count: 330,
    level: 'powiat',
    weight: 6,
    name: (p) => `Komenda Powiatowa Policji w ${p}`,
    short: (p) => `KPP ${p}`,
  },
  {
    type: 'policja',
    sector: 'policja',
    count: 120,
    level: 'gmina',
    weight: 3,
    name: (p, n) => `Komisariat Policji ${n} w ${p}`,
    short: (p, n) => `KP ${n} ${p}`,
  },
  {
    type: 'pcpr',
    sector: 'pomoc_spoleczna',
    count: 300,
    level: 'powiat',
    weight: 4,
    name: (p) => `Powiatowe Centrum Pomocy Rodzinie w ${p}`,
    short: (p) => `PCPR ${p}`,
  },
  {
    type: 'pup',
    sector: 'rynek_pracy',
    count: 280,
    level: 'powiat',
    weight: 4,
    name: (p) => `Powiatowy Urząd Pracy w ${p}`,
    short: (p) => `PUP ${p}`,
  },
  {
    type: 'sad',
    sector: 'wymiar_sprawiedliwosci',
    count: 200,
    level: 'powiat',
    weight: 3,
    name: (p) => `Sąd Rejonowy w ${p} — kuratorzy rodzinni`,
    short: (p) => `SR ${p}`,
  },
  {
    type: 'poradnia_pp',
    sector: 'edukacja',
    count: 250,
    level: 'powiat',
    weight: 2.5,
    name: (p) => `Poradnia Psychologiczno-Pedagogiczna w ${p}`,
    short: (p) => `PPP ${p}`,
  },
  {
    type: 'starostwo',
    sector: 'administracja',
    count: 40,
    level: 'powiat',
    weight: 0.3,
    name: (p) => `Starostwo Powiatowe w ${p}`,
    short: (p) => `SP ${p}`,
  },
  {
    type: 'szkola',
    sector: 'edukacja',
    count: 1_350,
    level: 'gmina',
    weight: 1.5,
    name: (p, n) => `Szkoła Podstawowa nr ${n} w ${p}`,
    short: (p, n) => `SP ${n} ${p}`,
  },
  {
    type: 'podmiot_leczniczy',
    sector: 'zdrowie',
    count: 450,
    level: 'gmina',
    weight: 2.5,
    name: (p, n) => `Przychodnia Rejonowa nr ${n} w ${p}`,
    short: (p, n) => `PR ${n} ${p}`,
  },
  {
    type: 'ngo',
    sector: 'ngo',
    count: 640,
    level: 'gmina',
    weight: 1,
    name: (p, n) => `Stowarzyszenie Pomocy Rodzinie ${n} w ${p}`,
    short: (p, n) => `SPR ${n} ${p}`,
  },
  {
    type: 'cis',
    sector: 'ekonomia_spoleczna',
    count: 70,
    level: 'gmina',
    weight: 1,
    name: (p, n) => `Centrum Integracji Społecznej ${n} w ${p}`,
    short: (p, n) => `CIS ${n} ${p}`,
  },
  {
    type: 'kis',
    sector: 'ekonomia_spoleczna',
    count: 50,
    level: 'gmina',
    weight: 0.8,
    name: (p, n) => `Klub Integracji Społecznej ${n} w ${p}`,
    short: (p, n) => `KIS ${n} ${p}`,
  },
  {
    type: 'sds',
    sector: 'pomoc_spoleczna',
    count: 100,
    level: 'gmina',
    weight: 0.7,
    name: (p, n) => `Środowiskowy Dom Samopomocy ${n} w ${p}`,
    short: (p, n) => `ŚDS ${n} ${p}`,
  },
  {
    type: 'dps',
    sector: 'pomoc_spoleczna',
    count: 90,
    level: 'gmina',
    weight: 0.7,
    name: (p, n) => `Dom Pomocy Społecznej ${n} w ${p}`,
    short: (p, n) => `DPS ${n} ${p}`,
  },
  {
    type: 'wtz',
    sector: 'ekonomia_spoleczna',
    count: 50,
    level: 'gmina',
    weight: 0.6,
    name: (p, n) => `Warsztat Terapii Zajęciowej ${n} w ${p}`,
    short: (p, n) => `WTZ ${n} ${p}`,
  },
  {
    type: 'zaz',
    sector: 'ekonomia_spoleczna',
    count: 20,
    level: 'gmina',
    weight: 0.6,
    name: (p, n) => `Zakład Aktywności Zawodowej ${n} w ${p}`,
    short: (p, n) => `ZAZ ${n} ${p}`,
  },
  {
    type: 'cus',
    sector: 'pomoc_spoleczna',
    count: 30,
    level: 'gmina',
    weight: 1,
    name: (p, n) => `Centrum Usług Społecznych ${n} w ${p}`,
    short: (p, n) => `CUS ${n} ${p}`,
  },
  {
    type: 'urzad_gminy',
    sector: 'administracja',
    count: 80,
    level: 'gmina',
    weight: 0.4,
    name: (p) => `Urząd Gminy ${p}`,
    short: (p) => `UG ${p}`,
  },
  {
    type: 'mieszkania',
    sector: 'pomoc_spoleczna',
    count: 15,
    level: 'gmina',
    weight: 0.5,
    name: (p, n) => `Mieszkania Wspomagane ${n} w ${p}`,
    short: (p, n) => `MW ${n} ${p}`,
  },
  {
    type: 'inna',
    sector: 'kultura',
    count: 25,
    level: 'gmina',
    weight: 0.3,
    name: (p, n) => `Centrum Kultury ${n} w ${p}`,
    short: (p, n) => `CK ${n} ${p}`,
  },
  {
    type: 'inna',
    sector: 'sport',
    count: 10,
    level: 'gmina',
    weight: 0.3,
    name: (p, n) => `Ośrodek Sportu i Rekreacji ${n} w ${p}`,
    short: (p, n) => `OSiR ${n} ${p}`,
  },
];

const reasons: Record<string, string[]> = {
  skierowanie: [
    'Skierowanie na konsultację psychologiczną dla matki i dzieci.',
    'Skierowanie do programu aktywizacji zawodowej.',
    'Skierowanie na terapię uzależnień.',
    'Skierowanie do grupy wsparcia dla rodziców.',
    'Skierowanie do asystenta rodziny.',
    'Skierowanie na zajęcia w świetlicy środowiskowej.',
  ],
  informacja: [
    'Prośba o informację o frekwencji dziecka w szkole.',
    'Prośba o informację o interwencjach w miejscu zamieszkania.',
    'Prośba o informację o statusie osoby bezrobotnej.',
  ],
  konsultacja: [
    'Prośba o konsultację w sprawie planu pomocy rodzinie.',
    'Prośba o konsultację dotyczącą sytuacji zdrowotnej klienta.',
  ],
};
const outcomes = [
  'Klient uczestniczył we wszystkich zaplanowanych spotkaniach.',
  'Udzielono informacji; współpraca zakończona.',
  'Wsparcie zrealizowane, rodzina kontynuuje pracę z asystentem.',
  'Klient przerwał udział po trzech spotkaniach.',
];
const actionItemTexts = [
  'Przygotować diagnozę zasobów gminy',
  'Zorganizować spotkanie z dyrektorami szkół',
  'Uzgodnić procedurę przekazywania informacji',
  'Opracować ulotkę o ofercie partnerów',
  'Zebrać dane o liczbie skierowań',
  'Przygotować harmonogram szkoleń dla kooperantów',
  'Zaktualizować mapę zasobów',
];

export async function generateCooperation(
  loader: Loader,
  scale: CoopScale,
  opts: { seed?: number; log?: (message: string) => void } = {},
): Promise<CoopFigures> {
  const seed = opts.seed ?? 20261201;
  const log = opts.log ?? (() => undefined);
  const rng = prng(seed);
  const started = performance.now();
  const today = new Date(Math.floor(Date.now() / DAY) * DAY);
  const nowMs = Date.now();
  const dayCache = new Map<number, string>();
  /** The day `offset` days from today (YYYY-MM-DD). */
  const d = (offset: number) => {
    let s = dayCache.get(offset);
    if (!s) {
      s = new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);
      dayCache.set(offset, s);
    }
    return s;
  };
  const ts = (ms: number) => new Date(ms).toISOString();
  const counts: Record<string, number> = {};
  const copy = async (table: string, columns: string[], rows: string[]) => {
    await loader.copy(table, columns, rows);
    counts[table] = (counts[table] ?? 0) + rows.length;
  };

  // ——— territory ———
  const gminy = await loader.query<{
    teryt: string;
    name: string;
    powiat: string;
    woj: string;
    pop: number;
  }>(
    `select teryt, name, powiat_teryt as powiat, woj_teryt as woj, coalesce(population, 1000) as pop
       from territorial_units where level = 'gmina' and active order by population desc nulls last, teryt`,
  );
  const powiaty = await loader.query<{ teryt: string; name: string; pop: number }>(
    `select teryt, name, coalesce(population, 10000) as pop from territorial_units
      where level = 'powiat' and active order by population desc nulls last, teryt`,
  );
  if (gminy.length < scale.centres) throw new Error('territory not loaded: run the migrations first');
  /** The seat of a powiat: its most populous gmina. */
  const seatOf = new Map<string, (typeof gminy)[number]>();
  for (const g of gminy) if (!seatOf.has(g.powiat)) seatOf.set(g.powiat, g);
  const gminaCum: number[] = [];
  let gminaTotal = 0;
  for (const g of gminy) {
    gminaTotal += g.pop;
    gminaCum.push(gminaTotal);
  }
  /** A gmina drawn in proportion to its population. */
  const gminaByPopulation = () => {
    const x = rng.next() * gminaTotal;
    let lo = 0;
    let hi = gminaCum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((gminaCum[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return gminy[lo] as (typeof gminy)[number];
  };

  // Secondary indexes off during the load, foreign keys not checked (rows are consistent by construction).
  const indexes = await loader.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes i
      where schemaname = 'public' and tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [LOADED_TABLES],
  );
  for (const ix of indexes) await loader.query(`drop index ${ix.indexname}`);
  await loader.query('set session_replication_role = replica');

  // ——— institutions ———
  interface Inst {
    n: number;
    id: string;
    type: string;
    sector: Sector;
    name: string;
    short: string;
    teryt: string;
    city: string;
    powiat: string;
    woj: string;
    /** How much work it receives (ranks the receivers). */
    weight: number;
    /** Referrals received (filled while generating them). */
    received: number;
    handlers: string[];
  }
  const insts: Inst[] = [];
  const addInst = (
    g: (typeof gminy)[number],
    type: string,
    sector: Sector,
    name: string,
    short: string,
    weight: number,
  ) => {
    const n = insts.length + 1;
    const inst: Inst = {
      n,
      id: uid(TAG.institution, n),
      type,
      sector,
      name,
      short,
      teryt: g.teryt,
      city: g.name,
      powiat: g.powiat,
      woj: g.woj,
      weight,
      received: 0,
      handlers: [],
    };
    insts.push(inst);
    return inst;
  };
  // Centres: the 150 largest gminy, then the others evenly (towns and rural gminy alike).
  const centreGminy: (typeof gminy)[number][] = gminy.slice(0, 150);
  const rest = gminy.slice(150);
  const step = rest.length / (scale.centres - 150);
  for (let i = 0; i < scale.centres - 150; i++)
    centreGminy.push(rest[Math.floor(i * step)] as (typeof gminy)[number]);
  const centres = centreGminy.map((g) =>
    addInst(
      g,
      'ops',
      'pomoc_spoleczna',
      `${g.pop > 100_000 ? 'Miejski' : 'Gminny'} Ośrodek Pomocy Społecznej w ${g.name}`,
      `${g.pop > 100_000 ? 'MOPS' : 'GOPS'} ${g.name}`,
      0.3 * g.pop,
    ),
  );
  const receiverBudget = scale.institutions - scale.centres;
  const typeTotal = receiverTypes.reduce((s, t) => s + t.count, 0);
  const perType = new Map<string, number>();
  for (const t of receiverTypes) {
    const count = Math.round((t.count * receiverBudget) / typeTotal);
    for (let k = 0; k < count && insts.length < scale.institutions; k++) {
      if (t.level === 'powiat') {
        const p = powiaty[k % powiaty.length] as (typeof powiaty)[number];
        const seat = seatOf.get(p.teryt) as (typeof gminy)[number];
        addInst(
          seat,
          t.type,
          t.sector,
          t.name(seat.name, k + 1),
          t.short(seat.name, k + 1),
          t.weight * p.pop,
        );
      } else {
        const g = gminaByPopulation();
        const key = `${t.type}${t.sector}${g.teryt}`;
        const no = (perType.get(key) ?? 0) + 1;
        perType.set(key, no);
        addInst(g, t.type, t.sector, t.name(g.name, no), t.short(g.name, no), t.weight * g.pop);
      }
    }
  }
  while (insts.length < scale.institutions) {
    const g = gminaByPopulation();
    addInst(g, 'ngo', 'ngo', `Fundacja Razem ${insts.length} w ${g.name}`, `FR ${insts.length}`, g.pop);
  }
  // Receivers ranked by the work they receive: a Zipf draw over the ranks makes a few inboxes big.
  const ranked = [...insts].sort((a, b) => b.weight - a.weight || a.n - b.n);
  const globalPick = zipf(ranked, 0.6);
  const byPowiat = new Map<string, Inst[]>();
  for (const i of ranked) {
    const list = byPowiat.get(i.powiat) ?? [];
    list.push(i);
    byPowiat.set(i.powiat, list);
  }
  const localPick = new Map<string, (r: number) => Inst>();
  for (const [p, list] of byPowiat) localPick.set(p, zipf(list, 0.8));

  // ——— cases per centre (∝ population^0.75) ———
  const caseWeights = centres.map((c) => (c.weight / 0.3) ** 0.75);
  const weightSum = caseWeights.reduce((s, w) => s + w, 0);
  const casesOf = caseWeights.map((w) => Math.max(20, Math.floor((w / weightSum) * scale.cases)));
  let caseTotal = casesOf.reduce((s, n) => s + n, 0);
  for (let i = 0; caseTotal < scale.cases; i = (i + 1) % casesOf.length, caseTotal++)
    casesOf[i] = (casesOf[i] as number) + 1;
  for (let i = 0; caseTotal > scale.cases; i = (i + 1) % casesOf.length)
    if ((casesOf[i] as number) > 20) {
      casesOf[i] = (casesOf[i] as number) - 1;
      caseTotal--;
    }
  const referralsOf = casesOf.map((n) => Math.floor((n / scale.cases) * scale.referrals));
  referralsOf[0] = (referralsOf[0] as number) + scale.referrals - referralsOf.reduce((s, n) => s + n, 0);

  // Draw every referral's receiver first: the size of an inbox decides how many handlers it has.
  const receiversOf: Inst[][] = centres.map((centre, ci) => {
    const list: Inst[] = [];
    const local = localPick.get(centre.powiat);
    for (let k = 0; k < (referralsOf[ci] as number); k++) {
      let to = local && rng.chance(0.4) ? local(rng.next()) : globalPick(rng.next());
      if (to === centre) to = ranked[0] === centre ? (ranked[1] as Inst) : (ranked[0] as Inst);
      to.received++;
      list.push(to);
    }
    return list;
  });

  // ——— users and memberships ———
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users: string[] = [];
  const memberships: string[] = [];
  let userN = 0;
  const first = { K: zipf(femaleFirstNames), M: zipf(maleFirstNames) };
  const lastPick = zipf(lastNames, 0.8);
  const addUser = (email: string, inst: Inst, role: keyof typeof roleDefinitions) => {
    userN++;
    const id = uid(TAG.user, userN);
    const sex = rng.chance(0.8) ? 'K' : 'M';
    users.push(
      row(
        id,
        email,
        first[sex](rng.next()),
        lastNameFor(lastPick(rng.next()), sex),
        'active',
        passwordHash,
        today.toISOString(),
      ),
    );
    memberships.push(row(uid(TAG.membership, userN), id, inst.id, `{${role}}`));
    return id;
  };
  /** Workers of each centre: one per ~30 cases (at least 3), and a supervisor (kierownik). */
  const workersOf: string[][] = centres.map((c, ci) => {
    const list: string[] = [];
    const n = Math.max(3, Math.round((casesOf[ci] as number) / 30));
    for (let w = 1; w <= n; w++)
      list.push(addUser(`pracownik${w}.i${c.n}@${COOP_EMAIL_DOMAIN}`, c, 'pracownik_socjalny'));
    c.handlers = [...list, addUser(`kierownik.i${c.n}@${COOP_EMAIL_DOMAIN}`, c, 'kierownik')];
    return list;
  });
  for (const inst of insts) {
    if (inst.type === 'ops') continue;
    const n = Math.min(12, 2 + Math.floor(Math.sqrt(inst.received / 100)));
    const social = inst.sector === 'pomoc_spoleczna';
    for (let h = 1; h <= n; h++)
      inst.handlers.push(
        addUser(
          `${h === 1 ? 'kierownik' : `pracownik${h - 1}`}.i${inst.n}@${COOP_EMAIL_DOMAIN}`,
          inst,
          social ? (h === 1 ? 'kierownik' : 'pracownik_socjalny') : 'pracownik_partnera',
        ),
      );
  }

  // ——— partnerships: led by the centres with the most cases; the biggest ones have 40 members ———
  const leaders = centres
    .map((c, ci) => ({ c, cases: casesOf[ci] as number }))
    .sort((a, b) => b.cases - a.cases || a.c.n - b.c.n)
    .slice(0, scale.partnerships);
  const animators = leaders.map((l, k) =>
    addUser(`animator.p${k + 1}@${COOP_EMAIL_DOMAIN}`, l.c, 'animator_partnerstwa'),
  );

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
    insts.map((i) =>
      row(
        i.id,
        i.name,
        i.short,
        i.type,
        i.sector,
        i.teryt,
        `ul. ${streets[i.n % streets.length]} ${1 + (i.n % 60)}`,
        `${String(i.n % 100).padStart(2, '0')}-${String(i.n % 1000).padStart(3, '0')}`,
        i.city,
        `i${i.n}@${COOP_EMAIL_DOMAIN}`,
        `22 ${String(100 + (i.n % 900)).padStart(3, '0')} ${String(10 + (i.n % 90))} ${String(10 + (i.n % 89))}`,
      ),
    ),
  );
  await copy(
    'users',
    ['id', 'email', 'first_name', 'last_name', 'status', 'password_hash', 'password_changed_at'],
    users,
  );
  await copy('memberships', ['id', 'user_id', 'institution_id', 'roles'], memberships);
  log(`${insts.length} institutions, ${userN} users (${Math.round((performance.now() - started) / 1000)} s)`);

  // ——— cases, persons, referrals, events, consents, teams: one batch of centres at a time ———
  const peselSerials = new Map<string, number>();
  const pesel = (birth: string, sex: 'K' | 'M') => {
    const key = birth + sex;
    const n = peselSerials.get(key) ?? 0;
    peselSerials.set(key, n + 1);
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) % 5000;
    return makePesel(birth, sex, (h + n * 2477) % 5000);
  };
  const caseStatus = (r: number) =>
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
  const referralStatus = (r: number) =>
    r < 0.04
      ? 'wyslane'
      : r < 0.06
        ? 'przyjete'
        : r < 0.1
          ? 'w_realizacji'
          : r < 0.86
            ? 'zakonczone'
            : r < 0.95
              ? 'odrzucone'
              : 'wycofane';
  const legalKeys = Object.keys(legalBases);
  const reasonCodes = ['1', '4', '9', '6', '5', '13', '3', '8'];
  const teamRoleFor: Record<string, string> = {
    policja: 'dzielnicowy',
    szkola: 'pedagog',
    poradnia_pp: 'pedagog',
    sad: 'kurator',
    podmiot_leczniczy: 'pielegniarka',
    pup: 'doradca_zawodowy',
    pcpr: 'asystent_rodziny',
  };

  let personN = 0;
  let householdN = 0;
  let caseN = 0;
  let referralN = 0;
  let eventN = 0;
  let consentN = 0;
  let teamN = 0;
  const BATCH = 50;
  for (let b = 0; b < centres.length; b += BATCH) {
    const persons: string[] = [];
    const households: string[] = [];
    const members: string[] = [];
    const cases: string[] = [];
    const caseReasons: string[] = [];
    const referrals: string[] = [];
    const events: string[] = [];
    const consents: string[] = [];
    const teams: string[] = [];
    for (let ci = b; ci < Math.min(centres.length, b + BATCH); ci++) {
      const centre = centres[ci] as Inst;
      const workers = workersOf[ci] as string[];
      interface C {
        id: string;
        personId: string;
        lead: string;
        from: number;
        to: number;
        open: boolean;
        receivers: Set<Inst>;
      }
      const own: C[] = [];
      const yearSeq = new Map<number, number>();
      for (let k = 0; k < (casesOf[ci] as number); k++) {
        caseN++;
        personN++;
        const id = uid(TAG.case, caseN);
        const personId = uid(TAG.person, personN);
        const lead = rng.pick(workers);
        const status = caseStatus(rng.next());
        const open = status !== 'zamknieta';
        const from = open ? -rng.int(30, 3 * 365) : -rng.int(200, 5 * 365);
        const to = open ? 0 : Math.min(-1, from + rng.int(120, 900));
        const sex = rng.chance(0.55) ? 'K' : 'M';
        const birth = d(-rng.int(19 * 365, 80 * 365));
        const foreign = rng.chance(0.03);
        const last = lastNameFor(lastPick(rng.next()), sex);
        const street = `ul. ${rng.pick(streets)} ${rng.int(1, 120)}`;
        persons.push(
          row(
            personId,
            centre.id,
            first[sex](rng.next()),
            last,
            foreign ? null : pesel(birth, sex),
            foreign ? 'paszport' : null,
            foreign ? `F${String(personN).padStart(8, '0')}` : null,
            birth,
            sex,
            foreign ? 'ukraińskie' : 'polskie',
            centre.teryt,
            street,
            centre.city,
            lead,
            `${d(from)}T08:00:00Z`,
            `${d(from)}T08:00:00Z`,
          ),
        );
        let householdId: string | null = null;
        if (rng.chance(0.25)) {
          householdN++;
          householdId = uid(TAG.household, householdN);
          households.push(
            row(
              householdId,
              centre.id,
              `Rodzina ${last}`,
              centre.teryt,
              street,
              centre.city,
              lead,
              `${d(from)}T08:00:00Z`,
            ),
          );
          members.push(row(uid(TAG.member, householdN), householdId, personId, 'glowa', d(from)));
        }
        const year = Number(d(from).slice(0, 4));
        const seq = (yearSeq.get(year) ?? 0) + 1;
        yearSeq.set(year, seq);
        cases.push(
          row(
            id,
            centre.id,
            `SPR/${year}/${String(seq).padStart(4, '0')}`,
            householdId ? null : personId,
            householdId,
            lead,
            rng.pick(['wniosek_wlasny', 'z_urzedu', 'zgloszenie_instytucji', 'szkola', 'policja']),
            status,
            d(from),
            open ? null : d(to),
            open ? null : 'cel_osiagniety',
            lead,
            `${d(from)}T08:00:00Z`,
            `${d(to)}T15:00:00Z`,
          ),
        );
        caseReasons.push(row(id, rng.pick(reasonCodes), true));
        own.push({ id, personId, lead, from, to, open, receivers: new Set() });
      }
      const openCases = own.filter((c) => c.open);
      const referralSeq = new Map<number, number>();
      for (const to of receiversOf[ci] as Inst[]) {
        referralN++;
        const rid = uid(TAG.referral, referralN);
        let status = referralStatus(rng.next());
        let open = status === 'wyslane' || status === 'przyjete' || status === 'w_realizacji';
        if (open && !openCases.length) {
          status = 'zakonczone';
          open = false;
        }
        const c = (open ? rng.pick(openCases) : rng.pick(own)) as C;
        c.receivers.add(to);
        // open ones were sent in the last 90 days; the others any time the case was open, a month before its end at the latest
        const lo = open ? Math.max(c.from, -90) : c.from;
        const hi = open ? 0 : Math.max(c.from, c.to - 30);
        const createdMs = Math.min(
          nowMs - 2 * HOUR,
          today.getTime() + rng.int(lo, hi) * DAY + rng.int(7, 15) * HOUR + rng.int(0, 59) * 60_000,
        );
        const createdDay = Math.floor((createdMs - today.getTime()) / DAY);
        const kindR = rng.next();
        const kind = kindR < 0.7 ? 'skierowanie' : kindR < 0.9 ? 'informacja' : 'konsultacja';
        const urgR = rng.next();
        const urgency = urgR < 0.1 ? 'pilna' : urgR < 0.85 ? 'zwykla' : 'niska';
        const expectedBy = rng.chance(0.7)
          ? d(createdDay + (urgency === 'pilna' ? rng.int(2, 7) : rng.int(14, 60)))
          : null;
        const scopes = ['podstawowe'];
        if (rng.chance(0.5)) scopes.push('plan');
        if (rng.chance(0.2)) scopes.push('diagnoza');
        if (rng.chance(0.05)) scopes.push('zdrowie');
        const consent = rng.chance(0.15);
        let consentId: string | null = null;
        if (consent) {
          consentN++;
          consentId = uid(TAG.consent, consentN);
          consents.push(
            row(
              consentId,
              c.id,
              c.personId,
              to.id,
              `{${scopes.join(',')}}`,
              'Udzielenie wsparcia przez instytucję partnerską.',
              d(createdDay),
              rng.chance(0.5) ? d(createdDay + 365) : null,
              c.lead,
              ts(createdMs),
            ),
          );
        }
        // the answer comes after hours or days (log-normal, median ~20 h)
        const respondMs = Math.min(nowMs - HOUR, createdMs + Math.exp(3 + rng.next() * 2.2) * HOUR);
        const startMs = Math.min(nowMs - HOUR / 2, respondMs + rng.int(1, 5) * DAY);
        const endMs = Math.min(nowMs - HOUR / 4, startMs + rng.int(5, 60) * DAY);
        const handler = rng.pick(to.handlers);
        const assigned =
          status === 'w_realizacji' || status === 'zakonczone' || (status === 'przyjete' && rng.chance(0.7))
            ? handler
            : null;
        const responded = status !== 'wyslane' && status !== 'wycofane' ? respondMs : null;
        const completed = status === 'zakonczone' ? endMs : null;
        const withdrawn = status === 'wycofane' ? respondMs : null;
        const year = Number(d(createdDay).slice(0, 4));
        const seq = (referralSeq.get(year) ?? 0) + 1;
        referralSeq.set(year, seq);
        const updated = Math.max(createdMs, responded ?? 0, completed ?? 0, withdrawn ?? 0);
        referrals.push(
          row(
            rid,
            `SKR/${year}/${String(seq).padStart(4, '0')}`,
            c.id,
            kind,
            centre.id,
            c.lead,
            to.id,
            rng.pick(reasons[kind] as string[]),
            urgency,
            expectedBy,
            `{${scopes.join(',')}}`,
            consent ? 'zgoda' : 'przepis',
            consent ? null : rng.pick(legalKeys),
            consentId,
            status,
            assigned,
            responded === null ? null : ts(responded),
            status === 'odrzucone' ? 'Sprawa poza zakresem działania instytucji.' : null,
            completed === null ? null : ts(completed),
            completed === null ? null : rng.pick(outcomes),
            withdrawn === null ? null : ts(withdrawn),
            withdrawn === null ? null : 'Klient zrezygnował ze wsparcia.',
            ts(createdMs),
            ts(updated),
          ),
        );
        const event = (
          s: string,
          at: number,
          actor: string | null,
          inst: Inst,
          note: string | null = null,
        ) => {
          eventN++;
          events.push(row(uid(TAG.event, eventN), rid, s, note, actor, inst.id, ts(at)));
        };
        event('wyslane', createdMs, c.lead, centre);
        if (status === 'odrzucone') event('odrzucone', respondMs, handler, to, 'Poza zakresem.');
        if (status === 'wycofane') event('wycofane', respondMs, c.lead, centre);
        if (status === 'przyjete' || status === 'w_realizacji' || status === 'zakonczone')
          event('przyjete', respondMs, handler, to);
        const started = status === 'w_realizacji' || (status === 'zakonczone' && rng.chance(0.7));
        if (started) event('w_realizacji', startMs, handler, to);
        if (status === 'zakonczone') event('zakonczone', endMs, handler, to);
      }
      // case teams (ZZK): a third of the open cases and a tenth of the closed ones, from the receivers
      for (const c of own) {
        if (!(c.open ? rng.chance(0.33) : rng.chance(0.1))) continue;
        const candidates = [...c.receivers];
        const n = rng.int(1, 3);
        const chosen = new Set<Inst>();
        for (let k = 0; k < n; k++)
          chosen.add(candidates.length && rng.chance(0.8) ? rng.pick(candidates) : globalPick(rng.next()));
        chosen.delete(centre);
        for (const inst of chosen) {
          teamN++;
          const st = c.open ? (rng.chance(0.85) ? 'aktywny' : 'zaproszony') : 'zakonczony';
          const startsOn = d(Math.min(0, c.from + rng.int(0, 30)));
          teams.push(
            row(
              uid(TAG.team, teamN),
              c.id,
              inst.id,
              st === 'zaproszony' ? null : rng.pick(inst.handlers),
              teamRoleFor[inst.type] ?? 'czlonek',
              st,
              'przepis',
              rng.pick(legalKeys),
              '{podstawowe,plan}',
              startsOn,
              st === 'zakonczony' ? d(c.to) : null,
              st === 'zakonczony' ? `${d(c.to)}T12:00:00Z` : null,
              st === 'zakonczony' ? 'Sprawa zamknięta.' : null,
              c.lead,
              `${startsOn}T09:00:00Z`,
            ),
          );
        }
      }
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
        'city',
        'created_by',
        'created_at',
        'updated_at',
      ],
      persons,
    );
    await copy(
      'households',
      ['id', 'institution_id', 'name', 'teryt', 'street', 'city', 'created_by', 'created_at'],
      households,
    );
    await copy('household_members', ['id', 'household_id', 'person_id', 'relation', 'from_date'], members);
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
        'status',
        'opened_on',
        'closed_on',
        'closure_reason',
        'created_by',
        'created_at',
        'updated_at',
      ],
      cases,
    );
    await copy('case_reasons', ['case_id', 'code', 'main'], caseReasons);
    await copy(
      'consents',
      [
        'id',
        'case_id',
        'person_id',
        'recipient_institution_id',
        'scopes',
        'purpose',
        'given_on',
        'valid_until',
        'created_by',
        'created_at',
      ],
      consents,
    );
    await copy(
      'referrals',
      [
        'id',
        'number',
        'case_id',
        'kind',
        'from_institution_id',
        'from_user_id',
        'to_institution_id',
        'reason',
        'urgency',
        'expected_by',
        'scopes',
        'basis',
        'legal_basis',
        'consent_id',
        'status',
        'assigned_user_id',
        'responded_at',
        'rejection_reason',
        'completed_at',
        'outcome',
        'withdrawn_at',
        'withdrawal_reason',
        'created_at',
        'updated_at',
      ],
      referrals,
    );
    await copy(
      'referral_events',
      ['id', 'referral_id', 'status', 'note', 'actor_id', 'actor_institution_id', 'at'],
      events,
    );
    await copy(
      'case_team_members',
      [
        'id',
        'case_id',
        'institution_id',
        'user_id',
        'role',
        'status',
        'basis',
        'legal_basis',
        'scopes',
        'starts_on',
        'ends_on',
        'ended_at',
        'end_reason',
        'invited_by',
        'created_at',
      ],
      teams,
    );
    log(
      `centres ${Math.min(centres.length, b + BATCH)}/${centres.length}: ${caseN} cases, ${referralN} referrals, ${eventN} events (${Math.round((performance.now() - started) / 1000)} s)`,
    );
  }

  // ——— partnerships, members, agreements, meetings, action items ———
  const partnerships: string[] = [];
  const pmembers: string[] = [];
  const agreements: string[] = [];
  const parties: string[] = [];
  const meetings: string[] = [];
  const items: string[] = [];
  const modelKeys = Object.keys(partnershipModels) as (keyof typeof partnershipModels)[];
  let pmN = 0;
  let meetingN = 0;
  let itemN = 0;
  let agreementN = 0;
  const byGmina = new Map<string, Inst[]>();
  const byWoj = new Map<string, Inst[]>();
  for (const i of ranked) {
    if (i.type === 'ops') continue;
    for (const [map, key] of [
      [byGmina, i.teryt],
      [byWoj, i.woj],
    ] as const) {
      const list = map.get(key) ?? [];
      list.push(i);
      map.set(key, list);
    }
  }
  for (let k = 0; k < leaders.length; k++) {
    const leader = (leaders[k] as (typeof leaders)[number]).c;
    const id = uid(TAG.partnership, k + 1);
    const size = Math.max(
      5,
      Math.min(40, 5 + Math.floor(35 * (1 - k / leaders.length) ** 2) + rng.int(0, 3)),
    );
    // members: the leader, then the busiest institutions of its gmina, powiat and województwo
    const chosen: Inst[] = [leader];
    for (const pool of [
      byGmina.get(leader.teryt) ?? [],
      (byPowiat.get(leader.powiat) ?? []).filter((i) => i.type !== 'ops'),
      byWoj.get(leader.woj) ?? [],
    ])
      for (const i of pool) {
        if (chosen.length >= size) break;
        if (!chosen.includes(i)) chosen.push(i);
      }
    const model = modelKeys[k % modelKeys.length] as (typeof modelKeys)[number];
    const strategic = chosen.find((i) => i.type === 'pcpr') ?? (chosen[1] as Inst);
    const startsOn = -rng.int(200, 1500);
    const statusR = rng.next();
    partnerships.push(
      row(
        id,
        `Partnerski Zespół Kooperacyjny ${leader.city}${k >= modelKeys.length ? ` ${k + 1}` : ''}`,
        k % 10 === 9 ? 'gminno_powiatowy' : 'pzk',
        model,
        leader.teryt,
        leader.id,
        strategic.id,
        animators[k],
        JSON.stringify(partnershipModels[model].roles),
        'Partnerstwo lokalne na rzecz rodzin i osób w kryzysie.',
        d(startsOn),
        statusR < 0.85 ? 'aktywne' : statusR < 0.95 ? 'tworzone' : 'zawieszone',
        animators[k],
        `${d(startsOn)}T09:00:00Z`,
      ),
    );
    for (const i of chosen) {
      pmN++;
      pmembers.push(
        row(
          uid(TAG.pmember, pmN),
          id,
          i.id,
          i === leader
            ? 'lider'
            : i === strategic
              ? 'partner_strategiczny'
              : rng.chance(0.1)
                ? 'ekspert'
                : 'kooperant',
          `Koordynator ${i.short}`,
          `i${i.n}@${COOP_EMAIL_DOMAIN}`,
          d(startsOn + rng.int(0, 90)),
          null,
        ),
      );
    }
    // a few former members
    for (let f = rng.int(0, 2); f > 0; f--) {
      const i = globalPick(rng.next());
      if (chosen.includes(i)) continue;
      pmN++;
      pmembers.push(
        row(
          uid(TAG.pmember, pmN),
          id,
          i.id,
          'kooperant',
          null,
          null,
          d(startsOn),
          d(startsOn + rng.int(60, 180)),
        ),
      );
    }
    agreementN++;
    const agreementId = uid(TAG.agreement, agreementN);
    agreements.push(
      row(
        agreementId,
        id,
        `POR/${d(startsOn).slice(0, 4)}/${k + 1}`,
        'Porozumienie o współpracy w ramach partnerstwa lokalnego',
        'Współpraca na rzecz rodzin: wymiana informacji, wspólne planowanie, skierowania.',
        'podpisane',
        leader.city,
        d(startsOn + 30),
        d(startsOn + 30),
        `${d(startsOn)}T09:00:00Z`,
      ),
    );
    chosen.forEach((i, pos) => {
      parties.push(row(agreementId, i.id, `Dyrektor ${i.short}`, 'Dyrektor', pos));
    });
    if (rng.chance(0.3)) {
      agreementN++;
      agreements.push(
        row(
          uid(TAG.agreement, agreementN),
          id,
          null,
          'Aneks: rozszerzenie partnerstwa',
          'Przystąpienie nowych kooperantów.',
          'projekt',
          null,
          null,
          null,
          `${d(-10)}T09:00:00Z`,
        ),
      );
    }
    // meetings about monthly since the start (bigger partnerships meet more), one or two ahead
    const past = Math.min(30, Math.max(3, Math.round(chosen.length / 2 + rng.int(0, 6))));
    for (let m = 0; m < past + 2; m++) {
      meetingN++;
      const mid = uid(TAG.meeting, meetingN);
      const future = m >= past;
      const day = future
        ? rng.int(3, 40) * (m - past + 1)
        : -Math.round(((past - m) * -startsOn) / (past + 1));
      const status = future ? 'zaplanowane' : rng.chance(0.9) ? 'odbyte' : 'odwolane';
      meetings.push(
        row(
          mid,
          id,
          `Spotkanie partnerstwa nr ${m + 1}`,
          `${d(day)}T09:00:00Z`,
          `Sala konferencyjna ${leader.short}`,
          status,
          animators[k],
          `${d(Math.min(day, 0) - 14)}T09:00:00Z`,
        ),
      );
      if (status !== 'odbyte') continue;
      for (let a = rng.int(1, 5); a > 0; a--) {
        itemN++;
        const owner = rng.pick(chosen);
        const due = day + rng.int(14, 90);
        const done = due < 0 ? rng.chance(0.75) : rng.chance(0.2);
        const named = rng.chance(0.5);
        items.push(
          row(
            uid(TAG.item, itemN),
            mid,
            rng.pick(actionItemTexts),
            owner.id,
            named ? rng.pick(owner.handlers) : null,
            named ? null : `Koordynator ${owner.short}`,
            d(due),
            done ? d(Math.min(0, due - rng.int(0, 10))) : null,
            `${d(day)}T12:00:00Z`,
          ),
        );
      }
    }
  }
  await copy(
    'partnerships',
    [
      'id',
      'name',
      'kind',
      'model',
      'teryt',
      'leader_institution_id',
      'strategic_partner_institution_id',
      'animator_user_id',
      'role_vocabulary',
      'description',
      'starts_on',
      'status',
      'created_by',
      'created_at',
    ],
    partnerships,
  );
  await copy(
    'partnership_members',
    [
      'id',
      'partnership_id',
      'institution_id',
      'role',
      'contact_name',
      'contact_email',
      'joined_on',
      'left_on',
    ],
    pmembers,
  );
  await copy(
    'agreements',
    [
      'id',
      'partnership_id',
      'number',
      'title',
      'scope',
      'status',
      'concluded_in',
      'signed_on',
      'valid_from',
      'created_at',
    ],
    agreements,
  );
  await copy(
    'agreement_parties',
    ['agreement_id', 'institution_id', 'signatory_name', 'signatory_position', 'position'],
    parties,
  );
  await copy(
    'meetings',
    ['id', 'partnership_id', 'title', 'starts_at', 'place', 'status', 'created_by', 'created_at'],
    meetings,
  );
  await copy(
    'meeting_action_items',
    [
      'id',
      'meeting_id',
      'description',
      'owner_institution_id',
      'owner_user_id',
      'owner_name',
      'due_on',
      'done_on',
      'created_at',
    ],
    items,
  );
  await loader.query('set session_replication_role = origin');
  const copied = performance.now();
  log(`copied in ${Math.round((copied - started) / 1000)} s; rebuilding ${indexes.length} indexes`);

  for (const ix of indexes) {
    const t = performance.now();
    await loader.query(ix.indexdef);
    log(`index ${ix.indexname}: ${Math.round(performance.now() - t)} ms`);
  }
  const indexed = performance.now();
  await loader.query('vacuum analyze');
  const analyzed = performance.now();
  const s = (ms: number) => Math.round(ms / 100) / 10;
  return {
    scale,
    seed,
    generatedOn: d(0),
    rows: counts,
    loadSeconds: {
      generateAndCopy: s(copied - started),
      indexes: s(indexed - copied),
      analyze: s(analyzed - indexed),
      total: s(analyzed - started),
    },
  };
}

// ——— the throw-away PostgreSQL database ———

/** Migrations and reference data, then the generated dataset; its figures are kept in `bench_coop_dataset`. */
export async function generateCoopPostgres(
  url: string,
  scale: CoopScale,
  log: (m: string) => void,
): Promise<CoopFigures> {
  await recreateDatabase(url);
  const database = await openDatabase({ engine: 'postgres', url, poolMax: 2 });
  await prepareDatabase(database, { seedDemo: false });
  await database.close();
  const client = new pgModule.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set maintenance_work_mem = '512MB'`);
    const loader = postgresLoader(client);
    const figures = await generateCooperation(loader, scale, { log });
    await loader.query('create table bench_coop_dataset (id int primary key, figures jsonb not null)');
    await loader.query('insert into bench_coop_dataset values (1, $1)', [JSON.stringify(figures)]);
    return figures;
  } finally {
    await client.end();
  }
}

/** The figures of the dataset in the database, or null when there is none. */
export async function loadCoopFigures(url: string): Promise<CoopFigures | null> {
  const client = new pgModule.Client({ connectionString: url });
  try {
    await client.connect();
    const [t] = (await client.query(`select to_regclass('public.bench_coop_dataset')::text as t`)).rows;
    if (!t?.t) return null;
    const [r] = (await client.query('select figures from bench_coop_dataset where id = 1')).rows;
    return (r?.figures as CoopFigures | undefined) ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL ?? DEFAULT_COOP_URL;
  const figures = await generateCoopPostgres(url, fullScale, (m) => console.log(m));
  console.log(JSON.stringify(figures, null, 2));
}
