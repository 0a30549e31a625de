// Logins and authenticated requests: starts the app in-process on an embedded database with the
// demo users (or on PostgreSQL when DATABASE_URL is set), measures the login latency (argon2id)
// and the throughput of authenticated requests (session lookup on every request) over loopback,
// and writes the figures to bench/results/sessions-<engine>.json.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/database.js';
import { prepareDatabase } from '../server/src/db/prepare.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', SEED_DEMO: 'true' });
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kooperacja-bench-'));
const database =
  config.engine === 'postgres'
    ? await openDatabase({ engine: 'postgres', url: config.DATABASE_URL!, poolMax: 10 })
    : await openDatabase({ engine: 'pglite', dataDir });
await prepareDatabase(database, { seedDemo: true, demoPassword: config.DEMO_PASSWORD });
const app = await buildApp({ database, config });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const base = `http://127.0.0.1:${port}`;

const LOGINS = 20;
const loginMs: number[] = [];
let cookie = '';
for (let i = 0; i < LOGINS; i++) {
  const started = performance.now();
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'pracownik.bochnia@demo.kooperacja.pl', password: config.DEMO_PASSWORD }),
  });
  loginMs.push(performance.now() - started);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
loginMs.sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round((loginMs[Math.min(loginMs.length - 1, Math.floor(p * loginMs.length))] ?? 0) * 10) / 10;

const result = await autocannon({
  url: base,
  connections: 8,
  duration: 10,
  headers: { cookie },
  requests: [
    { method: 'GET', path: '/api/auth/me' },
    { method: 'GET', path: '/api/institutions?limit=20' },
  ],
});
const figures = {
  benchmark:
    'sessions: login latency (argon2id) and authenticated requests (GET /api/auth/me, /api/institutions)',
  engine: database.engine,
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  loginLatencyMs: { sequentialLogins: LOGINS, p50: pct(0.5), p90: pct(0.9), max: pct(1) },
  authenticated: {
    connections: 8,
    durationSeconds: 10,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    non2xx: result.non2xx,
  },
};
await fs.mkdir(path.join(here, 'results'), { recursive: true });
await fs.writeFile(
  path.join(here, 'results', `sessions-${database.engine}.json`),
  `${JSON.stringify(figures, null, 2)}\n`,
);
console.log(JSON.stringify(figures, null, 2));
await app.close();
await database.close();
await fs.rm(dataDir, { recursive: true, force: true });
