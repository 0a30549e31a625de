import {
  moneyIssues,
  ProjectMilestone,
  ProjectMilestoneInput,
  ProjectMilestoneList,
  ProjectMilestoneUpdate,
  ProjectTask,
  ProjectTaskInput,
  ProjectTaskList,
  ProjectTaskUpdate,
  ProjectVersionQuery,
  rate,
  sumGrosze,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { notFound } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { conflict } from '../identity/scope.js';
import { requireProject, requireProjectManager } from './access.js';
import { loadMilestones, loadTasks, projectFrame, tasksTotal, validationFailed } from './queries.js';

const IdParams = z.object({ id: z.uuid() });
const TaskParams = IdParams.extend({ taskId: z.uuid() });
const MilestoneParams = IdParams.extend({ milestoneId: z.uuid() });

type Issue = { field: string; code: string; params?: Record<string, unknown> };
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * The project's money and period, its row locked until the change commits: changes of tasks (whose
 * budgets together must stay within the eligible costs) and of the project itself happen one by one.
 */
async function lockedFrame(tx: DbOrTx, projectId: string) {
  await tx.execute(sql`select id from projects where id = ${projectId} for update`);
  const frame = await projectFrame(tx, projectId);
  if (!frame) throw notFound();
  return frame;
}

function periodIssues(
  frame: { startsOn: string; endsOn: string },
  dates: [field: string, value: string | null][],
): Issue[] {
  return dates
    .filter(([, d]) => d && (d < frame.startsOn || d > frame.endsOn))
    .map(([field]) => ({
      field,
      code: 'project.outsidePeriod',
      params: { from: ddmmyyyy(frame.startsOn), to: ddmmyyyy(frame.endsOn) },
    }));
}

const taskAuditable = (t: ProjectTask) => ({
  number: t.number,
  name: t.name,
  description: t.description,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  institutionId: t.institution?.id ?? null,
  lines: t.lines.map((l) => ({ name: l.name, category: l.category, amount: l.amount })),
  total: t.total,
});

const milestoneAuditable = (m: ProjectMilestone) => ({
  name: m.name,
  description: m.description,
  dueOn: m.dueOn,
  status: m.status,
  achievedOn: m.achievedOn,
});

/**
 * Tasks (zadania) with their budget lines — a task's budget is the sum of its lines, and the tasks
 * together stay within the eligible costs — and milestones (kamienie milowe) with their status;
 * a milestone is overdue when its date has passed and it was not achieved.
 */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function one(tx: DbOrTx, projectId: string, taskId: string): Promise<ProjectTask> {
    const [task] = await loadTasks(tx, projectId, sql`t.id = ${taskId}`);
    if (!task) throw notFound();
    return task;
  }

  /** Every rule of a task at once: number, dates, institution, and the tasks' budgets ≤ eligible costs. */
  async function checkTask(
    tx: DbOrTx,
    projectId: string,
    input: z.output<typeof ProjectTaskInput>,
    taskId: string | null,
  ) {
    const frame = await lockedFrame(tx, projectId);
    const issues: Issue[] = [];
    const [taken] = await queryRows<{ id: string }>(
      tx,
      sql`select id from project_tasks where project_id = ${projectId} and number = ${input.number}
            and id is distinct from ${taskId}::uuid`,
    );
    if (taken) issues.push({ field: 'number', code: 'project.taskNumberTaken' });
    issues.push(
      ...periodIssues(frame, [
        ['startsOn', input.startsOn],
        ['endsOn', input.endsOn],
      ]),
    );
    if (input.institutionId && input.institutionId !== frame.leaderId) {
      const [partner] = await queryRows<{ id: string }>(
        tx,
        sql`select institution_id as id from project_partners where project_id = ${projectId} and institution_id = ${input.institutionId}`,
      );
      if (!partner) issues.push({ field: 'institutionId', code: 'project.taskInstitution' });
    }
    const others = taskId
      ? sumGrosze((await loadTasks(tx, projectId, sql`t.id <> ${taskId}`)).map((t) => t.total))
      : await tasksTotal(tx, projectId);
    const total = sumGrosze([others, ...input.lines.map((l) => l.amount)]);
    issues.push(
      ...moneyIssues(frame, { tasksTotal: total })
        .filter((i) => i.code === 'project.money.tasksOverEligible')
        .map((i) => ({ ...i, field: 'lines' })),
    );
    if (issues.length) throw validationFailed(issues);
  }

  async function saveLines(tx: DbOrTx, taskId: string, lines: z.output<typeof ProjectTaskInput>['lines']) {
    await tx.execute(sql`delete from project_budget_lines where task_id = ${taskId}`);
    for (const [i, l] of lines.entries())
      await tx.execute(
        sql`insert into project_budget_lines (task_id, name, category, amount, sort_order)
            values (${taskId}, ${l.name}, ${l.category}, ${l.amount}, ${i})`,
      );
  }

  app.get(
    '/:id/tasks',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['projects'],
        summary: 'The tasks with their budget lines, and the sum of all tasks against the eligible costs',
        params: IdParams,
        response: { 200: ProjectTaskList },
      },
    },
    async (request) => {
      const access = await requireProject(request, request.params.id);
      const [items, frame] = await Promise.all([loadTasks(db, access.id), projectFrame(db, access.id)]);
      const total = sumGrosze(items.map((t) => t.total));
      const eligible = frame?.eligibleCosts ?? 0;
      return {
        items,
        tasksTotal: total,
        eligibleCosts: eligible,
        unassigned: sumGrosze([eligible, -total]),
        tasksRate: rate(total, eligible),
        abilities: { manage: access.manage },
      };
    },
  );

  app.post(
    '/:id/tasks',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Add a task with its budget lines (the tasks together stay within the eligible costs)',
        params: IdParams,
        body: ProjectTaskInput,
        response: { 201: ProjectTask },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.id);
      const input = request.body;
      const task = await db.transaction(async (tx) => {
        await checkTask(tx, access.id, input, null);
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into project_tasks (project_id, number, name, description, starts_on, ends_on, institution_id)
              values (${access.id}, ${input.number}, ${input.name}, ${input.description}, ${input.startsOn},
                      ${input.endsOn}, ${input.institutionId})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        await saveLines(tx, row.id, input.lines);
        const after = await one(tx, access.id, row.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'project_task',
          recordId: row.id,
          before: null,
          after: taskAuditable(after),
          details: { projectId: access.id },
        });
        return after;
      });
      return reply.status(201).send(task);
    },
  );

  app.put(
    '/:id/tasks/:taskId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Change a task and its budget lines with the loaded version',
        params: TaskParams,
        body: ProjectTaskUpdate,
        response: { 200: ProjectTask },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.id);
      const { task: input, version } = request.body;
      return db.transaction(async (tx) => {
        const before = await one(tx, access.id, request.params.taskId);
        if (before.version !== version) throw conflict();
        await checkTask(tx, access.id, input, before.id);
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update project_tasks set number = ${input.number}, name = ${input.name}, description = ${input.description},
                starts_on = ${input.startsOn}, ends_on = ${input.endsOn}, institution_id = ${input.institutionId},
                version = version + 1
              where id = ${before.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        await saveLines(tx, before.id, input.lines);
        const after = await one(tx, access.id, before.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'project_task',
          recordId: before.id,
          before: taskAuditable(before),
          after: taskAuditable(after),
          details: { projectId: access.id },
        });
        return after;
      });
    },
  );

  app.delete(
    '/:id/tasks/:taskId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Delete a task with its budget lines',
        params: TaskParams,
        querystring: ProjectVersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.id);
      await db.transaction(async (tx) => {
        const before = await one(tx, access.id, request.params.taskId);
        if (before.version !== request.query.version) throw conflict();
        await tx.execute(sql`delete from project_budget_lines where task_id = ${before.id}`);
        await tx.execute(sql`delete from project_tasks where id = ${before.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'project_task',
          recordId: before.id,
          before: taskAuditable(before),
          after: null,
          details: { projectId: access.id },
        });
      });
      return reply.status(204).send();
    },
  );

  // ————— Milestones —————

  async function milestone(tx: DbOrTx, projectId: string, id: string): Promise<ProjectMilestone> {
    const [m] = await loadMilestones(tx, projectId, warsawToday(), sql`m.id = ${id}`);
    if (!m) throw notFound();
    return m;
  }

  async function checkMilestone(
    tx: DbOrTx,
    projectId: string,
    input: z.output<typeof ProjectMilestoneInput>,
  ) {
    const frame = await projectFrame(tx, projectId);
    if (!frame) throw notFound();
    const issues = periodIssues(frame, [['dueOn', input.dueOn]]);
    if (input.achievedOn && input.achievedOn > warsawToday())
      issues.push({ field: 'achievedOn', code: 'project.milestone.achievedInFuture' });
    if (issues.length) throw validationFailed(issues);
  }

  app.get(
    '/:id/milestones',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['projects'],
        summary: 'The milestones in date order, each with its status and whether it is overdue',
        params: IdParams,
        response: { 200: ProjectMilestoneList },
      },
    },
    async (request) => {
      const access = await requireProject(request, request.params.id);
      const today = warsawToday();
      return {
        items: await loadMilestones(db, access.id, today),
        today,
        abilities: { manage: access.manage },
      };
    },
  );

  app.post(
    '/:id/milestones',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Add a milestone (its date within the project period)',
        params: IdParams,
        body: ProjectMilestoneInput,
        response: { 201: ProjectMilestone },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.id);
      const input = request.body;
      const created = await db.transaction(async (tx) => {
        await checkMilestone(tx, access.id, input);
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into project_milestones (project_id, name, description, due_on, status, achieved_on)
              values (${access.id}, ${input.name}, ${input.description}, ${input.dueOn}, ${input.status}, ${input.achievedOn})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        const after = await milestone(tx, access.id, row.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'project_milestone',
          recordId: row.id,
          before: null,
          after: milestoneAuditable(after),
          details: { projectId: access.id },
        });
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/:id/milestones/:milestoneId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Change a milestone or its status with the loaded version',
        params: MilestoneParams,
        body: ProjectMilestoneUpdate,
        response: { 200: ProjectMilestone },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.id);
      const { milestone: input, version } = request.body;
      return db.transaction(async (tx) => {
        const before = await milestone(tx, access.id, request.params.milestoneId);
        if (before.version !== version) throw conflict();
        await checkMilestone(tx, access.id, input);
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update project_milestones set name = ${input.name}, description = ${input.description}, due_on = ${input.dueOn},
                status = ${input.status}, achieved_on = ${input.achievedOn}, version = version + 1
              where id = ${before.id} and version = ${version} returning id`,
        );
        if (!updated.length) throw conflict();
        const after = await milestone(tx, access.id, before.id);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'project_milestone',
          recordId: before.id,
          before: milestoneAuditable(before),
          after: milestoneAuditable(after),
          details: { projectId: access.id },
        });
        return after;
      });
    },
  );

  app.delete(
    '/:id/milestones/:milestoneId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Delete a milestone',
        params: MilestoneParams,
        querystring: ProjectVersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.id);
      await db.transaction(async (tx) => {
        const before = await milestone(tx, access.id, request.params.milestoneId);
        if (before.version !== request.query.version) throw conflict();
        await tx.execute(sql`delete from project_milestones where id = ${before.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'project_milestone',
          recordId: before.id,
          before: milestoneAuditable(before),
          after: null,
          details: { projectId: access.id },
        });
      });
      return reply.status(204).send();
    },
  );
};
