// Cooperation under load: the institution inbox and the animator dashboard on PostgreSQL at 5,000
// institutions and 500,000 referrals (cooperation.generate.ts), the real server in a child process
// (NODE_ENV=production, JOBS=off) on a free loopback port, and logged-in users:
//   (a) inbox, default page      GET /api/referrals/inbox                    target p95 ≤ 100 ms
//   (b) inbox with filters       GET /api/referrals/inbox?overdue|mine|urgency|status
//   (c) partnership dashboard    GET /api/partnerships/:id/dashboard
// The inbox users are handlers of the 5 biggest inboxes (6 users each; the biggest, the police of
// Warsaw, holds ~1,100 open referrals of 11,600) and of 5 median ones (4 each); the dashboard users
// are the animator, the supervisor and 3 workers of the leader of the 10 biggest partnerships
// (35–40 members). Each path runs as 50 users thinking ~1 s (BENCH_THINK_MS, exponential; the
// target is judged here), as a closed loop of 50 connections (the capacity) and one connection
// alone (the cost without queueing). Figures go to bench/results/cooperation-postgres.json.
//
//   npm run cooperation -w bench
//       DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/kooperacja_bench_coop; the
//       database (its name must contain "bench") is dropped and generated when it holds no dataset
//       of this size, or with BENCH_REGENERATE=1. BENCH_SECONDS (20) bounds each run.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  BENCH_PASSWORD,
  type CoopFigures,
  DEFAULT_COOP_URL,
  fullScale,
  generateCoopPostgres,
  loadCoopFigures,
} from './cooperation.generate.js';
import {
  closedLoop,
  gitCommit,
  loadAverage,
  login,
  type RunFigures,
  type Session,
  settle,
  startServer,
  usersRun,
} from './lib/load.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const url = process.env.DATABASE_URL ?? DEFAULT_COOP_URL;
if (!/bench/.test(new URL(url).pathname)) throw new Error('the benchmark database name must contain "bench"');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const TARGET_MS = 100;
const log = (m: string) => console.log(`[cooperation bench] ${m}`);
/** Other work on the machine skews the figures: the load average before and after says so. */
const loadBefore = loadAverage();
log(`load average before: ${loadBefore.join(' ')}`);

// ——— the dataset ———
let figures: CoopFigures | null = await loadCoopFigures(url);
if (!figures || figures.scale.referrals !== fullScale.referrals || process.env.BENCH_REGENERATE === '1') {
  log(`generating the dataset into ${new URL(url).pathname.slice(1)} (about a minute)`);
  figures = await generateCoopPostgres(url, fullScale, log);
} else log(`reusing the dataset generated on ${figures.generatedOn}`);
const dataset = figures;

// ——— who logs in: read before the server starts ———
const client = new pg.Client({ connectionString: url });
await client.connect();
const q = async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
const open = `r.status in ('wyslane', 'przyjete', 'w_realizacji')`;
interface Inbox {
  id: string;
  name: string;
  total: number;
  open: number;
  overdue: number;
}
const inboxes = await q<Inbox>(
  `select i.id, i.name, count(*)::int as total, (count(*) filter (where ${open}))::int as open,
          (count(*) filter (where ${open} and r.expected_by < current_date))::int as overdue
     from referrals r join institutions i on i.id = r.to_institution_id group by i.id, i.name
    order by open desc, i.id`,
);
const biggest = inboxes.slice(0, 5);
const mid = Math.floor(inboxes.length / 2);
const median = inboxes.slice(mid - 2, mid + 3);
/** Handlers of an institution, those with the most open referrals assigned first (for "mine"). */
const handlersOf = (institutionId: string, n: number) =>
  q<{ email: string; mine: number }>(
    `select u.email, (select count(*)::int from referrals r where r.assigned_user_id = u.id and ${open}) as mine
       from memberships m join users u on u.id = m.user_id
      where m.institution_id = $1 and m.roles && array['pracownik_socjalny', 'kierownik', 'pracownik_partnera']
      order by mine desc, u.email limit $2`,
    [institutionId, n],
  );
interface Partnership {
  id: string;
  name: string;
  members: number;
  referrals: number;
  animator: string;
  leaderId: string;
}
const partnerships = await q<Partnership>(
  `with top as (
     select p.id, p.name, count(*)::int as members, a.email as animator, p.leader_institution_id as "leaderId"
       from partnerships p join partnership_members m on m.partnership_id = p.id and m.left_on is null
       join users a on a.id = p.animator_user_id
      group by p.id, a.email order by members desc, p.id limit 10)
   select top.*, (select count(*)::int from referrals r
            where r.from_institution_id in (select institution_id from partnership_members where partnership_id = top.id and left_on is null)
               or r.to_institution_id in (select institution_id from partnership_members where partnership_id = top.id and left_on is null)) as referrals
     from top order by members desc, referrals desc`,
);
const [dbSize] = await q<{ size: string }>(
  'select pg_size_pretty(pg_database_size(current_database())) as size',
);
const settings = Object.fromEntries(
  (
    await q<{ name: string; setting: string; unit: string | null }>(
      `select name, setting, unit from pg_settings
        where name in ('shared_buffers','work_mem','effective_cache_size','max_connections','server_version','jit')`,
    )
  ).map((r) => [r.name, r.unit ? `${r.setting} × ${r.unit}` : r.setting]),
);
const inboxUsers: { email: string; group: string; institution: Inbox; mine: number }[] = [];
for (const [group, list, per] of [
  ['biggest inboxes', biggest, 6],
  ['median inboxes', median, 4],
] as const)
  for (const inbox of list) {
    const hs = await handlersOf(inbox.id, per);
    for (let k = 0; k < per; k++) {
      const h = hs[k % hs.length] as { email: string; mine: number };
      inboxUsers.push({ email: h.email, group, institution: inbox, mine: h.mine });
    }
  }
const dashboardUsers: { email: string; partnership: Partnership }[] = [];
for (const p of partnerships) {
  const leaders = await q<{ email: string }>(
    `select u.email from memberships m join users u on u.id = m.user_id
      where m.institution_id = $1 and m.roles && array['kierownik', 'pracownik_socjalny']
      order by (m.roles @> array['kierownik']) desc, u.email limit 4`,
    [p.leaderId],
  );
  for (const email of [p.animator, ...leaders.map((l) => l.email)])
    dashboardUsers.push({ email, partnership: p });
}
await client.end();

// ——— the server and the sessions ———
const server = await startServer(root, { DATABASE_URL: url });
const base = server.base;
const cookies = new Map<string, string>();
const cookieOf = async (email: string) => {
  let c = cookies.get(email);
  if (!c) {
    c = await login(base, email, BENCH_PASSWORD);
    cookies.set(email, c);
  }
  return c;
};
log(`logging in ${new Set([...inboxUsers, ...dashboardUsers].map((u) => u.email)).size} users`);
const inboxDefault: Session[] = [];
const inboxFiltered: Session[] = [];
const filters = [
  '?overdue=true',
  '?mine=true',
  '?urgency=pilna',
  '?urgency=pilna&overdue=true',
  '?mine=true&overdue=true',
  '?status=wyslane',
];
for (const [k, u] of inboxUsers.entries()) {
  const cookie = await cookieOf(u.email);
  inboxDefault.push({ cookie, group: u.group, paths: ['/api/referrals/inbox'] });
  inboxFiltered.push({
    cookie,
    group: u.group,
    paths: filters.map((_, j) => `/api/referrals/inbox${filters[(j + k) % filters.length]}`),
  });
}
const dashboard: Session[] = [];
for (const u of dashboardUsers)
  dashboard.push({
    cookie: await cookieOf(u.email),
    group: 'biggest partnerships',
    paths: [`/api/partnerships/${u.partnership.id}/dashboard`],
  });

// what the users see (sanity: the answers are the real thing)
const sample = async (cookie: string, p: string) => {
  const res = await fetch(`${base}${p}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
};
const firstInbox = await sample(inboxDefault[0]?.cookie as string, '/api/referrals/inbox');
const firstDashboard = await sample(dashboard[0]?.cookie as string, dashboard[0]?.paths[0] as string);
log(
  `biggest inbox: ${firstInbox.total} open; biggest partnership: ${JSON.stringify(firstDashboard.referrals).slice(0, 200)}`,
);

// ——— the load ———
log('warming up');
await closedLoop(base, 'warm-up', [...inboxDefault, ...inboxFiltered, ...dashboard], {
  seconds: 5,
  connections: 10,
  log,
});
const runs: Record<string, RunFigures> = {};
const plan: [string, string, Session[]][] = [
  ['inbox', 'GET /api/referrals/inbox', inboxDefault],
  ['inboxFiltered', 'GET /api/referrals/inbox?overdue|mine|urgency|status', inboxFiltered],
  ['dashboard', 'GET /api/partnerships/:id/dashboard', dashboard],
];
for (const [key, name, sessions] of plan) {
  // 50 users working: each waits for the answer, then thinks ~1 s; the target applies here
  runs[key] = await usersRun(base, `${name} (50 users)`, sessions, {
    seconds: SECONDS,
    thinkMs: THINK_MS,
    targetP95Ms: TARGET_MS,
    log,
  });
  // closed loop: 50 connections back to back, the capacity
  runs[`${key}ClosedLoop`] = await closedLoop(base, `${name} (closed loop)`, sessions, {
    seconds: SECONDS,
    connections: sessions.length,
    log,
  });
  // one connection alone: what a request costs without queueing
  runs[`${key}Alone`] = await closedLoop(base, `${name} (1 connection)`, sessions, {
    seconds: Math.max(5, Math.round(SECONDS / 2)),
    connections: 1,
    log,
  });
}
await settle(base);
await server.stop();

const out = {
  benchmark:
    'cooperation: institution inbox and partnership dashboard, 5,000 institutions, 500,000 referrals, 50 users',
  engine: 'postgres',
  date: new Date().toISOString(),
  commit: gitCommit(root),
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: { before: loadBefore, after: loadAverage() },
    node: process.version,
  },
  database: { size: dbSize?.size, settings },
  dataset: {
    scale: dataset.scale,
    rows: dataset.rows,
    loadSeconds: dataset.loadSeconds,
    seed: dataset.seed,
    generatedOn: dataset.generatedOn,
  },
  users: {
    inboxes: {
      biggest: biggest.map((i) => ({ ...i, users: 6 })),
      median: median.map((i) => ({ ...i, users: 4 })),
      mineOpen: inboxUsers.map((u) => u.mine),
    },
    partnerships: partnerships.map(({ leaderId: _l, animator: _a, ...p }) => ({ ...p, users: 5 })),
    filters,
  },
  targetP95Ms: TARGET_MS,
  runs,
};
await fs.mkdir(path.join(here, 'results'), { recursive: true });
await fs.writeFile(
  path.join(here, 'results', 'cooperation-postgres.json'),
  `${JSON.stringify(out, null, 2)}\n`,
);
for (const [k, r] of Object.entries(runs))
  console.log(
    `${k.padEnd(24)} p50 ${r.latencyMs.p50} p95 ${r.latencyMs.p95} p99 ${r.latencyMs.p99} ${r.requestsPerSecond} req/s non2xx ${r.non2xx} errors ${r.errors}${r.met === null ? '' : r.met ? ' target met' : ' target MISSED'}`,
  );
log(`load average after: ${out.machine.loadAverage.after.join(' ')}`);
process.exit(0);
