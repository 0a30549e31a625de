import type { Problem } from '@kooperacja/domain';
import i18n from '../i18n';

/** Error thrown by {@link apiFetch} for every failed call; carries an RFC 9457 problem. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.status === 'number' && typeof v.code === 'string';
}

type QueryValue = string | number | boolean | null | undefined;

export interface ApiFetchOptions extends Omit<RequestInit, 'body'> {
  /** Query parameters; null, undefined and '' are left out. */
  query?: Record<string, QueryValue>;
  /** A JSON-serialisable request body. */
  json?: unknown;
}

/** Builds `/api/...?...` from a path relative to the API root and query parameters. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path.startsWith('/') ? path : `/${path}`}${qs ? `?${qs}` : ''}`;
}

/**
 * Typed fetch against the Kooperacja API. Sends the UI language in `Accept-Language` so that
 * problems come back translated; resolves with the parsed JSON body; rejects with an
 * {@link ApiError} for HTTP errors (with the server's problem+json) and for network failures.
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { query, json, headers, ...init } = options;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Accept', 'application/json, application/problem+json');
  requestHeaders.set('Accept-Language', i18n.language || 'pl');
  let body: BodyInit | undefined;
  if (json !== undefined) {
    requestHeaders.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { ...init, headers: requestHeaders, body });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      type: 'about:blank',
      title: i18n.t('errors.network.title'),
      detail: i18n.t('errors.network.detail'),
      status: 0,
      code: 'service_unavailable',
    });
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }

  if (!response.ok) {
    if (isProblem(data)) throw new ApiError(data);
    throw new ApiError({
      type: 'about:blank',
      title: i18n.t('errors.http.title', { status: response.status }),
      detail: response.statusText || undefined,
      status: response.status,
      code: response.status >= 500 ? 'internal_error' : 'bad_request',
    });
  }
  return data as T;
}
