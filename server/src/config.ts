import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PGlite data folder, used when DATABASE_URL is not set (default: data/ in the project folder). */
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed demo data on an empty database at start-up. */
  SEED_DEMO: bool.default(true),
  TRUST_PROXY: bool.default(false),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  /** Extra log paths to redact (comma-separated pino paths), added to the built-in personal-data list. */
  LOG_REDACT_PATHS: z.string().default(''),
  /** Folder with the built web app; served at / when it exists. */
  WEB_DIST: z.string().optional(),
  /** Sessions end after this many minutes without a request… */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** …and this many hours after login, whatever the activity. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(12),
  /** Administrators must use a second factor (TOTP). Default: on with PostgreSQL, off on the embedded demo. */
  REQUIRE_ADMIN_2FA: bool.optional(),
  /** Failed logins for one account before it is locked for LOGIN_LOCK_MINUTES. */
  LOGIN_LOCK_THRESHOLD: z.coerce.number().int().min(3).max(100).default(10),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** SMTP server for outgoing e-mail (smtp:// or smtps://). Without it e-mails wait in the outbox, visible to administrators. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Kooperacja <no-reply@kooperacja.local>'),
  /** Password of the demo users, set when demo data is seeded. */
  DEMO_PASSWORD: z.string().min(12).default('Kooperacja-Demo-2026'),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, 'REQUIRE_ADMIN_2FA'> & {
  engine: 'pglite' | 'postgres';
  dataDir: string;
  REQUIRE_ADMIN_2FA: boolean;
};

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; a wrong value throws naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(raw[String(i.path[0])])})`,
      ),
    );
  }
  const c = parsed.data;
  return {
    ...c,
    engine: c.DATABASE_URL ? 'postgres' : 'pglite',
    REQUIRE_ADMIN_2FA: c.REQUIRE_ADMIN_2FA ?? !!c.DATABASE_URL,
    dataDir: c.DATA_DIR ? path.resolve(c.DATA_DIR) : path.join(projectRoot, 'data'),
  };
}
