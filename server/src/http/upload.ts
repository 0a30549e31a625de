import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from './problem.js';

/** The routes of an upload scope: the app with the zod type provider. */
export type UploadScope = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Registers routes that take a raw file as the body (its bytes decide its type, not the declared
 * content type) in a scope of their own, so that no other route accepts large bodies:
 *
 * - any content type is read as a buffer, up to `bodyLimit`;
 * - without a session the answer is 401 before the body is read (the access guard runs after
 *   parsing);
 * - a body over the limit is refused while it is read, with `tooLarge()` (413 naming the limit).
 */
export async function registerUploadRoutes(
  app: FastifyInstance,
  opts: { bodyLimit: number; tooLarge: () => AppError },
  routes: (upload: UploadScope) => void | Promise<void>,
): Promise<void> {
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.bodyLimit }, (_req, body, done) =>
      done(null, body),
    );
    upload.addHook('preParsing', async (request) => {
      if (!request.actor) throw new AppError('unauthenticated', 'auth.required');
    });
    upload.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw opts.tooLarge();
      throw error;
    });
    await routes(upload);
  });
}
