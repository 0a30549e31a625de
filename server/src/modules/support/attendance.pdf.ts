import { createPdf, plDate } from '../../lib/pdf.js';

export interface AttendanceSheet {
  leader: string;
  projectNumber: string;
  projectTitle: string;
  activity: string;
  supportType: string | null;
  place: string | null;
  date: string;
  startTime: string | null;
  /** Hours of the session, Polish form ("1,5"). */
  hours: string;
  topic: string | null;
  rows: { name: string; technicalId: string; present: boolean | null; hours: string | null }[];
}

/**
 * The attendance list of one session (lista obecności), to print and have signed: the project (its
 * number and title, as EU-funded documents carry), the activity, the day, time and length of the
 * session, then one row per participant enrolled that day — name, technical identifier, hours (filled
 * when the list was already recorded in the app) and a wide signature column — and the trainer's
 * signature at the end. Rows never split across pages; the header row repeats on every page.
 */
export function renderAttendancePdf(d: AttendanceSheet): Promise<Buffer> {
  const { doc, done } = createPdf({
    title: `Lista obecności — ${d.activity} — ${plDate(d.date)}`,
    author: d.leader,
    margins: { top: 48, bottom: 56, left: 48, right: 48 },
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('regular').fontSize(8.5).text(d.leader).text(`Projekt ${d.projectNumber}: ${d.projectTitle}`);
  doc.moveDown(1);
  doc.font('bold').fontSize(14).text('LISTA OBECNOŚCI', { align: 'center' }).moveDown(0.6);
  const line = (label: string, value: string) =>
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value);
  line('Forma wsparcia', d.activity);
  if (d.supportType) line('Typ wsparcia', d.supportType);
  line(
    'Data zajęć',
    `${plDate(d.date)}${d.startTime ? `, godz. ${d.startTime}` : ''} — ${d.hours} godz. dydaktycznych/zegarowych`,
  );
  if (d.place) line('Miejsce', d.place);
  if (d.topic) line('Temat', d.topic);
  doc.moveDown(0.8);

  const cols = [
    { title: 'Lp.', w: 0.06 },
    { title: 'Imię i nazwisko', w: 0.34 },
    { title: 'Identyfikator', w: 0.16 },
    { title: 'Liczba godzin', w: 0.12 },
    { title: 'Podpis uczestnika', w: 0.32 },
  ].map((c) => ({ ...c, w: c.w * width }));
  const rowH = 26;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const header = () => {
    let x = left;
    const y = doc.y;
    doc.font('bold').fontSize(9);
    for (const c of cols) {
      doc.rect(x, y, c.w, rowH).stroke();
      doc.text(c.title, x + 4, y + 8, { width: c.w - 8, height: 12, ellipsis: true });
      x += c.w;
    }
    doc.y = y + rowH;
  };
  const row = (cells: string[]) => {
    if (doc.y + rowH > bottom()) {
      doc.addPage();
      header();
    }
    let x = left;
    const y = doc.y;
    doc.font('regular').fontSize(9.5);
    cells.forEach((text, i) => {
      const c = cols[i] as { w: number };
      doc.rect(x, y, c.w, rowH).stroke();
      doc.text(text, x + 4, y + 8, { width: c.w - 8, height: 12, ellipsis: true });
      x += c.w;
    });
    doc.x = left;
    doc.y = y + rowH;
  };

  header();
  for (const [i, r] of d.rows.entries())
    row([
      String(i + 1),
      r.name,
      r.technicalId,
      r.present === null ? '' : r.present ? (r.hours ?? '') : 'nieobecny(-a)',
      '',
    ]);
  if (!d.rows.length) row(['', 'Brak uczestników zapisanych na te zajęcia w tym dniu.', '', '', '']);

  if (doc.y + 80 > bottom()) doc.addPage();
  doc.moveDown(3);
  const y = doc.y;
  doc.font('regular').fontSize(9);
  doc.text('……………………………………', left, y, { width: width / 2, align: 'center' });
  doc.text('data', left, doc.y, { width: width / 2, align: 'center' });
  doc.text('……………………………………', left + width / 2, y, { width: width / 2, align: 'center' });
  doc.text('czytelny podpis prowadzącego zajęcia', left + width / 2, doc.y, {
    width: width / 2,
    align: 'center',
  });
  doc.end();
  return done;
}
