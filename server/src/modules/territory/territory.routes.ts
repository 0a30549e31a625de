import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import {
  TerritorySummary,
  TerytCode,
  UnitDetail,
  UnitSearchQuery,
  UnitSearchResult,
} from '@kooperacja/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../http/problem.js';
import { referenceFiles } from './load-territory.js';
import { getUnit, searchUnits, territorySummary } from './territory.queries.js';

const publicReference = { public: true, reason: 'public reference data (GUS TERYT)' } as const;

export const territoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units',
    {
      config: { access: publicReference },
      schema: {
        tags: ['territory'],
        summary: 'Search territorial units by name (diacritics-insensitive, typo-tolerant)',
        querystring: UnitSearchQuery,
        response: { 200: UnitSearchResult },
      },
    },
    (request) => searchUnits(app.db, request.query),
  );

  app.get(
    '/units/:teryt',
    {
      config: { access: publicReference },
      schema: {
        tags: ['territory'],
        summary: 'A unit with its parents and children',
        params: z.object({ teryt: TerytCode }),
        response: { 200: UnitDetail },
      },
    },
    async (request) => {
      const detail = await getUnit(app.db, request.params.teryt);
      if (!detail) throw notFound();
      return detail;
    },
  );

  app.get(
    '/summary',
    {
      config: { access: publicReference },
      schema: {
        tags: ['territory'],
        summary: 'Counts by level and units without geometry',
        response: { 200: TerritorySummary },
      },
    },
    () => territorySummary(app.db),
  );

  // The boundaries file is static: read and compress it once, serve it with an ETag.
  const raw = await fs.readFile(referenceFiles.boundaries);
  const gz = gzipSync(raw, { level: 9 });
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
  app.get(
    '/boundaries',
    {
      config: { access: publicReference },
      schema: {
        tags: ['territory'],
        summary: 'Boundaries of województwa, powiaty and gminy as TopoJSON (ids are TERYT codes)',
      },
    },
    async (request, reply) => {
      reply
        .header('etag', etag)
        .header('cache-control', 'public, max-age=86400')
        .header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      reply.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        return reply.header('content-encoding', 'gzip').send(gz);
      }
      return reply.send(raw);
    },
  );
};
