import { createHash } from 'node:crypto';
import {
  ATTACHMENT_MAX_BYTES,
  ProjectDocument,
  ProjectDocumentList,
  ProjectDocumentUploadQuery,
  projectDocumentKinds,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../db/database.js';
import { documents } from '../../db/schema/index.js';
import { AppError, notFound } from '../../http/problem.js';
import { registerUploadRoutes } from '../../http/upload.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition, sanitizeFilename, sniffAttachmentType } from '../cases/attachment-files.js';
import { actorOf, fieldError } from '../identity/scope.js';
import { requireProject, requireProjectManager } from './access.js';
import { loadDocuments } from './queries.js';

const IdParams = z.object({ id: z.uuid() });
const DocumentParams = IdParams.extend({ documentId: z.uuid() });
const UPLOAD_BODY_LIMIT = ATTACHMENT_MAX_BYTES + 64 * 1024;
const tooLarge = () =>
  new AppError('payload_too_large', 'attachment.tooLarge', {
    maxMb: Math.round(ATTACHMENT_MAX_BYTES / (1024 * 1024)),
  });

const strip = ({ fileId: _f, ...d }: ProjectDocument & { fileId: string }): ProjectDocument => d;

/**
 * Documents of a project (application, agreement, annexes, regulations, reports): PDF, PNG or JPEG
 * recognised by their bytes, at most 10 MB, stored in `documents` under the leader institution;
 * every download is logged (`export.download`).
 */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:id/documents',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['projects'],
        summary: 'The documents of a project, newest first',
        params: IdParams,
        response: { 200: ProjectDocumentList },
      },
    },
    async (request) => {
      const access = await requireProject(request, request.params.id);
      return { items: (await loadDocuments(db, access.id)).map(strip), abilities: { manage: access.manage } };
    },
  );

  app.get(
    '/:id/documents/:documentId',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['projects'],
        summary: 'Download a document of the project (logged)',
        params: DocumentParams,
      },
    },
    async (request, reply) => {
      const access = await requireProject(request, request.params.id);
      const [doc] = await loadDocuments(db, access.id, sql`pd.id = ${request.params.documentId}`);
      if (!doc) throw notFound();
      const [row] = await queryRows<{ data: Uint8Array }>(
        db,
        sql`select data from documents where id = ${doc.fileId}`,
      );
      if (!row) throw notFound();
      const data = Buffer.isBuffer(row.data)
        ? row.data
        : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'project_document',
        recordId: doc.id,
        details: { projectId: access.id, documentId: doc.fileId, size: data.length },
      });
      return reply
        .header('content-type', doc.mimeType)
        .header('content-disposition', contentDisposition(doc.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  app.delete(
    '/:id/documents/:documentId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['projects'],
        summary: 'Delete a document of the project with its file',
        params: DocumentParams,
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.id);
      await db.transaction(async (tx) => {
        const [doc] = await loadDocuments(tx, access.id, sql`pd.id = ${request.params.documentId}`);
        if (!doc) throw notFound();
        await tx.execute(sql`delete from project_documents where id = ${doc.id}`);
        await tx.execute(sql`delete from documents where id = ${doc.fileId}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'project_document',
          recordId: doc.id,
          before: { kind: doc.kind, title: doc.title, filename: doc.filename, size: doc.size },
          after: null,
          details: { projectId: access.id },
        });
      });
      return reply.status(204).send();
    },
  );

  // The upload takes the raw file as the body (its bytes decide its type), in a scope of its own so
  // that no other route accepts 10 MB bodies.
  await registerUploadRoutes(app, { bodyLimit: UPLOAD_BODY_LIMIT, tooLarge: tooLarge }, async (upload) => {
    upload.post(
      '/:id/documents',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        config: { access: { permission: 'projects.manage' } },
        schema: {
          tags: ['projects'],
          summary:
            'Add a document (raw body; PDF, PNG or JPEG checked by content; at most 10 MB) with its kind and title',
          params: IdParams,
          querystring: ProjectDocumentUploadQuery,
          response: { 201: ProjectDocument },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const access = await requireProjectManager(request, request.params.id);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw fieldError('file', 'project.document.type');
        if (body.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
        const mimeType = sniffAttachmentType(body);
        if (!mimeType || mimeType === 'image/webp') throw fieldError('file', 'project.document.type');
        const filename = sanitizeFilename(request.query.filename, mimeType);
        const { kind } = request.query;
        const title = request.query.title?.trim() || projectDocumentKinds[kind].pl;
        const sha256 = createHash('sha256').update(body).digest('hex');
        const created = await db.transaction(async (tx) => {
          const [file] = await tx
            .insert(documents)
            .values({
              institutionId: access.leaderInstitutionId,
              filename,
              mimeType,
              size: body.length,
              sha256,
              data: body,
              uploadedBy: actor.userId,
            })
            .returning({ id: documents.id });
          if (!file) throw new Error('insert returned nothing');
          const [row] = await queryRows<{ id: string }>(
            tx,
            sql`insert into project_documents (project_id, document_id, kind, title)
                values (${access.id}, ${file.id}, ${kind}, ${title}) returning id`,
          );
          if (!row) throw new Error('insert returned nothing');
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'project_document',
            recordId: row.id,
            before: null,
            after: { kind, title, filename, mimeType, size: body.length, sha256 },
            details: { projectId: access.id },
          });
          const [doc] = await loadDocuments(tx, access.id, sql`pd.id = ${row.id}`);
          return strip(doc as ProjectDocument & { fileId: string });
        });
        return reply.status(201).send(created);
      },
    );
  });
};
