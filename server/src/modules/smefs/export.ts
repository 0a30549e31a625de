import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  type Language,
  SMEFS_CSV_BOM,
  type SmefsColumnKey,
  type SmefsReport,
  smefsCsvLine,
  smefsHeaderOf,
  smefsHeaders,
  toSmefsRow,
  validateSmefsRecord,
} from '@kooperacja/domain';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/database.js';
import { type ParticipantRecord, participantPages } from './records.js';
import type { TerritoryNames } from './territory-names.js';

export interface SmefsProject {
  id: string;
  number: string;
}

type Report = Omit<SmefsReport, 'abilities'>;

/**
 * One pass over the project's participants, page by page (never all in memory): every participant
 * validated — the counts per column and the window `offset…offset+limit` of those with problems —
 * and each page handed to `onPage` (the export writes it out).
 */
export async function scanProject(
  db: DbOrTx,
  project: SmefsProject,
  territory: TerritoryNames,
  lang: Language,
  window: { offset: number; limit: number },
  onPage?: (page: ParticipantRecord[]) => Promise<void>,
): Promise<Report> {
  let total = 0;
  let invalid = 0;
  const byColumn = new Map<SmefsColumnKey | null, number>();
  const items: SmefsReport['items'] = [];
  for await (const page of participantPages(db, project.id, project.number, territory)) {
    for (const { participantId, record } of page) {
      total++;
      const problems = validateSmefsRecord(record);
      if (problems.length === 0) continue;
      if (invalid >= window.offset && items.length < window.limit)
        items.push({
          participantId,
          technicalId: record.technicalId ?? '',
          firstName: record.firstName ?? '',
          lastName: record.lastName ?? '',
          problems: problems.map((p) => ({
            column: p.column,
            header: p.column ? smefsHeaderOf(p.column) : null,
            code: p.code,
            message: p.message[lang],
          })),
        });
      invalid++;
      for (const column of new Set(problems.map((p) => p.column)))
        byColumn.set(column, (byColumn.get(column) ?? 0) + 1);
    }
    if (onPage) await onPage(page);
  }
  return {
    projectId: project.id,
    projectNumber: project.number,
    total,
    valid: total - invalid,
    invalid,
    byColumn: [...byColumn.entries()]
      .map(([column, count]) => ({ column, header: column ? smefsHeaderOf(column) : null, count }))
      .sort((a, b) => b.count - a.count),
    items,
    limit: window.limit,
    offset: window.offset,
  };
}

/** Writes respecting back-pressure: waits while the file has not taken what was written. */
async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
}

const AGE = smefsHeaders.indexOf('Wiek w chwili przystąpienia do projektu');

/** A prepared export: the report of the same pass, and the file to send (or to throw away). */
export interface PreparedExport {
  report: Report;
  size: number;
  /** The file as a stream; its name is gone from the disk once opened. */
  open(): Promise<Readable>;
  discard(): Promise<void>;
}

/**
 * Validates and writes the export in ONE pass over the database (a second pass would double the
 * time of 100,000 participants): pages are written as they come to a file of its own (mode 0600 in a
 * private temporary folder), so memory stays flat; the route then either sends the file or, when
 * participants have problems and the download is not forced, throws it away and answers 409. The
 * file's name is removed as soon as it is opened for sending, and on any failure.
 *
 * CSV: UTF-8 with BOM, ";" between cells, CRLF, RFC 4180 quoting. XLSX: exceljs' streaming
 * WorkbookWriter, one worksheet "Uczestnicy", no shared strings or styles, every cell text as in the
 * CSV except the age (a number).
 */
export async function prepareExport(
  db: DbOrTx,
  project: SmefsProject,
  territory: TerritoryNames,
  lang: Language,
  format: 'csv' | 'xlsx',
): Promise<PreparedExport> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kooperacja-smefs-'));
  const file = path.join(dir, `export.${format}`);
  const discard = () => fsp.rm(dir, { recursive: true, force: true });
  try {
    const out = fs.createWriteStream(file, { mode: 0o600 });
    let report: Report;
    if (format === 'csv') {
      await write(out, Buffer.from(SMEFS_CSV_BOM + smefsCsvLine(smefsHeaders), 'utf8'));
      report = await scanProject(db, project, territory, lang, { offset: 0, limit: 20 }, async (page) => {
        let text = '';
        for (const { record } of page) text += smefsCsvLine(toSmefsRow(record));
        await write(out, Buffer.from(text, 'utf8'));
      });
      out.end();
      await finished(out);
    } else {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: false,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet('Uczestnicy');
      sheet.columns = smefsHeaders.map((h) => ({ width: Math.min(40, Math.max(12, h.length)) }));
      sheet.addRow([...smefsHeaders]).commit();
      report = await scanProject(db, project, territory, lang, { offset: 0, limit: 20 }, async (page) => {
        for (const { record } of page) {
          const cells: (string | number)[] = toSmefsRow(record);
          const age = cells[AGE];
          if (typeof age === 'string' && age !== '') cells[AGE] = Number(age);
          sheet.addRow(cells).commit();
        }
        if (out.writableNeedDrain) await new Promise<void>((r) => out.once('drain', () => r()));
      });
      sheet.commit();
      await workbook.commit();
      await finished(out);
    }
    const { size } = await fsp.stat(file);
    return {
      report,
      size,
      discard,
      open: async () => {
        const stream = fs.createReadStream(file);
        await new Promise<void>((resolve, reject) => {
          stream.once('open', () => resolve());
          stream.once('error', reject);
        });
        await discard();
        return stream;
      },
    };
  } catch (err) {
    await discard();
    throw err;
  }
}
