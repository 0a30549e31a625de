import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demoEmail } from './support';

interface FieldError {
  field: string;
  code: string;
  message: string;
}

interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
}

test.describe('HTTP API', () => {
  test('GET /api/health reports a working embedded database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', database: 'ok', engine: 'pglite' });
    expect(typeof body.version).toBe('string');
  });

  test('GET /api/openapi.json is an OpenAPI 3 document describing the territory API', async ({ request }) => {
    const response = await request.get('/api/openapi.json');
    expect(response.status()).toBe(200);
    const doc = await response.json();
    expect(String(doc.openapi)).toMatch(/^3\./);
    const paths = Object.keys(doc.paths ?? {});
    expect(paths.some((p) => p.includes('/territory/units'))).toBe(true);
  });

  test('GET /api/docs serves the interactive documentation', async ({ request }) => {
    const response = await request.get('/api/docs', { maxRedirects: 5 });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/html');
  });

  test('the territory API finds Żabno by "zabno" and counts 16 / 380 / 2,479 units', async ({ request }) => {
    const units = await request.get('/api/territory/units', { params: { q: 'zabno' } });
    expect(units.status()).toBe(200);
    const found = await units.json();
    expect(found.items.map((u: { teryt: string }) => u.teryt)).toContain('1216153');

    const summary = await request.get('/api/territory/summary');
    expect(summary.status()).toBe(200);
    expect((await summary.json()).counts).toMatchObject({ wojewodztwo: 16, powiat: 380, gmina: 2479 });
  });

  test('an unknown /api route is a 404 problem+json, not the web app', async ({ request }) => {
    const response = await request.get('/api/nie-ma-takiego-zasobu');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    const problem: Problem = await response.json();
    expect(problem).toMatchObject({ status: 404, code: 'not_found' });
  });

  test('a malformed query is a 400 problem+json naming the field, in Polish by default', async ({
    request,
  }) => {
    const response = await request.get('/api/territory/units?limit=abc');
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    const problem: Problem = await response.json();
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
    const limit = problem.errors?.find((e) => e.field === 'limit' || e.field.endsWith('.limit'));
    expect(limit, JSON.stringify(problem)).toBeDefined();
    expect(limit?.message).toBeTruthy();

    const english = await request.get('/api/territory/units?limit=abc', {
      headers: { 'Accept-Language': 'en' },
    });
    expect(english.status()).toBe(400);
    const problemEn: Problem = await english.json();
    const limitEn = problemEn.errors?.find((e) => e.field === limit?.field);
    expect(limitEn, JSON.stringify(problemEn)).toBeDefined();
    expect(limitEn?.code).toBe(limit?.code);
    // Same error, two languages: the texts differ, the stable parts do not.
    expect(problemEn.title).not.toBe(problem.title);
    expect(limitEn?.message).not.toBe(limit?.message);
  });

  test('the web app is served with a strict Content-Security-Policy', async ({ request }) => {
    for (const path of ['/', '/terytoria/mapa', '/logowanie']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type']).toContain('text/html');
      const csp = response.headers()['content-security-policy'];
      expect(csp, `${path} has no Content-Security-Policy`).toBeTruthy();
      const directives = new Map(
        csp!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name!.toLowerCase(), values]),
      );
      expect(directives.get('default-src'), csp).toEqual(["'self'"]);
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
      expect(scriptSrc, csp).toContain("'self'");
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:']) {
        expect(scriptSrc, `script-src allows ${loose}: ${csp}`).not.toContain(loose);
      }
      expect(directives.get('object-src'), csp).toEqual(["'none'"]);
      expect(directives.has('frame-ancestors'), csp).toBe(true);
      expect(directives.get('frame-ancestors'), csp).not.toContain('*');
    }
  });

  test('without a session the non-public routes answer 401 problem+json; reference data stays public', async ({
    request,
  }) => {
    for (const path of [
      '/api/auth/me',
      '/api/admin/users',
      '/api/dictionaries/identity',
      '/api/institutions',
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(response.headers()['content-type'], path).toContain('application/problem+json');
      expect(((await response.json()) as Problem).code, path).toBe('unauthenticated');
    }
    expect((await request.get('/api/territory/summary')).status()).toBe(200);
    expect((await request.get('/api/health')).status()).toBe(200);
  });

  test('a logged-in state-changing request needs the X-CSRF-Token from the session', async ({ request }) => {
    const login = await request.post('/api/auth/login', {
      data: { email: demoEmail('pracownik.bochnia'), password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const { me } = await login.json();
    expect(me.permissions).toContain('cases.read');

    const withoutToken = await request.post('/api/auth/logout');
    expect(withoutToken.status()).toBe(403);
    expect(((await withoutToken.json()) as Problem).code).toBe('forbidden');
    expect((await request.get('/api/auth/me')).status()).toBe(200);

    const withToken = await request.post('/api/auth/logout', {
      headers: { 'X-CSRF-Token': me.session.csrfToken },
    });
    expect(withToken.status()).toBe(204);
    expect((await request.get('/api/auth/me')).status()).toBe(401);
  });
});
