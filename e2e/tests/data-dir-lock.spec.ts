import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const EXIT_TIMEOUT_MS = 60_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  timedOut: boolean;
}

/** Starts a second server on the data folder the server under test holds; resolves when it ends. */
function startSecondServer(dataDir: string, port: number): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'server/src/main.ts'], {
      cwd: repoRoot,
      // Own process group, so a hung start can be stopped with npx, tsx and node together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, EXIT_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, timedOut });
    });
  });
}

test('a second server on the same DATA_DIR refuses to start; the first keeps serving', async ({
  request,
}) => {
  test.setTimeout(EXIT_TIMEOUT_MS + 30_000);
  const dataDir = process.env.E2E_DATA_DIR;
  expect(dataDir, 'E2E_DATA_DIR is set by playwright.config.ts').toBeTruthy();
  const secondPort = Number(process.env.E2E_PORT ?? 3210) + 1;

  const before = await request.get('/api/territory/summary');
  expect(before.status()).toBe(200);

  const second = await startSecondServer(dataDir!, secondPort);

  expect(
    second.timedOut,
    `the second server was still running after ${EXIT_TIMEOUT_MS} ms:\n${second.output}`,
  ).toBe(false);
  expect(second.code, `the second server must exit with an error:\n${second.output}`).not.toBe(0);
  expect(second.code, second.output).not.toBeNull();
  // A clear message: it says the data folder is in use (and names the variable or the folder).
  expect(second.output).toMatch(/lock|blokad|zablokowan|in use|używan|already|już/i);
  expect(second.output).toMatch(new RegExp(`DATA_DIR|${dataDir!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

  // The first server did not notice: still healthy, data intact.
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
  const after = await request.get('/api/territory/summary');
  expect(await after.json()).toEqual(await before.json());
});
