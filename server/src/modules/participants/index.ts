import type { FastifyInstance } from 'fastify';
import { degurbaRoutes } from './degurba.routes.js';
import { participantRoutes } from './participants.routes.js';

/**
 * Participants of projects under /api/projects/:projectId/participants (enrolment, SM EFS data at
 * entry, exit, six-month follow-up, the participation contract) and the DEGURBA table under
 * /api/degurba (docs/participants.md).
 */
export async function registerParticipantRoutes(api: FastifyInstance): Promise<void> {
  await api.register(participantRoutes, { prefix: '/projects' });
  await api.register(degurbaRoutes, { prefix: '/degurba' });
}

export { participantMessages } from './messages.js';
