import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, Lesson, LessonInput, LessonList, LessonUpdate } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { documents } from '../../db/schema/index.js';
import { AppError, notFound, validationFailed } from '../../http/problem.js';
import { registerUploadRoutes } from '../../http/upload.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition, sanitizeFilename, sniffAttachmentType } from '../cases/attachment-files.js';
import { actorOf, conflict, fieldError, outOfScope } from '../identity/scope.js';
import {
  managesOrganiser,
  requireTrainingManager,
  type TrainingAccessRow,
  visibleTraining,
} from './access.js';
import { issueCertificateIfDue } from './certificates.js';

const TrainingParams = z.object({ trainingId: z.uuid() });
const LessonParams = TrainingParams.extend({ lessonId: z.uuid() });
const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });
const FileQuery = VersionQuery.extend({ filename: z.string().trim().min(1).max(1000) });

/** The body limit of an upload: the domain's limit plus room for a little framing slack. */
const UPLOAD_BODY_LIMIT = ATTACHMENT_MAX_BYTES + 64 * 1024;
const tooLarge = () =>
  new AppError('payload_too_large', 'attachment.tooLarge', {
    maxMb: Math.round(ATTACHMENT_MAX_BYTES / (1024 * 1024)),
  });

type LessonInputOut = z.output<typeof LessonInput>;

/** Rules of a lesson beyond shapes: an image needs its text alternative, a video its address. */
export function lessonIssues(l: LessonInputOut, prefix = ''): { field: string; code: string }[] {
  const issues: { field: string; code: string }[] = [];
  if (l.kind === 'obraz' && !l.altText)
    issues.push({ field: `${prefix}altText`, code: 'training.lesson.altRequired' });
  if (l.kind === 'wideo' && !l.videoUrl)
    issues.push({ field: `${prefix}videoUrl`, code: 'training.lesson.videoRequired' });
  return issues;
}

/** The file types a lesson of a kind takes (null: none). */
function acceptsFile(kind: string, mimeType: string): boolean {
  if (kind === 'obraz') return mimeType.startsWith('image/');
  return kind === 'plik';
}

interface LessonRow extends Omit<Lesson, 'file'> {
  documentId: string | null;
  filename: string | null;
  mimeType: string | null;
  size: number | null;
}

const toLesson = ({ documentId: _d, filename, mimeType, size, ...l }: LessonRow): Lesson => ({
  ...l,
  file: filename && mimeType && size !== null ? { filename, mimeType, size } : null,
});

/** The lessons of a training in order, with when the given learners completed each. */
async function loadLessons(
  db: DbOrTx,
  trainingId: string,
  learnerIds: string[],
  lessonId?: string,
): Promise<LessonRow[]> {
  return queryRows<LessonRow>(
    db,
    sql`select ls.id, ls.training_id as "trainingId", ls.title, ls.kind, ls.body, ls.video_url as "videoUrl",
          ls.alt_text as "altText", ls.document_id as "documentId", d.filename, d.mime_type as "mimeType", d.size,
          ls.position, ls.version,
          (select to_char(min(p.completed_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
             from training_lesson_progress p
             where p.lesson_id = ls.id and p.learner_id = any(${sql.param(learnerIds)}::uuid[])) as "completedAt"
        from training_lessons ls left join documents d on d.id = ls.document_id
        where ls.training_id = ${trainingId} ${lessonId ? sql`and ls.id = ${lessonId}` : sql``}
        order by ls.position, ls.created_at, ls.id`,
  );
}

const lessonAuditable = (l: {
  title: string;
  kind: string;
  body: string | null;
  videoUrl: string | null;
  altText: string | null;
  position: number;
}) => ({
  title: l.title,
  kind: l.kind,
  bodyChars: l.body?.length ?? 0,
  videoUrl: l.videoUrl,
  altText: l.altText,
  position: l.position,
});

interface LessonAccess {
  training: TrainingAccessRow;
  manager: boolean;
  /** The actor's learner records with a confirmed registration in an edition of the training. */
  learnerIds: string[];
  /** Those confirmed registrations. */
  registrationIds: string[];
}

/**
 * Who follows the lessons of a training: its managers, and learners with a confirmed registration in
 * one of its editions. Anyone else gets 404 (logged), as for a training that does not exist.
 */
async function lessonAccess(request: FastifyRequest, trainingId: string): Promise<LessonAccess> {
  const actor = actorOf(request);
  const training = await visibleTraining(request, trainingId);
  const confirmed = await queryRows<{ learnerId: string; registrationId: string }>(
    request.server.db,
    sql`select l.id as "learnerId", r.id as "registrationId"
        from training_registrations r
        join training_learners l on l.id = r.learner_id
        join training_editions e on e.id = r.edition_id
        where e.training_id = ${training.id} and l.user_id = ${actor.userId} and r.status = 'potwierdzona'
        order by r.registered_at, r.id`,
  );
  const manager = managesOrganiser(actor, training.organiserInstitutionId);
  if (!manager && confirmed.length === 0) return outOfScope(request, 'training', trainingId);
  return {
    training,
    manager,
    learnerIds: [...new Set(confirmed.map((c) => c.learnerId))],
    registrationIds: confirmed.map((c) => c.registrationId),
  };
}

async function lockLesson(tx: DbOrTx, trainingId: string, lessonId: string): Promise<LessonRow> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select id from training_lessons where id = ${lessonId} and training_id = ${trainingId} for update`,
  );
  if (!row) throw notFound();
  const [lesson] = await loadLessons(tx, trainingId, [], lessonId);
  if (!lesson) throw notFound();
  return lesson;
}

/**
 * E-learning lessons (docs/trainings.md): the organiser writes them — text, an image with its text
 * alternative, a video by its https address with a transcript, a file to download — and learners
 * with a confirmed place follow them: opening a lesson records that they started it (the indicator
 * "supported" counts that), completing it records when; completing the last one after passing the
 * final test issues the certificate.
 */
export const lessonRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:trainingId/lessons',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'The lessons of a training (its organiser, or a learner with a confirmed place)',
        params: TrainingParams,
        response: { 200: LessonList },
      },
    },
    async (request) => {
      const access = await lessonAccess(request, request.params.trainingId);
      const rows = await loadLessons(db, access.training.id, access.learnerIds);
      return { items: rows.map(toLesson) };
    },
  );

  app.get(
    '/:trainingId/lessons/:lessonId',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'Open a lesson (a learner’s opening records that they started it)',
        params: LessonParams,
        response: { 200: Lesson },
      },
    },
    async (request) => {
      const access = await lessonAccess(request, request.params.trainingId);
      const [exists] = await loadLessons(db, access.training.id, [], request.params.lessonId);
      if (!exists) throw notFound();
      for (const learnerId of access.learnerIds)
        await db.execute(
          sql`insert into training_lesson_progress (lesson_id, learner_id) values (${exists.id}, ${learnerId})
              on conflict (lesson_id, learner_id) do nothing`,
        );
      const [row] = await loadLessons(db, access.training.id, access.learnerIds, exists.id);
      return toLesson(row as LessonRow);
    },
  );

  app.post(
    '/:trainingId/lessons',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Add a lesson (an image needs its text alternative, a video its address)',
        params: TrainingParams,
        body: LessonInput,
        response: { 201: Lesson },
      },
    },
    async (request, reply) => {
      const training = await requireTrainingManager(request, request.params.trainingId);
      const input = request.body;
      const issues = lessonIssues(input);
      if (issues.length) throw validationFailed(issues);
      const lesson = await db.transaction(async (tx) => {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into training_lessons (training_id, title, kind, body, video_url, alt_text, position)
              values (${training.id}, ${input.title}, ${input.kind}, ${input.body}, ${input.videoUrl}, ${input.altText},
                ${input.position})
              returning id`,
        );
        if (!row) throw new Error('insert returned nothing');
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'training_lesson',
          recordId: row.id,
          before: null,
          after: lessonAuditable(input),
          details: { trainingId: training.id },
        });
        const [created] = await loadLessons(tx, training.id, [], row.id);
        return toLesson(created as LessonRow);
      });
      return reply.status(201).send(lesson);
    },
  );

  app.put(
    '/:trainingId/lessons/:lessonId',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Change a lesson with the loaded version (a file the new kind does not take is removed)',
        params: LessonParams,
        body: LessonUpdate,
        response: { 200: Lesson },
      },
    },
    async (request) => {
      const training = await requireTrainingManager(request, request.params.trainingId);
      const { lesson: input, version } = request.body;
      const issues = lessonIssues(input, 'lesson.');
      if (issues.length) throw validationFailed(issues);
      return db.transaction(async (tx) => {
        const before = await lockLesson(tx, training.id, request.params.lessonId);
        if (before.version !== version) throw conflict();
        const dropFile = !!before.documentId && !acceptsFile(input.kind, before.mimeType ?? '');
        await tx.execute(
          sql`update training_lessons set title = ${input.title}, kind = ${input.kind}, body = ${input.body},
                video_url = ${input.videoUrl}, alt_text = ${input.altText}, position = ${input.position},
                ${dropFile ? sql`document_id = null,` : sql``} version = version + 1, updated_at = now()
              where id = ${before.id}`,
        );
        if (dropFile) await tx.execute(sql`delete from documents where id = ${before.documentId}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'training_lesson',
          recordId: before.id,
          before: { ...lessonAuditable(before), file: before.filename },
          after: { ...lessonAuditable(input), file: dropFile ? null : before.filename },
          details: { trainingId: training.id },
        });
        const [row] = await loadLessons(tx, training.id, [], before.id);
        return toLesson(row as LessonRow);
      });
    },
  );

  app.delete(
    '/:trainingId/lessons/:lessonId',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Delete a lesson with its file and the learners’ progress in it',
        params: LessonParams,
        querystring: VersionQuery,
      },
    },
    async (request, reply) => {
      const training = await requireTrainingManager(request, request.params.trainingId);
      await db.transaction(async (tx) => {
        const before = await lockLesson(tx, training.id, request.params.lessonId);
        if (before.version !== request.query.version) throw conflict();
        const [progress] = await queryRows<{ started: number; completed: number }>(
          tx,
          sql`select count(*)::int as started, count(completed_at)::int as completed
              from training_lesson_progress where lesson_id = ${before.id}`,
        );
        await tx.execute(sql`delete from training_lessons where id = ${before.id}`);
        if (before.documentId) await tx.execute(sql`delete from documents where id = ${before.documentId}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'training_lesson',
          recordId: before.id,
          before: { ...lessonAuditable(before), file: before.filename },
          after: null,
          details: { trainingId: training.id, progress },
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/:trainingId/lessons/:lessonId/file',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'The file of a lesson (its image or the file to download)',
        params: LessonParams,
      },
    },
    async (request, reply) => {
      const access = await lessonAccess(request, request.params.trainingId);
      const [row] = await queryRows<{ data: Uint8Array; filename: string; mimeType: string }>(
        db,
        sql`select d.data, d.filename, d.mime_type as "mimeType"
            from training_lessons ls join documents d on d.id = ls.document_id
            where ls.id = ${request.params.lessonId} and ls.training_id = ${access.training.id}`,
      );
      if (!row) throw notFound();
      const data = Buffer.isBuffer(row.data)
        ? row.data
        : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      const disposition = contentDisposition(row.filename);
      return reply
        .header('content-type', row.mimeType)
        .header(
          'content-disposition',
          row.mimeType.startsWith('image/') ? disposition.replace(/^attachment/, 'inline') : disposition,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  app.post(
    '/:trainingId/lessons/:lessonId/complete',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'Mark a lesson completed (the learner); the last one may issue the certificate',
        params: LessonParams,
        response: { 200: Lesson },
      },
    },
    async (request) => {
      const access = await lessonAccess(request, request.params.trainingId);
      if (access.learnerIds.length === 0) {
        await writeAudit(db, actorFromRequest(request), {
          action: 'access.denied',
          outcome: 'denied',
          recordType: 'training_lesson',
          recordId: request.params.lessonId,
          details: { method: request.method, route: request.routeOptions.url, reason: 'not_learner' },
        });
        throw new AppError('forbidden', 'training.forbidden');
      }
      const today = warsawToday();
      return db.transaction(async (tx) => {
        const [lesson] = await loadLessons(tx, access.training.id, [], request.params.lessonId);
        if (!lesson) throw notFound();
        let newlyCompleted = false;
        for (const learnerId of access.learnerIds) {
          const done = await queryRows<{ learnerId: string }>(
            tx,
            sql`insert into training_lesson_progress as p (lesson_id, learner_id, completed_at)
                values (${lesson.id}, ${learnerId}, now())
                on conflict (lesson_id, learner_id) do update set completed_at = now()
                  where p.completed_at is null
                returning learner_id as "learnerId"`,
          );
          newlyCompleted ||= done.length > 0;
        }
        if (newlyCompleted) {
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'training_lesson_progress',
            recordId: lesson.id,
            after: { completed: true },
            details: { trainingId: access.training.id, learnerIds: access.learnerIds },
          });
          // E-learning: the last lesson completed after the passed final test completes the certificate.
          for (const registrationId of access.registrationIds)
            await issueCertificateIfDue(tx, registrationId, today, actorFromRequest(request));
        }
        const [row] = await loadLessons(tx, access.training.id, access.learnerIds, lesson.id);
        return toLesson(row as LessonRow);
      });
    },
  );

  // The upload takes the raw file as the body (its bytes decide its type), in a scope of its own so
  // that no other route accepts 10 MB bodies.
  await registerUploadRoutes(app, { bodyLimit: UPLOAD_BODY_LIMIT, tooLarge: tooLarge }, async (upload) => {
    upload.put(
      '/:trainingId/lessons/:lessonId/file',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        config: { access: { permission: 'trainings.manage' } },
        schema: {
          tags: ['trainings'],
          summary:
            'Attach the file of an image or file lesson (raw body; PDF, PNG, JPEG or WebP checked by content; at most 10 MB), replacing the previous one',
          params: LessonParams,
          querystring: FileQuery,
          response: { 200: Lesson },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const training = await requireTrainingManager(request, request.params.trainingId);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw fieldError('file', 'training.lesson.fileType');
        if (body.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
        const mimeType = sniffAttachmentType(body);
        if (!mimeType) throw fieldError('file', 'training.lesson.fileType');
        const filename = sanitizeFilename(request.query.filename, mimeType);
        const sha256 = createHash('sha256').update(body).digest('hex');
        return db.transaction(async (tx) => {
          const before = await lockLesson(tx, training.id, request.params.lessonId);
          if (before.version !== request.query.version) throw conflict();
          if (before.kind !== 'obraz' && before.kind !== 'plik')
            throw fieldError('file', 'training.lesson.fileKind');
          if (!acceptsFile(before.kind, mimeType)) throw fieldError('file', 'training.lesson.imageType');
          const [file] = await tx
            .insert(documents)
            .values({
              institutionId: training.organiserInstitutionId,
              filename,
              mimeType,
              size: body.length,
              sha256,
              data: body,
              uploadedBy: actor.userId,
            })
            .returning({ id: documents.id });
          if (!file) throw new Error('insert returned nothing');
          await tx.execute(
            sql`update training_lessons set document_id = ${file.id}, version = version + 1, updated_at = now()
                where id = ${before.id}`,
          );
          if (before.documentId) await tx.execute(sql`delete from documents where id = ${before.documentId}`);
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'training_lesson',
            recordId: before.id,
            before: before.filename
              ? { file: { filename: before.filename, mimeType: before.mimeType, size: before.size } }
              : { file: null },
            after: { file: { filename, mimeType, size: body.length, sha256 } },
            details: { trainingId: training.id },
          });
          const [row] = await loadLessons(tx, training.id, [], before.id);
          return toLesson(row as LessonRow);
        });
      },
    );
  });
};
