import { CertificateRevocation, Registration } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../db/database.js';
import { notFound } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition } from '../cases/attachment-files.js';
import { actorOf, fieldError } from '../identity/scope.js';
import { findRegistration, forbidden, visibleRegistration } from './access.js';
import {
  type CertificateRow,
  certificateFilename,
  issueCertificate,
  loadCertificateDetails,
  renderCertificatePdf,
  verificationUrl,
} from './certificates.js';
import { oneRegistration } from './queries.js';

const RegistrationParams = z.object({ registrationId: z.uuid() });

const certificateAuditable = (
  c: Pick<CertificateRow, 'code' | 'issuedOn' | 'revokedOn' | 'revokedReason'>,
) => ({
  code: c.code,
  issuedOn: c.issuedOn,
  revokedOn: c.revokedOn,
  revokedReason: c.revokedReason,
});

/**
 * Certificates (docs/trainings.md, "Certificate"): the organiser issues one by hand — e.g. after a
 * test on paper, without the online test — or revokes it with a reason; the learner, the heads of
 * their institution and the organiser download the PDF of a valid one (each download is logged: it
 * carries the learner's name).
 */
export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.post(
    '/registrations/:registrationId/certificate',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Issue the certificate of a confirmed registration (organiser; again after a revocation)',
        params: RegistrationParams,
        response: { 200: Registration },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { registration, roles } = await visibleRegistration(request, request.params.registrationId);
      if (!roles.asManager) return forbidden(request, registration.id, 'not_organiser');
      if (!registration.issuesCertificate) throw fieldError('certificate', 'training.certificate.notOffered');
      const today = warsawToday();
      await db.transaction(async (tx) => {
        const current = await findRegistration(tx, registration.id, { lock: true });
        if (!current) throw notFound();
        if (current.status !== 'potwierdzona')
          throw fieldError('status', 'training.certificate.notConfirmed');
        const [before] = await queryRows<Omit<CertificateRow, 'id' | 'registrationId'>>(
          tx,
          sql`select code, issued_on::text as "issuedOn", revoked_on::text as "revokedOn", revoked_reason as "revokedReason"
              from training_certificates where registration_id = ${current.id}`,
        );
        const issued = await issueCertificate(tx, current.id, actor.userId, today);
        if (issued.outcome === 'existing') return;
        await writeAudit(tx, actorFromRequest(request), {
          action: issued.outcome === 'new' ? 'record.create' : 'record.update',
          recordType: 'training_certificate',
          recordId: issued.id,
          before: before ? certificateAuditable(before) : null,
          after: certificateAuditable(issued),
          details: { registrationId: current.id, automatic: false },
        });
      });
      return oneRegistration(db, registration.id, request.actor);
    },
  );

  app.post(
    '/registrations/:registrationId/certificate/revoke',
    {
      config: { access: { permission: 'trainings.manage' } },
      schema: {
        tags: ['trainings'],
        summary: 'Revoke a certificate with a reason (organiser): its code no longer verifies',
        params: RegistrationParams,
        body: CertificateRevocation,
        response: { 200: Registration },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { registration, roles } = await visibleRegistration(request, request.params.registrationId);
      if (!roles.asManager) return forbidden(request, registration.id, 'not_organiser');
      const { reason } = request.body;
      const today = warsawToday();
      await db.transaction(async (tx) => {
        const [before] = await queryRows<CertificateRow>(
          tx,
          sql`select id, code, issued_on::text as "issuedOn", revoked_on::text as "revokedOn", revoked_reason as "revokedReason"
              from training_certificates where registration_id = ${registration.id} for update`,
        );
        if (!before || before.revokedOn) throw fieldError('certificate', 'training.certificate.notIssued');
        await tx.execute(
          sql`update training_certificates set revoked_on = ${today}, revoked_reason = ${reason}, revoked_by = ${actor.userId}
              where id = ${before.id}`,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'training_certificate',
          recordId: before.id,
          before: certificateAuditable(before),
          after: certificateAuditable({ ...before, revokedOn: today, revokedReason: reason }),
          details: { registrationId: registration.id, revoked: true },
        });
      });
      return oneRegistration(db, registration.id, request.actor);
    },
  );

  app.get(
    '/registrations/:registrationId/certificate.pdf',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['trainings'],
        summary: 'The PDF of a valid certificate (the learner, their head, the organiser; logged)',
        params: RegistrationParams,
      },
    },
    async (request, reply) => {
      const { registration } = await visibleRegistration(request, request.params.registrationId);
      const [details] = await loadCertificateDetails(
        db,
        sql`c.registration_id = ${registration.id} and c.revoked_on is null`,
      );
      if (!details) throw notFound();
      const pdf = await renderCertificatePdf({
        ...details,
        verifyUrl: verificationUrl(app.config.PUBLIC_URL, details.code),
      });
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'training_certificate',
        recordId: details.id,
        details: { registrationId: registration.id, format: 'pdf' },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(certificateFilename(details.code)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
