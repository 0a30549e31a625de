import { fieldErrorsOf } from '../../admin/fieldErrors';

/**
 * Server field errors keyed for a Mantine form: without the `body.` prefix and, for bodies that
 * wrap the record (`{ plan, version }`), without that wrapper.
 */
export function formErrorsOf(error: unknown, wrapper?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
    const key = wrapper && field.startsWith(`${wrapper}.`) ? field.slice(wrapper.length + 1) : field;
    out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}
