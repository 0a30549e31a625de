// Generator of the SM EFS benchmark dataset: one project of an OPS with 100,000 participants whose SM
// EFS data are complete and valid (so the export is not refused): persons with valid PESELs (check
// digit computed in SQL), ages at entry matching the PESEL, addresses in real gminy of the whole
// country with DEGURBA, a labour-market status with a fitting "w tym", tri-state characteristics, 40 %
// who left with their exit data, 5 % employees of an institution, and 1–3 support episodes each in 5
// forms of support (≈200,000 episodes). A second, empty project of the same leader receives the
// import. Everything in SQL (generate_series), deterministic (ids and values derived from the row
// number), into a database whose name contains "bench" (dropped and created).
//
// Run as a script: `npm run smefs:generate -w bench`; smefs.bench.ts imports it.
import { pathToFileURL } from 'node:url';
import pgModule from 'pg';
import { openDatabase } from '../server/src/db/database.js';
import { prepareDatabase } from '../server/src/db/prepare.js';
import { hashPassword } from '../server/src/modules/identity/passwords.js';
import { BENCH_PASSWORD, recreateDatabase } from './cases.generate.js';
import { femaleFirstNames, lastNameFor, lastNames, maleFirstNames } from './lib/polish.js';

export { BENCH_PASSWORD };
export const DEFAULT_SMEFS_URL = 'postgres://postgres@127.0.0.1:5432/kooperacja_bench_smefs';
export const SMEFS_COORDINATOR = 'koordynator@smefs.bench.kooperacja.pl';
export const SMEFS_PARTICIPANTS = 100_000;

export interface SmefsFigures {
  participants: number;
  generatedOn: string;
  seconds: number;
  rows: Record<string, number>;
  sourceProjectId: string;
  sourceProjectNumber: string;
  targetProjectId: string;
  coordinator: string;
}

/** Deterministic ids: `kind` is one hex digit, `n` the row number. */
const idSql = (kind: string, n: string) =>
  `('00000000-0000-4000-${kind}000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

export async function generateSmefs(
  client: pgModule.Client,
  participants: number,
  log: (m: string) => void = () => undefined,
): Promise<SmefsFigures> {
  const started = performance.now();
  const q = async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];

  log('institution, coordinator, two projects, five forms of support');
  const [inst] = await q<{ id: string }>(
    `insert into institutions (name, short_name, type, sector, teryt, city)
     values ('Ośrodek Pomocy Społecznej (benchmark SM EFS)', 'OPS bench SM EFS', 'ops', 'pomoc_spoleczna', '1218013', 'Andrychów')
     returning id`,
  );
  const [user] = await q<{ id: string }>(
    `insert into users (email, first_name, last_name, password_hash, password_changed_at)
     values ($1, 'Bench', 'Koordynator', $2, now()) returning id`,
    [SMEFS_COORDINATOR, await hashPassword(BENCH_PASSWORD)],
  );
  await q(
    `insert into memberships (user_id, institution_id, roles) values ($1, $2, '{koordynator_projektu}')`,
    [user?.id, inst?.id],
  );
  const [node] = await q<{ id: string }>(
    `select id from programme_nodes where kind in ('dzialanie', 'poddzialanie') order by code limit 1`,
  );
  const project = async (number: string) => {
    const [p] = await q<{ id: string }>(
      `insert into projects (number, title, programme_node_id, leader_institution_id, starts_on, ends_on,
         total_value, eligible_costs, eu_funding, own_contribution)
       values ($1, 'Projekt benchmarku SM EFS', $2, $3, '2023-01-01', '2026-12-31', 100000000, 100000000, 85000000, 15000000)
       returning id`,
      [number, node?.id, inst?.id],
    );
    await q(`insert into project_team (project_id, user_id, role) values ($1, $2, 'koordynator')`, [
      p?.id,
      user?.id,
    ]);
    return p?.id as string;
  };
  const sourceNumber = 'BENCH.SMEFS.01/23';
  const source = await project(sourceNumber);
  const target = await project('BENCH.SMEFS.02/23');
  await q(
    `insert into support_activities (id, project_id, kind, name, starts_on)
     select ${idSql('a', 'k')}, $1, a.kind, a.name, '2023-01-01'
       from unnest(array['grupowe', 'indywidualne', 'staz', 'mieszkanie', 'grupowe'],
                   array['Trening kompetencji społecznych', 'Poradnictwo psychologiczne', 'Staż zawodowy',
                         'Mieszkanie treningowe', 'Warsztaty aktywizacji zawodowej']) with ordinality as a(kind, name, k)`,
    [source],
  );

  await q(`create or replace function pg_temp.pesel_check(s text) returns int language sql immutable as $$
    select ((10 - (sum(substr(s, i, 1)::int * (array[1,3,7,9,1,3,7,9,1,3])[i]) % 10)) % 10)::int
      from generate_series(1, 10) i $$`);
  await q(`create temp table bench_gminy as
    select (row_number() over (order by teryt) - 1)::int as k, teryt, name
      from territorial_units where level = 'gmina' and active`);
  const [{ n: gminy } = { n: 0 }] = await q<{ n: number }>('select count(*)::int as n from bench_gminy');
  // Per row n: birth date (20,000 consecutive days from 1950; the serial n / 20,000 keeps PESELs
  // unique), sex from the PESEL's tenth digit, a gmina, the day of joining.
  const base = `
    select n, b.birth, j.joined, g.teryt, g.name as city,
           case when n % 2 = 1 then 'M' else 'K' end as sex,
           lpad(((n * 7919) % 90 + 10)::text, 2, '0') || '-' || lpad(((n::bigint * 104729) % 1000)::text, 3, '0') as postal,
           to_char(b.birth, 'YY')
             || lpad((extract(month from b.birth)::int + case when b.birth >= date '2000-01-01' then 20 else 0 end)::text, 2, '0')
             || to_char(b.birth, 'DD') || lpad((n / 20000)::text, 3, '0') || (n % 10)::text as pesel10
      from generate_series(0, $1::int - 1) n
      cross join lateral (select date '1950-01-01' + (n % 20000)::int as birth) b
      cross join lateral (select date '2023-01-02' + (n % 700)::int as joined) j
      join bench_gminy g on g.k = n % $2::int`;

  log(`${participants} persons`);
  await q(
    `insert into persons (id, institution_id, first_name, last_name, pesel, birth_date, sex, citizenship, teryt, city, postal_code, created_by)
     select ${idSql('b', 'x.n')}, $3, 
            case when x.sex = 'M' then ($5::text[])[1 + (x.n * 31) % array_length($5::text[], 1)]
                 else ($6::text[])[1 + (x.n * 31) % array_length($6::text[], 1)] end,
            case when x.sex = 'M' then ($7::text[])[1 + (x.n * 17) % array_length($7::text[], 1)]
                 else ($8::text[])[1 + (x.n * 17) % array_length($8::text[], 1)] end,
            x.pesel10 || pg_temp.pesel_check(x.pesel10), x.birth, x.sex, 'polskie', x.teryt, x.city, x.postal, $4
       from (${base}) x`,
    [
      participants,
      gminy,
      inst?.id,
      user?.id,
      maleFirstNames,
      femaleFirstNames,
      lastNames,
      lastNames.map((l) => lastNameFor(l, 'K')),
    ],
  );

  log(`${participants} participants`);
  await q(
    `insert into participants (id, project_id, person_id, technical_id, participant_type, institution_name, joined_on,
       age_at_entry, sex, education, citizenship, country, teryt, city, postal_code, degurba, phone, email, labour_status,
       labour_status_detail, disability, foreign_origin, third_country, minority, homeless, status, left_on,
       exit_situation, completed_path, created_by)
     select ${idSql('c', 'x.n')}, $3, ${idSql('b', 'x.n')}, 'BENCH/' || lpad(x.n::text, 6, '0'),
            case when x.n % 20 = 0 then 'pracownik_instytucji' else 'indywidualny' end,
            case when x.n % 20 = 0 then 'Stowarzyszenie Pomocy nr ' || (x.n % 50) end,
            x.joined,
            extract(year from x.joined)::int - extract(year from x.birth)::int
              - case when to_char(x.joined, 'MMDD') < to_char(x.birth, 'MMDD') then 1 else 0 end,
            x.sex, (array['isced_0', 'isced_1', 'isced_2', 'isced_3', 'isced_4', 'isced_5_8'])[1 + x.n % 6],
            'polskie', 'Polska', x.teryt, x.city, x.postal, 1 + x.n % 3,
            case when x.n % 3 = 0 then null else '5' || lpad(x.n::text, 8, '0') end,
            case when x.n % 4 = 0 then 'uczestnik' || x.n || '@example.pl' end,
            (array['bezrobotna_zarejestrowana', 'bezrobotna_niezarejestrowana', 'bierna_zawodowo', 'pracujaca'])[1 + x.n % 4],
            case x.n % 4
              when 0 then (array['dlugotrwale_bezrobotna', 'inne_bezrobotna'])[1 + (x.n / 4) % 2]
              when 1 then (array['dlugotrwale_bezrobotna', 'inne_bezrobotna'])[1 + (x.n / 4) % 2]
              when 2 then (array['uczaca_sie', 'nieuczestniczaca_w_ksztalceniu', 'inne_bierna'])[1 + (x.n / 4) % 3]
              else (array['samozatrudniona', 'administracja_publiczna', 'organizacja_pozarzadowa', 'inne_pracujaca'])[1 + (x.n / 4) % 4]
            end,
            (array['tak', 'nie', 'odmowa', 'nie', 'nie'])[1 + (x.n * 3) % 5],
            (array['tak', 'nie', 'odmowa', 'nie', 'nie'])[1 + (x.n * 7) % 5],
            (array['tak', 'nie', 'odmowa', 'nie', 'nie'])[1 + (x.n * 11) % 5],
            (array['tak', 'nie', 'odmowa', 'nie', 'nie'])[1 + (x.n * 13) % 5],
            (array['tak', 'nie', 'odmowa', 'nie', 'nie'])[1 + (x.n * 17) % 5],
            case when x.n % 5 >= 2 then 'aktywny' when x.n % 7 = 0 then 'przerwany' else 'zakonczony' end,
            case when x.n % 5 < 2 then x.joined + 100 end,
            case when x.n % 5 >= 2 then '[]'::jsonb when x.n % 2 = 0 then '["podjela_prace"]'::jsonb
                 else '["poszukuje_pracy", "kontynuuje_ksztalcenie"]'::jsonb end,
            case when x.n % 5 < 2 then x.n % 7 <> 0 end,
            $4
       from (${base}) x`,
    [participants, gminy, source, user?.id],
  );

  log('support episodes');
  await q(
    `insert into support_episodes (activity_id, participant_id, starts_on)
     select ${idSql('a', '(1 + (n + k) % 5)')}, ${idSql('c', 'n')}, date '2023-01-02' + (n % 700)::int + 7 * k
       from generate_series(0, $1::int - 1) n
       cross join lateral generate_series(0, n % 3) k`,
    [participants],
  );
  log('analyse');
  await q('analyze');
  const rows: Record<string, number> = {};
  for (const table of ['persons', 'participants', 'support_activities', 'support_episodes'])
    rows[table] = (await q<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n ?? 0;
  return {
    participants,
    generatedOn: new Date().toISOString(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    rows,
    sourceProjectId: source,
    sourceProjectNumber: sourceNumber,
    targetProjectId: target,
    coordinator: SMEFS_COORDINATOR,
  };
}

/** Recreates the database, migrates it, loads reference data and generates the dataset. */
export async function generateSmefsPostgres(
  url: string,
  participants: number,
  log: (m: string) => void,
): Promise<SmefsFigures> {
  await recreateDatabase(url);
  const database = await openDatabase({ engine: 'postgres', url, poolMax: 2 });
  await prepareDatabase(database, { seedDemo: false });
  await database.close();
  const client = new pgModule.Client({ connectionString: url });
  await client.connect();
  try {
    const figures = await generateSmefs(client, participants, log);
    await client.query(
      'create table if not exists bench_dataset (id int primary key, figures jsonb not null)',
    );
    await client.query(
      'insert into bench_dataset values (1, $1) on conflict (id) do update set figures = excluded.figures',
      [JSON.stringify(figures)],
    );
    return figures;
  } finally {
    await client.end();
  }
}

/** The figures of the dataset already in the database, or null. */
export async function loadSmefsFigures(url: string): Promise<SmefsFigures | null> {
  const client = new pgModule.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const r = await client.query('select figures from bench_dataset where id = 1');
    return (r.rows[0]?.figures as SmefsFigures) ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL ?? DEFAULT_SMEFS_URL;
  const n = Number(process.env.BENCH_PARTICIPANTS ?? SMEFS_PARTICIPANTS);
  const figures = await generateSmefsPostgres(url, n, (m) => console.log(`[smefs generate] ${m}`));
  console.log(JSON.stringify(figures, null, 2));
}
