/**
 * The regional report (docs/region.md, "The regional report"): the state of Świętokrzyskie on a day
 * as PDF and XLSX — the summary, the map's legend, the indicators of the ROPS Kielce project, the
 * register — for the region's analyst only, and logged.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf-text.js';
import { queryRows } from '../../db/database.js';

let t: TestApp;
let kielce: TestSession;
let krakow: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  [kielce, krakow] = await Promise.all([login(t.app, 'analityk.kielce'), login(t.app, 'analityk.krakow')]);
});

/** What the demo register says on a day, counted by hand from the rows (not through the report's code). */
async function adoptedOn(day: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from region_jst r join territorial_units u on u.teryt = r.teryt
        where u.woj_teryt = '26' and u.active and r.lpdi_status in ('przyjety', 'zaktualizowany')
          and r.lpdi_adopted_on <= ${day}::date`,
  );
  return row?.n ?? 0;
}

describe('regional report', () => {
  it('prints the state of the region on a day: summary, legend, the ROPS project’s indicators and every JST', async () => {
    const res = await kielce.inject({ method: 'GET', url: '/api/region/26/report.pdf?asOf=2025-06-30' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('raport-regionalny-26-2025-06-30.pdf');
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Raport regionalny: województwo świętokrzyskie');
    expect(text).toContain('Stan na 30.06.2025');
    const adopted = await adoptedOn('2025-06-30');
    expect(adopted).toBeGreaterThan(0);
    expect(text).toContain(`JST z przyjętym lub zaktualizowanym LPDI: ${adopted} (`);
    expect(text).toMatch(/Brak: \d+ gmin, \d+ powiatów/);
    expect(text).toContain('FERS.04.13-IP.04-0001/23');
    expect(text).toContain('Rejestr JST');
    expect(text).toContain('gmina wiejska Gnojno');
    expect(text).toMatch(/Strona 1 z \d+/);

    const [audit] = await queryRows<{ details: { format: string; asOf: string; units: number } }>(
      t.database.db,
      sql`select details from audit_log where record_type = 'region_report' order by id desc limit 1`,
    );
    expect(audit?.details).toMatchObject({ format: 'pdf', asOf: '2025-06-30', units: 116 });
  });

  it('gives the same as a workbook: the summary, 116 JST and the indicators', async () => {
    const res = await kielce.inject({ method: 'GET', url: '/api/region/26/report.xlsx?asOf=2025-06-30' });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Podsumowanie', 'JST', 'Wskaźniki']);
    const summary = book.getWorksheet('Podsumowanie');
    const lpdiRow = summary
      ?.getSheetValues()
      .find((r) => Array.isArray(r) && r[1] === 'JST z przyjętym lub zaktualizowanym LPDI') as unknown[];
    expect(lpdiRow?.[2]).toBe(await adoptedOn('2025-06-30'));
    expect(book.getWorksheet('JST')?.actualRowCount).toBe(117);
    const indicators = book.getWorksheet('Wskaźniki');
    expect(indicators?.actualRowCount).toBeGreaterThan(1);
    expect(indicators?.getRow(2).getCell(1).value).toBe('FERS.04.13-IP.04-0001/23');
    // A plan adopted later is not counted earlier: the report of an earlier day says fewer.
    const earlier = await kielce.inject({ method: 'GET', url: '/api/region/26/report.pdf?asOf=2024-12-31' });
    expect(pdfText(earlier.rawPayload).replace(/\s+/g, ' ')).toContain(
      `JST z przyjętym lub zaktualizowanym LPDI: ${await adoptedOn('2024-12-31')} (`,
    );
  });

  it('is not found for another region’s analyst, and refuses an impossible day field by field', async () => {
    expect((await krakow.inject({ method: 'GET', url: '/api/region/26/report.pdf' })).statusCode).toBe(404);
    const bad = await kielce.inject({ method: 'GET', url: '/api/region/26/report.pdf?asOf=2025-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors?.[0]?.field ?? JSON.stringify(bad.json())).toContain('asOf');
  });
});
