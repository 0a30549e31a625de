import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { smefsCsvRowsFromPieces } from '@kooperacja/domain';
import ExcelJS from 'exceljs';

export type SmefsFileFormat = 'csv' | 'xlsx';

/** XLSX is a ZIP file (it starts with "PK\3\4"); anything else is read as CSV. */
export function detectFormat(data: Buffer): SmefsFileFormat {
  return data.length >= 4 && data.readUInt32BE(0) === 0x504b0304 ? 'xlsx' : 'csv';
}

/**
 * The encoding of a CSV file: UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as
 * Windows-1250, what Polish Excel writes with "CSV (rozdzielany średnikami)".
 */
export function csvEncoding(data: Buffer): 'utf-8' | 'windows-1250' {
  return isUtf8(data) ? 'utf-8' : 'windows-1250';
}

const PIECE = 1024 * 1024;

/** The text of a CSV a megabyte at a time (a 50 MB file never becomes one 100 MB string). */
function* csvPieces(data: Buffer): Generator<string> {
  const decoder = new TextDecoder(csvEncoding(data));
  for (let i = 0; i < data.length; i += PIECE)
    yield decoder.decode(data.subarray(i, i + PIECE), { stream: i + PIECE < data.length });
}

/** The delimiter of the header line: ";" (SM EFS), else a tab, else ",". */
function delimiterOf(data: Buffer): string {
  const head = new TextDecoder(csvEncoding(data)).decode(data.subarray(0, 64 * 1024));
  const end = head.search(/\r?\n/);
  const first = end < 0 ? head : head.slice(0, end);
  if (first.includes(';')) return ';';
  if (first.includes('\t')) return '\t';
  return ',';
}

/** The file as stored: gzip (it shrinks a CSV about five times; the database keeps less personal data). */
export const packPayload = (data: Buffer): Buffer => gzipSync(data, { level: 1 });
export const unpackPayload = (stored: Buffer): Buffer =>
  stored.length >= 2 && stored[0] === 0x1f && stored[1] === 0x8b ? gunzipSync(stored) : stored;

/** A cell of a spreadsheet as text: dates as DD.MM.YYYY, numbers as written, rich text and links as their text. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(v.getUTCDate())}.${p(v.getUTCMonth() + 1)}.${v.getUTCFullYear()}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

/**
 * The rows of an uploaded file, one at a time (the header first): `row` is the row number a
 * spreadsheet shows (the header is row 1). CSV is split as RFC 4180; XLSX is streamed from its first
 * worksheet (never loaded whole).
 */
export async function* fileRows(
  data: Buffer,
  format: SmefsFileFormat,
): AsyncGenerator<{ row: number; cells: string[] }> {
  if (format === 'csv') {
    let row = 0;
    for (const r of smefsCsvRowsFromPieces(csvPieces(data), delimiterOf(data)))
      yield { row: ++row, cells: r.cells };
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const r of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = r.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
      if (cells.every((c) => c === '')) continue;
      yield { row: r.number, cells };
    }
    return; // the first worksheet only
  }
}
