import type { FastifyInstance } from 'fastify';
import { definitionRoutes } from './definitions.routes.js';
import { periodRoutes } from './periods.routes.js';
import { forgetPortfoliosOnChange } from './portfolio.js';
import { projectIndicatorRoutes } from './project-indicators.routes.js';

/**
 * Indicators: the library, the metric registry and the portfolio under /api/indicators; a
 * project's indicators, values and reporting periods under /api/projects/:projectId/indicators.
 */
export async function registerIndicatorRoutes(api: FastifyInstance): Promise<void> {
  await api.register(async (scope) => {
    forgetPortfoliosOnChange(scope);
    await scope.register(definitionRoutes, { prefix: '/indicators' });
    await scope.register(projectIndicatorRoutes, { prefix: '/projects/:projectId/indicators' });
    await scope.register(periodRoutes, { prefix: '/projects/:projectId/indicators' });
  });
}

export { seedDemoIndicators } from './demo.js';
export { indicatorMessages } from './messages.js';
export { computeMetric, listMetrics, registerMetric } from './metrics/index.js';
