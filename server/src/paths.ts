import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the server's own files are (migrations, reference data, the password list, package.json),
 * whether it runs from its sources (tsx, tests) or from the production bundle (`server/dist/main.mjs`,
 * `npm run build`): the server folder is the nearest folder up from this module holding both
 * `package.json` and `drizzle/`.
 */
function findServerRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'drizzle'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`the server folder was not found above ${from}`);
  }
}

export const serverRoot = findServerRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The repository root: the default data folder and the web build live there. */
export const projectRoot = path.dirname(serverRoot);
export const serverSource = path.join(serverRoot, 'src');
