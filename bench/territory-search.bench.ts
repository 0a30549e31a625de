// Territory search under load: starts the app in-process on an embedded database (or on PostgreSQL
// when DATABASE_URL is set), sends a bounded mix of searches over loopback, and writes the latency
// figures to bench/results/territory-search.json.
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
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kooperacja-bench-'));
const database =
  config.engine === 'postgres'
    ? await openDatabase({ engine: 'postgres', url: config.DATABASE_URL!, poolMax: 10 })
    : await openDatabase({ engine: 'pglite', dataDir });
await prepareDatabase(database, { seedDemo: false });
const app = await buildApp({ database, config });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const queries = ['zabno', 'bochnia', 'krak', 'gorlice', 'nowy', 'wola', 'bochnai', 'zielona'];
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: 8,
  duration: 10,
  requests: queries.map((q) => ({ method: 'GET', path: `/api/territory/units?q=${q}&limit=20` })),
});
const figures = {
  benchmark: 'territory search (GET /api/territory/units?q=…)',
  engine: database.engine,
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
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
};
await fs.mkdir(path.join(here, 'results'), { recursive: true });
await fs.writeFile(
  path.join(here, 'results', `territory-search-${database.engine}.json`),
  `${JSON.stringify(figures, null, 2)}\n`,
);
console.log(JSON.stringify(figures, null, 2));
await app.close();
await database.close();
await fs.rm(dataDir, { recursive: true, force: true });
