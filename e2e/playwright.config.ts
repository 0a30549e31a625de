import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The browser tests run against the real server (`server/src/main.ts`) serving the production build
// of the web app (`npm run build` first; `npm test` does it) on a fresh embedded PGlite database.
//
//   E2E_PORT         port of the server under test (default 3210)
//   E2E_DATA_DIR     PGlite folder; default: a new temporary folder, removed when the run ends
//   E2E_JSON_REPORT  where the JSON report goes (scripts/test.sh totals it)
//
// The config is evaluated again in every worker process; the environment set here on the first
// evaluation is inherited by the workers, so they all see the same port and data folder.
const port = Number(process.env.E2E_PORT ?? 3210);
process.env.E2E_PORT = String(port);
if (!process.env.E2E_DATA_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'kooperacja-e2e-'));
  process.env.E2E_DATA_DIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
// Always the embedded database: a DATABASE_URL left in the shell would point the server elsewhere
// and make the data-folder lock test meaningless.
delete process.env.DATABASE_URL;

const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/report.json' }]],
  use: {
    baseURL,
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // The production bundle (`npm run build`, which `npm test` runs first).
    command: 'node --enable-source-maps server/dist/main.mjs',
    cwd: '..',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: baseURL,
      // A fresh database gets the demo institutions and users (e2e/tests/support.ts logs in as them).
      SEED_DEMO: 'true',
      // The demo runs on the embedded database, where administrators need no second factor;
      // auth.spec.ts turns it on for a user of its own.
      REQUIRE_ADMIN_2FA: 'false',
    },
  },
});
