import { z } from 'zod';

/** Stable error codes of the API (RFC 9457 `code` extension member). */
export const errorCodes = [
  'validation_failed',
  'not_found',
  'unauthenticated',
  'forbidden',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'bad_request',
  'service_unavailable',
  'internal_error',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldError = z.object({
  /** Dotted path of the field, e.g. `address.postalCode` or `query.limit`. */
  field: z.string(),
  /** Stable message key, e.g. `too_small`. */
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: ErrorCode,
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const languages = ['pl', 'en'] as const;
export type Language = (typeof languages)[number];
