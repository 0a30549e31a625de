import { createHash } from 'node:crypto';
import {
  ATTACHMENT_MAX_BYTES,
  Attachment,
  TimelineEntry,
  TimelineEntryInput,
  TimelinePage,
  TimelineQuery,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { attachments, timelineAttachments, timelineEntries } from '../../db/schema/index.js';
import { isoColumn } from '../../db/sql.js';
import type { Actor } from '../../http/access.js';
import { AppError } from '../../http/problem.js';
import { registerUploadRoutes } from '../../http/upload.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { actorOf, fieldError, outOfScope } from '../identity/scope.js';
import { requireCase, requireWritable, sensitiveEntriesVisible, touchCase } from './access.js';
import { contentDisposition, sanitizeFilename, sniffAttachmentType } from './attachment-files.js';

const CaseParams = z.object({ caseId: z.uuid() });
const AttachmentParams = z.object({ caseId: z.uuid(), attachmentId: z.uuid() });
const UploadQuery = z.object({ filename: z.string().trim().min(1).max(1000) });
const AttachmentList = z.object({ items: z.array(Attachment) });

/** The body limit of an upload: the domain's limit plus room for a little framing slack. */
const UPLOAD_BODY_LIMIT = ATTACHMENT_MAX_BYTES + 64 * 1024;
const tooLarge = () =>
  new AppError('payload_too_large', 'attachment.tooLarge', {
    maxMb: Math.round(ATTACHMENT_MAX_BYTES / (1024 * 1024)),
  });

const iso = isoColumn;

/**
 * An attachment (alias `a`, its case `c`) the actor may see: one not linked to any timeline entry (a
 * fresh upload, a signed plan scan), or linked to at least one entry the actor sees. A file attached
 * only to sensitive entries hidden from the actor is hidden too.
 */
export function attachmentVisible(actor: Actor, a = 'a', c = 'c'): SQL {
  const at = sql.raw(a);
  return sql`(not exists (select 1 from timeline_attachments ta0 where ta0.attachment_id = ${at}.id)
    or exists (select 1 from timeline_attachments ta1 join timeline_entries te on te.id = ta1.entry_id
               where ta1.attachment_id = ${at}.id and ${sensitiveEntriesVisible(actor, 'te', c)}))`;
}

type EntryRow = TimelineEntry & { cursor: string };

/**
 * Timeline entries of one case the actor may see, newest first, with their author and attachment
 * metadata (never the file content). Paged by a keyset cursor `<occurred_at with µs>~<id>`.
 */
async function selectEntries(
  db: DbOrTx,
  actor: Actor,
  caseId: string,
  opts: { id?: string; kind?: string; before?: { at: string; id: string | null }; limit: number },
): Promise<EntryRow[]> {
  const conds: SQL[] = [sql`t.case_id = ${caseId}`, sensitiveEntriesVisible(actor, 't', 'c')];
  if (opts.id) conds.push(sql`t.id = ${opts.id}`);
  if (opts.kind) conds.push(sql`t.kind = ${opts.kind}`);
  if (opts.before)
    conds.push(
      opts.before.id
        ? sql`(t.occurred_at, t.id) < (${opts.before.at}::timestamptz, ${opts.before.id}::uuid)`
        : sql`t.occurred_at < ${opts.before.at}::timestamptz`,
    );
  return queryRows<EntryRow>(
    db,
    sql`select t.id, t.kind, ${iso('t.occurred_at')} as "occurredAt", t.title, t.body, t.sensitive,
          json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name) as author,
          coalesce((select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'mimeType', a.mime_type,
                                      'size', a.size, 'createdAt', ${iso('a.created_at')}) order by a.created_at, a.id)
                    from timeline_attachments ta join attachments a on a.id = ta.attachment_id
                    where ta.entry_id = t.id), '[]'::json) as attachments,
          ${iso('t.created_at')} as "createdAt",
          to_char(t.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '~' || t.id as cursor
        from timeline_entries t
        join cases c on c.id = t.case_id
        join users u on u.id = t.author_id
        where ${sql.join(conds, sql` and `)}
        order by t.occurred_at desc, t.id desc
        limit ${opts.limit}`,
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `before` is an ISO time, or the cursor the previous page returned (`<time>~<id>`). */
function parseBefore(before: string | undefined): { at: string; id: string | null } | undefined {
  if (!before) return undefined;
  const [at = '', id, ...rest] = before.split('~');
  if (rest.length || Number.isNaN(Date.parse(at)) || (id !== undefined && !UUID.test(id)))
    throw fieldError('query.before', 'zod.invalid');
  return { at, id: id ?? null };
}

const strip = ({ cursor: _c, ...entry }: EntryRow): TimelineEntry => entry;

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:caseId/timeline',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cases'],
        summary:
          'The case timeline, newest first (sensitive entries only for their author, the lead worker and supervisors)',
        params: CaseParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { caseId } = request.params;
      await requireCase(request, db, actor, caseId);
      const { kind, limit } = request.query;
      const before = parseBefore(request.query.before);
      const rows = await selectEntries(db, actor, caseId, { kind, before, limit: limit + 1 });
      const page = rows.slice(0, limit);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'case_timeline',
        recordId: caseId,
        details: { entries: page.length, ...(kind ? { kind } : {}), ...(before ? { paged: true } : {}) },
      });
      return {
        items: page.map(strip),
        nextBefore: rows.length > limit ? (page.at(-1)?.cursor ?? null) : null,
      };
    },
  );

  app.post(
    '/:caseId/timeline',
    {
      config: { access: { permission: 'cases.write' } },
      schema: {
        tags: ['cases'],
        summary: 'Record a visit, conversation, phone call, note or document on the case timeline',
        params: CaseParams,
        body: TimelineEntryInput,
        response: { 201: TimelineEntry },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { caseId } = request.params;
      const access = await requireCase(request, db, actor, caseId);
      requireWritable(actor, access);
      const input = request.body;
      const attachmentIds = [...new Set(input.attachmentIds)];
      const id = await db.transaction(async (tx) => {
        if (attachmentIds.length) {
          const found = await queryRows<{ id: string }>(
            tx,
            sql`select a.id from attachments a join cases c on c.id = a.case_id
                where a.case_id = ${caseId} and a.id = any(${sql.param(attachmentIds)}::uuid[])
                  and ${attachmentVisible(actor)}`,
          );
          if (found.length !== attachmentIds.length)
            throw fieldError('attachmentIds', 'timeline.attachmentNotInCase');
        }
        const [created] = await tx
          .insert(timelineEntries)
          .values({
            caseId,
            kind: input.kind,
            occurredAt: new Date(input.occurredAt),
            title: input.title,
            body: input.body,
            sensitive: input.sensitive,
            authorId: actor.userId,
          })
          .returning({ id: timelineEntries.id });
        if (!created) throw new Error('insert returned nothing');
        if (attachmentIds.length)
          await tx
            .insert(timelineAttachments)
            .values(attachmentIds.map((attachmentId) => ({ entryId: created.id, attachmentId })));
        await touchCase(tx, caseId);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'timeline_entry',
          recordId: created.id,
          before: null,
          after: {
            caseId,
            kind: input.kind,
            occurredAt: input.occurredAt,
            title: input.title,
            body: input.body,
            sensitive: input.sensitive,
            attachmentIds,
          },
          // What was said or seen during a visit is personal data: logged as written, never its text.
          sensitiveFields: ['body'],
        });
        return created.id;
      });
      const [entry] = await selectEntries(db, actor, caseId, { id, limit: 1 });
      return reply.status(201).send(strip(entry as EntryRow));
    },
  );

  // Uploads take the raw file as the body (any content type: the content decides), in a scope of
  // their own so that no other route accepts 10 MB bodies.
  await registerUploadRoutes(app, { bodyLimit: UPLOAD_BODY_LIMIT, tooLarge: tooLarge }, async (upload) => {
    upload.post(
      '/:caseId/attachments',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        config: { access: { permission: 'cases.write' } },
        schema: {
          tags: ['cases'],
          summary:
            'Upload a file to the case (raw body; PDF, PNG, JPEG or WebP checked by content; at most 10 MB)',
          params: CaseParams,
          querystring: UploadQuery,
          response: { 201: Attachment },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { caseId } = request.params;
        const access = await requireCase(request, db, actor, caseId);
        requireWritable(actor, access);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw fieldError('file', 'attachment.type');
        if (body.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
        const mimeType = sniffAttachmentType(body);
        if (!mimeType) throw fieldError('file', 'attachment.type');
        const filename = sanitizeFilename(request.query.filename, mimeType);
        const sha256 = createHash('sha256').update(body).digest('hex');
        const created = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(attachments)
            .values({
              caseId,
              filename,
              mimeType,
              size: body.length,
              sha256,
              data: body,
              uploadedBy: actor.userId,
            })
            .returning({ id: attachments.id, createdAt: attachments.createdAt });
          if (!row) throw new Error('insert returned nothing');
          await touchCase(tx, caseId);
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'attachment',
            recordId: row.id,
            before: null,
            after: { caseId, filename, mimeType, size: body.length, sha256 },
          });
          return row;
        });
        return reply.status(201).send({
          id: created.id,
          filename,
          mimeType,
          size: body.length,
          createdAt: created.createdAt.toISOString(),
        });
      },
    );
  });

  app.get(
    '/:caseId/attachments',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cases'],
        summary: 'Files of the case the actor may see (metadata only), newest first',
        params: CaseParams,
        response: { 200: AttachmentList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { caseId } = request.params;
      await requireCase(request, db, actor, caseId);
      const items = await queryRows<Attachment>(
        db,
        sql`select a.id, a.filename, a.mime_type as "mimeType", a.size, ${iso('a.created_at')} as "createdAt"
            from attachments a join cases c on c.id = a.case_id
            where a.case_id = ${caseId} and ${attachmentVisible(actor)}
            order by a.created_at desc, a.id desc`,
      );
      return { items };
    },
  );

  app.get(
    '/:caseId/attachments/:attachmentId',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        tags: ['cases'],
        summary: 'Download a file of the case (logged)',
        params: AttachmentParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { caseId, attachmentId } = request.params;
      await requireCase(request, db, actor, caseId);
      const [row] = await queryRows<{ filename: string; mimeType: string; data: Uint8Array }>(
        db,
        sql`select a.filename, a.mime_type as "mimeType", a.data
            from attachments a join cases c on c.id = a.case_id
            where a.id = ${attachmentId} and a.case_id = ${caseId} and ${attachmentVisible(actor)}`,
      );
      // Missing, of another case, or attached only to sensitive entries hidden from the actor: 404.
      if (!row) return outOfScope(request, 'attachment', attachmentId);
      const data = Buffer.isBuffer(row.data)
        ? row.data
        : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'attachment',
        recordId: attachmentId,
        details: { caseId, size: data.length },
      });
      return reply
        .header('content-type', row.mimeType)
        .header('content-disposition', contentDisposition(row.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );
};
