import { defineConfig } from 'vitest/config';

// One runner, four projects: pure domain rules, web components, server units, and server
// integration tests (HTTP + database, each file on its own database cloned from a template).
export default defineConfig({
  test: {
    // Vitest's default outside watch mode is one worker fewer than the CPUs: a single worker on the
    // two-core CI machine, where the main process mostly waits. Two keep both cores busy.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || 2,
    projects: [
      // Pure functions without mocks or global state: one module registry for all files (faster).
      {
        test: { name: 'domain', include: ['domain/src/**/*.test.ts'], environment: 'node', isolate: false },
      },
      {
        extends: './web/vite.config.ts',
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
          // One module registry per worker (jsdom, React, Mantine and i18n load once, not per file:
          // 250 s → 80 s). Every file stubs its own fetch and cleans up after itself (setup.ts).
          isolate: false,
        },
      },
      {
        test: {
          name: 'server-unit',
          include: ['server/src/**/*.test.ts'],
          exclude: ['server/src/**/*.int.test.ts'],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'server-int',
          include: ['server/src/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['./server/test/global-setup.ts'],
          setupFiles: ['./server/test/setup-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
