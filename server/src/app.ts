import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database, Db } from './db/database.js';
import { type RegisteredRoute, registerAccessControl } from './http/access.js';
import { loggerOptions } from './http/logging.js';
import { registerErrorHandling } from './http/problem.js';
import { auditRoutes } from './modules/audit/index.js';
import { registerCaseRoutes } from './modules/cases/index.js';
import { healthRoutes } from './modules/health/health.routes.js';
import {
  auditDenied,
  authRoutes,
  dictionaryRoutes,
  institutionRoutes,
  registerIdentity,
  userAdminRoutes,
} from './modules/identity/index.js';
import { registerIndicatorRoutes } from './modules/indicators/index.js';
import { registerNotificationRoutes } from './modules/notifications/index.js';
import { registerParticipantRoutes } from './modules/participants/index.js';
import { registerPartnershipRoutes } from './modules/partnerships/index.js';
import { registerProgrammeRoutes } from './modules/programmes/index.js';
import { registerProjectRoutes } from './modules/projects/index.js';
import { registerRecruitmentRoutes } from './modules/recruitment/index.js';
import { registerRegionRoutes } from './modules/region/index.js';
import { registerServiceRoutes } from './modules/services/index.js';
import { registerSharingRoutes } from './modules/sharing/index.js';
import { registerSmefsRoutes } from './modules/smefs/index.js';
import { registerSupportRoutes } from './modules/support/index.js';
import { territoryRoutes } from './modules/territory/index.js';
import { registerTrainingRoutes } from './modules/trainings/index.js';
import { projectRoot, serverRoot } from './paths.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    db: Db;
    config: Config;
    appVersion: string;
    apiRoutes: RegisteredRoute[];
  }
}

export const defaultWebDist = path.join(projectRoot, 'web/dist');
const version: string = JSON.parse(fs.readFileSync(path.join(serverRoot, 'package.json'), 'utf8')).version;

export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Mantine sets inline style attributes; no inline scripts are allowed anywhere.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildAppOptions {
  database: Database;
  config: Config;
  /** Extra plugins registered under /api before the server is ready (tests use it). */
  extraApiPlugins?: ((app: FastifyInstance) => Promise<void>)[];
}

export async function buildApp({ database, config, extraApiPlugins = [] }: BuildAppOptions) {
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : loggerOptions(config.LOG_LEVEL, config.LOG_REDACT_PATHS),
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('config', config);
  app.decorate('appVersion', version);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  app.decorate('apiRoutes', registerAccessControl(app, auditDenied));
  await registerIdentity(app);

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    strictTransportSecurity: config.PUBLIC_URL.startsWith('https:'),
    crossOriginEmbedderPolicy: false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kooperacja API',
        version,
        description:
          'API platformy Kooperacja. Errors are RFC 9457 problem+json with a stable `code`; messages follow Accept-Language (pl default, en).',
      },
      servers: [{ url: '/' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      api.get(
        '/openapi.json',
        { config: { access: { public: true, reason: 'API description' } }, schema: { hide: true } },
        async () => app.swagger(),
      );
      await api.register(healthRoutes);
      await api.register(territoryRoutes, { prefix: '/territory' });
      await api.register(authRoutes, { prefix: '/auth' });
      await api.register(dictionaryRoutes, { prefix: '/dictionaries' });
      await api.register(institutionRoutes, { prefix: '/institutions' });
      await api.register(userAdminRoutes, { prefix: '/admin' });
      await api.register(auditRoutes, { prefix: '/audit' });
      await registerCaseRoutes(api);
      await registerPartnershipRoutes(api);
      await registerNotificationRoutes(api);
      await registerServiceRoutes(api);
      await registerSharingRoutes(api);
      await registerProgrammeRoutes(api);
      await registerProjectRoutes(api);
      await registerRecruitmentRoutes(api);
      await registerIndicatorRoutes(api);
      await registerSmefsRoutes(api);
      await registerParticipantRoutes(api);
      await registerSupportRoutes(api);
      await registerRegionRoutes(api);
      await registerTrainingRoutes(api);
      for (const plugin of extraApiPlugins) await api.register(plugin);
    },
    { prefix: '/api' },
  );

  const webDist = config.WEB_DIST ? path.resolve(config.WEB_DIST) : defaultWebDist;
  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        // Vite puts content hashes in asset names: cache them for a year; never cache index.html.
        res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
    const index = fs.readFileSync(path.join(webDist, 'index.html'));
    // Single-page app. The static plugin registered a route per built file at start-up (wildcard:
    // false), so what reaches this route is not a file: a client-side route gets index.html, while
    // /api paths and missing files (a name with an extension) are 404.
    app.get('/*', { config: {}, schema: { hide: true } }, async (request, reply) => {
      const urlPath = request.url.split('?')[0] ?? '/';
      if (urlPath === '/api' || urlPath.startsWith('/api/') || /\.[a-z0-9]+$/i.test(urlPath)) {
        return reply.callNotFound();
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
    });
  }

  return app;
}
