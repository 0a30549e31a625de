import { defineConfig } from 'vitest/config';

// One runner, four projects: pure domain rules, web components, server units, and server
// integration tests (HTTP + database, each file on its own database cloned from a template).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['domain/src/**/*.test.ts'], environment: 'node' } },
      {
        extends: './web/vite.config.ts',
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'server-unit',
          include: ['server/src/**/*.test.ts'],
          exclude: ['server/src/**/*.int.test.ts'],
          environment: 'node',
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
