import { randomUUID } from 'node:crypto';
import {
  MAX_FINAL_TEST_ATTEMPTS,
  PaperTestResult,
  questionIssues,
  Registration,
  raisedQualifications,
  scoreTest,
  TestAnswers,
  TestKind,
  TestOutcome,
  TestSheet,
  TrainingQuestion,
  TrainingQuestionInput,
  TrainingQuestionList,
  TrainingQuestionUpdate,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { notFound, validationFailed } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { conflict, fieldError } from '../identity/scope.js';
import { forbidden, requireTrainingManager, visibleRegistration } from './access.js';
import { issueCertificateIfDue } from './certificates.js';
import { oneRegistration } from './queries.js';

const TrainingParams = z.object({ trainingId: z.uuid() });
const QuestionParams = TrainingParams.extend({ questionId: z.uuid() });
const RegistrationParams = z.object({ registrationId: z.uuid() });
const TestParams = RegistrationParams.extend({ kind: TestKind });
const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });

type QuestionRow = TrainingQuestion;

async function loadQuestions(db: DbOrTx, trainingId: string, activeOnly = false): Promise<QuestionRow[]> {
  return queryRows<QuestionRow>(
    db,
    sql`select id, kind, text, options, active, position, version from training_questions
        where training_id = ${trainingId} ${activeOnly ? sql`and active` : sql``}
        order by position, created_at, id`,
  );
}

const withIds = (options: { text: string; correct: boolean }[]) =>
  options.map((o) => ({ id: randomUUID(), text: o.text, correct: o.correct }));

const questionAuditable = (q: {
  kind: string;
  text: string;
  options: { text: string; correct: boolean }[];
  active: boolean;
}) => ({
  kind: q.kind,
  text: q.text,
  options: q.options.map((o) => ({ text: o.text, correct: o.correct })),
  active: q.active,
});

/**
 * Knowledge tests (docs/trainings.md, "Tests"): the organiser's question bank, the test as the
 * learner takes it (no correct answers sent), scoring on the server, the result of a test taken on
 * paper, and the certificate issued at once when the passed final test completes what it needs.
 */
export const testRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:trainingId/questions',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'The question bank of a training (with the correct answers)',
        params: TrainingParams,
        response: { 200: TrainingQuestionList },
      },
    },
    async (request) => {
      const access = await requireTrainingManager(request, request.params.trainingId);
      return { items: await loadQuestions(db, access.id) };
    },
  );

  app.post(
    '/:trainingId/questions',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Add a question to the bank',
        params: TrainingParams,
        body: TrainingQuestionInput,
        response: { 201: TrainingQuestion },
      },
    },
    async (request, reply) => {
      const access = await requireTrainingManager(request, request.params.trainingId);
      const input = request.body;
      const issues = questionIssues(input);
      if (issues.length) throw validationFailed(issues);
      const question = await db.transaction(async (tx) => {
        const [row] = await queryRows<QuestionRow>(
          tx,
          sql`insert into training_questions (training_id, kind, text, options, active, position)
              values (${access.id}, ${input.kind}, ${input.text}, ${JSON.stringify(withIds(input.options))}::jsonb,
                ${input.active}, coalesce((select max(position) + 1 from training_questions where training_id = ${access.id}), 0))
              returning id, kind, text, options, active, position, version`,
        );
        if (!row) throw new Error('insert returned nothing');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'training_question',
          recordId: row.id,
          before: null,
          after: questionAuditable(input),
          details: { trainingId: access.id },
        });
        return row;
      });
      return reply.status(201).send(question);
    },
  );

  app.put(
    '/:trainingId/questions/:questionId',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Change a question (or deactivate it) with the loaded version',
        params: QuestionParams,
        body: TrainingQuestionUpdate,
        response: { 200: TrainingQuestion },
      },
    },
    async (request) => {
      const access = await requireTrainingManager(request, request.params.trainingId);
      const { question: input, version } = request.body;
      const issues = questionIssues(input).map((i) => ({ ...i, field: `question.${i.field}` }));
      if (issues.length) throw validationFailed(issues);
      return db.transaction(async (tx) => {
        const [before] = await queryRows<QuestionRow>(
          tx,
          sql`select id, kind, text, options, active, position, version from training_questions
              where id = ${request.params.questionId} and training_id = ${access.id} for update`,
        );
        if (!before) throw notFound();
        if (before.version !== version) throw conflict();
        // Options keep their ids where the text is unchanged, so answers already given still read right.
        const options = input.options.map((o, i) => {
          const old = before.options[i];
          return { id: old && old.text === o.text ? old.id : randomUUID(), text: o.text, correct: o.correct };
        });
        const [row] = await queryRows<QuestionRow>(
          tx,
          sql`update training_questions set kind = ${input.kind}, text = ${input.text},
                options = ${JSON.stringify(options)}::jsonb, active = ${input.active}, version = version + 1
              where id = ${before.id} returning id, kind, text, options, active, position, version`,
        );
        if (!row) throw conflict();
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'training_question',
          recordId: before.id,
          before: questionAuditable(before),
          after: questionAuditable(input),
          details: { trainingId: access.id },
        });
        return row;
      });
    },
  );

  app.delete(
    '/:trainingId/questions/:questionId',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Delete a question no one has answered yet (otherwise deactivate it)',
        params: QuestionParams,
        querystring: VersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireTrainingManager(request, request.params.trainingId);
      await db.transaction(async (tx) => {
        const [before] = await queryRows<QuestionRow>(
          tx,
          sql`select id, kind, text, options, active, position, version from training_questions
              where id = ${request.params.questionId} and training_id = ${access.id} for update`,
        );
        if (!before) throw notFound();
        if (before.version !== request.query.version) throw conflict();
        const [used] = await queryRows<{ used: boolean }>(
          tx,
          sql`select exists (
                select 1 from training_test_attempts a where (a.answers -> ${before.id}) is not null
              ) as used`,
        );
        if (used?.used) throw fieldError('questionId', 'training.question.used');
        await tx.execute(sql`delete from training_questions where id = ${before.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'training_question',
          recordId: before.id,
          before: questionAuditable(before),
          after: null,
          details: { trainingId: access.id },
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/registrations/:registrationId/tests/:kind',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'The test to take before or after the training (the learner; no correct answers)',
        params: TestParams,
        response: { 200: TestSheet },
      },
    },
    async (request, reply) => {
      const { registration, roles } = await visibleRegistration(request, request.params.registrationId);
      if (!roles.asLearner) return forbidden(request, registration.id, 'not_learner');
      const reg = await oneRegistration(db, registration.id, request.actor);
      const kind = request.params.kind;
      const open = kind === 'wstepny' ? reg.abilities.takePreTest : reg.abilities.takeFinalTest;
      if (!open) throw fieldError('kind', 'training.test.notAvailable');
      const questions = await loadQuestions(db, registration.trainingId, true);
      reply.header('cache-control', 'no-store');
      return {
        kind,
        trainingTitle: registration.trainingTitle,
        passThreshold: registration.passThreshold,
        attemptsLeft: kind === 'wstepny' ? 1 : MAX_FINAL_TEST_ATTEMPTS - (reg.finalTest?.attempts ?? 0),
        questions: questions.map((q) => ({
          id: q.id,
          kind: q.kind,
          text: q.text,
          options: q.options.map((o) => ({ id: o.id, text: o.text })),
        })),
      };
    },
  );

  app.post(
    '/registrations/:registrationId/tests/:kind',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'Hand in the test: scored on the server; a passed final test may issue the certificate',
        params: TestParams,
        body: TestAnswers,
        response: { 200: TestOutcome },
      },
    },
    async (request) => {
      const { registration, roles } = await visibleRegistration(request, request.params.registrationId);
      if (!roles.asLearner) return forbidden(request, registration.id, 'not_learner');
      const kind = request.params.kind;
      const { answers } = request.body;
      const today = warsawToday();
      const outcome = await db.transaction(async (tx) => {
        // The registration row is locked so two hand-ins at once cannot exceed the attempts.
        await tx.execute(sql`select id from training_registrations where id = ${registration.id} for update`);
        const reg = await oneRegistration(tx, registration.id, request.actor);
        const open = kind === 'wstepny' ? reg.abilities.takePreTest : reg.abilities.takeFinalTest;
        if (!open) throw fieldError('kind', 'training.test.notAvailable');
        const questions = await loadQuestions(tx, registration.trainingId, true);
        for (const [questionId, chosen] of Object.entries(answers)) {
          const q = questions.find((x) => x.id === questionId);
          if (!q || chosen.some((id) => !q.options.some((o) => o.id === id)))
            throw fieldError(`answers.${questionId}`, 'training.test.unknownAnswer');
        }
        const score = scoreTest(questions, answers, registration.passThreshold);
        const [attempt] = await queryRows<{ id: string }>(
          tx,
          sql`insert into training_test_attempts (registration_id, kind, answers, points, max_points, percent, passed, taken_on)
              values (${registration.id}, ${kind}, ${JSON.stringify(answers)}::jsonb, ${score.points}, ${score.maxPoints},
                ${score.percent}, ${score.passed}, ${today})
              returning id`,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'training_test_attempt',
          recordId: attempt?.id,
          before: null,
          after: { kind, percent: score.percent, passed: score.passed },
          details: { registrationId: registration.id },
        });
        if (kind === 'koncowy' && score.passed)
          await issueCertificateIfDue(tx, registration.id, today, actorFromRequest(request));
        const after = await oneRegistration(tx, registration.id, request.actor);
        return {
          kind,
          ...score,
          attemptsLeft: kind === 'wstepny' ? 0 : MAX_FINAL_TEST_ATTEMPTS - (after.finalTest?.attempts ?? 0),
          raisedQualifications: raisedQualifications({
            finalTestPassed: !!after.finalTest?.passed,
            certificateValid: !!after.certificate && !after.certificate.revokedOn,
          }),
          certificate: after.certificate,
        };
      });
      return outcome;
    },
  );

  app.post(
    '/registrations/:registrationId/paper-tests',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Enter the result of a test taken on paper (organiser)',
        params: RegistrationParams,
        body: PaperTestResult,
        response: { 200: Registration },
      },
    },
    async (request) => {
      const { registration, roles } = await visibleRegistration(request, request.params.registrationId);
      if (!roles.asManager) return forbidden(request, registration.id, 'not_organiser');
      const { kind, percent, takenOn } = request.body;
      const today = warsawToday();
      if (registration.status !== 'potwierdzona') throw fieldError('kind', 'training.paperTest.notConfirmed');
      if (takenOn > today) throw fieldError('takenOn', 'training.paperTest.future');
      const passed = percent >= registration.passThreshold;
      await db.transaction(async (tx) => {
        const [attempt] = await queryRows<{ id: string }>(
          tx,
          sql`insert into training_test_attempts (registration_id, kind, percent, passed, taken_on, recorded_by, on_paper)
              values (${registration.id}, ${kind}, ${percent}, ${passed}, ${takenOn}, ${request.actor?.userId ?? null}, true)
              returning id`,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'training_test_attempt',
          recordId: attempt?.id,
          before: null,
          after: { kind, percent, passed, onPaper: true, takenOn },
          details: { registrationId: registration.id },
        });
        if (kind === 'koncowy' && passed)
          await issueCertificateIfDue(tx, registration.id, today, actorFromRequest(request));
      });
      return oneRegistration(db, registration.id, request.actor);
    },
  );
};
