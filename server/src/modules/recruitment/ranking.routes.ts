import { createHash } from 'node:crypto';
import {
  type ApplicationStatus,
  type Ranking,
  RankingApprove,
  RankingApproved,
  type RankingEntry,
  RankingExportQuery,
  Ranking as RankingSchema,
  rankCohort,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { translate } from '../../http/messages.js';
import { AppError, notFound } from '../../http/problem.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition } from '../cases/attachment-files.js';
import { actorOf, conflict } from '../identity/scope.js';
import { requireProjectTeam } from '../projects/index.js';
import { recruitmentReader } from './access.js';
import { notifyApplicant } from './applications.js';
import { type RankingDocument, renderRankingPdf, renderRankingXlsx } from './documents.js';
import {
  type ApplicationRow,
  type CallRow,
  type CohortRow,
  findCall,
  loadApplicationRows,
  loadCohortRows,
  validationFailed,
} from './queries.js';

const CohortParams = z.object({ projectId: z.uuid(), callId: z.uuid(), cohortId: z.uuid() });
const EXCLUDED: readonly ApplicationStatus[] = ['odrzucone', 'wycofane'];

interface Computed {
  ranking: RankingEntry[];
  reserve: RankingEntry[];
  rest: RankingEntry[];
  unchecked: number;
  digest: string;
  rows: Map<string, ApplicationRow>;
}

/**
 * The ranking of a cohort from its applications as they are now: those rejected or withdrawn by a
 * decision stay out; enrolled ones keep their place; the rest are ranked by their last check
 * (eligibility and points) with the cohort's tie-break rule. The digest fingerprints the result.
 */
export async function computeRanking(db: DbOrTx, cohort: CohortRow): Promise<Computed> {
  const rows = await loadApplicationRows(
    db,
    sql`a.cohort_id = ${cohort.id} order by a.submitted_at, a.number`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const candidates = rows.filter((r) => !EXCLUDED.includes(r.status));
  const result = rankCohort(
    candidates.map((r) => ({
      id: r.id,
      eligible: r.status === 'przyjete' || r.eligibility?.eligible === true,
      score: r.score ?? 0,
      submittedAt: r.submittedAt,
      birthDate: r.birthDate,
      number: r.number,
    })),
    cohort.places,
    cohort.reservePlaces,
    cohort.tieBreak,
  );
  const entry = (
    id: string,
    place: RankingEntry['place'],
    position: number | null,
    tied: boolean,
  ): RankingEntry => {
    const r = byId.get(id) as ApplicationRow;
    return {
      applicationId: r.id,
      number: r.number,
      firstName: r.firstName,
      lastName: r.lastName,
      submittedAt: r.submittedAt,
      birthDate: r.birthDate,
      score: r.score ?? 0,
      position,
      tied,
      status: r.status,
      missingDocuments: (r.missingDocuments ?? []).filter((m) => !m.received).length,
      place,
    };
  };
  const ranking = result.ranking.map((e) => entry(e.id, 'lista', e.position, e.tied));
  const reserve = result.reserve.map((e) => entry(e.id, 'rezerwa', e.position, e.tied));
  const rest = [
    ...result.rest.map((e) =>
      entry(
        e.id,
        e.reason === 'poza_lista'
          ? 'poza_lista'
          : byId.get(e.id)?.eligibility
            ? 'nie_spelnia_kryteriow'
            : 'niesprawdzone',
        e.position,
        false,
      ),
    ),
    ...rows.filter((r) => EXCLUDED.includes(r.status)).map((r) => entry(r.id, 'wykluczone', null, false)),
  ];
  const unchecked = rest.filter((e) => e.place === 'niesprawdzone').length;
  const digest = createHash('sha256')
    .update(
      JSON.stringify([
        cohort.version,
        ...[...ranking, ...reserve, ...rest].map((e) => [
          e.place,
          e.applicationId,
          byId.get(e.applicationId)?.version,
        ]),
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  return { ranking, reserve, rest, unchecked, digest, rows: byId };
}

/**
 * The ranking list and reserve list of a cohort (project team only: it names the applicants; every
 * read logged), its approval by a coordinator — in one transaction every application gets its
 * result (zakwalifikowane, rezerwa, odrzucone with the reason) and the applicants are told by e-mail
 * — and its export as PDF and XLSX (with names, or numbers only for publishing).
 */
export const rankingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  async function load(db: DbOrTx, projectId: string, callId: string, cohortId: string, lock = false) {
    const call = await findCall(db, projectId, callId, { lock });
    if (!call) throw notFound();
    const cohort = (await loadCohortRows(db, [call.id])).find((c) => c.id === cohortId);
    if (!cohort) throw notFound();
    return { call, cohort };
  }

  const view = (call: CallRow, cohort: CohortRow, c: Computed, abilities: Ranking['abilities']): Ranking => ({
    callId: call.id,
    cohortId: cohort.id,
    cohortName: cohort.name,
    callCode: call.code,
    callName: call.name,
    places: cohort.places,
    reservePlaces: cohort.reservePlaces,
    tieBreak: cohort.tieBreak,
    ranking: c.ranking,
    reserve: c.reserve,
    rest: c.rest,
    unchecked: c.unchecked,
    digest: c.digest,
    version: cohort.version,
    abilities,
  });

  app.get(
    '/:callId/cohorts/:cohortId/ranking',
    {
      config: { access: { permission: 'projects.read' } },
      schema: {
        tags: ['recruitment'],
        summary: 'The ranking list, reserve list and the rest of a cohort (project team only; logged)',
        params: CohortParams,
        response: { 200: RankingSchema },
      },
    },
    async (request) => {
      const access = await requireProjectTeam(request, request.params.projectId);
      const { abilities } = await recruitmentReader(request, access.id);
      const { call, cohort } = await load(db, access.id, request.params.callId, request.params.cohortId);
      const computed = await computeRanking(db, cohort);
      await writeAudit(db, actorFromRequest(request), {
        action: 'record.read',
        recordType: 'recruitment_ranking',
        recordId: cohort.id,
        details: { projectId: access.id, callId: call.id, applications: computed.rows.size },
      });
      return view(call, cohort, computed, abilities);
    },
  );

  app.post(
    '/:callId/cohorts/:cohortId/ranking/approve',
    {
      config: { access: { permission: 'projects.manage' } },
      schema: {
        tags: ['recruitment'],
        summary:
          'Approve the ranking as shown (its digest): qualified, reserve and rejected in one transaction; applicants notified',
        params: CohortParams,
        body: RankingApprove,
        response: { 200: RankingApproved },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const access = await requireProjectTeam(request, request.params.projectId, { manage: true });
      const { digest, version } = request.body;
      return db.transaction(async (tx) => {
        const { call, cohort } = await load(
          tx,
          access.id,
          request.params.callId,
          request.params.cohortId,
          true,
        );
        if (call.status === 'projekt') throw new AppError('bad_request', 'recruitment.ranking.draftCall');
        if (cohort.version !== version) throw conflict();
        const computed = await computeRanking(tx, cohort);
        if (computed.digest !== digest) throw new AppError('conflict', 'recruitment.ranking.changed');
        if (computed.unchecked)
          throw validationFailed([
            { field: 'digest', code: 'recruitment.ranking.unchecked', params: { count: computed.unchecked } },
          ]);
        const targets: {
          e: RankingEntry;
          status: 'zakwalifikowane' | 'rezerwa' | 'odrzucone';
          reason: string | null;
        }[] = [
          ...computed.ranking.map((e) => ({ e, status: 'zakwalifikowane' as const, reason: null })),
          ...computed.reserve.map((e) => ({ e, status: 'rezerwa' as const, reason: null })),
          ...computed.rest
            .filter((e) => e.place === 'poza_lista' || e.place === 'nie_spelnia_kryteriow')
            .map((e) => {
              const row = computed.rows.get(e.applicationId) as ApplicationRow;
              const reasons = (row.eligibility?.reasons ?? [])
                .filter((r) => !r.ok)
                .map((r) => translate(`recruitment.reason.${r.code}`, 'pl', r.params) ?? r.code)
                .join(' ');
              return {
                e,
                status: 'odrzucone' as const,
                reason:
                  e.place === 'poza_lista'
                    ? (translate('recruitment.ranking.autoRejected', 'pl', {
                        position: e.position,
                        score: e.score,
                      }) ?? null)
                    : (translate('recruitment.ranking.autoIneligible', 'pl', { reasons }) ?? null),
              };
            }),
        ];
        const counts = { qualified: 0, reserve: 0, rejected: 0, notified: 0 };
        for (const t of targets) {
          const row = computed.rows.get(t.e.applicationId) as ApplicationRow;
          if (t.status === 'zakwalifikowane') counts.qualified++;
          if (t.status === 'rezerwa') counts.reserve++;
          if (t.status === 'odrzucone') counts.rejected++;
          if (row.status === 'przyjete' || row.status === t.status) continue;
          await tx.execute(
            sql`update applications set status = ${t.status}, decision_reason = ${t.reason}, decided_by = ${actor.userId},
                  decided_at = now(), version = version + 1, updated_at = now()
                where id = ${row.id}`,
          );
          await writeAudit(tx, actorFromRequest(request), {
            action: 'record.update',
            recordType: 'application',
            recordId: row.id,
            before: { status: row.status, decisionReason: row.decisionReason },
            after: { status: t.status, decisionReason: t.reason },
            details: { projectId: access.id, callId: call.id, cohortId: cohort.id, ranking: true },
          });
          if (await notifyApplicant(tx, row, t.status, t.reason)) counts.notified++;
        }
        await tx.execute(sql`update recruitment_cohorts set version = version + 1 where id = ${cohort.id}`);
        await writeAudit(tx, actorFromRequest(request), {
          action: 'record.update',
          recordType: 'recruitment_cohort',
          recordId: cohort.id,
          details: { projectId: access.id, callId: call.id, rankingApproved: counts, digest },
        });
        return counts;
      });
    },
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/:callId/cohorts/:cohortId/ranking/${format}`,
      {
        config: { access: { permission: 'projects.read' } },
        schema: {
          tags: ['recruitment'],
          summary: `The ranking of a cohort as ${format.toUpperCase()} (anonim=1: numbers only); project team only, logged`,
          params: CohortParams,
          querystring: RankingExportQuery,
        },
      },
      async (request, reply) => {
        const access = await requireProjectTeam(request, request.params.projectId);
        const { call, cohort } = await load(db, access.id, request.params.callId, request.params.cohortId);
        const computed = await computeRanking(db, cohort);
        const [p] = await queryRows<{ title: string; institution: string }>(
          db,
          sql`select p.title, i.name as institution from projects p join institutions i on i.id = p.leader_institution_id
              where p.id = ${access.id}`,
        );
        const anonymous = request.query.anonim === '1';
        const doc: RankingDocument = {
          institution: p?.institution ?? '',
          projectTitle: p?.title ?? '',
          callName: call.name,
          callCode: call.code,
          cohortName: cohort.name,
          places: cohort.places,
          reservePlaces: cohort.reservePlaces,
          tieBreak: cohort.tieBreak,
          ranking: computed.ranking,
          reserve: computed.reserve,
          rest: computed.rest,
          anonymous,
        };
        const data = format === 'pdf' ? await renderRankingPdf(doc) : await renderRankingXlsx(doc);
        await writeAudit(db, actorFromRequest(request), {
          action: 'export.download',
          recordType: 'recruitment_ranking',
          recordId: cohort.id,
          details: { projectId: access.id, callId: call.id, format, anonymous, rows: computed.rows.size },
        });
        const name = `ranking-${call.code}-${cohort.name}`.replace(/[^\p{L}\p{N}-]+/gu, '-').slice(0, 80);
        return reply
          .header(
            'content-type',
            format === 'pdf'
              ? 'application/pdf'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', contentDisposition(`${name}.${format}`))
          .header('cache-control', 'private, no-store')
          .send(data);
      },
    );
  }
};
