import type { ErrorCode, FieldError, Language, Problem } from '@kooperacja/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { pickLanguage, problemTitles, translate } from './messages.js';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};

/**
 * An error the API reports to its client as problem+json. `detailKey` is a message key translated
 * per request; `fields` carry per-field message keys (with params) for validation errors.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detailKey?: string,
    readonly params: Record<string, unknown> = {},
    readonly fields: { field: string; code: string; params?: Record<string, unknown> }[] = [],
  ) {
    super(detailKey ?? code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found', 'record.notFound');

/** A validation error with one or more field errors (message keys, translated per request). */
export function validationFailed(
  issues: readonly { field: string; code: string; params?: Record<string, unknown> }[],
): AppError {
  return new AppError('validation_failed', 'validation.summary', { count: issues.length }, [...issues]);
}

export function languageOf(request: FastifyRequest): Language {
  return pickLanguage(request.headers['accept-language']);
}

interface RawIssue {
  path: string;
  code: string;
  message: string;
  params: Record<string, unknown>;
}

function fieldMessage(issue: RawIssue, lang: Language): string {
  // Custom refinements carry a message key ("territory.invalidTeryt", "pesel.checksum", …).
  const custom = translate(issue.message, lang, issue.params);
  if (custom) return custom;
  const received = String(issue.params.received ?? '');
  if (
    issue.code === 'invalid_type' &&
    (received === 'undefined' || /received undefined/.test(issue.message))
  ) {
    return translate('zod.required', lang) ?? issue.message;
  }
  return (
    translate(`zod.${issue.code}`, lang, issue.params) ?? translate('zod.invalid', lang) ?? issue.message
  );
}

function fieldErrors(issues: RawIssue[], lang: Language): FieldError[] {
  return issues.map((i) => ({ field: i.path, code: i.code, message: fieldMessage(i, lang) }));
}

export function problemFor(
  code: ErrorCode,
  lang: Language,
  opts: { detail?: string; instance?: string; requestId?: string; errors?: FieldError[] } = {},
): Problem {
  return {
    type: `https://kooperacja.pl/problems/${code.replaceAll('_', '-')}`,
    title: problemTitles[code][lang],
    status: STATUS[code],
    code,
    ...(opts.detail ? { detail: opts.detail } : {}),
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    ...(opts.errors?.length ? { errors: opts.errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

function validationProblem(
  issues: RawIssue[],
  lang: Language,
  base: { instance?: string; requestId: string },
) {
  return problemFor('validation_failed', lang, {
    ...base,
    detail: translate('validation.summary', lang, { count: issues.length }),
    errors: fieldErrors(issues, lang),
  });
}

function zodIssues(err: ZodError, prefix: string): RawIssue[] {
  return err.issues.map((i) => {
    const { path, code, message, ...params } = i as unknown as {
      path: PropertyKey[];
      code: string;
      message: string;
    } & Record<string, unknown>;
    return { path: [prefix, ...path.map(String)].filter(Boolean).join('.'), code, message, params };
  });
}

/** One error model for the whole API: RFC 9457 problem+json, localised, never a stack trace. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    const lang = languageOf(request);
    const url = request.url.split('?')[0] ?? request.url;
    sendProblem(
      reply,
      problemFor('not_found', lang, {
        detail: translate('route.notFound', lang, { method: request.method, url }),
        instance: url,
        requestId: request.id,
      }),
    );
  });

  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    const lang = languageOf(request);
    const base = { instance: request.url.split('?')[0], requestId: request.id };

    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as FastifyError).validationContext ?? '';
      const prefix = context === 'querystring' ? 'query' : context === 'body' ? '' : context;
      const issues: RawIssue[] = error.validation.map((v) => ({
        path: [prefix, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
        code: v.keyword,
        message: v.message ?? '',
        params: v.params as Record<string, unknown>,
      }));
      return sendProblem(reply, validationProblem(issues, lang, base));
    }
    if (error instanceof ZodError) {
      return sendProblem(reply, validationProblem(zodIssues(error, ''), lang, base));
    }
    if (error instanceof AppError) {
      const issues = error.fields.map((f) => ({
        path: f.field,
        code: f.code,
        message: f.code,
        params: f.params ?? {},
      }));
      return sendProblem(
        reply,
        problemFor(error.code, lang, {
          ...base,
          detail: error.detailKey ? translate(error.detailKey, lang, error.params) : undefined,
          errors: fieldErrors(issues, lang),
        }),
      );
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      const code = status === 503 ? 'service_unavailable' : 'internal_error';
      return sendProblem(
        reply,
        problemFor(code, lang, { ...base, detail: translate('internal.unexpected', lang) }),
      );
    }
    const fastifyCode = (error as FastifyError).code;
    const code: ErrorCode =
      status === 413
        ? 'payload_too_large'
        : status === 415
          ? 'unsupported_media_type'
          : status === 429
            ? 'rate_limited'
            : status === 404
              ? 'not_found'
              : 'bad_request';
    const detail =
      fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? translate('body.invalidJson', lang)
        : undefined;
    return sendProblem(reply, problemFor(code, lang, { ...base, detail }));
  });
}
