import { createPdf, plDate } from '../../lib/pdf.js';

export interface ConsentDocument {
  person: string;
  pesel: string | null;
  recipient: string;
  owner: string;
  scopes: string[];
  purpose: string;
  givenOn: string;
  validUntil: string | null;
  caseNumber: string;
}

/**
 * The consent form (zgoda na udostępnienie danych osobowych): who consents, to which recipient, which
 * data, for what purpose, until when, with the RODO information that it may be withdrawn at any time
 * without affecting what was done before (art. 7 ust. 3) and the basis for health data (art. 9 ust. 2
 * lit. a). Printed, signed by the person, and its scan attached to the case.
 */
export function renderConsentPdf(d: ConsentDocument): Promise<Buffer> {
  const { doc, done } = createPdf({
    title: `Zgoda na udostępnienie danych — sprawa ${d.caseNumber}`,
    author: d.owner,
    margins: { top: 56, bottom: 60, left: 60, right: 60 },
  });
  const p = (s: string, bold = false) =>
    doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(10.5)
      .text(s, { align: 'justify' })
      .moveDown(0.5);

  doc.font('regular').fontSize(9).text(d.owner).text(`Nr sprawy: ${d.caseNumber}`).moveDown(1.5);
  doc
    .font('bold')
    .fontSize(13)
    .text('ZGODA NA UDOSTĘPNIENIE DANYCH OSOBOWYCH', { align: 'center' })
    .moveDown(1.2);
  p(
    `Ja, niżej podpisana/podpisany ${d.person}${d.pesel ? `, PESEL ${d.pesel}` : ''}, wyrażam zgodę na udostępnienie przez ${d.owner} (administratora danych) moich danych osobowych instytucji: ${d.recipient}.`,
  );
  p('Zakres udostępnianych danych:', true);
  for (const s of d.scopes) doc.font('regular').fontSize(10.5).text(`•  ${s}`, { indent: 12 });
  doc.moveDown(0.6);
  p(`Cel udostępnienia: ${d.purpose}`);
  p(
    `Zgoda obowiązuje od dnia ${plDate(d.givenOn)}${d.validUntil ? ` do dnia ${plDate(d.validUntil)}` : ' do jej odwołania'}.`,
  );
  p(
    'Zgodę wyrażam dobrowolnie. Wiem, że mogę ją wycofać w dowolnym momencie, bez wpływu na zgodność z prawem przetwarzania, którego dokonano na podstawie zgody przed jej wycofaniem (art. 7 ust. 3 RODO). Wycofanie zgody nie wpływa na udzielaną mi pomoc.',
  );
  if (d.scopes.some((s) => s.toLowerCase().includes('zdrow')))
    p(
      'Zgoda obejmuje dane dotyczące zdrowia, niepełnosprawności i uzależnień — szczególne kategorie danych (art. 9 ust. 2 lit. a RODO).',
    );
  p(
    'Instytucja otrzymująca dane może je przetwarzać wyłącznie w celu wskazanym powyżej i jest zobowiązana do zachowania ich w tajemnicy.',
  );
  doc.moveDown(3);
  const y = doc.y;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('regular').fontSize(9);
  doc.text('……………………………………', left, y, { width: width / 2, align: 'center' });
  doc.text('miejscowość i data', left, doc.y, { width: width / 2, align: 'center' });
  doc.text('……………………………………', left + width / 2, y, { width: width / 2, align: 'center' });
  doc.text('czytelny podpis osoby wyrażającej zgodę', left + width / 2, doc.y, {
    width: width / 2,
    align: 'center',
  });
  doc.end();
  return done;
}
