import { createHash } from 'node:crypto';
import {
  AsOfQuery,
  ATTACHMENT_MAX_BYTES,
  type Breakdown,
  breakdownIssues,
  Evidence,
  earlierDay,
  type FieldIssue,
  frozenPeriodOn,
  type IndicatorDefinitionSummary,
  type IndicatorUnit,
  IndicatorValueSeries,
  ManualValueInput,
  manualValueIssues,
  ProjectIndicator,
  ProjectIndicatorInput,
  ProjectIndicatorList,
  ProjectIndicatorUpdate,
  percentFrom,
  VersionQuery,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { AppError, notFound } from '../../http/problem.js';
import { registerUploadRoutes } from '../../http/upload.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition, sanitizeFilename, sniffAttachmentType } from '../cases/attachment-files.js';
import { warsawToday } from '../cases/tasks.js';
import { actorOf, conflict, fieldError, isUniqueViolation } from '../identity/scope.js';
import { requireProject, requireProjectManager } from '../projects/access.js';
import { getMetric, MetricInputError, metricParamsOf } from './metrics/index.js';
import {
  type IndicatorRow,
  indicatorList,
  loadIndicatorRows,
  loadPeriods,
  loadProjectFrame,
  loadValueRows,
  presentSeries,
} from './queries.js';
import { insertValue, lockProjectIndicators, recordMeasurement } from './values.js';

const ProjectParams = z.object({ projectId: z.uuid() });
const IndicatorParams = ProjectParams.extend({ indicatorId: z.uuid() });
const ValueParams = IndicatorParams.extend({ valueId: z.uuid() });
const UploadQuery = z.object({ filename: z.string().trim().min(1).max(1000) });
const UPLOAD_BODY_LIMIT = ATTACHMENT_MAX_BYTES + 64 * 1024;
const tooLarge = () =>
  new AppError('payload_too_large', 'attachment.tooLarge', {
    maxMb: Math.round(ATTACHMENT_MAX_BYTES / (1024 * 1024)),
  });

/** Several field problems at once, as one problem+json answer. */
function invalid(issues: FieldIssue[]): AppError {
  return new AppError('validation_failed', 'validation.summary', { count: issues.length }, issues);
}

/** A metric's key and parameters for an indicator of `unit`; parameters with their defaults. */
function checkMetric(key: string, params: unknown, unit: IndicatorUnit): Record<string, unknown> {
  try {
    const normalised = metricParamsOf(key, params);
    const metric = getMetric(key);
    if (metric && metric.unit !== unit)
      throw fieldError('metricKey', 'indicator.metricUnit', { metricUnit: metric.unit, unit });
    return normalised;
  } catch (e) {
    if (e instanceof MetricInputError)
      throw invalid(
        e.issues.length
          ? e.issues.map((i) => ({
              field: i.path ? `metricParams.${i.path}` : 'metricParams',
              code: i.message,
            }))
          : [{ field: e.field, code: e.code }],
      );
    throw e;
  }
}

/** The settings of an indicator checked against its definition (breakdown of the target, metric). */
function checkSettings(
  def: IndicatorDefinitionSummary,
  s: {
    target: string;
    targetBreakdown: Breakdown;
    source: 'manual' | 'metric';
    metricKey?: string | null;
    metricParams: Record<string, unknown>;
  },
): { metricKey: string | null; metricParams: Record<string, unknown> } {
  const issues = breakdownIssues(s.targetBreakdown, def.breakdowns, s.target, 'targetBreakdown');
  if (issues.length) throw invalid(issues);
  if (s.source === 'manual') return { metricKey: null, metricParams: {} };
  const key = s.metricKey as string;
  return { metricKey: key, metricParams: checkMetric(key, s.metricParams, def.unit) };
}

const auditable = (r: {
  baseline: string;
  target: string;
  targetBreakdown: Breakdown;
  source: string;
  metricKey: string | null;
  metricParams: Record<string, unknown>;
  sortOrder: number;
}) => ({
  baseline: r.baseline,
  target: r.target,
  targetBreakdown: r.targetBreakdown,
  source: r.source,
  metricKey: r.metricKey,
  metricParams: r.metricParams,
  sortOrder: r.sortOrder,
});

async function requireIndicator(db: DbOrTx, projectId: string, indicatorId: string): Promise<IndicatorRow> {
  const [row] = await loadIndicatorRows(db, projectId, indicatorId);
  if (!row) throw notFound();
  return row;
}

/** An uploaded evidence file the actor may attach: theirs, for this project, not used elsewhere. */
async function checkEvidence(
  tx: DbOrTx,
  documentId: string,
  actorId: string,
  leaderInstitutionId: string,
): Promise<void> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select d.id from documents d
        where d.id = ${documentId} and d.uploaded_by = ${actorId} and d.institution_id = ${leaderInstitutionId}
          and not exists (select 1 from indicator_values iv where iv.evidence_document_id = d.id)
          and not exists (select 1 from agreements a where a.signed_scan_id = d.id)
          and not exists (select 1 from project_documents pd where pd.document_id = d.id)`,
  );
  if (!rows.length) throw fieldError('evidenceDocumentId', 'indicator.evidenceUnknown');
}

/**
 * The indicators of a project (/api/projects/:projectId/indicators): list with progress and bands,
 * "as of" a day, add / change / remove (its coordinator), the value series, manual values with
 * evidence and their corrections, and measurements of computed indicators. Reads need the project
 * in the actor's scope (404 otherwise); changes need its coordinator (403 otherwise).
 */
export const projectIndicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function series(projectId: string, row: IndicatorRow, manage: boolean) {
    const [values, periods] = await Promise.all([
      loadValueRows(db, sql`iv.project_indicator_id = ${row.id}`),
      loadPeriods(db, projectId),
    ]);
    return presentSeries(row, values, periods, manage);
  }

  async function live(request: FastifyRequest, projectId: string, indicatorId: string, manage: boolean) {
    const list = await indicatorList(db, {
      projectId,
      today: warsawToday(),
      manage,
      onMetricError: (id, err) => request.log.error({ err, indicatorId: id }, 'indicator metric failed'),
    });
    const item = list.items.find((i) => i.id === indicatorId);
    if (!item) throw notFound();
    return item;
  }

  app.get(
    '/',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['indicators'],
        summary:
          'The project’s indicators with baseline, target, value, progress and band; `asOf` recomputes metrics and takes manual values as known that day',
        params: ProjectParams,
        querystring: AsOfQuery,
        response: { 200: ProjectIndicatorList },
      },
    },
    async (request) => {
      const access = await requireProject(request, request.params.projectId);
      return indicatorList(db, {
        projectId: access.id,
        today: warsawToday(),
        asOf: request.query.asOf,
        manage: access.manage,
        onMetricError: (id, err) => request.log.error({ err, indicatorId: id }, 'indicator metric failed'),
      });
    },
  );

  app.post(
    '/',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Add an indicator: from the library or a new project-specific one; entered by hand or computed by a metric',
        params: ProjectParams,
        body: ProjectIndicatorInput,
        response: { 201: ProjectIndicator },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const input = request.body;
      let def: IndicatorDefinitionSummary;
      if (input.definitionId) {
        const [row] = await queryRows<
          IndicatorDefinitionSummary & { projectId: string | null; active: boolean }
        >(
          db,
          sql`select id, code, name, definition, unit, type, counting, breakdowns, measurement, scope,
                project_id as "projectId", active
              from indicator_definitions where id = ${input.definitionId}`,
        );
        if (!row?.active || (row.projectId && row.projectId !== access.id))
          throw fieldError('definitionId', 'indicator.definitionUnavailable');
        const { projectId: _p, active: _a, ...summary } = row;
        def = summary;
      } else {
        const n = input.newDefinition as NonNullable<typeof input.newDefinition>;
        def = { id: '', ...n, scope: 'projektowy' };
      }
      const metric = checkSettings(def, input);
      let id: string;
      try {
        id = await db.transaction(async (tx) => {
          let definitionId = def.id;
          if (!definitionId) {
            const [created] = await queryRows<{ id: string }>(
              tx,
              sql`insert into indicator_definitions (code, name, definition, unit, type, counting, breakdowns,
                    measurement, scope, project_id)
                  values (${def.code}, ${def.name}, ${def.definition}, ${def.unit}, ${def.type}, ${def.counting},
                    ${JSON.stringify(def.breakdowns)}::jsonb, ${def.measurement}, 'projektowy', ${access.id})
                  returning id`,
            );
            definitionId = created?.id as string;
            await writeAudit(tx, actorFromRequest(request), {
              action: 'record.create',
              recordType: 'indicator_definition',
              recordId: definitionId,
              before: null,
              after: { code: def.code, name: def.name, unit: def.unit, type: def.type, scope: 'projektowy' },
              details: { projectId: access.id },
            });
          }
          const [row] = await queryRows<{ id: string }>(
            tx,
            sql`insert into project_indicators (project_id, definition_id, baseline, target, target_breakdown, source,
                  metric_key, metric_params, sort_order)
                values (${access.id}, ${definitionId}, ${input.baseline}, ${input.target},
                  ${JSON.stringify(input.targetBreakdown)}::jsonb, ${input.source}, ${metric.metricKey},
                  ${JSON.stringify(metric.metricParams)}::jsonb, ${input.sortOrder})
                returning id`,
          );
          const indicatorId = row?.id as string;
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'project_indicator',
            recordId: indicatorId,
            before: null,
            after: { definitionId, ...auditable({ ...input, ...metric }) },
            details: { projectId: access.id },
          });
          // A computed indicator gets its first measurement at once.
          if (input.source === 'metric') {
            const [created] = await loadIndicatorRows(tx, access.id, indicatorId);
            await recordMeasurement(tx, created as IndicatorRow, warsawToday(), actorOf(request).userId);
          }
          return indicatorId;
        });
      } catch (e) {
        if (isUniqueViolation(e, 'project_indicators_uq'))
          throw fieldError('definitionId', 'indicator.alreadyOnProject');
        throw e;
      }
      return reply.status(201).send(await live(request, access.id, id, true));
    },
  );

  app.put(
    '/:indicatorId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Change an indicator’s baseline, target, targets per breakdown or metric (stale version → 409)',
        params: IndicatorParams,
        body: ProjectIndicatorUpdate,
        response: { 200: ProjectIndicator },
      },
    },
    async (request) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const input = request.body;
      const before = await requireIndicator(db, access.id, request.params.indicatorId);
      if (before.version !== input.version) throw conflict();
      const metric = checkSettings(before.definition, input);
      await db.transaction(async (tx) => {
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update project_indicators set baseline = ${input.baseline}, target = ${input.target},
                target_breakdown = ${JSON.stringify(input.targetBreakdown)}::jsonb, source = ${input.source},
                metric_key = ${metric.metricKey}, metric_params = ${JSON.stringify(metric.metricParams)}::jsonb,
                sort_order = ${input.sortOrder ?? before.sortOrder}, version = version + 1
              where id = ${before.id} and version = ${input.version} returning id`,
        );
        if (!updated.length) throw conflict();
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'project_indicator',
          recordId: before.id,
          before: auditable(before),
          after: auditable({ ...input, ...metric, sortOrder: input.sortOrder ?? before.sortOrder }),
          details: { projectId: access.id },
        });
      });
      return live(request, access.id, before.id, true);
    },
  );

  app.delete(
    '/:indicatorId',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Remove an indicator with its values (not one with figures in a frozen reporting period; stale version → 409)',
        params: IndicatorParams,
        querystring: VersionQuery,
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const before = await requireIndicator(db, access.id, request.params.indicatorId);
      if (before.version !== request.query.version) throw conflict();
      await db.transaction(async (tx) => {
        await lockProjectIndicators(tx, access.id);
        const reported = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from reported_values where project_indicator_id = ${before.id}`,
        );
        if ((reported[0]?.n ?? 0) > 0) throw new AppError('bad_request', 'indicator.hasReported');
        const docs = await queryRows<{ id: string }>(
          tx,
          sql`delete from indicator_values where project_indicator_id = ${before.id}
              returning evidence_document_id as id`,
        );
        const deleted = await queryRows<{ id: string }>(
          tx,
          sql`delete from project_indicators where id = ${before.id} and version = ${before.version} returning id`,
        );
        if (!deleted.length) throw conflict();
        const evidence = [...new Set(docs.map((d) => d.id).filter(Boolean))];
        for (const docId of evidence) await tx.execute(sql`delete from documents where id = ${docId}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.delete',
          recordType: 'project_indicator',
          recordId: before.id,
          before: { definitionId: before.definition.id, ...auditable(before) },
          after: null,
          details: { projectId: access.id, values: docs.length, evidenceFiles: evidence.length },
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/:indicatorId/values',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['indicators'],
        summary:
          'The values of an indicator: every recorded row (corrections marked) and the line for the chart',
        params: IndicatorParams,
        response: { 200: IndicatorValueSeries },
      },
    },
    async (request) => {
      const access = await requireProject(request, request.params.projectId);
      const row = await requireIndicator(db, access.id, request.params.indicatorId);
      return series(access.id, row, access.manage);
    },
  );

  /** Enters a manual value (or a correction of `original`) after every check, in one transaction. */
  async function enterManual(
    request: FastifyRequest,
    projectId: string,
    indicatorId: string,
    input: z.output<typeof ManualValueInput>,
    originalId: string | null,
  ) {
    const actor = actorOf(request);
    const project = await loadProjectFrame(db, projectId);
    const today = warsawToday();
    await db.transaction(async (tx) => {
      await lockProjectIndicators(tx, projectId);
      const row = await requireIndicator(tx, projectId, indicatorId);
      if (row.source !== 'manual') throw new AppError('bad_request', 'indicator.notManual');
      const periods = await loadPeriods(tx, projectId);
      let evidenceId = input.evidenceDocumentId;
      let original: { measuredOn: string; evidenceId: string | null } | null = null;
      if (originalId) {
        const [o] = await queryRows<{
          measuredOn: string;
          origin: string;
          evidenceId: string | null;
          superseded: boolean;
        }>(
          tx,
          sql`select iv.measured_on::text as "measuredOn", iv.origin, iv.evidence_document_id as "evidenceId",
                exists (select 1 from indicator_values s where s.supersedes_id = iv.id) as superseded
              from indicator_values iv where iv.id = ${originalId} and iv.project_indicator_id = ${indicatorId}`,
        );
        if (!o) throw notFound();
        if (o.origin !== 'manual') throw new AppError('bad_request', 'indicator.notManual');
        if (o.superseded) throw new AppError('conflict', 'indicator.alreadyCorrected');
        const frozen = frozenPeriodOn(periods, o.measuredOn);
        if (frozen) throw new AppError('bad_request', 'indicator.value.frozen', { period: frozen.name });
        original = o;
      }
      const issues = manualValueIssues(input, {
        unit: row.definition.unit,
        breakdowns: row.definition.breakdowns,
        projectStartsOn: project.startsOn,
        today,
        periods,
      });
      if (issues.length) throw invalid(issues);
      if (evidenceId) await checkEvidence(tx, evidenceId, actor.userId, project.leaderInstitutionId);
      // A correction without a new file keeps the evidence of the value it corrects.
      else if (original) evidenceId = original.evidenceId;
      const percent = row.definition.unit === 'procent';
      const value = percent
        ? (percentFrom(input.numerator as string, input.denominator as string) as string)
        : (input.value as string);
      const valueId = await insertValue(tx, {
        indicatorId,
        measuredOn: input.measuredOn,
        value,
        numerator: percent ? input.numerator : null,
        denominator: percent ? input.denominator : null,
        breakdown: input.breakdown,
        origin: 'manual',
        sourceNote: input.sourceNote,
        evidenceDocumentId: evidenceId,
        supersedesId: originalId,
        enteredBy: actor.userId,
      });
      await writeAudit(tx, actorFromRequest(request), {
        action: 'record.create',
        recordType: 'indicator_value',
        recordId: valueId,
        before: null,
        after: {
          measuredOn: input.measuredOn,
          value,
          numerator: percent ? input.numerator : null,
          denominator: percent ? input.denominator : null,
          breakdown: input.breakdown,
          sourceNote: input.sourceNote,
          evidenceDocumentId: evidenceId,
          supersedesId: originalId,
        },
        details: { projectId, indicatorId, correction: !!originalId },
      });
    });
  }

  app.post(
    '/:indicatorId/values',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Enter a value by hand: date, value (or numerator and denominator), breakdown, source and evidence; refused inside a frozen period',
        params: IndicatorParams,
        body: ManualValueInput,
        response: { 201: IndicatorValueSeries },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const { indicatorId } = request.params;
      await enterManual(request, access.id, indicatorId, request.body, null);
      return reply
        .status(201)
        .send(await series(access.id, await requireIndicator(db, access.id, indicatorId), true));
    },
  );

  app.post(
    '/:indicatorId/values/:valueId/correction',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Correct a value entered by hand: a new row supersedes it (the original stays for "as of" answers)',
        params: ValueParams,
        body: ManualValueInput,
        response: { 201: IndicatorValueSeries },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const { indicatorId, valueId } = request.params;
      await enterManual(request, access.id, indicatorId, request.body, valueId);
      return reply
        .status(201)
        .send(await series(access.id, await requireIndicator(db, access.id, indicatorId), true));
    },
  );

  app.post(
    '/:indicatorId/measurements',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Record a measurement of a computed indicator now (as of today, or the project’s last day once it has ended)',
        params: IndicatorParams,
        response: { 201: IndicatorValueSeries },
      },
    },
    async (request, reply) => {
      const access = await requireProjectManager(request, request.params.projectId);
      const actor = actorOf(request);
      const project = await loadProjectFrame(db, access.id);
      const today = warsawToday();
      const day = earlierDay(today, project.endsOn);
      await db.transaction(async (tx) => {
        await lockProjectIndicators(tx, access.id);
        const row = await requireIndicator(tx, access.id, request.params.indicatorId);
        if (row.source !== 'metric') throw new AppError('bad_request', 'indicator.notMetric');
        const frozen = frozenPeriodOn(await loadPeriods(tx, access.id), day);
        if (frozen) throw fieldError('measuredOn', 'indicator.value.frozen', { period: frozen.name });
        const valueId = await recordMeasurement(tx, row, day, actor.userId);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.create',
          recordType: 'indicator_value',
          recordId: valueId,
          details: {
            projectId: access.id,
            indicatorId: row.id,
            origin: 'metric',
            metricKey: row.metricKey,
            day,
          },
        });
      });
      const row = await requireIndicator(db, access.id, request.params.indicatorId);
      return reply.status(201).send(await series(access.id, row, true));
    },
  );

  app.get(
    '/:indicatorId/values/:valueId/evidence',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['indicators'],
        summary: 'Download the evidence file of a value (logged)',
        params: ValueParams,
      },
    },
    async (request, reply) => {
      const access = await requireProject(request, request.params.projectId);
      const [row] = await queryRows<{
        id: string | null;
        filename: string;
        mimeType: string;
        data: Uint8Array;
      }>(
        db,
        sql`select d.id, d.filename, d.mime_type as "mimeType", d.data
            from indicator_values iv
            join project_indicators pi on pi.id = iv.project_indicator_id
            left join documents d on d.id = iv.evidence_document_id
            where iv.id = ${request.params.valueId} and pi.id = ${request.params.indicatorId}
              and pi.project_id = ${access.id}`,
      );
      if (!row) throw notFound();
      if (!row.id) throw new AppError('not_found', 'indicator.noEvidence');
      const data = Buffer.isBuffer(row.data)
        ? row.data
        : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'document',
        recordId: row.id,
        details: { projectId: access.id, valueId: request.params.valueId, size: data.length },
      });
      return reply
        .header('content-type', row.mimeType)
        .header('content-disposition', contentDisposition(row.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  // The evidence upload takes the raw file as the body (its content decides its type), in a scope of
  // its own so that no other route accepts 10 MB bodies. The returned id goes with the value.
  await registerUploadRoutes(app, { bodyLimit: UPLOAD_BODY_LIMIT, tooLarge: tooLarge }, async (upload) => {
    upload.post(
      '/evidence',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        config: { access: { permission: 'projects.manage' } },
        schema: {
          tags: ['indicators'],
          summary:
            'Upload an evidence file for a value (raw body; PDF, PNG or JPEG checked by content; at most 10 MB); then enter the value with its id',
          params: ProjectParams,
          querystring: UploadQuery,
          response: { 201: Evidence },
        },
      },
      async (request, reply) => {
        const access = await requireProjectManager(request, request.params.projectId);
        const actor = actorOf(request);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw fieldError('file', 'attachment.type');
        if (body.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
        const mimeType = sniffAttachmentType(body);
        if (!mimeType || mimeType === 'image/webp') throw fieldError('file', 'attachment.type');
        const filename = sanitizeFilename(request.query.filename, mimeType);
        const sha256 = createHash('sha256').update(body).digest('hex');
        const doc = await db.transaction(async (tx) => {
          const [d] = await queryRows<{ id: string }>(
            tx,
            sql`insert into documents (institution_id, filename, mime_type, size, sha256, data, uploaded_by)
                values (${access.leaderInstitutionId}, ${filename}, ${mimeType}, ${body.length}, ${sha256},
                        decode(${body.toString('hex')}, 'hex'), ${actor.userId})
                returning id`,
          );
          if (!d) throw new Error('insert returned nothing');
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.create',
            recordType: 'document',
            recordId: d.id,
            after: { filename, mimeType, size: body.length, sha256 },
            details: { projectId: access.id, purpose: 'indicator_evidence' },
          });
          return d;
        });
        return reply.status(201).send({ id: doc.id, filename, mimeType, size: body.length });
      },
    );
  });
};
