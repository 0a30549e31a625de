import fs from 'node:fs/promises';
import {
  cusModes,
  type LpdiStatus,
  lpdiStatuses,
  lpdiStatusOn,
  type ProjectIndicator,
} from '@kooperacja/domain';
import { geoArea, geoConicConformal, geoPath } from 'd3-geo';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { createPdf, plDate } from '../../lib/pdf.js';
import { indicatorList } from '../indicators/queries.js';
import { referenceFiles } from '../territory/load-territory.js';
import {
  type ActivePartnership,
  activePartnerships,
  cusOf,
  hasCusOn,
  loadRegister,
  lpdiOf,
  partnershipsOf,
  type RegisterRow,
  summaryOf,
} from './queries.js';

/**
 * The regional report (issue "Regional monitoring (ROPS)…"): the state of a województwo on a day as a
 * PDF and as an XLSX workbook — the summary (JST with an adopted LPDI, gminy with a CUS, JST with a
 * partnership), the map of the gminy by LPDI status, the counts by status, the indicators of the
 * projects the region's ROPS leads (as of that day), and the register of every JST. It holds no
 * personal data: no counts of persons or cases at all.
 */

/** Colours of the LPDI statuses on the report's map (distinct in greyscale print too). */
const LPDI_FILL: Record<LpdiStatus, string> = {
  brak: '#e0e0e0',
  w_przygotowaniu: '#f2c14e',
  przyjety: '#2a9d8f',
  zaktualizowany: '#264653',
};
const STATUS_ORDER: LpdiStatus[] = ['zaktualizowany', 'przyjety', 'w_przygotowaniu', 'brak'];

export interface ReportIndicator {
  project: string;
  code: string | null;
  name: string;
  unit: string;
  target: string;
  value: string | null;
  achievedPercent: number | null;
}

export interface RegionReport {
  woj: { teryt: string; name: string };
  asOf: string;
  generatedAt: Date;
  generatedBy: string;
  summary: ReturnType<typeof summaryOf>;
  /** Gminy and powiaty by LPDI status on the day. */
  byStatus: Record<LpdiStatus, { gminy: number; powiaty: number }>;
  units: {
    row: RegisterRow;
    status: LpdiStatus;
    cus: string;
    partnerships: number;
  }[];
  projects: { number: string; title: string }[];
  indicators: ReportIndicator[];
}

/** Everything the report shows, on `asOf`. */
export async function loadRegionReport(
  db: DbOrTx,
  woj: { teryt: string; name: string },
  opts: { asOf: string; today: string; generatedBy: string; onMetricError: (id: string, e: unknown) => void },
): Promise<RegionReport> {
  const register = await loadRegister(db, woj.teryt);
  const partnerships: ActivePartnership[] = await activePartnerships(db, woj.teryt, opts.asOf);
  const byStatus = Object.fromEntries(
    STATUS_ORDER.map((s) => [s, { gminy: 0, powiaty: 0 }]),
  ) as RegionReport['byStatus'];
  const units = register.map((row) => {
    const status = lpdiStatusOn(lpdiOf(row), opts.asOf);
    byStatus[status][row.level === 'gmina' ? 'gminy' : 'powiaty']++;
    const cus = cusOf(row);
    return {
      row,
      status,
      cus:
        row.level !== 'gmina'
          ? 'nie dotyczy'
          : hasCusOn(row, opts.asOf)
            ? `tak${cus?.mode ? ` (${cusModes[cus.mode].pl.toLowerCase()})` : ''}`
            : 'nie',
      partnerships: partnershipsOf(row, partnerships).active,
    };
  });
  const projects = await queryRows<{ id: string; number: string; title: string }>(
    db,
    sql`select p.id, p.number, p.title from projects p join institutions i on i.id = p.leader_institution_id
        where i.type = 'rops' and substring(i.teryt from 1 for 2) = ${woj.teryt}
          and p.starts_on <= ${opts.asOf}::date
        order by p.number`,
  );
  const indicators: ReportIndicator[] = [];
  for (const p of projects) {
    const list = await indicatorList(db, {
      projectId: p.id,
      today: opts.today,
      asOf: opts.asOf,
      manage: false,
      onMetricError: opts.onMetricError,
    });
    for (const i of list.items) indicators.push(indicatorRow(p.number, i));
  }
  return {
    woj,
    asOf: opts.asOf,
    generatedAt: new Date(),
    generatedBy: opts.generatedBy,
    summary: summaryOf(register, partnerships, opts.asOf),
    byStatus,
    units,
    projects: projects.map(({ number, title }) => ({ number, title })),
    indicators,
  };
}

function indicatorRow(project: string, i: ProjectIndicator): ReportIndicator {
  return {
    project,
    code: i.definition.code,
    name: i.definition.name,
    unit: i.definition.unit,
    target: i.target,
    value: i.current?.value ?? null,
    achievedPercent: i.achieved === null ? null : i.achieved / 100,
  };
}

// ─── the map ────────────────────────────────────────────────────────────────────────────────────

let topology: Promise<Topology> | undefined;
const loadTopology = () => {
  topology ??= fs.readFile(referenceFiles.boundaries, 'utf8').then((t) => JSON.parse(t) as Topology);
  return topology;
};

type Geometry = Polygon | MultiPolygon;

/** d3-geo is spherical: an exterior ring drawn counter-clockwise would mean "all the globe but this". */
function clockwise(g: Geometry): Geometry {
  const fix = (rings: Position[][]) =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI
      ? rings.map((r) => [...r].reverse())
      : rings;
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(fix) };
}

/** SVG path data of the województwo's gminy, fitted to a box (Lambert conformal conic, as the app's map). */
export async function gminaPaths(
  woj: string,
  box: { width: number; height: number },
): Promise<{ teryt: string; d: string }[]> {
  const topo = await loadTopology();
  const object = topo.objects.gminy as GeometryCollection<{ teryt?: string }> | undefined;
  if (!object) return [];
  const fc = feature(topo, object) as FeatureCollection<Geometry, { teryt?: string }>;
  const features = fc.features
    .map((f) => ({ ...f, properties: { teryt: String(f.properties?.teryt ?? f.id ?? '') } }))
    .filter((f) => f.geometry && f.properties.teryt.startsWith(woj))
    .map((f) => ({ ...f, geometry: clockwise(f.geometry) }));
  if (!features.length) return [];
  const collection: FeatureCollection<Geometry> = { type: 'FeatureCollection', features };
  const projection = geoConicConformal()
    .parallels([49, 55])
    .rotate([-19.5, 0])
    .fitSize([box.width, box.height], collection);
  const path = geoPath(projection).digits(1);
  return features.map((f) => ({ teryt: f.properties.teryt, d: path(f) ?? '' }));
}

// ─── PDF ────────────────────────────────────────────────────────────────────────────────────────

const fmtPercent = (n: number) => `${n.toLocaleString('pl-PL', { maximumFractionDigits: 1 })} %`;
const fmtNumber = (s: string | null) =>
  s === null ? '—' : Number(s).toLocaleString('pl-PL', { maximumFractionDigits: 2 });
const warsawDateTime = (d: Date) =>
  new Intl.DateTimeFormat('pl-PL', {
    timeZone: 'Europe/Warsaw',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);

export const reportFilename = (r: Pick<RegionReport, 'woj' | 'asOf'>, format: 'pdf' | 'xlsx') =>
  `raport-regionalny-${r.woj.teryt}-${r.asOf}.${format}`;

export async function renderReportPdf(r: RegionReport): Promise<Buffer> {
  const title = `Raport regionalny: województwo ${r.woj.name}`;
  const { doc, done } = createPdf({ title, subject: `Stan na ${plDate(r.asOf)}`, bufferPages: true });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('bold').fontSize(18).text(title);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#444444')
    .text(`Stan na ${plDate(r.asOf)} · wygenerowano ${warsawDateTime(r.generatedAt)} · ${r.generatedBy}`);
  doc.fillColor('black').moveDown();

  doc.font('bold').fontSize(13).text('Podsumowanie');
  doc.font('regular').fontSize(10);
  const s = r.summary;
  doc.text(`Jednostki samorządu terytorialnego (gminy i powiaty): ${s.jst}`);
  doc.text(`JST z przyjętym lub zaktualizowanym LPDI: ${s.jstWithLpdi} (${fmtPercent(s.lpdiSharePercent)})`);
  doc.text(`Gminy z centrum usług społecznych: ${s.gminyWithCus}`);
  doc.text(`JST z aktywnym partnerstwem na własnym terenie: ${s.jstWithPartnership}`);
  doc.moveDown();

  // The map of the gminy by LPDI status, with its legend in words (counts per status).
  doc.font('bold').fontSize(13).text('Gminy według statusu LPDI');
  const mapTop = doc.y + 6;
  const box = { width, height: 330 };
  const paths = await gminaPaths(r.woj.teryt, box);
  const statusOf = new Map(r.units.map((u) => [u.row.teryt, u.status]));
  doc.save().translate(left, mapTop);
  for (const p of paths) {
    doc
      .path(p.d)
      .lineWidth(0.4)
      .fillAndStroke(LPDI_FILL[statusOf.get(p.teryt) ?? 'brak'], '#ffffff');
  }
  doc.restore();
  doc.y = mapTop + box.height + 8;
  doc.x = left;
  for (const status of STATUS_ORDER) {
    const y = doc.y;
    doc.rect(left, y + 1, 10, 10).fillAndStroke(LPDI_FILL[status], '#555555');
    const n = r.byStatus[status];
    doc
      .fillColor('black')
      .font('regular')
      .fontSize(10)
      .text(`${lpdiStatuses[status].pl}: ${n.gminy} gmin, ${n.powiaty} powiatów`, left + 16, y);
  }
  doc.x = left;
  doc.moveDown();

  // The indicators of the ROPS's projects.
  if (doc.y > bottom() - 120) doc.addPage();
  doc.font('bold').fontSize(13).text('Wskaźniki projektów ROPS', left);
  doc.font('regular').fontSize(10);
  if (!r.projects.length) doc.text('Regionalny ośrodek nie prowadzi projektów w tym dniu.');
  for (const p of r.projects) {
    doc.moveDown(0.4).font('bold').text(`${p.number} — ${p.title}`, left);
    doc.font('regular');
    table(
      doc,
      10,
      ['Wskaźnik', 'Cel', 'Wartość', 'Realizacja'],
      [0.55, 0.15, 0.15, 0.15],
      r.indicators
        .filter((i) => i.project === p.number)
        .map((i) => [
          `${i.code ? `${i.code} ` : ''}${i.name}`,
          fmtNumber(i.target),
          fmtNumber(i.value),
          i.achievedPercent === null ? '—' : fmtPercent(i.achievedPercent),
        ]),
    );
  }

  // The register of every JST.
  doc.addPage();
  doc.font('bold').fontSize(13).text('Rejestr JST', left);
  doc.font('regular').fontSize(9);
  table(
    doc,
    9,
    ['Jednostka', 'LPDI', 'Uchwała, data przyjęcia', 'CUS', 'Partnerstwa'],
    [0.3, 0.16, 0.24, 0.2, 0.1],
    r.units.map((u) => {
      const adopted = u.status === 'przyjety' || u.status === 'zaktualizowany';
      return [
        u.row.nameFull,
        lpdiStatuses[u.status].pl,
        adopted ? `${u.row.lpdiResolutionNumber ?? ''}, ${plDate(u.row.lpdiAdoptedOn, '')}` : '—',
        u.cus,
        String(u.partnerships),
      ];
    }),
  );

  // Page numbers.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#444444')
      .text(`Strona ${i + 1} z ${range.count}`, left, doc.page.height - 40, {
        width,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

/** A simple table that continues on the next page with its header repeated. */
function table(
  doc: PDFKit.PDFDocument,
  size: number,
  headers: string[],
  fractions: number[],
  rows: string[][],
) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const widths = fractions.map((f) => f * width);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(size);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 4 }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) drawRow(headers, true);
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.fillColor('black').text(c, x + 2, y + 2, { width: (widths[i] ?? 0) - 4 });
      x += widths[i] ?? 0;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(headers, true);
  for (const r of rows) drawRow(r, false);
  doc.font('regular');
}

// ─── XLSX ───────────────────────────────────────────────────────────────────────────────────────

export async function renderReportXlsx(r: RegionReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kooperacja';
  workbook.created = r.generatedAt;
  const summary = workbook.addWorksheet('Podsumowanie');
  summary.columns = [{ width: 60 }, { width: 20 }];
  const s = r.summary;
  summary.addRows([
    [`Raport regionalny: województwo ${r.woj.name}`, null],
    ['Stan na', plDate(r.asOf)],
    ['Wygenerowano', `${warsawDateTime(r.generatedAt)}, ${r.generatedBy}`],
    [],
    ['Jednostki samorządu terytorialnego (gminy i powiaty)', s.jst],
    ['JST z przyjętym lub zaktualizowanym LPDI', s.jstWithLpdi],
    ['Odsetek JST z LPDI (%)', s.lpdiSharePercent],
    ['Gminy z centrum usług społecznych', s.gminyWithCus],
    ['JST z aktywnym partnerstwem na własnym terenie', s.jstWithPartnership],
    [],
    ['Status LPDI', 'Gminy', 'Powiaty'],
    ...STATUS_ORDER.map((st) => [lpdiStatuses[st].pl, r.byStatus[st].gminy, r.byStatus[st].powiaty]),
  ]);
  summary.getRow(1).font = { bold: true, size: 14 };

  const jst = workbook.addWorksheet('JST');
  jst.columns = [
    { header: 'TERYT', width: 10 },
    { header: 'Jednostka', width: 40 },
    { header: 'Ludność', width: 10 },
    { header: 'Status LPDI', width: 18 },
    { header: 'Numer uchwały', width: 18 },
    { header: 'Data przyjęcia', width: 14 },
    { header: 'Data aktualizacji', width: 14 },
    { header: 'Okres', width: 12 },
    { header: 'CUS', width: 36 },
    { header: 'Aktywne partnerstwa', width: 12 },
  ];
  for (const u of r.units) {
    const adopted = u.status === 'przyjety' || u.status === 'zaktualizowany';
    const lp = u.row;
    jst.addRow([
      lp.teryt,
      lp.nameFull,
      lp.population,
      lpdiStatuses[u.status].pl,
      adopted ? lp.lpdiResolutionNumber : null,
      adopted ? plDate(lp.lpdiAdoptedOn, '') : null,
      u.status === 'zaktualizowany' ? plDate(lp.lpdiUpdatedOn, '') : null,
      adopted && lp.lpdiPeriodFrom ? `${lp.lpdiPeriodFrom}–${lp.lpdiPeriodTo ?? ''}` : null,
      u.cus,
      u.partnerships,
    ]);
  }
  jst.getRow(1).font = { bold: true };

  const ind = workbook.addWorksheet('Wskaźniki');
  ind.columns = [
    { header: 'Projekt', width: 28 },
    { header: 'Kod', width: 10 },
    { header: 'Wskaźnik', width: 60 },
    { header: 'Cel', width: 12 },
    { header: 'Wartość', width: 12 },
    { header: 'Realizacja (%)', width: 14 },
  ];
  for (const i of r.indicators)
    ind.addRow([
      i.project,
      i.code,
      i.name,
      Number(i.target),
      i.value === null ? null : Number(i.value),
      i.achievedPercent,
    ]);
  ind.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
