import type { FastifyInstance } from 'fastify';
import { caseMeetingRoutes, sharedMeetingRoutes } from './meetings.routes.js';
import { caseMessageRoutes } from './messages.routes.js';
import { caseReferralRoutes, referralRoutes } from './referrals.routes.js';
import { sharedCaseRoutes } from './shared.routes.js';
import { teamInvitationRoutes, teamRoutes } from './team.routes.js';

/**
 * Case teams, consents, referrals, the institution inbox, shared case views, case messages and
 * case-team meetings.
 */
export async function registerSharingRoutes(api: FastifyInstance): Promise<void> {
  await api.register(teamRoutes, { prefix: '/cases' });
  await api.register(caseReferralRoutes, { prefix: '/cases' });
  await api.register(caseMessageRoutes, { prefix: '/cases' });
  await api.register(caseMeetingRoutes, { prefix: '/cases' });
  await api.register(teamInvitationRoutes, { prefix: '/team-invitations' });
  await api.register(referralRoutes, { prefix: '/referrals' });
  await api.register(sharedCaseRoutes, { prefix: '/shared-cases' });
  await api.register(sharedMeetingRoutes, { prefix: '/shared-cases' });
}
