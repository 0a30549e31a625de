import type { FastifyServerOptions } from 'fastify';

/**
 * Personal data never reaches the logs: known personal fields are censored wherever they appear
 * (two levels deep), cookies and credentials too, and URLs are logged without their query string
 * (a search for a person's name or PESEL would otherwise be written down).
 */
export const personalDataFields = [
  'pesel',
  'firstName',
  'lastName',
  'name',
  'fullName',
  'birthDate',
  'address',
  'street',
  'postalCode',
  'email',
  'phone',
  'password',
  'newPassword',
  'token',
  'totp',
];

export function redactPaths(extra: string): string[] {
  const fields = personalDataFields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);
  return [
    'req.headers.cookie',
    'req.headers.authorization',
    'res.headers["set-cookie"]',
    ...fields,
    ...extra
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

export function loggerOptions(level: string, extraRedact: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: redactPaths(extraRedact), censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
    },
  };
}
