import { isApiError } from '../../lib/api';

/**
 * The per-field messages of a failed validation (problem+json `errors[]`), keyed by the field's
 * dotted path without the `body.` prefix — ready for `form.setErrors`. Empty for other errors.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) {
    const field = e.field.replace(/^body\./, '');
    out[field] = out[field] ? `${out[field]} ${e.message}` : e.message;
  }
  return out;
}

/** A 409: someone else saved the record since it was loaded. */
export const isConflict = (error: unknown) => isApiError(error) && error.status === 409;
