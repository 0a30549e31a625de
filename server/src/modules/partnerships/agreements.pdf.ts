import { type Agreement, partnershipKinds, partnershipModels } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { createPdf, plDate } from '../../lib/pdf.js';
import type { PartnershipAccess } from './access.js';

/**
 * The printable porozumienie o współpracy: the parties with their addresses and signatories, the
 * subject (the partnership and its model), the scope, the duration, the standard obligations (contact
 * person, meetings, exchange of information within the law, personal data protection), the final
 * clauses and a signature block per party. Polish letters need an embedded font (DejaVu Sans).
 */
interface PartyDoc {
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  nip: string | null;
  regon: string | null;
  signatoryName: string | null;
  signatoryPosition: string | null;
}

export interface AgreementDocument {
  agreement: Agreement;
  partnership: { name: string; kind: string; model: string; unitName: string };
  parties: PartyDoc[];
}

export async function loadAgreementDocument(
  db: DbOrTx,
  p: PartnershipAccess,
  agreement: Agreement,
): Promise<AgreementDocument> {
  const [partnership] = await queryRows<AgreementDocument['partnership']>(
    db,
    sql`select p.name, p.kind, p.model, tu.name_full as "unitName"
        from partnerships p join territorial_units tu on tu.teryt = p.teryt where p.id = ${p.id}`,
  );
  const parties = await queryRows<PartyDoc>(
    db,
    sql`select i.name, i.street, i.postal_code as "postalCode", i.city, i.nip, i.regon,
          ap.signatory_name as "signatoryName", ap.signatory_position as "signatoryPosition"
        from agreement_parties ap join institutions i on i.id = ap.institution_id
        where ap.agreement_id = ${agreement.id} order by ap.position, i.name`,
  );
  if (!partnership) throw new Error('partnership of the agreement not found');
  return { agreement, partnership, parties };
}

/** `porozumienie-PZK-1-2026.pdf`, or `porozumienie-<id>.pdf` without a number. */
export function agreementFilename(a: Pick<Agreement, 'number' | 'id'>): string {
  const n = (a.number ?? '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `porozumienie-${n || a.id.slice(0, 8)}.pdf`;
}

const BLANK = '……………………';
const join = (parts: (string | null | undefined)[], sep = ', ') => parts.filter(Boolean).join(sep);

export function renderAgreementPdf(d: AgreementDocument, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { agreement: a } = d;
  const title = `Porozumienie o współpracy${a.number ? ` nr ${a.number}` : ''}`;
  const { doc, done } = createPdf({
    title: `${title} — ${d.partnership.name}`,
    subject: a.title,
    bufferPages: true,
    compress: opts.compress,
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const text = (s: string, o: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font('regular')
      .fontSize(10)
      .text(s, left, doc.y, { width, align: 'left', ...o });
  const paragraph = (s: string) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc
      .moveDown(0.8)
      .font('bold')
      .fontSize(11)
      .text(s, left, doc.y, { width, align: 'center' })
      .moveDown(0.3);
  };

  if (a.status === 'projekt')
    doc.font('bold').fontSize(9).fillColor('#8a1c1c').text('PROJEKT', left, doc.y, { width, align: 'right' });
  doc.fillColor('black');
  doc.font('bold').fontSize(15).text(title.toUpperCase(), left, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(11).text(a.title, { width, align: 'center' });
  doc.moveDown(1);

  text(`zawarte w dniu ${plDate(a.signedOn)} w miejscowości ${a.concludedIn ?? BLANK} pomiędzy:`);
  doc.moveDown(0.4);
  for (const [i, p] of d.parties.entries()) {
    const address = join([p.street, join([p.postalCode, p.city], ' ')]);
    const ids = join([p.nip ? `NIP ${p.nip}` : null, p.regon ? `REGON ${p.regon}` : null]);
    doc
      .font('bold')
      .fontSize(10)
      .text(`${i + 1}. ${p.name}`, left, doc.y, { width });
    text(
      `${join([address, ids])}${address || ids ? ', ' : ''}reprezentowanym przez: ${p.signatoryName ?? BLANK}${
        p.signatoryPosition ? ` — ${p.signatoryPosition}` : ''
      },`,
      { indent: 14 },
    );
  }
  doc.moveDown(0.3);
  text('zwanymi dalej łącznie „Stronami”.');

  const kind =
    partnershipKinds[d.partnership.kind as keyof typeof partnershipKinds]?.pl ?? d.partnership.kind;
  const model =
    partnershipModels[d.partnership.model as keyof typeof partnershipModels]?.pl ?? d.partnership.model;
  paragraph('§ 1. Przedmiot porozumienia');
  text(
    `Strony zawierają porozumienie w celu wspólnego działania w ramach partnerstwa „${d.partnership.name}” (${kind}) na obszarze: ${d.partnership.unitName}, według modelu „${model}”, na rzecz osób i rodzin wymagających wsparcia kilku instytucji jednocześnie.`,
  );
  paragraph('§ 2. Zakres współpracy');
  text(a.scope);
  paragraph('§ 3. Zobowiązania Stron');
  const duties = [
    'Każda ze Stron wyznacza osobę do kontaktu w sprawach porozumienia i niezwłocznie informuje pozostałe Strony o jej zmianie.',
    'Strony uczestniczą w spotkaniach partnerstwa, realizują ustalone na nich zadania w wyznaczonych terminach i informują o ich wykonaniu.',
    'Strony wymieniają informacje niezbędne do realizacji porozumienia w granicach przepisów prawa, z zachowaniem tajemnicy prawnie chronionej.',
    'Dane osobowe są przetwarzane wyłącznie w zakresie niezbędnym do realizacji zadań, zgodnie z rozporządzeniem (UE) 2016/679 (RODO); każda ze Stron pozostaje administratorem danych, które przetwarza.',
    'Porozumienie nie rodzi zobowiązań finansowych między Stronami.',
  ];
  for (const [i, s] of duties.entries()) text(`${i + 1}. ${s}`);
  paragraph('§ 4. Okres obowiązywania');
  text(
    a.validTo
      ? `Porozumienie obowiązuje od ${plDate(a.validFrom ?? a.signedOn)} do ${plDate(a.validTo)}.`
      : `Porozumienie obowiązuje od ${plDate(a.validFrom ?? a.signedOn)} na czas nieokreślony.`,
  );
  paragraph('§ 5. Postanowienia końcowe');
  const finals = [
    'Zmiany porozumienia wymagają formy pisemnej pod rygorem nieważności (aneks).',
    'Każda ze Stron może wystąpić z porozumienia za jednomiesięcznym wypowiedzeniem złożonym na piśmie pozostałym Stronom.',
    `Porozumienie sporządzono w ${d.parties.length || BLANK} jednobrzmiących egzemplarzach, po jednym dla każdej ze Stron.`,
  ];
  for (const [i, s] of finals.entries()) text(`${i + 1}. ${s}`);

  // Signatures: two per row, each kept whole on a page.
  doc.moveDown(2);
  const col = width / 2 - 10;
  for (let i = 0; i < d.parties.length; i += 2) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
    const y = doc.y;
    let bottom = y;
    for (const [k, p] of d.parties.slice(i, i + 2).entries()) {
      const x = left + k * (col + 20);
      doc
        .font('regular')
        .fontSize(10)
        .text('…………………………………………', x, y + 30, { width: col, align: 'center' });
      doc.fontSize(9).text(join([p.signatoryName, p.signatoryPosition], ', ') || BLANK, x, doc.y, {
        width: col,
        align: 'center',
      });
      doc.fontSize(8).text(p.name, x, doc.y, { width: col, align: 'center' });
      bottom = Math.max(bottom, doc.y);
    }
    doc.y = bottom + 16;
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#555555')
      .text(`Strona ${i - range.start + 1} z ${range.count}`, left, doc.page.height - 42, {
        width,
        align: 'right',
        lineBreak: false,
      });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
