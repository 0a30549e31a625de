import type { Problem } from '@kooperacja/domain';
import i18n from '../i18n';

/** Error thrown by {@link apiFetch} for every failed call; carries an RFC 9457 problem. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait before trying again (the Retry-After header of a 429 or 503), when sent. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The per-field messages of a failed call, by field path (`email`, `query.limit`), for showing next to fields. */
export function problemFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const e of error.problem.errors ?? []) {
    if (!(e.field in out)) out[e.field] = e.message;
  }
  return out;
}

function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.status === 'number' && typeof v.code === 'string';
}

/** The session's CSRF token, sent as `X-CSRF-Token` on every state-changing request. */
let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from /auth/me or /auth/login); null forgets it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

type UnauthorizedHandler = (path: string) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/**
 * Registers what happens when a call outside /auth answers 401 (the session ended): the app
 * clears the signed-in user and sends them to the login page. Returns a function that unregisters it.
 */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Calls under /auth answer 401 as part of their normal work (not signed in, wrong password). */
function isAuthPath(path: string): boolean {
  return /^\/?auth(\/|$)/.test(path);
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
  const method = (init.method ?? 'GET').toUpperCase();
  if (!SAFE_METHODS.has(method) && csrfToken && !requestHeaders.has('X-CSRF-Token')) {
    requestHeaders.set('X-CSRF-Token', csrfToken);
  }
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
    if (response.status === 401 && !isAuthPath(path)) unauthorizedHandler?.(path);
    const retryAfter = retryAfterSeconds(response);
    if (isProblem(data)) throw new ApiError(data, retryAfter);
    throw new ApiError(
      {
        type: 'about:blank',
        title: i18n.t('errors.http.title', { status: response.status }),
        detail: response.statusText || undefined,
        status: response.status,
        code: response.status >= 500 ? 'internal_error' : 'bad_request',
      },
      retryAfter,
    );
  }
  return data as T;
}
