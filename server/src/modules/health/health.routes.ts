import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/problem.js';

export const Health = z.object({
  status: z.literal('ok'),
  database: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: { public: true, reason: 'load balancer and monitoring probe' } },
      schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health } },
    },
    async () => {
      try {
        await app.database.ping();
      } catch {
        throw new AppError('service_unavailable');
      }
      return {
        status: 'ok' as const,
        database: 'ok' as const,
        engine: app.database.engine,
        version: app.appVersion,
      };
    },
  );
};
