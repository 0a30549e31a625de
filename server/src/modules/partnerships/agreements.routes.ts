import { createHash } from 'node:crypto';
import {
  Agreement,
  AgreementInput,
  AgreementList,
  AgreementTransition,
  AgreementUpdate,
  ATTACHMENT_MAX_BYTES,
  agreementTransitionRefusal,
} from '@kooperacja/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { agreementParties, agreements, documents } from '../../db/schema/index.js';
import { AppError, notFound } from '../../http/problem.js';
import { registerUploadRoutes } from '../../http/upload.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition, sanitizeFilename, sniffAttachmentType } from '../cases/attachment-files.js';
import { warsawToday } from '../cases/tasks.js';
import { actorOf, conflict, fieldError } from '../identity/scope.js';
import { type PartnershipAccess, requireManager, requirePartnership } from './access.js';
import { agreementFilename, loadAgreementDocument, renderAgreementPdf } from './agreements.pdf.js';
import { institutionExists } from './partnerships.queries.js';

const IdParams = z.object({ id: z.uuid() });
const AgreementParams = IdParams.extend({ agreementId: z.uuid() });
const UploadQuery = z.object({
  filename: z.string().trim().min(1).max(1000),
  version: z.coerce.number().int(),
});
const UPLOAD_BODY_LIMIT = ATTACHMENT_MAX_BYTES + 64 * 1024;
const tooLarge = () =>
  new AppError('payload_too_large', 'attachment.tooLarge', {
    maxMb: Math.round(ATTACHMENT_MAX_BYTES / (1024 * 1024)),
  });

async function loadAgreements(db: DbOrTx, where: SQL): Promise<Agreement[]> {
  return queryRows<Agreement>(
    db,
    sql`select a.id, a.partnership_id as "partnershipId", a.number, a.title, a.scope, a.status,
          a.concluded_in as "concludedIn", a.signed_on::text as "signedOn", a.valid_from::text as "validFrom",
          a.valid_to::text as "validTo", a.terminated_on::text as "terminatedOn",
          case when d.id is null then null else json_build_object('id', d.id, 'filename', d.filename,
            'mimeType', d.mime_type, 'size', d.size) end as "signedScan",
          coalesce((select json_agg(json_build_object(
              'institution', json_build_object('id', i.id, 'name', i.name),
              'signatoryName', ap.signatory_name, 'signatoryPosition', ap.signatory_position)
              order by ap.position, i.name)
            from agreement_parties ap join institutions i on i.id = ap.institution_id
            where ap.agreement_id = a.id), '[]'::json) as parties,
          a.version
        from agreements a left join documents d on d.id = a.signed_scan_id
        where ${where}
        order by a.created_at desc, a.id`,
  );
}

/** The fields the audit log keeps (the scope text too: an agreement holds no personal data). */
const auditableOf = (a: Agreement) => ({
  number: a.number,
  title: a.title,
  scope: a.scope,
  status: a.status,
  concludedIn: a.concludedIn,
  signedOn: a.signedOn,
  validFrom: a.validFrom,
  validTo: a.validTo,
  terminatedOn: a.terminatedOn,
  signedScanId: a.signedScan?.id ?? null,
  parties: a.parties.map((p) => ({
    institutionId: p.institution.id,
    signatoryName: p.signatoryName,
    signatoryPosition: p.signatoryPosition,
  })),
});

/**
 * Cooperation agreements (porozumienia o współpracy) of a partnership: parties with signatories,
 * scope, dates and the status flow draft → signed → expired / terminated (a refused change answers
 * 400 with the reason), the signed scan (PDF, PNG, JPEG checked by content) and the agreement as a
 * PDF from the template. Only a draft can be edited or deleted.
 */
export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function requireAgreement(tx: DbOrTx, p: PartnershipAccess, agreementId: string): Promise<Agreement> {
    const [a] = await loadAgreements(tx, sql`a.id = ${agreementId} and a.partnership_id = ${p.id}`);
    if (!a) throw notFound();
    return a;
  }

  async function saveParties(tx: DbOrTx, agreementId: string, input: z.output<typeof AgreementInput>) {
    for (const [i, party] of input.parties.entries())
      if (!(await institutionExists(tx, party.institutionId)))
        throw fieldError(`parties.${i}.institutionId`, 'partnership.institutionUnknown');
    await tx.execute(sql`delete from agreement_parties where agreement_id = ${agreementId}`);
    if (input.parties.length)
      await tx.insert(agreementParties).values(
        input.parties.map((p, position) => ({
          agreementId,
          institutionId: p.institutionId,
          signatoryName: p.signatoryName,
          signatoryPosition: p.signatoryPosition,
          position,
        })),
      );
  }

  async function bump(tx: DbOrTx, id: string, version: number, set: SQL = sql``) {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`update agreements set version = version + 1, updated_at = now() ${set}
          where id = ${id} and version = ${version} returning id`,
    );
    if (!rows.length) throw conflict();
  }

  async function audit(
    tx: DbOrTx,
    request: FastifyRequest,
    action: 'record.create' | 'record.update' | 'record.delete',
    before: Agreement | null,
    after: Agreement | null,
  ) {
    const a = (after ?? before) as Agreement;
    await writeAudit(tx, actorFromRequest(request), {
      action,
      recordType: 'agreement',
      recordId: a.id,
      before: before ? auditableOf(before) : null,
      after: after ? auditableOf(after) : null,
      details: { partnershipId: a.partnershipId, version: a.version },
    });
  }

  app.get(
    '/:id/agreements',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary: 'The cooperation agreements of a partnership, newest first',
        params: IdParams,
        response: { 200: AgreementList },
      },
    },
    async (request) => {
      const p = await requirePartnership(db, request.params.id);
      return { items: await loadAgreements(db, sql`a.partnership_id = ${p.id}`) };
    },
  );

  app.post(
    '/:id/agreements',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary: 'Draft a cooperation agreement with its parties and signatories',
        params: IdParams,
        body: AgreementInput,
        response: { 201: Agreement },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const p = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, p);
      const input = request.body;
      const created = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(agreements)
          .values({
            partnershipId: p.id,
            number: input.number,
            title: input.title,
            scope: input.scope,
            concludedIn: input.concludedIn,
            validFrom: input.validFrom,
            validTo: input.validTo,
            status: 'projekt',
            createdBy: actor.userId,
          })
          .returning({ id: agreements.id });
        if (!row) throw new Error('insert returned nothing');
        await saveParties(tx, row.id, input);
        const after = await requireAgreement(tx, p, row.id);
        await audit(tx, request, 'record.create', null, after);
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/:id/agreements/:agreementId',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary: 'Change a draft agreement (stale version → 409; a signed one is not changed)',
        params: AgreementParams,
        body: AgreementUpdate,
        response: { 200: Agreement },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const p = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, p);
      const { agreement: input, version } = request.body;
      return db.transaction(async (tx) => {
        const before = await requireAgreement(tx, p, request.params.agreementId);
        if (before.version !== version) throw conflict();
        if (before.status !== 'projekt') throw fieldError('status', 'agreement.notDraft');
        await bump(
          tx,
          before.id,
          version,
          sql`, number = ${input.number}, title = ${input.title}, scope = ${input.scope},
              concluded_in = ${input.concludedIn}, valid_from = ${input.validFrom}, valid_to = ${input.validTo}`,
        );
        await saveParties(tx, before.id, input);
        const after = await requireAgreement(tx, p, before.id);
        await audit(tx, request, 'record.update', before, after);
        return after;
      });
    },
  );

  app.delete(
    '/:id/agreements/:agreementId',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary: 'Delete a draft agreement (a signed one stays for the record)',
        params: AgreementParams,
        querystring: z.object({ version: z.coerce.number().int() }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const p = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, p);
      await db.transaction(async (tx) => {
        const before = await requireAgreement(tx, p, request.params.agreementId);
        if (before.version !== request.query.version) throw conflict();
        if (before.status !== 'projekt') throw fieldError('status', 'agreement.notDraft');
        await tx.execute(sql`delete from agreement_parties where agreement_id = ${before.id}`);
        await tx.execute(sql`delete from agreements where id = ${before.id}`);
        if (before.signedScan)
          await tx.execute(sql`delete from documents where id = ${before.signedScan.id}`);
        await audit(tx, request, 'record.delete', before, null);
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/:id/agreements/:agreementId/transition',
    {
      config: { access: { permission: 'partnerships.manage' } },
      schema: {
        tags: ['partnerships'],
        summary:
          'Change the status: sign (date, every party with a signatory), expire (after the end date) or terminate (date); a refusal says why',
        params: AgreementParams,
        body: AgreementTransition,
        response: { 200: Agreement },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const p = await requirePartnership(db, request.params.id);
      await requireManager(request, actor, p);
      const { to, date, version } = request.body;
      return db.transaction(async (tx) => {
        const before = await requireAgreement(tx, p, request.params.agreementId);
        if (before.version !== version) throw conflict();
        const refusal = agreementTransitionRefusal(before.status, to, {
          parties: before.parties.length,
          unsignedParties: before.parties.filter((x) => !x.signatoryName).length,
          validTo: before.validTo,
          signedOn: before.signedOn,
          date,
          today: warsawToday(),
        });
        if (refusal)
          throw fieldError(/needsDate|dateInFuture|beforeSigning/.test(refusal) ? 'date' : 'to', refusal);
        const set =
          to === 'podpisane'
            ? sql`, status = ${to}, signed_on = ${date}, valid_from = coalesce(valid_from, ${date}::date)`
            : to === 'rozwiazane'
              ? sql`, status = ${to}, terminated_on = ${date}`
              : sql`, status = ${to}`;
        await bump(tx, before.id, version, set);
        const after = await requireAgreement(tx, p, before.id);
        await audit(tx, request, 'record.update', before, after);
        return after;
      });
    },
  );

  app.get(
    '/:id/agreements/:agreementId/pdf',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary: 'The agreement as a PDF from the template, to print and sign',
        params: AgreementParams,
      },
    },
    async (request, reply) => {
      const p = await requirePartnership(db, request.params.id);
      const a = await requireAgreement(db, p, request.params.agreementId);
      const pdf = await renderAgreementPdf(await loadAgreementDocument(db, p, a));
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'agreement',
        recordId: a.id,
        details: { partnershipId: p.id, format: 'pdf', version: a.version },
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(agreementFilename(a)))
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/:id/agreements/:agreementId/signed-scan',
    {
      config: { access: { permission: 'institutions.read' } },
      schema: {
        tags: ['partnerships'],
        summary: 'Download the scan of the signed agreement (logged)',
        params: AgreementParams,
      },
    },
    async (request, reply) => {
      const p = await requirePartnership(db, request.params.id);
      const a = await requireAgreement(db, p, request.params.agreementId);
      if (!a.signedScan) throw new AppError('not_found', 'agreement.noScan');
      const [row] = await queryRows<{ filename: string; mimeType: string; data: Uint8Array }>(
        db,
        sql`select filename, mime_type as "mimeType", data from documents where id = ${a.signedScan.id}`,
      );
      if (!row) throw notFound();
      const data = Buffer.isBuffer(row.data)
        ? row.data
        : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      await writeAudit(db, actorFromRequest(request), {
        action: 'export.download',
        recordType: 'document',
        recordId: a.signedScan.id,
        details: { partnershipId: p.id, agreementId: a.id, size: data.length },
      });
      return reply
        .header('content-type', row.mimeType)
        .header('content-disposition', contentDisposition(row.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  // The scan upload takes the raw file as the body (the content decides its type), in a scope of
  // its own so that no other route accepts 10 MB bodies.
  await registerUploadRoutes(app, { bodyLimit: UPLOAD_BODY_LIMIT, tooLarge: tooLarge }, async (upload) => {
    upload.put(
      '/:id/agreements/:agreementId/signed-scan',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        config: { access: { permission: 'partnerships.manage' } },
        schema: {
          tags: ['partnerships'],
          summary:
            'Attach the scan of the signed agreement (raw body; PDF, PNG or JPEG checked by content; at most 10 MB); replaces an earlier one',
          params: AgreementParams,
          querystring: UploadQuery,
          response: { 200: Agreement },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const p = await requirePartnership(db, request.params.id);
        await requireManager(request, actor, p);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw fieldError('file', 'attachment.type');
        if (body.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
        const mimeType = sniffAttachmentType(body);
        // A scan is a PDF or a photo of paper: WebP is not among the accepted formats here.
        if (!mimeType || mimeType === 'image/webp') throw fieldError('file', 'attachment.type');
        const filename = sanitizeFilename(request.query.filename, mimeType);
        const sha256 = createHash('sha256').update(body).digest('hex');
        return db.transaction(async (tx) => {
          const before = await requireAgreement(tx, p, request.params.agreementId);
          if (before.version !== request.query.version) throw conflict();
          const [doc] = await tx
            .insert(documents)
            .values({
              institutionId: p.leaderInstitutionId,
              filename,
              mimeType,
              size: body.length,
              sha256,
              data: body,
              uploadedBy: actor.userId,
            })
            .returning({ id: documents.id });
          if (!doc) throw new Error('insert returned nothing');
          await bump(tx, before.id, before.version, sql`, signed_scan_id = ${doc.id}`);
          if (before.signedScan)
            await tx.execute(sql`delete from documents where id = ${before.signedScan.id}`);
          const after = await requireAgreement(tx, p, before.id);
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'agreement',
            recordId: before.id,
            before: { signedScanId: before.signedScan?.id ?? null },
            after: { signedScanId: doc.id, filename, mimeType, size: body.length, sha256 },
            details: { partnershipId: p.id, version: after.version },
          });
          return after;
        });
      },
    );
  });
};
