import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../db/database.js';
import { seedRuns } from '../db/schema/index.js';
import { seedDemoCases } from '../modules/cases/demo.js';
import { seedDemoIdentity } from '../modules/identity/demo.js';
import { seedDemoIndicators } from '../modules/indicators/demo.js';
import { loadIndicatorLibrary } from '../modules/indicators/reference.js';
import { seedDemoNotifications } from '../modules/notifications/demo.js';
import { seedDemoParticipants } from '../modules/participants/demo.js';
import { seedDemoPartnerships } from '../modules/partnerships/demo.js';
import { loadProgrammeCatalogue } from '../modules/programmes/reference.js';
import { seedDemoProjects } from '../modules/projects/demo.js';
import { seedDemoRegion } from '../modules/region/demo.js';
import { seedDemoServices } from '../modules/services/demo.js';
import { seedDemoSharing } from '../modules/sharing/demo.js';
import { loadBundledTerritory } from '../modules/territory/index.js';
import { seedDemoTrainings } from '../modules/trainings/demo.js';

/**
 * A seed step: reference data every database needs, or demo data for demo databases only.
 * A step runs once per `version`; bump the version to run it again (reference data refresh).
 * Later capabilities add their demo steps to `demoSteps`, in dependency order.
 */
export interface SeedStep {
  name: string;
  version: string;
  run(tx: Tx, ctx: SeedContext): Promise<void>;
}

export interface SeedContext {
  /** Password of the demo users (DEMO_PASSWORD). */
  demoPassword: string;
}

export const DEFAULT_SEED_CONTEXT: SeedContext = { demoPassword: 'Kooperacja-Demo-2026' };

export const referenceSteps: SeedStep[] = [
  {
    name: 'reference:territory',
    version: 'TERC 2026-01-01; BDL 2024; PRG 2019',
    run: async (tx) => {
      await loadBundledTerritory(tx);
    },
  },
  {
    name: 'reference:programmes',
    version: '1',
    run: (tx) => loadProgrammeCatalogue(tx),
  },
  {
    name: 'reference:indicators',
    version: '1',
    run: (tx) => loadIndicatorLibrary(tx),
  },
];

export const demoSteps: SeedStep[] = [
  {
    name: 'demo:identity',
    version: '1',
    run: (tx, ctx) => seedDemoIdentity(tx, ctx.demoPassword),
  },
  {
    name: 'demo:cases',
    version: '1',
    run: (tx) => seedDemoCases(tx),
  },
  {
    name: 'demo:partnerships',
    version: '1',
    run: (tx) => seedDemoPartnerships(tx),
  },
  {
    name: 'demo:services',
    version: '1',
    run: (tx) => seedDemoServices(tx),
  },
  {
    name: 'demo:sharing',
    version: '1',
    run: (tx) => seedDemoSharing(tx),
  },
  {
    // Last: reminders for the demo plan actions and meeting action items seeded above.
    name: 'demo:notifications',
    version: '1',
    run: (tx) => seedDemoNotifications(tx),
  },
  {
    name: 'demo:projects',
    version: '1',
    run: (tx) => seedDemoProjects(tx),
  },
  {
    name: 'demo:indicators',
    version: '1',
    run: (tx) => seedDemoIndicators(tx),
  },
  {
    // Calls, applications, participants and support of the demo projects (after demo:projects).
    name: 'demo:participants',
    version: '1',
    run: (tx) => seedDemoParticipants(tx),
  },
  {
    // The JST register of Świętokrzyskie (LPDI, CUS, history) and the Małopolska analyst.
    name: 'demo:region',
    version: '1',
    run: (tx, ctx) => seedDemoRegion(tx, ctx.demoPassword),
  },
  {
    // Trainings of ROPS Kielce for the staff of Świętokrzyskie (after demo:projects, demo:indicators:
    // it measures the project's staff indicators from the records it makes).
    name: 'demo:trainings',
    version: '1',
    run: (tx, ctx) => seedDemoTrainings(tx, ctx.demoPassword),
  },
];

const MODE = 'database:mode';
export type DatabaseMode = 'demo' | 'production';

async function runStep(db: Db, step: SeedStep, ctx: SeedContext): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Instances starting together on one PostgreSQL: the first takes the step, the others wait and
    // then find it done. (A row lock cannot do this: before the first run there is no row to lock.)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`seed:${step.name}`}))`);
    const [done] = await tx.select().from(seedRuns).where(eq(seedRuns.name, step.name));
    if (done?.version === step.version) return false;
    await step.run(tx, ctx);
    await tx
      .insert(seedRuns)
      .values({ name: step.name, version: step.version })
      .onConflictDoUpdate({ target: seedRuns.name, set: { version: step.version, ranAt: sql`now()` } });
    return true;
  });
}

/** Whether the database already existed before this start (it has the seed bookkeeping table). */
export async function isInitialised(db: Db): Promise<boolean> {
  const r = await queryRows<{ t: string | null }>(db, sql`select to_regclass('public.seed_runs')::text as t`);
  return !!r[0]?.t;
}

/**
 * Runs reference steps always and demo steps only on a demo database. A database becomes a demo
 * database only when it is created empty with SEED_DEMO on: demo data never lands next to real data.
 */
export async function runSeeds(
  db: Db,
  opts: { fresh: boolean; seedDemo: boolean; reference?: SeedStep[]; demo?: SeedStep[]; ctx?: SeedContext },
): Promise<{ mode: DatabaseMode; ran: string[] }> {
  const ran: string[] = [];
  if (opts.fresh) {
    await db
      .insert(seedRuns)
      .values({ name: MODE, version: opts.seedDemo ? 'demo' : 'production' })
      .onConflictDoNothing();
  }
  const [modeRow] = await db.select().from(seedRuns).where(eq(seedRuns.name, MODE));
  const mode: DatabaseMode = modeRow?.version === 'demo' ? 'demo' : 'production';
  for (const step of opts.reference ?? referenceSteps)
    if (await runStep(db, step, opts.ctx ?? DEFAULT_SEED_CONTEXT)) ran.push(step.name);
  if (mode === 'demo' && opts.seedDemo) {
    for (const step of opts.demo ?? demoSteps)
      if (await runStep(db, step, opts.ctx ?? DEFAULT_SEED_CONTEXT)) ran.push(step.name);
  }
  return { mode, ran };
}
