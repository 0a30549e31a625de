import { CertificateVerification, normalizeCertificateCode } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../db/database.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { loadCertificateDetails } from './certificates.js';

/** Look-ups from one client address within a window before it must wait. */
export const VERIFY_MAX = 30;
export const VERIFY_WINDOW_S = 600;

const CodeParams = z.object({ code: z.string().max(40) });

/**
 * The public verification of a certificate (no login): anyone holding the printout — an employer, an
 * auditor of the project — types its code and sees whether it is valid, for whom and for which
 * training. Every look-up counts against a per-address limit kept in the database (shared by every
 * instance; the table of the public application form's limit, under keys of its own), so codes
 * cannot be guessed in bulk, and is written to the audit log with its outcome.
 */
export const publicCertificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/:code',
    {
      config: {
        access: {
          public: true,
          reason: 'the verification of a certificate’s code printed on it, for anyone holding the printout',
        },
      },
      schema: {
        tags: ['trainings'],
        summary: `Verify a certificate's code (at most ${VERIFY_MAX} look-ups per address in ${VERIFY_WINDOW_S / 60} minutes)`,
        params: CodeParams,
        response: { 200: CertificateVerification },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const key = `certificate-verification:ip:${request.ip}`;
      const [count] = await queryRows<{ count: number; retry: number }>(
        db,
        sql`insert into application_throttle as t (key, window_start, count) values (${key}, now(), 1)
            on conflict (key) do update set
              count = case when t.window_start <= now() - make_interval(secs => ${VERIFY_WINDOW_S}) then 1 else t.count + 1 end,
              window_start = case when t.window_start <= now() - make_interval(secs => ${VERIFY_WINDOW_S}) then now()
                                  else t.window_start end
            returning count, ceil(extract(epoch from (window_start + make_interval(secs => ${VERIFY_WINDOW_S}) - now())))::int as retry`,
      );
      if (count && count.count > VERIFY_MAX) {
        const seconds = Math.max(1, count.retry);
        reply.header('retry-after', String(seconds));
        throw new AppError('rate_limited', 'training.certificate.rateLimited', { seconds });
      }
      const code = normalizeCertificateCode(request.params.code);
      const [found] = code ? await loadCertificateDetails(db, sql`c.code = ${code}`) : [];
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        outcome: found ? 'success' : 'failure',
        recordType: 'training_certificate',
        ...(found ? { recordId: found.id } : {}),
        details: {
          public: true,
          code: code ?? request.params.code.slice(0, 40),
          ...(found ? { valid: !found.revokedOn } : { reason: code ? 'unknown_code' : 'malformed_code' }),
        },
      });
      if (!found) throw notFound();
      return {
        code: found.code,
        valid: !found.revokedOn,
        learnerName: found.learnerName,
        trainingTitle: found.trainingTitle,
        form: found.form,
        hours: found.hours,
        editionStartsOn: found.editionStartsOn,
        editionEndsOn: found.editionEndsOn,
        organiser: found.organiser,
        projectNumber: found.project?.number ?? null,
        issuedOn: found.issuedOn,
        revokedOn: found.revokedOn,
      };
    },
  );
};
