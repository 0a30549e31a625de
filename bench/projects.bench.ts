// The portfolio dashboard under load: GET /api/indicators/portfolio over 2,000 projects with 50
// indicators each (projects.generate.ts) on PostgreSQL, the real server in a child process
// (NODE_ENV=production, JOBS=off) on a free loopback port:
//   - the regional analyst of the województwo with most projects (reads about a quarter of them),
//   - the analyst of the smallest region,
//   - a coordinator in the team of every project of the busiest leader,
// 50 accounts in all, each with the default view and with filters (status, programme). Portfolios
// over 5,000 indicators are cached per user for 30 s (modules/indicators/portfolio.ts): the
// one-connection run of the first requests of each user gives the uncached cost. Target p95 ≤ 200 ms with 50
// users thinking ~1 s (BENCH_THINK_MS); also a closed loop of 50 connections (capacity) and one
// connection alone (cost without queueing). Figures go to bench/results/projects-postgres.json.
//
//   npm run projects -w bench
//       DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/kooperacja_bench_projects; the
//       database (its name must contain "bench") is generated when it holds no dataset, or with
//       BENCH_REGENERATE=1. BENCH_SECONDS (20) bounds each run.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
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
import {
  BENCH_PASSWORD,
  DEFAULT_PROJECTS_URL,
  fullProjectsScale,
  generateProjectsPostgres,
  loadProjectsFigures,
  type ProjectsFigures,
} from './projects.generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const url = process.env.DATABASE_URL ?? DEFAULT_PROJECTS_URL;
if (!/bench/.test(new URL(url).pathname)) throw new Error('the benchmark database name must contain "bench"');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const USERS = 50;
const TARGET_MS = 200;
const log = (m: string) => console.log(`[projects bench] ${m}`);
const loadBefore = loadAverage();
log(`load average before: ${loadBefore.join(' ')}`);

let figures: ProjectsFigures | null = await loadProjectsFigures(url);
if (!figures || process.env.BENCH_REGENERATE === '1') {
  log(`generating the dataset into ${new URL(url).pathname.slice(1)}`);
  figures = await generateProjectsPostgres(url, fullProjectsScale, log);
} else log(`reusing the dataset generated on ${figures.generatedOn}`);
const dataset = figures;

const client = new pg.Client({ connectionString: url });
await client.connect();
const [programme] = (
  await client.query(
    `select n.id from programme_nodes n join projects p on p.programme_node_id = n.id
      group by n.id order by count(*) desc limit 1`,
  )
).rows as { id: string }[];
const [dbSize] = (await client.query('select pg_size_pretty(pg_database_size(current_database())) as size'))
  .rows as { size: string }[];
await client.end();

const server = await startServer(root, { DATABASE_URL: url });
const base = server.base;
const paths = [
  '/api/indicators/portfolio',
  '/api/indicators/portfolio?status=realizacja',
  `/api/indicators/portfolio?programme=${programme?.id}`,
];
const sessions: Session[] = [];
const perUser = new Map<string, string>();
for (const u of dataset.users) perUser.set(u.email, await login(base, u.email, BENCH_PASSWORD));
// 50 virtual users, one account each (20 analysts of the big region, 10 of the small, 20 coordinators).
for (const [k, u] of dataset.users.entries()) {
  sessions.push({
    cookie: perUser.get(u.email) as string,
    group: u.email.split('@')[0]?.replace(/\.\d+$/, '') as string,
    paths: paths.map((_, j) => paths[(j + k) % paths.length] as string),
  });
}
// sanity: the answers are the real thing
for (const u of dataset.users.filter((x) => x.email.split('@')[0]?.endsWith('.1'))) {
  const res = await fetch(`${base}/api/indicators/portfolio`, {
    headers: { cookie: perUser.get(u.email) as string },
  });
  if (res.status !== 200) throw new Error(`portfolio for ${u.email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as Record<string, unknown>;
  log(`${u.email}: ${u.readableProjects} readable projects; answer ${JSON.stringify(body).length} bytes`);
}

// First views: every user opens every path once, one request at a time — nothing cached yet, so
// this is what computing a portfolio costs (the biggest: ~780 projects, ~39,000 indicators).
const firstViews: number[] = [];
const firstViewsBig: number[] = [];
for (const s of sessions)
  for (const p of s.paths) {
    const started = performance.now();
    const res = await fetch(`${base}${p}`, { headers: { cookie: s.cookie } });
    await res.arrayBuffer();
    const ms = performance.now() - started;
    firstViews.push(ms);
    if (s.group === 'analityk.duzy') firstViewsBig.push(ms);
  }
const pct = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
};
const firstViewFigures = {
  all: {
    requests: firstViews.length,
    p50: pct(firstViews, 0.5),
    p95: pct(firstViews, 0.95),
    max: pct(firstViews, 1),
  },
  bigRegion: {
    requests: firstViewsBig.length,
    p50: pct(firstViewsBig, 0.5),
    p95: pct(firstViewsBig, 0.95),
    max: pct(firstViewsBig, 1),
  },
};
log(`first views (uncached, one at a time): ${JSON.stringify(firstViewFigures)}`);

log('warming up');
await closedLoop(base, 'warm-up', sessions, { seconds: 5, connections: 10, log });
const runs: Record<string, RunFigures> = {};
runs.portfolio = await usersRun(base, `GET /api/indicators/portfolio (${USERS} users)`, sessions, {
  seconds: SECONDS,
  thinkMs: THINK_MS,
  targetP95Ms: TARGET_MS,
  log,
});
runs.portfolioClosedLoop = await closedLoop(base, 'GET /api/indicators/portfolio (closed loop)', sessions, {
  seconds: SECONDS,
  connections: USERS,
  log,
});
runs.portfolioAlone = await closedLoop(base, 'GET /api/indicators/portfolio (1 connection)', sessions, {
  seconds: Math.max(5, Math.round(SECONDS / 2)),
  connections: 1,
  log,
});
await settle(base);
await server.stop();

const out = {
  benchmark: 'projects: indicator portfolio over 2,000 projects × 50 indicators, 50 users',
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
  database: { size: dbSize?.size },
  dataset: {
    scale: dataset.scale,
    rows: dataset.rows,
    seconds: dataset.seconds,
    generatedOn: dataset.generatedOn,
  },
  users: dataset.users,
  paths,
  targetP95Ms: TARGET_MS,
  firstViews: firstViewFigures,
  runs,
};
await fs.mkdir(path.join(here, 'results'), { recursive: true });
await fs.writeFile(path.join(here, 'results', 'projects-postgres.json'), `${JSON.stringify(out, null, 2)}\n`);
for (const [k, r] of Object.entries(runs))
  console.log(
    `${k.padEnd(22)} p50 ${r.latencyMs.p50} p95 ${r.latencyMs.p95} p99 ${r.latencyMs.p99} ${r.requestsPerSecond} req/s non2xx ${r.non2xx} errors ${r.errors}${r.met === null ? '' : r.met ? ' target met' : ' target MISSED'}`,
  );
log(`load average after: ${out.machine.loadAverage.after.join(' ')}`);
process.exit(0);
