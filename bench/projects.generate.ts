// Generator of a national project portfolio for the projects benchmark: 2,000 EU projects led by
// social-assistance centres and ROPS of all 16 województwa (skewed: the biggest region holds about a
// quarter), each with 1–4 partners, a team, and 50 indicators (the 25 common ESF+ ones of the library
// plus 25 project-specific), each indicator with 6 recorded values over time (the last one is its
// current value) — 100,000 project indicators and 600,000 values. Reporting periods per half-year,
// the older ones frozen with their reported values. Everything is generated in SQL
// (generate_series), deterministic (setseed), dates relative to the day of generation.
//
// Run as a script: `npm run projects:generate -w bench`; projects.bench.ts imports it.
import { pathToFileURL } from 'node:url';
import pgModule from 'pg';
import { openDatabase } from '../server/src/db/database.js';
import { prepareDatabase } from '../server/src/db/prepare.js';
import { hashPassword } from '../server/src/modules/identity/passwords.js';
import { BENCH_PASSWORD, recreateDatabase } from './cases.generate.js';

export { BENCH_PASSWORD };
export const PROJECTS_EMAIL_DOMAIN = 'projects.bench.kooperacja.pl';
export const DEFAULT_PROJECTS_URL = 'postgres://postgres@127.0.0.1:5432/kooperacja_bench_projects';

export interface ProjectsScale {
  projects: number;
  indicatorsPerProject: number;
  valuesPerIndicator: number;
}
export const fullProjectsScale: ProjectsScale = {
  projects: 2_000,
  indicatorsPerProject: 50,
  valuesPerIndicator: 6,
};

export interface ProjectsFigures {
  scale: ProjectsScale;
  generatedOn: string;
  rows: Record<string, number>;
  seconds: number;
  /** The users the benchmark logs in as, with how many projects each may read. */
  users: { email: string; role: string; readableProjects: number }[];
}

/** Generates the portfolio into an empty, migrated database (reference data loaded). */
export async function generateProjects(
  client: pgModule.Client,
  scale: ProjectsScale,
  log: (m: string) => void = () => undefined,
): Promise<ProjectsFigures> {
  const started = performance.now();
  const q = async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
  await q('select setseed(0.2026)');
  await q(`set session_replication_role = replica`);

  // Institutions: a ROPS in every województwo and an OPS in 600 gminy (weighted towards big regions).
  log('institutions');
  await q(`
    insert into institutions (id, name, short_name, type, sector, teryt, city)
    select gen_random_uuid(), 'Regionalny Ośrodek Polityki Społecznej — ' || w.name, 'ROPS ' || w.name, 'rops',
           'pomoc_spoleczna', (select g.teryt from territorial_units g where g.level = 'gmina' and g.woj_teryt = w.teryt
                               order by g.population desc nulls last limit 1), w.name
      from territorial_units w where w.level = 'wojewodztwo'`);
  await q(`
    insert into institutions (id, name, short_name, type, sector, teryt, city)
    select gen_random_uuid(), 'Ośrodek Pomocy Społecznej w gminie ' || g.name, 'OPS ' || g.name, 'ops',
           'pomoc_spoleczna', g.teryt, g.name
      from (select * from territorial_units where level = 'gmina' and active
             order by population desc nulls last limit 600) g`);

  // Projects: leaders drawn with a skew so that the first województwo (by institutions) is the biggest.
  log(`${scale.projects} projects`);
  await q(
    `
    with leaders as (
      select id, row_number() over (order by substring(teryt from 1 for 2), id) as n, count(*) over () as total
        from institutions where type in ('ops', 'rops') and short_name not like 'MOPS %'
    ), placements as (
      select id, row_number() over (order by id) as n, count(*) over () as total
        from programme_nodes where kind in ('dzialanie', 'poddzialanie')
    )
    insert into projects (id, number, title, programme_node_id, leader_institution_id, status, starts_on, ends_on,
                          goals, total_value, eligible_costs, eu_funding, state_budget, own_contribution)
    select gen_random_uuid(), 'BENCH.' || lpad(s::text, 5, '0') || '/24',
           'Projekt ' || s || ' — aktywizacja społeczna i zawodowa',
           (select id from placements where n = 1 + (s % (select max(total) from placements))),
           (select id from leaders where n = v.leader_n),
           (array['realizacja','realizacja','realizacja','zakonczony','wniosek'])[1 + (s % 5)],
           current_date - (200 + s % 900), current_date + (300 + s % 700),
           'Cel główny projektu ' || s,
           v.total, v.total, (v.total * 85) / 100, (v.total * 10) / 100, v.total - (v.total * 85) / 100 - (v.total * 10) / 100
      from generate_series(1, $1::int) s
      cross join lateral (select (100000000 + floor(random() * 3000000000) + s * 0)::bigint as total,
                                 1 + floor(power(random(), 1.6) * (select count(*) from leaders) + s * 0)::int as leader_n) v`,
    [scale.projects],
  );
  await q(`
    insert into project_partners (project_id, institution_id, role, budget_share)
    select distinct on (p.id, i.id) p.id, i.id, 'partner', p.total_value / 10
      from projects p
      cross join lateral generate_series(1, 1 + (abs(hashtext(p.number)) % 4)) k
      cross join lateral (select id from institutions where type = 'ops' and id <> p.leader_institution_id
                           order by md5(p.number || k::text || id::text) limit 1) i`);

  // Indicators: the 25 common definitions of the library + 25 project-specific ones per project.
  log(`${scale.projects * scale.indicatorsPerProject} project indicators`);
  const perProject = scale.indicatorsPerProject - 25;
  await q(
    `insert into indicator_definitions (id, code, name, unit, type, scope, project_id)
     select gen_random_uuid(), 'P' || k, 'Wskaźnik projektowy ' || k || ' projektu ' || p.number,
            (array['osoby','podmioty','liczba','procent'])[1 + k % 4], (array['produkt','rezultat'])[1 + k % 2],
            'projektowy', p.id
       from projects p cross join generate_series(1, $1::int) k`,
    [perProject],
  );
  await q(`
    insert into project_indicators (id, project_id, definition_id, baseline, target, source, sort_order)
    select gen_random_uuid(), p.id, d.id, 0, 20 + floor(random() * 980), 'manual', row_number() over (partition by p.id order by d.code)
      from projects p
      join indicator_definitions d on d.project_id = p.id
         or (d.project_id is null and d.id in (select id from indicator_definitions where project_id is null
                                               and code is not null order by code limit 25))`);
  log(`${scale.valuesPerIndicator} values per indicator`);
  await q(
    `insert into indicator_values (project_indicator_id, measured_on, value, origin, source_note, entered_at)
     select pi.id, p.starts_on + (k * (current_date - p.starts_on) / $1::int),
            round(pi.target * k / $1::int * (0.4 + random() * 0.8)), 'manual', 'Sprawozdanie',
            (p.starts_on + (k * (current_date - p.starts_on) / $1::int))::timestamptz
       from project_indicators pi join projects p on p.id = pi.project_id
       cross join generate_series(1, $1::int) k`,
    [scale.valuesPerIndicator],
  );
  await q(`
    update project_indicators pi set current_value = v.value, current_on = v.measured_on
      from (select distinct on (project_indicator_id) project_indicator_id, value, measured_on
              from indicator_values order by project_indicator_id, measured_on desc) v
     where v.project_indicator_id = pi.id`);
  log('reporting periods');
  await q(`
    insert into reporting_periods (id, project_id, name, starts_on, ends_on, status, frozen_at)
    select gen_random_uuid(), p.id, extract(year from h)::text || (case when extract(month from h) = 1 then ' I' else ' II' end) || ' półrocze',
           h::date, (h + interval '6 months' - interval '1 day')::date,
           case when h + interval '6 months' < current_date then 'zamrozony' else 'otwarty' end,
           case when h + interval '6 months' < current_date then h + interval '7 months' end
      from projects p
      cross join lateral generate_series(date_trunc('year', p.starts_on), least(current_date, p.ends_on), interval '6 months') h`);
  await q(`
    insert into reported_values (period_id, project_indicator_id, value)
    select rp.id, pi.id, coalesce((select v.value from indicator_values v where v.project_indicator_id = pi.id
                                   and v.measured_on <= rp.ends_on order by v.measured_on desc limit 1), 0)
      from reporting_periods rp join project_indicators pi on pi.project_id = rp.project_id
     where rp.status = 'zamrozony'`);

  // Users: the analyst of the region with most projects, the analyst of a small one, coordinators.
  log('users');
  const hash = await hashPassword(BENCH_PASSWORD);
  const users: ProjectsFigures['users'] = [];
  const regions = await q<{ woj: string; rops: string; n: number }>(`
    select g.woj, (select r.id from institutions r where r.type = 'rops' and substring(r.teryt from 1 for 2) = g.woj limit 1) as rops, g.n
      from (select substring(i.teryt from 1 for 2) as woj, count(*)::int as n
              from projects p join institutions i on i.id = p.leader_institution_id group by 1) g
     order by g.n desc`);
  const addUser = async (local: string, institutionId: string, roles: string[]) => {
    const [u] = await q<{ id: string }>(
      `insert into users (email, first_name, last_name, password_hash, password_changed_at)
       values ($1, 'Bench', $2, $3, now()) returning id`,
      [`${local}@${PROJECTS_EMAIL_DOMAIN}`, local, hash],
    );
    await q('insert into memberships (user_id, institution_id, roles) values ($1, $2, $3)', [
      u?.id,
      institutionId,
      roles,
    ]);
    return u?.id as string;
  };
  const big = regions[0];
  const small = regions[regions.length - 1];
  if (!big || !small) throw new Error('no projects generated');
  // Distinct accounts (a cache keyed by user must not make 50 users look like 3): 20 analysts of
  // the region with most projects, 10 of the smallest one, 20 coordinators of the busiest leader.
  const [busiest] = await q<{ id: string; n: number }>(
    `select leader_institution_id as id, count(*)::int as n from projects group by 1 order by 2 desc limit 1`,
  );
  const plan: [string, string, string, number][] = [
    ['analityk.duzy', big.rops, 'analityk_regionalny', 20],
    ['analityk.maly', small.rops, 'analityk_regionalny', 10],
    ['koordynator', busiest?.id as string, 'koordynator_projektu', 20],
  ];
  for (const [prefix, institutionId, role, n] of plan)
    for (let k = 1; k <= n; k++) {
      const id = await addUser(`${prefix}.${k}`, institutionId, [role]);
      if (role === 'koordynator_projektu')
        await q(
          `insert into project_team (project_id, user_id, role) select id, $1, 'koordynator' from projects where leader_institution_id = $2`,
          [id, institutionId],
        );
    }
  const readable = async (email: string) => {
    const [r] = await q<{ n: number }>(
      `select count(*)::int as n from projects p
        where exists (select 1 from users u join memberships m on m.user_id = u.id join institutions mi on mi.id = m.institution_id
                       where u.email = $1 and (
                         p.leader_institution_id = m.institution_id
                         or exists (select 1 from project_partners pp where pp.project_id = p.id and pp.institution_id = m.institution_id)
                         or exists (select 1 from project_team pt where pt.project_id = p.id and pt.user_id = u.id)
                         or ('analityk_regionalny' = any(m.roles) and (
                              exists (select 1 from institutions li where li.id = p.leader_institution_id and substring(li.teryt from 1 for 2) = substring(mi.teryt from 1 for 2))
                              or exists (select 1 from project_partners pp join institutions pi on pi.id = pp.institution_id
                                          where pp.project_id = p.id and substring(pi.teryt from 1 for 2) = substring(mi.teryt from 1 for 2))))))`,
      [email],
    );
    return r?.n ?? 0;
  };
  for (const [prefix, , role, n] of plan)
    for (let k = 1; k <= n; k++) {
      const email = `${prefix}.${k}@${PROJECTS_EMAIL_DOMAIN}`;
      users.push({
        email,
        role,
        readableProjects: k === 1 ? await readable(email) : (users.at(-1)?.readableProjects ?? 0),
      });
    }

  await q('set session_replication_role = origin');
  log('vacuum analyze');
  await q('vacuum analyze');
  const rows: Record<string, number> = {};
  for (const t of [
    'projects',
    'project_partners',
    'project_team',
    'indicator_definitions',
    'project_indicators',
    'indicator_values',
    'reporting_periods',
    'reported_values',
  ]) {
    const [r] = await q<{ n: number }>(`select count(*)::int as n from ${t}`);
    rows[t] = r?.n ?? 0;
  }
  return {
    scale,
    generatedOn: new Date().toISOString().slice(0, 10),
    rows,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    users,
  };
}

/** Recreates the database, migrates it, loads reference data and generates the portfolio. */
export async function generateProjectsPostgres(
  url: string,
  scale: ProjectsScale,
  log: (m: string) => void,
): Promise<ProjectsFigures> {
  await recreateDatabase(url);
  const database = await openDatabase({ engine: 'postgres', url, poolMax: 2 });
  await prepareDatabase(database, { seedDemo: false });
  await database.close();
  const client = new pgModule.Client({ connectionString: url });
  await client.connect();
  try {
    const figures = await generateProjects(client, scale, log);
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
export async function loadProjectsFigures(url: string): Promise<ProjectsFigures | null> {
  const client = new pgModule.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const r = await client.query(`select figures from bench_dataset where id = 1`);
    return (r.rows[0]?.figures as ProjectsFigures) ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL ?? DEFAULT_PROJECTS_URL;
  const figures = await generateProjectsPostgres(url, fullProjectsScale, (m) =>
    console.log(`[projects generate] ${m}`),
  );
  console.log(JSON.stringify(figures, null, 2));
}
