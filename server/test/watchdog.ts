import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A watchdog for the integration tests on the embedded engine.
 *
 * PGlite runs PostgreSQL synchronously on the test's main thread. On rare occasions a statement
 * never returns (the engine spins at 100 % CPU; see the PGlite issues about such spins); the
 * event loop is then blocked, so neither vitest's test timeout nor any timer can fire, and the
 * whole run would wait forever. A worker thread watches a heartbeat the main thread writes every
 * second. When it stops for TEST_HANG_SECONDS (default 120), the worker prints which file, test and
 * statement were running, leaves a note in TEST_HANG_DIR (scripts/test.sh runs those files again
 * once), and kills the process so that vitest reports the file as failed and the run goes on.
 */
const HANG_SECONDS = Number(process.env.TEST_HANG_SECONDS ?? 120);

const heartbeat = new Int32Array(new SharedArrayBuffer(4));
const stateBytes = new Uint8Array(new SharedArrayBuffer(8192));
const stateLength = new Int32Array(new SharedArrayBuffer(4));
const encoder = new TextEncoder();

let file = '';
let test = '';
let statement = '';

function publish() {
  const bytes = encoder.encode(JSON.stringify({ file, test, statement }).slice(0, 4000));
  stateBytes.set(bytes.subarray(0, stateBytes.length));
  Atomics.store(stateLength, 0, Math.min(bytes.length, stateBytes.length));
}

/** The test about to run (called from the setup file's beforeEach). */
export function watchTest(filepath: string, name: string): void {
  file = filepath;
  test = name;
  statement = '';
  publish();
}

/** The statement about to be sent to the embedded engine. */
export function watchStatement(sqlText: string): void {
  statement = sqlText.slice(0, 1500);
  publish();
}

let started = false;

export function startWatchdog(): void {
  if (started) return;
  started = true;
  const beat = () => Atomics.store(heartbeat, 0, Math.floor(Date.now() / 1000));
  beat();
  setInterval(beat, 1000).unref();
  const worker = new Worker(
    `
    const { workerData } = require('node:worker_threads');
    const fs = require('node:fs');
    const path = require('node:path');
    const { heartbeat, stateBytes, stateLength, hangSeconds, hangDir, pid } = workerData;
    setInterval(() => {
      const last = Atomics.load(heartbeat, 0);
      if (Date.now() / 1000 - last < hangSeconds) return;
      let state = {};
      try {
        const n = Atomics.load(stateLength, 0);
        state = JSON.parse(new TextDecoder().decode(stateBytes.slice(0, n)));
      } catch {}
      // Straight to the file descriptor: a worker's process.stderr goes through the blocked main thread.
      fs.writeSync(2, '\\n✖ HANG: no progress for ' + hangSeconds + ' s in ' + (state.file || '?') +
        '\\n  test: ' + (state.test || '(set-up or tear-down)') +
        '\\n  last statement: ' + (state.statement || '(none)') + '\\n  the file is stopped; the run goes on\\n');
      if (hangDir && state.file) {
        try {
          fs.mkdirSync(hangDir, { recursive: true });
          fs.writeFileSync(path.join(hangDir, String(pid) + '.json'), JSON.stringify(state));
        } catch {}
      }
      process.kill(pid, 'SIGKILL');
    }, 2000);
    `,
    {
      eval: true,
      workerData: {
        heartbeat,
        stateBytes,
        stateLength,
        hangSeconds: HANG_SECONDS,
        hangDir: process.env.TEST_HANG_DIR ? path.resolve(process.env.TEST_HANG_DIR) : '',
        pid: process.pid,
      },
    },
  );
  worker.unref();
  if (process.env.TEST_HANG_DIR) fs.mkdirSync(process.env.TEST_HANG_DIR, { recursive: true });
}
