import {
  JstHistory,
  JstRegisterEntry,
  JstRegisterList,
  JstRegisterUpdate,
  RegionMap,
  RegionMapQuery,
  RegionReportQuery,
  RegionScope,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DbOrTx, queryRows } from '../../db/database.js';
import type { Actor } from '../../http/access.js';
import { notFound } from '../../http/problem.js';
import { warsawToday } from '../../lib/dates.js';
import { actorFromRequest, writeAudit } from '../audit/index.js';
import { contentDisposition } from '../cases/attachment-files.js';
import { conflict, fieldError } from '../identity/scope.js';
import { regionScope, requireRegion, requireRegionEditor } from './access.js';
import { mapFilename, renderMapCsv, renderMapXlsx } from './export.js';
import {
  activePartnerships,
  auditFields,
  buildMap,
  entryColumns,
  loadRegister,
  type RegisterRow,
  type Snapshot,
  snapshotOf,
  toEntry,
} from './queries.js';
import { loadRegionReport, renderReportPdf, renderReportXlsx, reportFilename } from './report.js';

const WojParams = z.object({ woj: z.string().regex(/^\d{2}$/, { message: 'territory.invalidTeryt' }) });
const UnitParams = WojParams.extend({
  teryt: z.string().regex(/^(\d{4}|\d{7})$/, { message: 'territory.invalidTeryt' }),
});

/** A real calendar day (the schema checks only the YYYY-MM-DD shape). */
function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

async function unitOf(db: DbOrTx, woj: string, teryt: string): Promise<RegisterRow> {
  const [row] = await loadRegister(db, woj, teryt);
  if (!row) throw notFound();
  return row;
}

/**
 * Regional monitoring under /api/region (docs/region.md): the register of the JST of a
 * województwo (LPDI of gminy and powiaty, CUS of gminy) with its history, and the regional map with
 * its table as CSV or XLSX. Everything needs `region.monitor`; a województwo outside the user's
 * scope is 404 (logged); changes are for the ROPS (403 otherwise), each in one transaction with its
 * history row and audit entry. The aggregates are not personal data (small counts are suppressed),
 * so reads are not logged; exports are.
 */
export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/',
    {
      config: { access: { permission: 'region.monitor' } },
      schema: {
        tags: ['region'],
        summary: 'The województwa the user monitors (and whether they edit their register)',
        response: { 200: RegionScope },
      },
    },
    async (request) => ({ regions: await regionScope(db, request.actor as Actor) }),
  );

  app.get(
    '/:woj/jst',
    {
      config: { access: { permission: 'region.monitor' } },
      schema: {
        tags: ['region'],
        summary: 'The register: every active powiat and gmina of the województwo with its entry (or null)',
        params: WojParams,
        response: { 200: JstRegisterList },
      },
    },
    async (request) => {
      const region = await requireRegion(request, request.params.woj);
      const [register, partnerships] = await Promise.all([
        loadRegister(db, region.teryt),
        activePartnerships(db, region.teryt, warsawToday()),
      ]);
      return {
        woj: { teryt: region.teryt, name: region.name },
        items: register.map((r) => toEntry(r, partnerships)),
        abilities: { edit: region.edit },
      };
    },
  );

  app.get(
    '/:woj/jst/:teryt',
    {
      config: { access: { permission: 'region.monitor' } },
      schema: {
        tags: ['region'],
        summary: 'One JST of the register (404 for a unit not in the województwo or no longer active)',
        params: UnitParams,
        response: { 200: JstRegisterEntry },
      },
    },
    async (request) => {
      const region = await requireRegion(request, request.params.woj);
      const unit = await unitOf(db, region.teryt, request.params.teryt);
      const partnerships = await activePartnerships(db, region.teryt, warsawToday());
      return { ...toEntry(unit, partnerships), abilities: { edit: region.edit } };
    },
  );

  app.put(
    '/:woj/jst/:teryt',
    {
      config: { access: { permission: 'region.monitor' } },
      schema: {
        tags: ['region'],
        summary:
          'Save the LPDI (and, for a gmina, the CUS) of a JST with the version read (0 for the first save); stale → 409',
        params: UnitParams,
        body: JstRegisterUpdate,
        response: { 200: JstRegisterEntry },
      },
    },
    async (request) => {
      const region = await requireRegionEditor(request, request.params.woj);
      const unit = await unitOf(db, region.teryt, request.params.teryt);
      const { lpdi, cus, version } = request.body;
      if (unit.level === 'powiat' && cus !== null) throw fieldError('cus', 'region.cus.powiatHasNoCus');
      const after: Snapshot = { lpdi, cus };
      const actor = request.actor as Actor;
      await db.transaction(async (tx) => {
        const [current] = await queryRows<RegisterRow>(
          tx,
          sql`select ${entryColumns}, r.version from region_jst r where r.teryt = ${unit.teryt} for update`,
        );
        if ((current?.version ?? 0) !== version) throw conflict();
        const values = sql`${lpdi.status}, ${lpdi.preparationStartedOn}, ${lpdi.resolutionNumber},
          ${lpdi.adoptedOn}, ${lpdi.updatedOn}, ${lpdi.periodFrom}, ${lpdi.periodTo},
          ${sql`array[${sql.join(
            lpdi.plannedServices.map((s) => sql`${s}`),
            sql`, `,
          )}]::text[]`},
          ${cus?.exists ?? null}, ${cus?.mode ?? null}, ${cus?.createdOn ?? null},
          ${cus?.programmeAdoptedOn ?? null}, ${cus?.lastDiagnosisOn ?? null}, ${cus?.ipusOpen ?? null},
          ${cus?.ipusClosed ?? null}`;
        const columns = sql`lpdi_status, lpdi_preparation_started_on, lpdi_resolution_number,
          lpdi_adopted_on, lpdi_updated_on, lpdi_period_from, lpdi_period_to, lpdi_planned_services,
          cus_exists, cus_mode, cus_created_on, cus_programme_adopted_on, cus_last_diagnosis_on,
          cus_ipus_open, cus_ipus_closed`;
        const saved = current
          ? await queryRows<{ teryt: string }>(
              tx,
              sql`update region_jst set (${columns}) = (${values}), version = version + 1, updated_at = now(),
                    updated_by = ${actor.userId}
                  where teryt = ${unit.teryt} and version = ${version} returning teryt`,
            )
          : await queryRows<{ teryt: string }>(
              tx,
              sql`insert into region_jst (teryt, ${columns}, version, updated_by)
                  values (${unit.teryt}, ${values}, 1, ${actor.userId})
                  on conflict (teryt) do nothing returning teryt`,
            );
        if (!saved.length) throw conflict();
        const before = current ? snapshotOf(current) : null;
        await queryRows(
          tx,
          sql`insert into region_jst_history (teryt, changed_by, before, after)
              values (${unit.teryt}, ${actor.userId}, ${before ? JSON.stringify(before) : null}::jsonb,
                      ${JSON.stringify(after)}::jsonb) returning id`,
        );
        await writeAudit(tx, actorFromRequest(request), {
          action: current ? 'record.update' : 'record.create',
          recordType: 'region_jst',
          recordId: unit.teryt,
          before: auditFields(before),
          after: auditFields(after),
          details: { woj: region.teryt, level: unit.level },
        });
      });
      const saved = await unitOf(db, region.teryt, unit.teryt);
      const partnerships = await activePartnerships(db, region.teryt, warsawToday());
      return { ...toEntry(saved, partnerships), abilities: { edit: region.edit } };
    },
  );

  app.get(
    '/:woj/jst/:teryt/history',
    {
      config: { access: { permission: 'region.monitor' } },
      schema: {
        tags: ['region'],
        summary: 'The changes of a JST’s entry, newest first, with their authors',
        params: UnitParams,
        response: { 200: JstHistory },
      },
    },
    async (request) => {
      const region = await requireRegion(request, request.params.woj);
      const unit = await unitOf(db, region.teryt, request.params.teryt);
      const rows = await queryRows<{
        id: number | string;
        changedAt: string | Date;
        changedBy: string | null;
        before: Snapshot | null;
        after: Snapshot;
      }>(
        db,
        sql`select h.id, h.changed_at as "changedAt",
              nullif(trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') as "changedBy",
              h.before, h.after
            from region_jst_history h left join users u on u.id = h.changed_by
            where h.teryt = ${unit.teryt}
            order by h.changed_at desc, h.id desc`,
      );
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          changedAt: new Date(r.changedAt).toISOString(),
          changedBy: r.changedBy,
          before: r.before,
          after: r.after,
        })),
      };
    },
  );

  const mapOf = async (woj: { teryt: string; name: string }, query: z.output<typeof RegionMapQuery>) => {
    const asOf = query.asOf ?? warsawToday();
    if (!isCalendarDay(asOf)) throw fieldError('query.asOf', 'date.format');
    return buildMap(db, woj, { measure: query.measure, level: query.level, asOf });
  };

  app.get(
    '/:woj/map',
    {
      config: { access: { permission: 'region.monitor' } },
      schema: {
        tags: ['region'],
        summary:
          'The regional map for a measure, a level (gmina | powiat) and a day; counts of persons and cases 1–4 suppressed',
        params: WojParams,
        querystring: RegionMapQuery,
        response: { 200: RegionMap },
      },
    },
    async (request) => {
      const region = await requireRegion(request, request.params.woj);
      return mapOf(region, request.query);
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/:woj/map.${format}`,
      {
        config: { access: { permission: 'region.monitor' } },
        schema: {
          tags: ['region'],
          summary: `The map’s table as ${format.toUpperCase()} (same query; suppressed values empty); logged`,
          params: WojParams,
          querystring: RegionMapQuery,
        },
      },
      async (request, reply) => {
        const region = await requireRegion(request, request.params.woj);
        const map = await mapOf(region, request.query);
        const names = new Map(
          (await loadRegister(db, region.teryt)).map((r) => [r.teryt, r.nameFull] as const),
        );
        const data = format === 'csv' ? renderMapCsv(map, names) : await renderMapXlsx(map, names);
        await writeAudit(db, actorFromRequest(request), {
          action: 'export.download',
          recordType: 'region_map',
          recordId: region.teryt,
          details: {
            format,
            measure: map.measure,
            level: map.level,
            asOf: map.asOf,
            rows: map.units.length,
          },
        });
        return reply
          .header(
            'content-type',
            format === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', contentDisposition(mapFilename(map, format)))
          .header('cache-control', 'private, no-store')
          .send(data);
      },
    );
  }
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/:woj/report.${format}`,
      {
        config: { access: { permission: 'region.monitor' } },
        schema: {
          tags: ['region'],
          summary: `The regional report on a day as ${format.toUpperCase()}: summary, map of the LPDI, ROPS project indicators, the register; logged`,
          params: WojParams,
          querystring: RegionReportQuery,
        },
      },
      async (request, reply) => {
        const region = await requireRegion(request, request.params.woj);
        const today = warsawToday();
        const asOf = request.query.asOf ?? today;
        if (!isCalendarDay(asOf)) throw fieldError('query.asOf', 'date.format');
        const actor = actorFromRequest(request);
        const [me] = await queryRows<{ name: string }>(
          db,
          sql`select trim(first_name || ' ' || last_name) as name from users where id = ${actor.userId}`,
        );
        const report = await loadRegionReport(db, region, {
          asOf,
          today,
          generatedBy: me?.name ?? '',
          onMetricError: (id, err) => request.log.error({ err, indicatorId: id }, 'indicator metric failed'),
        });
        const data = format === 'pdf' ? await renderReportPdf(report) : await renderReportXlsx(report);
        await writeAudit(db, actor, {
          action: 'export.download',
          recordType: 'region_report',
          recordId: region.teryt,
          details: { format, asOf, units: report.units.length, indicators: report.indicators.length },
        });
        return reply
          .header(
            'content-type',
            format === 'pdf'
              ? 'application/pdf'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', contentDisposition(reportFilename(report, format)))
          .header('cache-control', 'private, no-store')
          .send(data);
      },
    );
  }
};
