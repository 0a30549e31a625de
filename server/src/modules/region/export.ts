import {
  lpdiStatuses,
  type RegionMap,
  regionMeasures,
  SMEFS_CSV_BOM,
  smefsCsvLine,
} from '@kooperacja/domain';
import ExcelJS from 'exceljs';

/**
 * The table beside the regional map as a file: CSV (UTF-8 with BOM, ";" between cells, CRLF, RFC
 * 4180 quoting — like the SM EFS file) or XLSX (one sheet, numbers as numbers). Columns: TERYT,
 * Jednostka, Ludność, the measure's label, "Ukryte (mniej niż 5)". A suppressed value is an empty
 * cell with "tak" in the last column.
 */
export const HIDDEN_HEADER = 'Ukryte (mniej niż 5)';

export interface ExportUnit {
  teryt: string;
  nameFull: string;
}

type Cell = string | number | null;

/** The measure's column header (a powiat's CUS value counts its gminy with a CUS). */
function measureHeader(map: RegionMap): string {
  const label = regionMeasures[map.measure].label.pl;
  return map.measure === 'cus' && map.level === 'powiat' ? `${label} — gminy z CUS` : label;
}

function measureCell(map: RegionMap, u: RegionMap['units'][number]): Cell {
  if (map.measure === 'lpdi')
    return u.category ? lpdiStatuses[u.category as keyof typeof lpdiStatuses].pl : null;
  if (map.measure === 'cus' && map.level === 'gmina') return u.category === 'tak' ? 'tak' : 'nie';
  return u.value;
}

function rows(map: RegionMap, names: Map<string, string>): Cell[][] {
  return map.units.map((u) => [
    u.teryt,
    names.get(u.teryt) ?? u.name,
    u.population,
    measureCell(map, u),
    u.suppressed ? 'tak' : '',
  ]);
}

const headers = (map: RegionMap) => ['TERYT', 'Jednostka', 'Ludność', measureHeader(map), HIDDEN_HEADER];

/** A number as Polish spreadsheets read it in a ";" file: a decimal comma. */
const csvText = (c: Cell): string =>
  c === null ? '' : typeof c === 'number' ? String(c).replace('.', ',') : c;

export function renderMapCsv(map: RegionMap, names: Map<string, string>): Buffer {
  let text = SMEFS_CSV_BOM + smefsCsvLine(headers(map));
  for (const r of rows(map, names)) text += smefsCsvLine(r.map(csvText));
  return Buffer.from(text, 'utf8');
}

export async function renderMapXlsx(map: RegionMap, names: Map<string, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kooperacja';
  const ws = wb.addWorksheet('Mapa');
  ws.columns = headers(map).map((header, i) => ({ header, width: [10, 40, 12, 30, 20][i] }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows(map, names)) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export const mapFilename = (map: RegionMap, format: 'csv' | 'xlsx') =>
  `mapa-${map.woj.teryt}-${map.measure}-${map.level}-${map.asOf}.${format}`;
