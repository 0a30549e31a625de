import type { Readable } from 'node:stream';
import {
  SMEFS_IMPORT_MAX_BYTES,
  SmefsExportQuery,
  SmefsImport,
  SmefsImportConfirm,
  SmefsImportQuery,
  SmefsImportUploadQuery,
  SmefsReport,
  SmefsReportQuery,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../db/database.js';
import { translate } from '../../http/messages.js';
import { AppError, languageOf, notFound, problemFor, sendProblem } from '../../http/problem.js';
import { registerUploadRoutes } from '../../http/upload.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition } from '../cases/attachment-files.js';
import { fieldError } from '../identity/scope.js';
import { requireProjectTeam } from '../projects/index.js';
import { prepareExport, type SmefsProject, scanProject } from './export.js';
import { detectFormat, packPayload } from './import-file.js';
import {
  estimateRows,
  importView,
  isStale,
  loadImport,
  pendingJobs,
  saveImport,
  startJob,
  validateImport,
} from './imports.js';
import { TerritoryNames } from './territory-names.js';

const ProjectParams = z.object({ projectId: z.uuid() });
const ImportParams = ProjectParams.extend({ importId: z.uuid() });
const UPLOAD_BODY_LIMIT = SMEFS_IMPORT_MAX_BYTES + 64 * 1024;
const tooLarge = () =>
  new AppError('payload_too_large', 'smefs.fileTooLarge', {
    maxMb: Math.round(SMEFS_IMPORT_MAX_BYTES / (1024 * 1024)),
  });

/** The file name of an export: "SM_EFS_<project number>_<date>.<ext>" with the number made file-safe. */
function exportFilename(number: string, ext: 'csv' | 'xlsx'): string {
  const safe = number.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return `SM_EFS_${safe}_${new Date().toISOString().slice(0, 10)}.${ext}`;
}

/**
 * SM EFS export and import of a project's participants (docs/smefs.md) under
 * /api/projects/:projectId/smefs…: the project team reads (report, exports), its coordinators
 * import; anybody else gets 404. Every read of personal data and every export is audited.
 */
export const smefsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  app.addHook('onClose', async () => {
    await Promise.allSettled([...pendingJobs]);
  });

  async function projectOf(id: string): Promise<SmefsProject & { leaderInstitutionId: string }> {
    const [p] = await queryRows<{ number: string; leaderInstitutionId: string }>(
      db,
      sql`select number, leader_institution_id as "leaderInstitutionId" from projects where id = ${id}`,
    );
    if (!p) throw notFound();
    return { id, ...p };
  }

  app.get(
    '/:projectId/smefs/validation',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['smefs'],
        summary:
          'The SM EFS validation report of the project: counts, problems per column, participants with problems',
        params: ProjectParams,
        querystring: SmefsReportQuery,
        response: { 200: SmefsReport },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const project = await projectOf(access.id);
      const report = await scanProject(
        db,
        project,
        await TerritoryNames.load(db),
        languageOf(request),
        request.query,
      );
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'smefs_report',
        recordId: project.id,
        details: { total: report.total, invalid: report.invalid, shown: report.items.length },
      });
      return { ...report, abilities: { import: access.manage } };
    },
  );

  async function sendExport(
    request: FastifyRequest,
    reply: FastifyReply,
    format: 'csv' | 'xlsx',
    force: boolean,
  ) {
    const access = await requireProjectTeam(request, (request.params as { projectId: string }).projectId);
    const project = await projectOf(access.id);
    const territory = await TerritoryNames.load(db);
    const lang = languageOf(request);
    const prepared = await prepareExport(db, project, territory, lang, format);
    const { report } = prepared;
    if (report.invalid > 0 && !force) {
      await prepared.discard();
      // problem+json with the report as an extension member: the file would not be right the first time.
      const problem = problemFor('conflict', lang, {
        detail: translate('smefs.exportInvalid', lang, { invalid: report.invalid, total: report.total }),
        instance: request.url.split('?')[0],
        requestId: request.id,
      });
      return sendProblem(reply, {
        ...problem,
        report: { ...report, abilities: { import: access.manage } },
      } as never);
    }
    let file: Readable;
    try {
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'smefs_export',
        recordId: project.id,
        details: { format, count: report.total, invalid: report.invalid, forced: report.invalid > 0 },
      });
      file = await prepared.open();
    } catch (err) {
      await prepared.discard();
      throw err;
    }
    return reply
      .header('content-disposition', contentDisposition(exportFilename(project.number, format)))
      .header('content-length', prepared.size)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .type(
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      .send(file);
  }

  app.get(
    '/:projectId/smefs/export.csv',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['smefs'],
        summary:
          'The SM EFS CSV (UTF-8 with BOM, ";", CRLF), streamed; 409 with the report when participants have problems, unless force=true (logged)',
        params: ProjectParams,
        querystring: SmefsExportQuery,
      },
    },
    async (request, reply) => sendExport(request, reply, 'csv', request.query.force === 'true'),
  );

  app.get(
    '/:projectId/smefs/export.xlsx',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['smefs'],
        summary:
          'The SM EFS file as XLSX, streamed; 409 with the report when participants have problems, unless force=true',
        params: ProjectParams,
        querystring: SmefsExportQuery,
      },
    },
    async (request, reply) => sendExport(request, reply, 'xlsx', request.query.force === 'true'),
  );

  app.get(
    '/:projectId/smefs/imports/:importId',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['smefs'],
        summary: 'An import: progress, per-row problems (paged) once checked, notices, what was saved',
        params: ImportParams,
        querystring: SmefsImportQuery,
        response: { 200: SmefsImport },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const row = await loadImport(db, access.id, request.params.importId);
      if (!row) throw notFound();
      const view = importView(row, languageOf(request), { ...request.query, manage: access.manage });
      // Progress carries no personal data; the checked file's problems do, and their read is logged.
      if (view.status !== 'walidacja' && view.status !== 'zapisywanie')
        await writeAudit(db, actorFromRequest(request), {
          action: 'record.read',
          recordType: 'smefs_import',
          recordId: row.id,
          details: { projectId: access.id, status: view.status, errorsShown: view.errors.length },
        });
      return view;
    },
  );

  app.post(
    '/:projectId/smefs/imports/:importId/confirm',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['smefs'],
        summary:
          'Save a checked import: all rows or nothing, in one transaction, in the background (202; poll the import)',
        params: ImportParams,
        body: SmefsImportConfirm,
        response: { 202: SmefsImport },
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const project = await projectOf(access.id);
      const row = await loadImport(db, access.id, request.params.importId);
      if (!row) throw notFound();
      if (row.version !== request.body.version) throw new AppError('conflict', 'record.conflict');
      const claimed = await queryRows<{ id: string }>(
        db,
        sql`update smefs_imports set status = 'zapisywanie', processed = 0, version = version + 1, updated_at = now()
             where id = ${row.id} and status = 'gotowy' and version = ${request.body.version} returning id`,
      );
      if (claimed.length === 0) throw new AppError('conflict', 'smefs.importNotReady');
      const actor = actorFromRequest(request);
      startJob(row.id, request.log, () => saveImport(db, request.log, row.id, project, actor));
      const saving = await loadImport(db, access.id, row.id);
      return reply
        .status(202)
        .send(
          importView(saving ?? row, languageOf(request), { errorsOffset: 0, errorsLimit: 0, manage: true }),
        );
    },
  );

  app.delete(
    '/:projectId/smefs/imports/:importId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['smefs'],
        summary: 'Discard an import with its file (not while it is being checked or saved)',
        params: ImportParams,
      },
    },
    async (request, reply) => {
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const row = await loadImport(db, access.id, request.params.importId);
      if (!row) throw notFound();
      if ((row.status === 'walidacja' || row.status === 'zapisywanie') && !isStale(row))
        throw new AppError('conflict', 'smefs.importBusy');
      await db.transaction(async (tx) => {
        await tx.execute(sql`delete from smefs_imports where id = ${row.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'smefs_import',
          recordId: row.id,
          before: { filename: row.filename, status: row.status, rowCount: row.rowCount },
          after: null,
          details: { projectId: access.id },
        });
      });
      return reply.status(204).send();
    },
  );

  // The upload takes the raw file as the body, in a scope of its own (no other route takes 64 MB).
  await registerUploadRoutes(app, { bodyLimit: UPLOAD_BODY_LIMIT, tooLarge: tooLarge }, async (upload) => {
    upload.post(
      '/:projectId/smefs/imports',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        config: { access: { permission: 'projects.manage' } },
        schema: {
          tags: ['smefs'],
          summary:
            'Upload an SM EFS file (raw body: CSV or XLSX, at most 64 MB): stored and checked row by row in the background (202; poll the import). Nothing is written to participants.',
          params: ProjectParams,
          querystring: SmefsImportUploadQuery,
          response: { 202: SmefsImport },
        },
      },
      async (request, reply) => {
        const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
        const project = await projectOf(access.id);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw fieldError('file', 'smefs.empty');
        if (body.length > SMEFS_IMPORT_MAX_BYTES) throw tooLarge();
        const format = detectFormat(body);
        const filename = request.query.filename.replace(/[\\/]/g, '_');
        const actor = actorFromRequest(request);
        const id = await db.transaction(async (tx) => {
          // Files of imports never saved are personal data kept for nothing: gone after 30 days.
          await tx.execute(
            sql`delete from smefs_imports where project_id = ${project.id} and status <> 'zapisany'
                  and updated_at < now() - interval '30 days'`,
          );
          const [row] = await queryRows<{ id: string }>(
            tx,
            sql`insert into smefs_imports (project_id, filename, format, status, row_count, payload, created_by)
                values (${project.id}, ${filename}, ${format}, 'walidacja', ${estimateRows(body, format)}, ${packPayload(body)},
                        ${actor.userId ?? null})
                returning id`,
          );
          if (!row) throw new Error('insert returned nothing');
          await writeAudit(tx, actor, {
            action: 'record.create',
            recordType: 'smefs_import',
            recordId: row.id,
            before: null,
            after: { filename, format, size: body.length },
            details: { projectId: project.id },
          });
          return row.id;
        });
        startJob(id, request.log, () => validateImport(db, id, project));
        const row = await loadImport(db, project.id, id);
        return reply.status(202).send(
          importView(row as NonNullable<typeof row>, languageOf(request), {
            errorsOffset: 0,
            errorsLimit: 0,
            manage: true,
          }),
        );
      },
    );
  });
};
