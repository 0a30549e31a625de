import type { FastifyInstance } from 'fastify';
import { programmeRoutes } from './programmes.routes.js';

/** The programme catalogue under /api/programmes. */
export async function registerProgrammeRoutes(api: FastifyInstance): Promise<void> {
  await api.register(programmeRoutes, { prefix: '/programmes' });
}

export {
  type AllowedSupportType,
  allowedSupportTypes,
  countProjectsUnder,
  findProgrammeNode,
  listPlacements,
} from './catalogue.js';
export { programmeMessages } from './messages.js';
export { loadProgrammeCatalogue } from './reference.js';
