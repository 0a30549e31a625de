import type { FastifyInstance } from 'fastify';
import { certificateRoutes } from './certificates.routes.js';
import { lessonRoutes } from './lessons.routes.js';
import { publicCertificateRoutes } from './public.routes.js';
import { registrationRoutes } from './registrations.routes.js';
import { statsRoutes } from './stats.routes.js';
import { testRoutes } from './tests.routes.js';
import { trainingRoutes } from './trainings.routes.js';

/**
 * The training platform for staff (docs/trainings.md) under /api/trainings, and the public
 * verification of a certificate's code under /api/public/certificates.
 */
export async function registerTrainingRoutes(api: FastifyInstance): Promise<void> {
  await api.register(trainingRoutes, { prefix: '/trainings' });
  await api.register(registrationRoutes, { prefix: '/trainings' });
  await api.register(testRoutes, { prefix: '/trainings' });
  await api.register(certificateRoutes, { prefix: '/trainings' });
  await api.register(lessonRoutes, { prefix: '/trainings' });
  await api.register(statsRoutes, { prefix: '/trainings' });
  await api.register(publicCertificateRoutes, { prefix: '/public/certificates' });
}

export { seedDemoTrainings } from './demo.js';
export { trainingMessages } from './messages.js';
