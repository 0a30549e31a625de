import type { FastifyInstance } from 'fastify';
import { forgetPortfoliosOnChange } from '../indicators/portfolio.js';
import { documentRoutes } from './documents.routes.js';
import { partnerRoutes } from './partners.routes.js';
import { projectRoutes } from './projects.routes.js';
import { taskRoutes } from './tasks.routes.js';

/** Projects, their partners and team, tasks with budget lines, milestones and documents under /api/projects. */
export async function registerProjectRoutes(api: FastifyInstance): Promise<void> {
  await api.register(async (scope) => {
    // A change of a project (status, period, partners…) changes the portfolio too.
    forgetPortfoliosOnChange(scope);
    await scope.register(projectRoutes, { prefix: '/projects' });
    await scope.register(partnerRoutes, { prefix: '/projects' });
    await scope.register(taskRoutes, { prefix: '/projects' });
    await scope.register(documentRoutes, { prefix: '/projects' });
  });
}

export {
  loadProjectAccess,
  type ProjectAccess,
  projectsReadableSql,
  requireProject,
  requireProjectManager,
  requireProjectTeam,
} from './access.js';
export { seedDemoProjects } from './demo.js';
export { projectMessages } from './messages.js';
