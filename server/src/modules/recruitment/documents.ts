import {
  applicationChannels,
  applicationFormKinds,
  applicationStatuses,
  clauseLegalBases,
  iscedGroups,
  labourStatuses,
  povertyGrounds,
  type RankingEntry,
  tieBreakRules,
  triState,
} from '@kooperacja/domain';
import ExcelJS from 'exceljs';
import { createPdf, plDate } from '../../lib/pdf.js';
import type { ApplicationRow, CallRow } from './queries.js';

const label = <T extends Record<string, { pl: string }>>(dict: T, key: string | null | undefined) =>
  key ? (dict[key as keyof T]?.pl ?? key) : '—';

/** DD.MM.YYYY HH:mm in Polish time. */
export function plDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('pl-PL', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('day')}.${p('month')}.${p('year')} ${p('hour')}:${p('minute')}`;
}

export interface ApplicationDocument {
  application: ApplicationRow;
  call: Pick<CallRow, 'code' | 'name' | 'questions' | 'clauses'>;
  project: { title: string; number: string; institution: string };
}

/**
 * The copy of an application (the applicant downloads it right after sending; staff print it): the
 * data as declared, the answers, and every clause with its legal basis and whether it was given.
 */
export function renderApplicationPdf(d: ApplicationDocument): Promise<Buffer> {
  const a = d.application;
  const { doc, done } = createPdf({
    title: `Zgłoszenie ${a.number} — ${d.call.name}`,
    author: d.project.institution,
    subject: applicationFormKinds[a.formKind].pl,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const section = (s: string) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.moveDown(0.7).font('bold').fontSize(11).text(s, left, doc.y, { width }).moveDown(0.2);
  };
  const row = (name: string, value: string) => {
    doc.font('bold').fontSize(9.5).text(`${name}: `, left, doc.y, { width, continued: true });
    doc.font('regular').text(value || '—');
  };

  doc.font('regular').fontSize(9).text(d.project.institution, left, doc.y, { width });
  doc.text(`Projekt: ${d.project.title} (${d.project.number})`, { width });
  doc.moveDown(1);
  doc.font('bold').fontSize(14).text(applicationFormKinds[a.formKind].pl.toUpperCase(), left, doc.y, {
    width,
    align: 'center',
  });
  doc.font('regular').fontSize(11).text(`Nabór: ${d.call.name} (${d.call.code})`, { width, align: 'center' });
  doc.moveDown(0.8);
  row('Numer zgłoszenia', a.number);
  row('Data złożenia', plDateTime(a.submittedAt));
  row('Sposób złożenia', applicationChannels[a.channel].pl);
  if (a.cohortName) row('Grupa', a.cohortName);

  section('Dane osobowe');
  row('Imię i nazwisko', `${a.firstName} ${a.lastName}`);
  row('PESEL', a.pesel ?? `brak numeru PESEL${a.otherId ? ` (inny identyfikator: ${a.otherId})` : ''}`);
  row('Data urodzenia', plDate(a.birthDate));
  row('Płeć', a.sex === 'K' ? 'kobieta' : 'mężczyzna');
  row('Obywatelstwo', a.citizenship);
  section('Adres zamieszkania i kontakt');
  row('Gmina', a.terytName ? `${a.terytName} (${a.teryt})` : (a.teryt ?? '—'));
  row('Adres', [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', '));
  row('Telefon', a.phone ?? '—');
  row('E-mail', a.email ?? '—');
  section('Sytuacja osoby zgłaszającej się');
  row('Wykształcenie', label(iscedGroups, a.education));
  row('Status na rynku pracy', label(labourStatuses, a.labourStatus));
  row('Osoba z niepełnosprawnościami', label(triState, a.disability));
  row(
    'Przesłanki zagrożenia ubóstwem lub wykluczeniem',
    a.povertyGrounds.length
      ? a.povertyGrounds.map((g) => label(povertyGrounds, g)).join('; ')
      : 'nie wskazano',
  );
  row(
    'Instytucja całodobowa',
    a.inInstitution
      ? `przebywa${a.institutionLeftOn ? ` (planowane opuszczenie ${plDate(a.institutionLeftOn)})` : ''}`
      : a.institutionLeftOn
        ? `opuściła/opuścił ${plDate(a.institutionLeftOn)}`
        : 'nie dotyczy',
  );
  const questions = d.call.questions.filter((q) => a.answers[q.key] !== undefined);
  if (questions.length) {
    section('Odpowiedzi na pytania');
    for (const q of questions) {
      const v = a.answers[q.key];
      row(q.label, typeof v === 'boolean' ? (v ? 'tak' : 'nie') : String(v));
    }
  }
  if (d.call.clauses.length) {
    section('Klauzule, zgody i oświadczenia');
    for (const c of d.call.clauses) {
      const given = a.consents.find((g) => g.key === c.key);
      const mark = c.kind === 'informacja' ? 'zapoznano się' : given?.given ? 'TAK' : 'NIE';
      doc.font('bold').fontSize(9.5).text(`${c.title} — ${mark}`, left, doc.y, { width });
      doc.font('regular').fontSize(8.5).text(c.text, left, doc.y, { width, align: 'justify' });
      if (c.legalBases.length)
        doc.text(`Podstawa prawna: ${c.legalBases.map((b) => clauseLegalBases[b].pl).join('; ')}.`, {
          width,
        });
      doc.moveDown(0.3);
    }
  }
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#444')
    .text(
      `Kopia zgłoszenia wygenerowana ${plDateTime(new Date().toISOString())}. Dane są przetwarzane wyłącznie w celu rekrutacji i realizacji projektu.`,
      left,
      doc.y,
      { width },
    )
    .fillColor('black');
  doc.end();
  return done;
}

export interface RankingDocument {
  institution: string;
  projectTitle: string;
  callName: string;
  callCode: string;
  cohortName: string;
  places: number;
  reservePlaces: number;
  tieBreak: string;
  ranking: RankingEntry[];
  reserve: RankingEntry[];
  rest: RankingEntry[];
  /** Numbers and points only (for publishing). */
  anonymous: boolean;
}

const placeLabel: Record<RankingEntry['place'], string> = {
  lista: 'lista podstawowa',
  rezerwa: 'lista rezerwowa',
  poza_lista: 'poza listą',
  nie_spelnia_kryteriow: 'nie spełnia kryteriów',
  niesprawdzone: 'niesprawdzone',
  wykluczone: 'odrzucone lub wycofane',
};

const rankingRows = (d: RankingDocument) =>
  [...d.ranking, ...d.reserve, ...d.rest].map((e) => ({
    position: e.position === null ? '—' : String(e.position),
    number: e.number,
    name: `${e.firstName} ${e.lastName}`,
    score: e.score,
    submitted: plDateTime(e.submittedAt),
    place: placeLabel[e.place],
    status: applicationStatuses[e.status].pl,
  }));

/** The ranking list of a cohort, A4: the qualified, the cut line, the reserve list and the rest. */
export function renderRankingPdf(d: RankingDocument): Promise<Buffer> {
  const { doc, done } = createPdf({
    title: `Lista rankingowa — ${d.callName} — ${d.cohortName}`,
    author: d.institution,
    bufferPages: true,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const cols = d.anonymous
    ? [
        { key: 'position', title: 'Lp.', w: 40 },
        { key: 'number', title: 'Nr zgłoszenia', w: 140 },
        { key: 'score', title: 'Punkty', w: 60 },
        { key: 'submitted', title: 'Złożone', w: 110 },
        { key: 'place', title: 'Wynik', w: width - 350 },
      ]
    : [
        { key: 'position', title: 'Lp.', w: 30 },
        { key: 'number', title: 'Nr zgłoszenia', w: 95 },
        { key: 'name', title: 'Imię i nazwisko', w: 130 },
        { key: 'score', title: 'Pkt', w: 35 },
        { key: 'submitted', title: 'Złożone', w: 90 },
        { key: 'place', title: 'Wynik', w: width - 380 },
      ];
  doc.font('regular').fontSize(9).text(d.institution, left, doc.y, { width });
  doc.text(`Projekt: ${d.projectTitle}`, { width });
  doc.moveDown(0.8);
  doc.font('bold').fontSize(14).text('LISTA RANKINGOWA', left, doc.y, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(10.5)
    .text(`Nabór ${d.callName} (${d.callCode}) — ${d.cohortName}`, { width, align: 'center' });
  doc.moveDown(0.5);
  doc
    .fontSize(9)
    .text(
      `Miejsca: ${d.places}; lista rezerwowa: ${d.reservePlaces}. Przy równej liczbie punktów decyduje: ${label(tieBreakRules, d.tieBreak).toLowerCase()}.`,
      left,
      doc.y,
      { width },
    );
  doc.moveDown(0.6);
  const line = (cells: Record<string, string | number>, bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    const y = doc.y;
    let x = left;
    let h = 0;
    doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
    for (const c of cols) {
      const text = String(cells[c.key] ?? '');
      doc.text(text, x + 2, y, { width: c.w - 4 });
      h = Math.max(h, doc.heightOfString(text, { width: c.w - 4 }));
      x += c.w;
    }
    doc.y = y + h + 4;
    doc
      .moveTo(left, doc.y - 2)
      .lineTo(left + width, doc.y - 2)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke();
  };
  line(Object.fromEntries(cols.map((c) => [c.key, c.title])), true);
  const rows = rankingRows(d);
  const cut = (s: string) => {
    doc.font('bold').fontSize(8).text(`— ${s} —`, left, doc.y, { width, align: 'center' });
    doc.moveDown(0.2);
  };
  rows.forEach((r, i) => {
    line(r, false);
    if (i === d.ranking.length - 1) cut(`granica listy podstawowej (${d.places} miejsc)`);
    if (d.reserve.length && i === d.ranking.length + d.reserve.length - 1) cut('koniec listy rezerwowej');
  });
  if (!rows.length)
    doc.font('regular').fontSize(10).text('Brak zgłoszeń w tej grupie.', left, doc.y, { width });
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc
      .font('regular')
      .fontSize(8)
      .text(`Strona ${i + 1} z ${range.count}`, left, doc.page.height - doc.page.margins.bottom + 20, {
        width,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

/** The same list as a spreadsheet (one sheet, a header row, the cut line as a column). */
export async function renderRankingXlsx(d: RankingDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kooperacja';
  const ws = wb.addWorksheet('Lista rankingowa');
  ws.columns = [
    { header: 'Lp.', key: 'position', width: 6 },
    { header: 'Nr zgłoszenia', key: 'number', width: 18 },
    ...(d.anonymous ? [] : [{ header: 'Imię i nazwisko', key: 'name', width: 30 }]),
    { header: 'Punkty', key: 'score', width: 8 },
    { header: 'Data złożenia', key: 'submitted', width: 18 },
    { header: 'Wynik', key: 'place', width: 22 },
    { header: 'Status zgłoszenia', key: 'status', width: 22 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rankingRows(d)) {
    const { name, ...rest } = r;
    ws.addRow(d.anonymous ? rest : r);
  }
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
