import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { ApiError, apiFetch, apiUrl, setCsrfToken, setUnauthorizedHandler } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiUrl', () => {
  it('drops empty query values', () => {
    expect(apiUrl('/territory/units', { q: 'Żabno', level: undefined, within: '', limit: 20 })).toBe(
      '/api/territory/units?q=%C5%BBabno&limit=20',
    );
  });
});

describe('apiFetch', () => {
  it('sends Accept-Language and returns JSON', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValue(new Response(JSON.stringify({ status: 'ok' }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await i18n.changeLanguage('en');
    await expect(apiFetch('/health')).resolves.toEqual({ status: 'ok' });
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect(new Headers(init.headers).get('Accept-Language')).toBe('en');
    await i18n.changeLanguage('pl');
  });

  it('throws ApiError carrying the problem', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Nie znaleziono',
      status: 404,
      code: 'not_found',
      detail: 'Brak jednostki 9999999',
      errors: [{ field: 'teryt', code: 'invalid', message: 'Zły kod' }],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(JSON.stringify(problem), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    const error = await apiFetch('/territory/units/9999999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual(problem);
    expect((error as ApiError).status).toBe(404);
  });

  it('turns a network failure into a service_unavailable problem', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = (await apiFetch('/health').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem.code).toBe('service_unavailable');
  });
});

describe('CSRF token', () => {
  afterEach(() => {
    setCsrfToken(null);
  });

  function stubOk() {
    const fetchMock = vi.fn().mockImplementation(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    return (call: number) => new Headers(((fetchMock.mock.calls[call]?.[1] ?? {}) as RequestInit).headers);
  }

  it('is sent as X-CSRF-Token on POST, PUT, PATCH and DELETE', async () => {
    const headersOf = stubOk();
    setCsrfToken('token-123');
    await apiFetch('/auth/logout', { method: 'POST' });
    await apiFetch('/x', { method: 'put', json: {} });
    await apiFetch('/x', { method: 'PATCH', json: {} });
    await apiFetch('/x', { method: 'DELETE' });
    for (const call of [0, 1, 2, 3]) expect(headersOf(call).get('X-CSRF-Token')).toBe('token-123');
  });

  it('is not sent on GET', async () => {
    const headersOf = stubOk();
    setCsrfToken('token-123');
    await apiFetch('/territory/summary');
    await apiFetch('/territory/summary', { method: 'GET' });
    expect(headersOf(0).has('X-CSRF-Token')).toBe(false);
    expect(headersOf(1).has('X-CSRF-Token')).toBe(false);
  });

  it('is left out while there is no session', async () => {
    const headersOf = stubOk();
    await apiFetch('/auth/login', { method: 'POST', json: { email: 'a@b.pl', password: 'x' } });
    expect(headersOf(0).has('X-CSRF-Token')).toBe(false);
  });
});

describe('401 answers', () => {
  const unauthenticated = {
    type: 'about:blank',
    title: 'Wymagane logowanie',
    status: 401,
    code: 'unauthenticated',
  };

  function stub401() {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockImplementation(
        async () =>
          new Response(JSON.stringify(unauthenticated), {
            status: 401,
            headers: { 'Content-Type': 'application/problem+json' },
          }),
      ),
    );
  }

  it('call the unauthorized handler for calls outside /auth', async () => {
    stub401();
    const handler = vi.fn();
    const unregister = setUnauthorizedHandler(handler);
    await expect(apiFetch('/admin/users')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledWith('/admin/users');
    unregister();
  });

  it('do not call it for the auth calls themselves (wrong password, not signed in)', async () => {
    stub401();
    const handler = vi.fn();
    const unregister = setUnauthorizedHandler(handler);
    await expect(apiFetch('/auth/me')).rejects.toBeInstanceOf(ApiError);
    await expect(apiFetch('/auth/login', { method: 'POST', json: {} })).rejects.toBeInstanceOf(ApiError);
    expect(handler).not.toHaveBeenCalled();
    unregister();
  });
});

describe('Retry-After', () => {
  it('is carried by the ApiError of a 429', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(
          JSON.stringify({ type: 'about:blank', title: 'Za dużo prób', status: 429, code: 'rate_limited' }),
          {
            status: 429,
            headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '4' },
          },
        ),
      ),
    );
    const error = (await apiFetch('/auth/login', { method: 'POST', json: {} }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(4);
  });
});
