// `npm run territory:load -- path/to/TERC_Urzedowy.csv`: loads a newer GUS TERC register (same layout)
// into the database. Units missing from the new file stay, marked inactive, because records refer to them.
import { loadConfig } from '../config.js';
import { openDatabase, runMigrations } from '../db/database.js';
import { loadBundledTerritory } from '../modules/territory/index.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: npm run territory:load -- path/to/TERC_Urzedowy.csv\n');
  process.exit(2);
}
const config = loadConfig();
const database =
  config.engine === 'postgres'
    ? await openDatabase({ engine: 'postgres', url: config.DATABASE_URL!, poolMax: 2 })
    : await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
try {
  await runMigrations(database);
  const r = await loadBundledTerritory(database.db, file);
  process.stdout.write(
    `Loaded ${r.wojewodztwo} województwa, ${r.powiat} powiaty, ${r.gmina} gminy; ${r.deactivated} units deactivated.\n`,
  );
} finally {
  await database.close();
}
