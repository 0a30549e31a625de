import { beforeAll, beforeEach } from 'vitest';
import { startWatchdog, watchTest } from './watchdog.js';

// Integration tests speak to the database through the app. A watchdog turns a statement that
// never returns on the embedded engine into a failed file instead of a run that never ends.
startWatchdog();

const currentFile = () =>
  (globalThis as { __vitest_worker__?: { filepath?: string } }).__vitest_worker__?.filepath ?? '';

beforeAll(() => watchTest(currentFile(), ''));
beforeEach((ctx) => watchTest(ctx.task.file?.filepath ?? currentFile(), ctx.task.name));
