import { actionParties, contractVariants, otherIdTypes, planTypes } from '@kooperacja/domain';
import { inArray, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { users } from '../../db/schema/index.js';
import { createPdf, plDate } from '../../lib/pdf.js';
import type { PlanBody } from './plans.queries.js';

/**
 * The printable document of a plan. A kontrakt socjalny follows the statutory layout (art. 108
 * ustawy o pomocy społecznej; the model of the regulation of the Minister of Labour and Social
 * Policy of 8 November 2010): the parties, the assessment of the situation, the main and specific
 * goals, the actions and obligations of both sides, the duration, the review dates, the sanction
 * clause and the signatures. Other plan types print the same content without the contract clauses.
 */

interface Party {
  firstName: string;
  lastName: string;
  pesel: string | null;
  otherIdType: keyof typeof otherIdTypes | null;
  otherIdNumber: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface PlanDocument {
  plan: PlanBody;
  caseNumber: string;
  institution: { name: string; street: string | null; postalCode: string | null; city: string | null };
  workerName: string;
  client: Party | null;
  household: { name: string; members: number } | null;
  conclusions: string | null;
  userNames: Map<string, string>;
}

export async function loadPlanDocument(db: DbOrTx, plan: PlanBody): Promise<PlanDocument> {
  const [c] = await queryRows<{
    number: string;
    personId: string | null;
    householdId: string | null;
    instName: string;
    instStreet: string | null;
    instPostalCode: string | null;
    instCity: string | null;
    workerName: string;
    householdName: string | null;
    hhStreet: string | null;
    hhPostalCode: string | null;
    hhCity: string | null;
    members: number | null;
    conclusions: string | null;
  }>(
    db,
    sql`select c.number, c.person_id as "personId", c.household_id as "householdId",
          i.name as "instName", i.street as "instStreet", i.postal_code as "instPostalCode", i.city as "instCity",
          u.first_name || ' ' || u.last_name as "workerName",
          h.name as "householdName", h.street as "hhStreet", h.postal_code as "hhPostalCode", h.city as "hhCity",
          (select count(*)::int from household_members hm where hm.household_id = h.id and hm.to_date is null) as members,
          (select d.conclusions from diagnoses d where d.case_id = c.id order by d.version_no desc limit 1) as conclusions
        from cases c
          join institutions i on i.id = c.institution_id
          join users u on u.id = c.lead_worker_id
          left join households h on h.id = c.household_id
        where c.id = ${plan.caseId}`,
  );
  if (!c) throw new Error('case of the plan not found');
  const personCols = sql`p.first_name as "firstName", p.last_name as "lastName", p.pesel,
    p.other_id_type as "otherIdType", p.other_id_number as "otherIdNumber",
    p.street, p.postal_code as "postalCode", p.city`;
  const [client] = c.personId
    ? await queryRows<Party>(db, sql`select ${personCols} from persons p where p.id = ${c.personId}`)
    : await queryRows<Party>(
        db,
        sql`select ${personCols} from household_members hm join persons p on p.id = hm.person_id
            where hm.household_id = ${c.householdId} and hm.to_date is null
            order by (hm.relation = 'glowa') desc, p.birth_date, p.id limit 1`,
      );
  if (client && c.householdId && !client.street) {
    client.street = c.hhStreet;
    client.postalCode = c.hhPostalCode;
    client.city = c.hhCity;
  }
  const userIds = [
    ...new Set(
      plan.goals.flatMap((g) => g.actions.map((a) => a.responsibleUserId).filter((x) => x !== null)),
    ),
  ];
  const names = userIds.length
    ? await db
        .select({ id: users.id, name: sql<string>`${users.firstName} || ' ' || ${users.lastName}` })
        .from(users)
        .where(inArray(users.id, userIds))
    : [];
  return {
    plan,
    caseNumber: c.number,
    institution: { name: c.instName, street: c.instStreet, postalCode: c.instPostalCode, city: c.instCity },
    workerName: c.workerName,
    client: client ?? null,
    household: c.householdId ? { name: c.householdName ?? '', members: c.members ?? 0 } : null,
    conclusions: c.conclusions,
    userNames: new Map(names.map((n) => [n.id, n.name])),
  };
}

/** A safe download name: `kontrakt-socjalny-SPR-2026-0001.pdf`. */
export function planFilename(plan: Pick<PlanBody, 'type'>, caseNumber: string): string {
  const number = caseNumber.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${plan.type.replaceAll('_', '-')}-${number || 'sprawa'}.pdf`;
}

const BLANK = '……………………';

const join = (parts: (string | null | undefined)[], sep = ', ') => parts.filter(Boolean).join(sep);
const addressOf = (a: { street: string | null; postalCode: string | null; city: string | null }) =>
  join([a.street, join([a.postalCode, a.city], ' ')]);

function identifierOf(p: Party): string {
  if (p.pesel) return `PESEL ${p.pesel}`;
  if (p.otherIdType && p.otherIdType !== 'brak' && p.otherIdNumber)
    return `${otherIdTypes[p.otherIdType]?.pl ?? 'dokument'} nr ${p.otherIdNumber}`;
  return `dokument tożsamości ${BLANK}`;
}

export { plDate };

export function renderPlanPdf(d: PlanDocument, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { plan } = d;
  const contract = plan.type === 'kontrakt_socjalny';
  const typeName = planTypes[plan.type].pl;
  const { doc, done } = createPdf({
    title: `${typeName} — sprawa ${d.caseNumber}`,
    author: d.institution.name,
    subject: typeName,
    bufferPages: true,
    compress: opts.compress,
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const text = (s: string, o: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font('regular')
      .fontSize(10)
      .text(s, { align: 'left', ...o });
  const heading = (s: string) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(11).text(s, left, doc.y, { width }).moveDown(0.3);
  };
  const clientName = d.client ? `${d.client.firstName} ${d.client.lastName}` : (d.household?.name ?? BLANK);

  // Letterhead: the institution (in place of its stamp) on the left, place and date on the right.
  const top = doc.y;
  doc
    .font('bold')
    .fontSize(9)
    .text(d.institution.name, left, top, { width: width * 0.55 });
  doc
    .font('regular')
    .fontSize(9)
    .text(addressOf(d.institution) || ' ', { width: width * 0.55 });
  const afterHead = doc.y;
  const concluded = plan.clientSignedOn ?? plan.workerSignedOn;
  doc.text(`${d.institution.city ?? BLANK}, dnia ${plDate(concluded)}`, left + width * 0.55, top, {
    width: width * 0.45,
    align: 'right',
  });
  doc.text(`Nr sprawy: ${d.caseNumber}`, { width: width * 0.45, align: 'right' });
  doc.y = Math.max(afterHead, doc.y) + 18;
  doc.x = left;

  doc.font('bold').fontSize(16).text(typeName.toUpperCase(), left, doc.y, { width, align: 'center' });
  if (plan.title && plan.title !== typeName)
    doc.font('regular').fontSize(11).text(plan.title, { width, align: 'center' });
  if (contract && plan.variant)
    doc
      .font('regular')
      .fontSize(10)
      .text(`Wariant ${contractVariants[plan.variant].pl}`, { width, align: 'center' });
  doc.moveDown(1);

  if (contract) {
    text(`zawarty w dniu ${plDate(concluded)} w miejscowości ${d.institution.city ?? BLANK} pomiędzy:`);
    doc.moveDown(0.4);
    // Names stay in the nominative: "pracownikiem socjalnym: Anna Nowak", "osobą: Jan Kowalski".
    text(
      `pracownikiem socjalnym: ${d.workerName}, działającym w imieniu: ${join([d.institution.name, addressOf(d.institution)])},`,
    );
    doc.moveDown(0.3);
    text('a', { align: 'center' });
    doc.moveDown(0.3);
    const c = d.client;
    text(
      c
        ? `osobą: ${clientName}, zamieszkałą: ${addressOf(c) || BLANK}, legitymującą się: ${identifierOf(c)}${d.household ? `, działającą także w imieniu rodziny (${d.household.name}, ${d.household.members} os.)` : ''}.`
        : `osobą: ${BLANK}, zamieszkałą: ${BLANK}, legitymującą się: ${BLANK}.`,
    );
  } else {
    const rows: [string, string][] = [
      ['Osoba / rodzina', clientName + (d.household ? ` (rodzina, ${d.household.members} os.)` : '')],
      ['Adres', d.client ? addressOf(d.client) || BLANK : BLANK],
      ['Identyfikator', d.client ? identifierOf(d.client) : BLANK],
      ['Pracownik prowadzący', `${d.workerName}, ${d.institution.name}`],
    ];
    for (const [k, v] of rows) {
      doc.font('bold').fontSize(10).text(`${k}: `, { continued: true });
      doc.font('regular').text(v);
    }
  }

  heading(contract ? 'I. Ocena sytuacji życiowej osoby / rodziny' : 'I. Ocena sytuacji');
  text(plan.assessment ?? BLANK);
  if (d.conclusions) {
    doc.moveDown(0.4);
    doc.font('bold').fontSize(10).text('Wnioski z diagnozy: ', { continued: true });
    doc.font('regular').text(d.conclusions);
  }

  const [main, ...specific] = plan.goals;
  heading('II. Cel główny');
  text(main?.description ?? BLANK);
  heading('III. Cele szczegółowe');
  if (specific.length) for (const [i, g] of specific.entries()) text(`${i + 1}. ${g.description}`);
  else text('—');

  heading(contract ? 'IV. Działania i zobowiązania stron' : 'IV. Działania');
  if (contract)
    text(
      'Strony zobowiązują się do podjęcia następujących działań. Działania osoby / rodziny są jej zobowiązaniami; działania instytucji są podejmowane na jej rzecz.',
    );
  doc.moveDown(0.4);
  const th = (s: string) => ({
    text: s,
    type: 'TH' as const,
    font: { src: 'bold' },
    backgroundColor: '#e8e8e8',
  });
  const table = doc.table({
    position: { x: left },
    maxWidth: width,
    columnStyles: [26, '*', 150, 66],
    defaultStyle: { font: { src: 'regular', size: 9 }, padding: 4, border: 0.5, borderColor: '#555555' },
  } as PDFKit.Mixins.TableOptions);
  table.row([th('Lp.'), th('Działanie / zobowiązanie'), th('Odpowiedzialny'), th('Termin')]);
  let lp = 0;
  plan.goals.forEach((g, gi) => {
    table.row([
      {
        text: `${gi === 0 ? 'Cel główny' : `Cel szczegółowy ${gi}`}: ${g.description}`,
        colSpan: 4,
        font: { src: 'bold', size: 9 },
        backgroundColor: '#f4f4f4',
      },
    ]);
    if (!g.actions.length) table.row(['', '—', '', '']);
    for (const a of g.actions) {
      lp++;
      const who =
        a.party === 'klient'
          ? `${actionParties.klient.pl}${d.client ? ` — ${clientName}` : ''}`
          : join(
              [
                a.responsibleInstitution?.name,
                a.responsiblePerson ?? (a.responsibleUserId ? d.userNames.get(a.responsibleUserId) : null),
              ],
              ' — ',
            ) || actionParties.instytucja.pl;
      const when =
        plDate(a.deadline, contract ? 'w okresie kontraktu' : 'w okresie planu') +
        (a.status === 'wykonane' ? `\nwykonane${a.completedOn ? ` ${plDate(a.completedOn)}` : ''}` : '');
      table.row([`${lp}.`, a.description, who, when]);
    }
  });
  table.end();
  doc.x = left;

  heading(contract ? 'V. Czas trwania kontraktu' : 'V. Okres realizacji');
  text(
    `${contract ? 'Kontrakt zawarto na czas' : 'Plan obowiązuje w okresie'} od ${plDate(plan.startDate)} do ${plDate(plan.endDate)}.`,
  );

  heading(contract ? 'VI. Ocena realizacji kontraktu' : 'VI. Przeglądy planu');
  text(
    plan.reviewDates.length
      ? `Realizację ${contract ? 'kontraktu' : 'planu'} strony ocenią wspólnie w terminach: ${plan.reviewDates.map((r) => plDate(r)).join(', ')}, oraz po jego zakończeniu.`
      : `Realizację ${contract ? 'kontraktu' : 'planu'} strony ocenią wspólnie po jego zakończeniu, a w razie potrzeby także w jego trakcie.`,
  );

  if (contract) {
    heading('VII. Postanowienia końcowe');
    const clauses = [
      'Zmiana ustaleń kontraktu wymaga zgody obu stron i formy pisemnej (aneks do kontraktu).',
      'Osoba / rodzina została poinformowana, że niedotrzymanie postanowień kontraktu socjalnego może stanowić podstawę odmowy przyznania świadczenia z pomocy społecznej, uchylenia decyzji o przyznaniu świadczenia lub wstrzymania świadczeń pieniężnych z pomocy społecznej (art. 11 ust. 2 ustawy z dnia 12 marca 2004 r. o pomocy społecznej).',
      'Kontrakt sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron.',
    ];
    for (const [i, c] of clauses.entries()) text(`${i + 1}. ${c}`);
  }

  // Signatures, kept together on one page.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 110) doc.addPage();
  doc.moveDown(2.5);
  const sy = doc.y;
  const col = width / 2 - 10;
  const sign = (x: string, date: string | null, caption: string, at: number) => {
    doc
      .font('regular')
      .fontSize(10)
      .text(`data: ${plDate(date)}`, at, sy, { width: col, align: 'center' });
    doc.moveDown(2);
    doc.text('…………………………………………', at, doc.y, { width: col, align: 'center' });
    doc.fontSize(8).text(caption, at, doc.y, { width: col, align: 'center' });
    doc.fontSize(9).text(x, at, doc.y, { width: col, align: 'center' });
  };
  sign(clientName, plan.clientSignedOn, '(podpis osoby / członków rodziny)', left);
  sign(d.workerName, plan.workerSignedOn, '(podpis pracownika socjalnego)', left + width / 2 + 10);

  // Footer on every page: the legal basis and the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 42;
    doc.font('regular').fontSize(7).fillColor('#555555');
    if (contract)
      doc.text(
        'Podstawa prawna: art. 108 ustawy z dnia 12 marca 2004 r. o pomocy społecznej; wzór kontraktu socjalnego — rozporządzenie Ministra Pracy i Polityki Społecznej z dnia 8 listopada 2010 r.',
        left,
        y,
        { width: width - 70, lineBreak: true },
      );
    doc.text(`Strona ${i - range.start + 1} z ${range.count}`, left + width - 70, y, {
      width: 70,
      align: 'right',
      lineBreak: false,
    });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
