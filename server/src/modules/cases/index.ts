import type { FastifyInstance } from 'fastify';
import { caseRoutes } from './cases.routes.js';
import { diagnosisRoutes } from './diagnosis.routes.js';
import { caseDictionaryRoutes } from './dictionary.routes.js';
import { householdRoutes } from './households.routes.js';
import { personRoutes } from './persons.routes.js';
import { planRoutes } from './plans.routes.js';
import { taskRoutes } from './tasks.routes.js';
import { timelineRoutes } from './timeline.routes.js';

/** Persons, households, cases, diagnosis, plans, timeline and tasks under /api. */
export async function registerCaseRoutes(api: FastifyInstance): Promise<void> {
  await api.register(caseDictionaryRoutes, { prefix: '/dictionaries' });
  await api.register(personRoutes, { prefix: '/persons' });
  await api.register(householdRoutes, { prefix: '/households' });
  await api.register(caseRoutes, { prefix: '/cases' });
  await api.register(diagnosisRoutes, { prefix: '/cases' });
  await api.register(planRoutes, { prefix: '/cases' });
  await api.register(timelineRoutes, { prefix: '/cases' });
  await api.register(taskRoutes, { prefix: '/tasks' });
}

export { seedDemoCases } from './demo.js';
