// Load-generation helpers for the HTTP benchmarks: the real server in a child process on a free
// loopback port, logins, virtual users with think time and closed-loop runs, each virtual user with
// its own session and its own list of paths (keep-alive node:http clients). Percentiles are computed
// from every answered request, per run and per group of users. (cases.bench.ts has the
// single-session form of the same runs inline, with autocannon for the closed loop.)
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { prng } from './polish.js';

/** The short commit of HEAD, and whether server/ or domain/ have uncommitted changes. */
export function gitCommit(root: string): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'server', 'domain'], { cwd: root }).length > 0;
    return dirty ? `${head} (with uncommitted changes in server/ or domain/)` : head;
  } catch {
    return null;
  }
}

export const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

export async function freePort(): Promise<number> {
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

export interface RunningServer {
  base: string;
  /** The server process (for memory figures from /proc). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * The server as it runs in production (the bundle `server/dist/main.mjs`, built here first) in a child
 * process on a free loopback port, in production mode, without demo data and without background jobs
 * (JOBS=off), on the given database.
 */
export async function startServer(root: string, env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the server build failed');
  const server: ChildProcess = spawn(
    process.execPath,
    ['--enable-source-maps', path.join(root, 'server/dist/main.mjs')],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: base,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        JOBS: 'off',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  process.on('exit', () => server.kill('SIGTERM'));
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (server.exitCode !== null || i > 600) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: server.pid,
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}

/** Logs in and returns the session cookie (`name=value`). */
export async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/**
 * Waits until requests abandoned by the previous run (autocannon stops at its deadline, the server
 * still answers what is queued) are done, so that they do not weigh on the next run.
 */
export async function settle(base: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await fetch(`${base}/api/health`).catch(() => undefined);
    if (performance.now() - started < 20) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 2000));
}

/** One logged-in user and what they ask for, in turn. */
export interface Session {
  cookie: string;
  paths: string[];
  /** For the figures: which kind of user (e.g. "biggest inboxes"). */
  group: string;
}

export interface Latency {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface RunFigures {
  name: string;
  connections: number;
  /** Virtual users: mean think time between an answer and the next request (absent: closed loop). */
  thinkMs?: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** The same percentiles per group of users. */
  byGroup: Record<string, Latency>;
  targetP95Ms: number | null;
  met: boolean | null;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  loadAverageAfter: number[];
}

function latency(values: number[]): Latency {
  const v = [...values].sort((a, b) => a - b);
  const pct = (q: number) => Math.round((v[Math.min(v.length - 1, Math.floor(q * v.length))] ?? 0) * 10) / 10;
  return { requests: v.length, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: pct(1) };
}

function figuresOf(
  name: string,
  samples: { ms: number; group: string }[],
  statusCodes: Record<string, number>,
  o: {
    connections: number;
    seconds: number;
    thinkMs?: number;
    targetP95Ms: number | null;
    errors: number;
    timeouts: number;
  },
  log: (m: string) => void,
): RunFigures {
  const all = latency(samples.map((s) => s.ms));
  const groups = new Map<string, number[]>();
  for (const s of samples) {
    const list = groups.get(s.group) ?? [];
    list.push(s.ms);
    groups.set(s.group, list);
  }
  const non2xx = Object.entries(statusCodes)
    .filter(([c]) => !c.startsWith('2'))
    .reduce((n, [, v]) => n + v, 0);
  const f: RunFigures = {
    name,
    connections: o.connections,
    ...(o.thinkMs === undefined ? {} : { thinkMs: o.thinkMs }),
    durationSeconds: o.seconds,
    requests: all.requests,
    requestsPerSecond: Math.round((all.requests / o.seconds) * 10) / 10,
    latencyMs: { p50: all.p50, p95: all.p95, p99: all.p99, max: all.max },
    byGroup: Object.fromEntries([...groups].map(([g, v]) => [g, latency(v)])),
    targetP95Ms: o.targetP95Ms,
    met: o.targetP95Ms === null ? null : all.p95 <= o.targetP95Ms && o.errors === 0 && non2xx === 0,
    errors: o.errors,
    timeouts: o.timeouts,
    non2xx,
    statusCodes,
    loadAverageAfter: loadAverage(),
  };
  log(
    `${name}: ${JSON.stringify(f.latencyMs)} ${f.requestsPerSecond} req/s, non-2xx ${non2xx}, errors ${o.errors}`,
  );
  return f;
}

interface Call {
  cookie: string;
  path: string;
  group: string;
}

/** Each worker sends its calls in turn, waits for the answer, then thinks (mean `thinkMs`, exponential; 0: none). */
async function drive(
  base: string,
  name: string,
  workers: Call[][],
  o: {
    seconds: number;
    thinkMs: number;
    targetP95Ms: number | null;
    seed?: number;
    log: (m: string) => void;
  },
): Promise<RunFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: workers.length });
  const think = prng(o.seed ?? 11);
  const samples: { ms: number; group: string }[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  const until = Date.now() + o.seconds * 1000;
  const get = (c: Call) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(
        `${base}${c.path}`,
        { agent, headers: { cookie: c.cookie }, timeout: 10_000 },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('timeout', () => {
        timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', reject);
    });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const worker = async (calls: Call[], w: number) => {
    let next = w;
    if (o.thinkMs > 0) await sleep(think.next() * o.thinkMs);
    while (Date.now() < until) {
      const c = calls[next++ % calls.length] as Call;
      const started = performance.now();
      try {
        const status = await get(c);
        samples.push({ ms: performance.now() - started, group: c.group });
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      } catch {
        errors++;
      }
      if (o.thinkMs > 0) await sleep(-Math.log(1 - think.next()) * o.thinkMs);
    }
  };
  await Promise.all(workers.map(worker));
  agent.destroy();
  await settle(base);
  return figuresOf(
    name,
    samples,
    statusCodes,
    {
      connections: workers.length,
      seconds: o.seconds,
      ...(o.thinkMs > 0 ? { thinkMs: o.thinkMs } : {}),
      targetP95Ms: o.targetP95Ms,
      errors,
      timeouts,
    },
    o.log,
  );
}

const callsOf = (s: Session): Call[] => s.paths.map((path) => ({ cookie: s.cookie, path, group: s.group }));

/**
 * Virtual users, one per session: each sends a request, waits for the answer, then thinks for an
 * exponentially distributed time (mean `thinkMs`) before the next one — concurrent users working,
 * not a synchronised burst.
 */
export function usersRun(
  base: string,
  name: string,
  sessions: Session[],
  o: {
    seconds: number;
    thinkMs: number;
    targetP95Ms: number | null;
    seed?: number;
    log: (m: string) => void;
  },
): Promise<RunFigures> {
  return drive(base, name, sessions.map(callsOf), o);
}

/**
 * Closed loop: `connections` connections sending back to back, each walking all the sessions'
 * requests in turn from its own starting point. Measures the capacity; latency is then queueing
 * (p50 ≈ connections ÷ throughput).
 */
export function closedLoop(
  base: string,
  name: string,
  sessions: Session[],
  o: { seconds: number; connections: number; log: (m: string) => void },
): Promise<RunFigures> {
  // round-robin over the sessions, so that consecutive calls come from different users
  const lists = sessions.map(callsOf);
  const all: Call[] = [];
  for (let k = 0; all.length < lists.reduce((n, l) => n + l.length, 0); k++)
    for (const l of lists) if (k < l.length) all.push(l[k] as Call);
  const workers = Array.from({ length: o.connections }, (_, c) => {
    const from = Math.floor((c * all.length) / o.connections);
    return [...all.slice(from), ...all.slice(0, from)];
  });
  return drive(base, name, workers, { seconds: o.seconds, thinkMs: 0, targetP95Ms: null, log: o.log });
}
