import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { ApiError, apiFetch, apiUrl } from './api';

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
