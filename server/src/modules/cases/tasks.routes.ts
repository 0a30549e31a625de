import { TaskList } from '@kooperacja/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { languageOf } from '../../http/problem.js';
import { actorOf } from '../identity/scope.js';
import { requireCase } from './access.js';
import { bucketTasks, loadTasks, warsawToday } from './tasks.js';

const TaskQuery = z.object({ caseId: z.uuid().optional() });
/** The badge on the home page and in the navigation. */
export const TaskSummary = z.object({ overdue: z.number().int(), today: z.number().int() });
export type TaskSummary = z.infer<typeof TaskSummary>;

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cases'],
        summary:
          'My tasks (plan actions, plan reviews, diagnosis deadlines) in overdue / today / this week / later; or one case’s tasks',
        querystring: TaskQuery,
        response: { 200: TaskList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { caseId } = request.query;
      if (caseId) await requireCase(request, db, actor, caseId);
      const today = warsawToday();
      const tasks = await loadTasks(db, actor, { caseId, today, lang: languageOf(request) });
      return bucketTasks(tasks, today);
    },
  );

  app.get(
    '/summary',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cases'],
        summary: 'How many of my tasks are overdue and due today',
        response: { 200: TaskSummary },
      },
    },
    async (request) => {
      const today = warsawToday();
      const tasks = await loadTasks(db, actorOf(request), { today });
      const list = bucketTasks(tasks, today);
      return { overdue: list.overdue.length, today: list.today.length };
    },
  );
};
