#!/usr/bin/env node
// The production build of the server: one ES module, server/dist/main.mjs (with its source map),
// bundling the server's and the domain's TypeScript; the npm packages stay in node_modules. Run by
// `npm run build` and, before every start, by `npm start` (it takes about a second). Running the
// bundle with plain node instead of the sources through tsx saves the loader's memory (about 75 MB).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: { main: 'server/src/main.ts' },
  outdir: 'server/dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  alias: { '@kooperacja/domain': './domain/src/index.ts' },
  sourcemap: true,
  logLevel: 'warning',
});
