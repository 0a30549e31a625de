// Cases under load: a generated registry (cases.generate.ts), the real server in a child process on
// a free loopback port, and autocannon with 50 connections logged in as a generated social worker:
//   (a) opening a case   GET /api/cases/:id over the cases in the worker's scope   target p95 ≤ 30 ms
//   (b) person search    GET /api/persons?q=… (name fragments, PESELs, typos)       target p95 ≤ 80 ms
// Each path runs twice: 50 users, each waiting for an answer and then thinking ~1 s on average
// (BENCH_THINK_MS, exponential; the targets are judged here), and autocannon in closed loop (50
// connections back to back: the server's capacity, where latency is queueing).
// For reference also one connection alone (the cost of a request without queueing) and the search
// of the centre's supervisor, whose scope is the whole registry of the centre.
// Percentiles are of the answered requests; `timeouts` (10 s) are counted apart.
// Figures go to bench/results/cases-<engine>.json.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/kooperacja_bench npm run cases -w bench
//       PostgreSQL, 1,000,000 persons (BENCH_PERSONS); the database (its name must contain "bench")
//       is dropped and generated when it holds no dataset of that size, or with BENCH_REGENERATE=1
//   npm run cases -w bench
//       embedded PGlite, a gmina-size registry of 20,000 persons, generated in a temporary folder
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../server/src/db/database.js';
import { prepareDatabase } from '../server/src/db/prepare.js';
import {
  BENCH_PASSWORD,
  type DatasetFigures,
  generateCases,
  generatePostgres,
  type Loader,
  loadFigures,
  pgliteLoader,
  postgresLoader,
  saveFigures,
  scaleFor,
} from './cases.generate.js';
import { prng } from './lib/polish.js';

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'server', 'domain'], { cwd: root }).length > 0;
    return dirty ? `${head} (with uncommitted changes in server/ or domain/)` : head;
  } catch {
    return null;
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const url = process.env.DATABASE_URL;
const engine = url ? 'postgres' : 'pglite';
const persons = Number(process.env.BENCH_PERSONS ?? (url ? 1_000_000 : 20_000));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 30);
/** Mean think time of a user between an answer and the next request. */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const log = (m: string) => console.log(`[cases bench] ${m}`);
/** Other work on the machine skews the figures: the load average before and after the runs says so. */
const loadBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);

// ——— the dataset ———
let figures: DatasetFigures | null;
let dataDir: string | null = null;
let inspect: { loader: Loader; close(): Promise<void> };
if (url) {
  const client = new pg.Client({ connectionString: url });
  const existing = await client
    .connect()
    .then(() => loadFigures(postgresLoader(client)))
    .catch(() => null);
  await client.end().catch(() => undefined);
  figures = existing;
  if (!figures || figures.scale.persons !== persons || process.env.BENCH_REGENERATE === '1') {
    log(`generating ${persons} persons into ${new URL(url).pathname.slice(1)} (takes minutes at full scale)`);
    figures = await generatePostgres(url, persons, log);
  } else log(`reusing the dataset generated on ${new URL(url).pathname.slice(1)}`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  inspect = { loader: postgresLoader(c), close: () => c.end() };
} else {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kooperacja-bench-cases-'));
  const database = await openDatabase({ engine: 'pglite', dataDir });
  await prepareDatabase(database, { seedDemo: false });
  const client = (database.db as unknown as { $client: Parameters<typeof pgliteLoader>[0] }).$client;
  log(`generating ${persons} persons into PGlite`);
  figures = await generateCases(pgliteLoader(client), scaleFor(persons), { log });
  await saveFigures(pgliteLoader(client), figures);
  inspect = { loader: pgliteLoader(client), close: () => database.close() };
}
if (!figures) throw new Error('no dataset');
const dataset = figures;

// What the load uses, read before the server starts (PGlite: one process at a time).
const workerId = (
  await inspect.loader.query<{ id: string }>('select id from users where email = $1', [dataset.worker.email])
)[0]?.id;
const scopeCases = await inspect.loader.query<{ id: string }>(
  `select c.id from cases c where c.lead_worker_id = $1
   union select cw.case_id from case_workers cw where cw.user_id = $1`,
  [workerId],
);
const inScope = await inspect.loader.query<{ first_name: string; last_name: string; pesel: string | null }>(
  `select p.first_name, p.last_name, p.pesel from persons p
    where exists (select 1 from cases c where c.person_id = p.id and c.lead_worker_id = $1)
       or exists (select 1 from household_members m join cases c on c.household_id = m.household_id
                  where m.person_id = p.id and c.lead_worker_id = $1)
    order by p.id limit 300`,
  [workerId],
);
const elsewhere = await inspect.loader.query<{ first_name: string; last_name: string; pesel: string | null }>(
  `select first_name, last_name, pesel from persons order by id desc limit 50`,
);
const [dbSize] = await inspect.loader.query<{ size: string }>(
  'select pg_size_pretty(pg_database_size(current_database())) as size',
);
const settings = Object.fromEntries(
  (
    await inspect.loader.query<{ name: string; setting: string; unit: string | null }>(
      `select name, setting, unit from pg_settings
        where name in ('shared_buffers','work_mem','effective_cache_size','max_connections','server_version')`,
    )
  ).map((r) => [r.name, r.unit ? `${r.setting} × ${r.unit}` : r.setting]),
);
await inspect.close();

// Search terms a worker types: surnames without diacritics, full names, fragments, PESELs, typos,
// and names of people outside the worker's scope (the answer must show nothing identifying).
const rng = prng(7);
const plain = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
const typo = (s: string) => {
  const i = rng.int(1, Math.max(1, s.length - 2));
  return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
};
const searches: string[] = [];
for (const p of inScope) {
  const r = rng.next();
  if (r < 0.25) searches.push(plain(p.last_name));
  else if (r < 0.45) searches.push(`${p.first_name} ${p.last_name}`);
  else if (r < 0.6) searches.push(plain(p.last_name).slice(0, 5));
  else if (r < 0.75 && p.pesel) searches.push(p.pesel);
  else if (r < 0.9) searches.push(typo(plain(p.last_name)));
  else searches.push(`${plain(p.first_name)} ${typo(plain(p.last_name))}`);
}
for (const p of elsewhere.slice(0, 30))
  searches.push(rng.chance(0.5) && p.pesel ? p.pesel : plain(p.last_name));
if (!searches.length || !scopeCases.length) throw new Error('the worker has nothing in scope');

// ——— the server ———
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(port),
  PUBLIC_URL: base,
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'false',
};
if (url) env.DATABASE_URL = url;
else {
  delete env.DATABASE_URL;
  env.DATA_DIR = dataDir as string;
}
const server: ChildProcess = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'server/src/main.ts')],
  {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
const stopServer = async () => {
  if (server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
};
process.on('exit', () => server.kill('SIGTERM'));

for (let i = 0; ; i++) {
  const ok = await fetch(`${base}/api/health`)
    .then((r) => r.ok)
    .catch(() => false);
  if (ok) break;
  if (server.exitCode !== null || i > 600) throw new Error('the server did not start');
  await new Promise((r) => setTimeout(r, 200));
}

async function login(email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
const workerCookie = await login(dataset.worker.email);
const supervisorCookie = await login(dataset.supervisor.email);

// ——— the load ———
interface RunFigures {
  path: string;
  connections: number;
  /** Virtual users: mean think time between an answer and the next request (absent: closed loop). */
  thinkMs?: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  targetP95Ms: number | null;
  met: boolean | null;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/**
 * Waits until requests abandoned by the previous run (autocannon stops at its deadline, the server
 * still answers what is queued) are done, so that they do not weigh on the next run.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await fetch(`${base}/api/health`).catch(() => undefined);
    if (performance.now() - started < 20) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 2000));
}

async function run(
  name: string,
  cookie: string,
  paths: string[],
  targetP95Ms: number | null,
  seconds = DURATION,
  connections = CONNECTIONS,
): Promise<RunFigures> {
  let next = 0;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        headers: { cookie },
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const p = paths[next++ % paths.length] as string;
              return { ...req, path: p };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
  await settle();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 10) / 10;
  const p95 = pct(0.95);
  const figures: RunFigures = {
    path: name,
    connections,
    durationSeconds: seconds,
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    latencyMs: { p50: pct(0.5), p95, p99: pct(0.99), max: pct(1) },
    targetP95Ms,
    met: targetP95Ms === null ? null : p95 <= targetP95Ms,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
  log(
    `${name}: ${JSON.stringify(figures.latencyMs)} ${figures.requestsPerSecond} req/s, non-2xx ${figures.non2xx}`,
  );
  return figures;
}

/**
 * `users` virtual users, each sending a request, waiting for the answer, then thinking for an
 * exponentially distributed time (mean `thinkMs`) before the next one: concurrent users working,
 * not a synchronised burst (autocannon's paced mode fires all connections on the same tick).
 */
async function usersRun(
  name: string,
  cookie: string,
  paths: string[],
  targetP95Ms: number | null,
  seconds = DURATION,
  users = CONNECTIONS,
  thinkMs = THINK_MS,
): Promise<RunFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: users });
  const think = prng(11);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const until = Date.now() + seconds * 1000;
  const get = (p: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(`${base}${p}`, { agent, headers: { cookie }, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
    });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const user = async () => {
    await sleep(think.next() * thinkMs);
    while (Date.now() < until) {
      const p = paths[next++ % paths.length] as string;
      const started = performance.now();
      try {
        const status = await get(p);
        latencies.push(performance.now() - started);
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      } catch {
        errors++;
      }
      await sleep(-Math.log(1 - think.next()) * thinkMs);
    }
  };
  await Promise.all(Array.from({ length: users }, user));
  agent.destroy();
  await settle();
  latencies.sort((a, b) => a - b);
  const pct = (q: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  const p95 = pct(0.95);
  const non2xx = Object.entries(statusCodes)
    .filter(([c]) => !c.startsWith('2'))
    .reduce((n, [, v]) => n + v, 0);
  const figures: RunFigures = {
    path: name,
    connections: users,
    thinkMs,
    durationSeconds: seconds,
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    latencyMs: { p50: pct(0.5), p95, p99: pct(0.99), max: pct(1) },
    targetP95Ms,
    met: targetP95Ms === null ? null : p95 <= targetP95Ms && errors === 0,
    errors,
    timeouts: 0,
    non2xx,
    statusCodes,
  };
  log(
    `${name}: ${JSON.stringify(figures.latencyMs)} ${figures.requestsPerSecond} req/s, non-2xx ${non2xx}, errors ${errors}`,
  );
  return figures;
}

const shuffled = scopeCases.map((c) => c.id).sort(() => rng.next() - 0.5);
const casePaths = shuffled.map((id) => `/api/cases/${id}`);
const searchPaths = searches.map((q) => `/api/persons?q=${encodeURIComponent(q)}&limit=25`);

log('warming up');
await run('warm-up', workerCookie, [...casePaths.slice(0, 50), ...searchPaths.slice(0, 50)], null, 5);
// Closed loop: 50 connections sending back to back, the server's capacity (latency = queueing).
const openCaseSaturated = await run('GET /api/cases/:id (closed loop)', workerCookie, casePaths, null);
const searchSaturated = await run('GET /api/persons?q=… (closed loop)', workerCookie, searchPaths, null);
// 50 users working: each waits for the answer, then thinks ~1 s (BENCH_THINK_MS); the targets apply here.
const openCase = await usersRun('GET /api/cases/:id (50 users)', workerCookie, casePaths, 30);
const search = await usersRun('GET /api/persons?q=… (50 users)', workerCookie, searchPaths, 80);
// one request at a time: what a request costs without queueing
const openCaseAlone = await run('GET /api/cases/:id (1 connection)', workerCookie, casePaths, null, 10, 1);
const searchAlone = await run('GET /api/persons?q=… (1 connection)', workerCookie, searchPaths, null, 10, 1);
const supervisorSearch = await run(
  'GET /api/persons?q=… (supervisor, 1 connection)',
  supervisorCookie,
  searchPaths,
  null,
  10,
  1,
);

await stopServer();
if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });

const out = {
  benchmark: 'cases: opening a case and person search at 50 concurrent connections',
  engine,
  date: new Date().toISOString(),
  commit: gitCommit(),
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: { before: loadBefore, after: os.loadavg().map((n) => Math.round(n * 100) / 100) },
    node: process.version,
  },
  database: { size: dbSize?.size, settings },
  dataset: {
    persons: dataset.scale.persons,
    institutions: dataset.scale.institutions,
    rows: dataset.rows,
    loadSeconds: dataset.loadSeconds,
    seed: dataset.seed,
  },
  worker: {
    ...dataset.worker,
    casesInScope: scopeCases.length,
    searchTerms: searches.length,
  },
  runs: {
    openCase,
    search,
    openCaseSaturated,
    searchSaturated,
    openCaseAlone,
    searchAlone,
    supervisorSearch,
  },
};
await fs.mkdir(path.join(here, 'results'), { recursive: true });
await fs.writeFile(path.join(here, 'results', `cases-${engine}.json`), `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
process.exit(0);
