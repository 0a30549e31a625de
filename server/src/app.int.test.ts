import type { Problem } from '@kooperacja/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, testConfig } from '../test/helpers.js';
import { buildApp } from './app.js';
import type { Database } from './db/database.js';
import { UndeclaredAccessError } from './http/access.js';

let database: Database;
let app: FastifyInstance;

// Routes that exist only in this test, to exercise the shared error model and access guard.
async function probeRoutes(api: FastifyInstance) {
  const Body = z.object({
    email: z.email(),
    name: z.string().min(3),
    age: z.number().int().max(150),
  });
  api.post(
    '/test/echo',
    { config: { access: { public: true, reason: 'test' } }, schema: { body: Body } },
    async (req) => req.body,
  );
  api.get('/test/boom', { config: { access: { public: true, reason: 'test' } } }, async () => {
    throw new Error('secret internal detail at /srv/app.ts:42');
  });
  api.get('/test/private', { config: { access: { permission: 'cases.read' } } }, async () => ({ ok: true }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ database, config: testConfig(), extraApiPlugins: [probeRoutes] });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('health and API description', () => {
  it('reports a healthy database', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', engine: database.engine });
  });

  it('answers 503 problem+json when the database is gone', async () => {
    const broken = await buildApp({
      database: {
        ...database,
        ping: async () => {
          throw new Error('down');
        },
      },
      config: testConfig(),
    });
    const res = await broken.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect((res.json() as Problem).code).toBe('service_unavailable');
    await broken.close();
  });

  it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/territory/units', '/api/territory/units/{teryt}']),
    );
    const params = doc.paths['/api/territory/units'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'level', 'limit']));
  });

  it('serves the interactive API docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('one error model', () => {
  it('answers unknown API routes with 404 problem+json in Polish', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/no-such-thing?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toMatchObject({
      code: 'not_found',
      title: 'Nie znaleziono',
      instance: '/api/no-such-thing',
    });
  });

  it('reports every invalid field of a body with a message in the request language', async () => {
    const payload = { email: 'not-an-email', name: 'Al', age: 'x' };
    const pl = (await app.inject({ method: 'POST', url: '/api/test/echo', payload })).json() as Problem;
    expect(pl.status).toBe(400);
    expect(pl.errors).toEqual([
      { field: 'email', code: 'invalid_format', message: 'Nieprawidłowy adres e-mail.' },
      { field: 'name', code: 'too_small', message: 'Wpisz co najmniej 3 znaki.' },
      { field: 'age', code: 'invalid_type', message: 'Nieprawidłowa wartość: oczekiwano liczby.' },
    ]);
    const en = (
      await app.inject({
        method: 'POST',
        url: '/api/test/echo',
        payload,
        headers: { 'accept-language': 'en' },
      })
    ).json() as Problem;
    expect(en.errors?.map((e) => e.message)).toEqual([
      'Invalid e-mail address.',
      'Enter at least 3 characters.',
      'Invalid value: expected a number.',
    ]);
  });

  it('says a missing field is required', async () => {
    const p = (
      await app.inject({ method: 'POST', url: '/api/test/echo', payload: { email: 'a@b.pl', age: 3 } })
    ).json() as Problem;
    expect(p.errors).toEqual([{ field: 'name', code: 'invalid_type', message: 'To pole jest wymagane.' }]);
  });

  it('answers a body that is not JSON with 400 problem+json', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).code).toBe('bad_request');
  });

  it('never shows a stack trace or internal message to the client, but gives the request id', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/test/boom',
      headers: { 'x-request-id': 'req-12345678' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('app.ts');
    expect(res.json()).toMatchObject({ code: 'internal_error', requestId: 'req-12345678' });
    expect(res.headers['x-request-id']).toBe('req-12345678');
  });
});

describe('access is denied by default', () => {
  it('answers 401 on a route that needs a permission when nobody is logged in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/private' });
    expect(res.statusCode).toBe(401);
    expect((res.json() as Problem).code).toBe('unauthenticated');
  });

  it('refuses to start when a route declares neither a permission nor that it is public', async () => {
    const bad = await buildApp({
      database,
      config: testConfig(),
      extraApiPlugins: [
        async (api) => {
          api.get('/test/forgotten', async () => ({ leaked: true }));
        },
      ],
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(UndeclaredAccessError);
  });

  it('lists every API route with its declared access', () => {
    const urls = app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['GET /api/health', 'GET /api/territory/units/:teryt']));
    expect(
      app.apiRoutes.every(
        (r) => 'public' in r.access || 'permission' in r.access || 'authenticated' in r.access,
      ),
    ).toBe(true);
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and related headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});
