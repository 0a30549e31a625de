import type { Me } from '@kooperacja/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEFAULT_SEED_CONTEXT } from '../src/seed/seeds.js';

export const DEMO_PASSWORD = DEFAULT_SEED_CONTEXT.demoPassword;
export const demo = (local: string) => `${local}@demo.kooperacja.pl`;

export interface TestSession {
  cookie: string;
  csrf: string;
  me: Me;
  /** Injects a request with this session's cookie and CSRF token. */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export function sessionCookie(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const c = all.find((h) => h.startsWith('kooperacja_session='));
  if (!c) throw new Error(`no session cookie in ${JSON.stringify(all)}`);
  return c.split(';')[0] as string;
}

export function withSession(app: FastifyInstance, cookie: string, csrf: string, me: Me): TestSession {
  return {
    cookie,
    csrf,
    me,
    inject: (opts) =>
      app.inject({
        ...opts,
        headers: { ...(opts.headers ?? {}), cookie, 'x-csrf-token': csrf },
      } as InjectOptions) as Promise<LightMyRequestResponse>,
  };
}

/** Logs a demo user in (`local` is the part before @demo.kooperacja.pl, or a full address). */
export async function login(
  app: FastifyInstance,
  local: string,
  password = DEMO_PASSWORD,
): Promise<TestSession> {
  const email = local.includes('@') ? local : demo(local);
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const body = res.json() as { status: string; me: Me };
  if (body.status !== 'ok') throw new Error(`login ${email}: ${body.status}`);
  return withSession(app, sessionCookie(res.headers['set-cookie']), body.me.session.csrfToken, body.me);
}
