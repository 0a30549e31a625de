// The SM EFS export and import at scale (smefs.generate.ts: one project with 100,000 participants)
// on PostgreSQL, the real server in a child process (NODE_ENV=production, JOBS=off) on a free
// loopback port, logged in as the project's coordinator:
//   - the validation report (every participant validated),
//   - the CSV export (one pass: validated and written page by page, then sent), twice, and the XLSX
//     export: time to the last byte and the server process's peak RSS while it runs (VmRSS sampled
//     every 20 ms from /proc),
//   - the import of that CSV into the empty second project: upload → every row checked (the preview)
//     — time and peak RSS —, then the confirmed save (one transaction) and the export of the second
//     project, which must give the same file but for the project number (the round trip at scale),
//   - the exports again on a server whose V8 heap is capped (BENCH_CAPPED_HEAP_MB, 256): how much of
//     the peak is garbage the collector was allowed to leave.
// Targets: export ≤ 10 s with peak RSS ≤ 300 MB; import of 100,000 rows validated ≤ 30 s. Figures go
// to bench/results/smefs-postgres.json.
//
//   npm run smefs -w bench
//       DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/kooperacja_bench_smefs; the
//       database (its name must contain "bench") is generated when it holds no dataset of the size
//       asked (BENCH_PARTICIPANTS, 100,000), or with BENCH_REGENERATE=1.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { gitCommit, loadAverage, startServer } from './lib/load.js';
import {
  BENCH_PASSWORD,
  DEFAULT_SMEFS_URL,
  generateSmefsPostgres,
  loadSmefsFigures,
  SMEFS_PARTICIPANTS,
  type SmefsFigures,
} from './smefs.generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const url = process.env.DATABASE_URL ?? DEFAULT_SMEFS_URL;
if (!/bench/.test(new URL(url).pathname)) throw new Error('the benchmark database name must contain "bench"');
const N = Number(process.env.BENCH_PARTICIPANTS ?? SMEFS_PARTICIPANTS);
const TARGET = { exportSeconds: 10, exportPeakRssMb: 300, importValidationSeconds: 30 };
const log = (m: string) => console.log(`[smefs bench] ${m}`);
const loadBefore = loadAverage();
log(`load average before: ${loadBefore.join(' ')}`);

let dataset: SmefsFigures | null = await loadSmefsFigures(url);
if (!dataset || dataset.participants !== N || process.env.BENCH_REGENERATE === '1') {
  log(`generating ${N} participants into ${new URL(url).pathname.slice(1)}`);
  dataset = await generateSmefsPostgres(url, N, log);
} else log(`reusing the dataset generated on ${dataset.generatedOn}`);
const figures = dataset;

// The second project starts empty on every run (a previous run imported into it).
const client = new pg.Client({ connectionString: url });
await client.connect();
const target = figures.targetProjectId;
await client.query(
  `delete from support_episodes where participant_id in (select id from participants where project_id = $1)`,
  [target],
);
await client.query('delete from participants where project_id = $1', [target]);
await client.query('delete from support_activities where project_id = $1', [target]);
await client.query('delete from smefs_imports where project_id = $1', [target]);
const [dbSize] = (await client.query('select pg_size_pretty(pg_database_size(current_database())) as size'))
  .rows as { size: string }[];
await client.end();

let server = await startServer(root, { DATABASE_URL: url });
let base = server.base;
let pid = server.pid as number;

/** VmRSS and VmHWM of the server process, MB. */
async function memory(): Promise<{ rss: number; hwm: number }> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
}

/** Runs `work` while sampling the server's RSS every 20 ms: seconds and the RSS before and at peak. */
async function measured<T>(work: () => Promise<T>) {
  const before = (await memory()).rss;
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await memory()).rss);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = performance.now();
  const value = await work();
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  sampling = false;
  await sampler;
  peak = Math.max(peak, (await memory()).rss);
  return { value, seconds, rssBeforeMb: before, peakRssMb: peak };
}

async function logIn(): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: figures.coordinator, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await res.json()) as { me: { session: { csrfToken: string } } }).me.session.csrfToken;
  return { cookie, origin: base, 'x-csrf-token': csrf, 'accept-language': 'pl' };
}
let headers = await logIn();
const api = (p: string) => `${base}/api/projects/${p}`;

/** Downloads a file, reading it chunk by chunk as a client would; its bytes. */
async function download(u: string): Promise<Buffer> {
  const r = await fetch(u, { headers });
  if (r.status !== 200) throw new Error(`${u}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  const chunks: Buffer[] = [];
  for await (const c of r.body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

async function waitFor(projectId: string, id: string, busy: string): Promise<Record<string, unknown>> {
  for (;;) {
    const r = await fetch(`${api(projectId)}/smefs/imports/${id}?errorsLimit=5`, { headers });
    const body = (await r.json()) as Record<string, unknown>;
    if (body.status !== busy) return body;
    await new Promise((res) => setTimeout(res, 200));
  }
}

const source = figures.sourceProjectId;
log(`server ${base} (pid ${pid}), idle RSS ${(await memory()).rss} MB`);

const report = await measured(async () => {
  const r = await fetch(`${api(source)}/smefs/validation?limit=1`, { headers });
  return (await r.json()) as { total: number; invalid: number };
});
log(
  `validation report: ${report.value.total} participants, ${report.value.invalid} with problems, ${report.seconds} s`,
);

const csvRuns = [];
let csv: Buffer = Buffer.alloc(0);
for (let i = 0; i < 2; i++) {
  const run = await measured(() => download(`${api(source)}/smefs/export.csv`));
  csv = run.value;
  csvRuns.push({
    seconds: run.seconds,
    rssBeforeMb: run.rssBeforeMb,
    peakRssMb: run.peakRssMb,
    bytes: csv.length,
  });
  log(
    `export CSV #${i + 1}: ${csv.length} bytes in ${run.seconds} s, RSS ${run.rssBeforeMb} → peak ${run.peakRssMb} MB`,
  );
}
const lines = csv.toString('utf8').split('\r\n').length - 2;
if (lines !== N) throw new Error(`the CSV has ${lines} participant rows, expected ${N}`);

const xlsx = await measured(() => download(`${api(source)}/smefs/export.xlsx`));
log(
  `export XLSX: ${xlsx.value.length} bytes in ${xlsx.seconds} s, RSS ${xlsx.rssBeforeMb} → peak ${xlsx.peakRssMb} MB`,
);

const validation = await measured(async () => {
  const r = await fetch(`${api(target)}/smefs/imports?filename=smefs-bench.csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body: csv,
  });
  if (r.status !== 202) throw new Error(`upload: ${r.status} ${(await r.text()).slice(0, 300)}`);
  const started = (await r.json()) as { id: string };
  return waitFor(target, started.id, 'walidacja');
});
const checked = validation.value as Record<string, unknown> & { id: string; version: number };
log(
  `import validation: ${checked.rowCount} rows, status ${checked.status}, ${checked.errorRows} with errors, ${validation.seconds} s, RSS ${validation.rssBeforeMb} → peak ${validation.peakRssMb} MB`,
);
if (checked.status !== 'gotowy')
  throw new Error(`the import is ${checked.status}: ${JSON.stringify(checked.errors)}`);

const save = await measured(async () => {
  const r = await fetch(`${api(target)}/smefs/imports/${checked.id}/confirm`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ version: checked.version }),
  });
  if (r.status !== 202) throw new Error(`confirm: ${r.status} ${(await r.text()).slice(0, 300)}`);
  return waitFor(target, checked.id, 'zapisywanie');
});
log(
  `import save: status ${save.value.status}, ${JSON.stringify(save.value.result)}, ${save.seconds} s, peak ${save.peakRssMb} MB`,
);
if (save.value.status !== 'zapisany')
  throw new Error(`the save ended ${save.value.status}: ${save.value.failure}`);

const again = (await download(`${api(target)}/smefs/export.csv`)).toString('utf8');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const [targetNumber] = (
  await (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query('select number from projects where id = $1', [target]);
    await c.end();
    return r.rows as { number: string }[];
  })()
).map((r) => r.number);
const roundTripIdentical =
  sha(again) === sha(csv.toString('utf8').replaceAll(figures.sourceProjectNumber, targetNumber as string));
log(`round trip at scale: export of the imported project ${roundTripIdentical ? 'identical' : 'DIFFERENT'}`);
const finalMemory = await memory();
await server.stop();

// The same exports with the V8 heap capped (--max-old-space-size): V8 otherwise lets garbage pile up
// in a process allowed gigabytes, so the RSS peak says as much about the collector as about the export.
const CAPPED = process.env.BENCH_CAPPED_HEAP_MB ?? '256';
server = await startServer(root, { DATABASE_URL: url, NODE_OPTIONS: `--max-old-space-size=${CAPPED}` });
base = server.base;
pid = server.pid as number;
headers = await logIn();
const cappedIdle = (await memory()).rss;
const cappedCsv = [];
for (let i = 0; i < 2; i++) {
  const run = await measured(() => download(`${api(source)}/smefs/export.csv`));
  cappedCsv.push({
    seconds: run.seconds,
    rssBeforeMb: run.rssBeforeMb,
    peakRssMb: run.peakRssMb,
    bytes: run.value.length,
  });
  log(
    `capped heap ${CAPPED} MB — export CSV #${i + 1}: ${run.seconds} s, RSS ${run.rssBeforeMb} → peak ${run.peakRssMb} MB`,
  );
}
const cappedXlsx = await measured(() => download(`${api(source)}/smefs/export.xlsx`));
log(
  `capped heap ${CAPPED} MB — export XLSX: ${cappedXlsx.seconds} s, RSS ${cappedXlsx.rssBeforeMb} → peak ${cappedXlsx.peakRssMb} MB`,
);
await server.stop();

const csvBest = csvRuns.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const out = {
  benchmark: `smefs: SM EFS export and import of ${N} participants`,
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
    participants: figures.participants,
    rows: figures.rows,
    seconds: figures.seconds,
    generatedOn: figures.generatedOn,
  },
  targets: TARGET,
  validationReport: {
    seconds: report.seconds,
    total: report.value.total,
    invalid: report.value.invalid,
    peakRssMb: report.peakRssMb,
  },
  exportCsv: {
    runs: csvRuns,
    met: csvRuns.every((r) => r.seconds <= TARGET.exportSeconds && r.peakRssMb <= TARGET.exportPeakRssMb),
  },
  exportXlsx: {
    seconds: xlsx.seconds,
    bytes: xlsx.value.length,
    rssBeforeMb: xlsx.rssBeforeMb,
    peakRssMb: xlsx.peakRssMb,
    met: xlsx.seconds <= TARGET.exportSeconds && xlsx.peakRssMb <= TARGET.exportPeakRssMb,
  },
  importValidation: {
    rows: checked.rowCount,
    bytes: csv.length,
    errorRows: checked.errorRows,
    seconds: validation.seconds,
    rssBeforeMb: validation.rssBeforeMb,
    peakRssMb: validation.peakRssMb,
    met: validation.seconds <= TARGET.importValidationSeconds,
  },
  importSave: { seconds: save.seconds, result: save.value.result, peakRssMb: save.peakRssMb },
  roundTripIdentical,
  cappedHeap: {
    nodeOptions: `--max-old-space-size=${CAPPED}`,
    idleRssMb: cappedIdle,
    exportCsv: cappedCsv,
    exportXlsx: {
      seconds: cappedXlsx.seconds,
      rssBeforeMb: cappedXlsx.rssBeforeMb,
      peakRssMb: cappedXlsx.peakRssMb,
    },
  },
  serverMemoryMb: { idleBefore: csvRuns[0]?.rssBeforeMb, highWaterMark: finalMemory.hwm },
};
await fs.mkdir(path.join(here, 'results'), { recursive: true });
await fs.writeFile(path.join(here, 'results', 'smefs-postgres.json'), `${JSON.stringify(out, null, 2)}\n`);
log(
  `CSV export best ${csvBest.seconds} s, peak ${Math.max(...csvRuns.map((r) => r.peakRssMb))} MB${out.exportCsv.met ? ' — target met' : ' — target MISSED'}; ` +
    `import validation ${validation.seconds} s${out.importValidation.met ? ' — target met' : ' — target MISSED'}`,
);
log(`load average after: ${out.machine.loadAverage.after.join(' ')}`);
process.exit(0);
