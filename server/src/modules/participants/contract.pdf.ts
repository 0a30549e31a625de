import { otherIdTypes, supportKinds } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/database.js';
import { createPdf, plDate } from '../../lib/pdf.js';

/**
 * The participation contract (umowa uczestnictwa) of a participant, in Polish: the parties (the
 * project's leader as the beneficiary, the participant with their identifier and address), the project
 * (title, number, programme placement, period, partners), the support path (the participant's
 * support episodes when recorded, else lines to fill in), the obligations of both sides including
 * the SM EFS monitoring data and the six-month follow-up, personal data, leaving early, and the
 * signatures. Printed, signed and uploaded as a scan.
 */
export interface ContractDocument {
  technicalId: string;
  joinedOn: string;
  cohortName: string | null;
  participant: {
    firstName: string;
    lastName: string;
    sex: string;
    pesel: string | null;
    otherIdType: string | null;
    otherIdNumber: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
  };
  project: { title: string; number: string; startsOn: string; endsOn: string; programme: string };
  leader: { name: string; street: string | null; postalCode: string | null; city: string | null };
  partners: string[];
  support: { name: string; kind: string; startsOn: string; endsOn: string | null }[];
}

const BLANK = '……………………';
const join = (parts: (string | null | undefined)[], sep = ', ') => parts.filter(Boolean).join(sep);
const addressOf = (a: { street: string | null; postalCode: string | null; city: string | null }) =>
  join([a.street, join([a.postalCode, a.city], ' ')]);

export async function loadContractDocument(
  db: DbOrTx,
  projectId: string,
  participantId: string,
): Promise<ContractDocument | null> {
  const [row] = await queryRows<
    Omit<ContractDocument, 'partners' | 'support' | 'project'> & {
      project: Omit<ContractDocument['project'], 'programme'>;
      nodeId: string;
    }
  >(
    db,
    sql`select pa.technical_id as "technicalId", pa.joined_on::text as "joinedOn", co.name as "cohortName",
          json_build_object('firstName', pe.first_name, 'lastName', pe.last_name, 'sex', pa.sex, 'pesel', pe.pesel,
            'otherIdType', pe.other_id_type, 'otherIdNumber', pe.other_id_number, 'street', pe.street,
            'postalCode', coalesce(pa.postal_code, pe.postal_code), 'city', coalesce(pa.city, pe.city)) as participant,
          json_build_object('title', p.title, 'number', p.number, 'startsOn', p.starts_on::text,
            'endsOn', p.ends_on::text) as project,
          json_build_object('name', i.name, 'street', i.street, 'postalCode', i.postal_code, 'city', i.city) as leader,
          p.programme_node_id as "nodeId"
        from participants pa
          join persons pe on pe.id = pa.person_id
          join projects p on p.id = pa.project_id
          join institutions i on i.id = p.leader_institution_id
          left join recruitment_cohorts co on co.id = pa.cohort_id
        where pa.id = ${participantId} and pa.project_id = ${projectId}`,
  );
  if (!row) return null;
  const path = await queryRows<{ code: string; name: string }>(
    db,
    sql`with recursive up as (
          select id, parent_id, code, name, 0 as depth from programme_nodes where id = ${row.nodeId}
          union all
          select n.id, n.parent_id, n.code, n.name, up.depth + 1 from programme_nodes n join up on n.id = up.parent_id
        )
        select code, name from up order by depth desc`,
  );
  const partners = await queryRows<{ name: string }>(
    db,
    sql`select i.name from project_partners pp join institutions i on i.id = pp.institution_id
        where pp.project_id = ${projectId} order by i.name`,
  );
  const support = await queryRows<ContractDocument['support'][number]>(
    db,
    sql`select a.name, a.kind, e.starts_on::text as "startsOn", e.ends_on::text as "endsOn"
        from support_episodes e join support_activities a on a.id = e.activity_id
        where e.participant_id = ${participantId}
        order by e.starts_on, a.name`,
  );
  const { nodeId: _n, ...rest } = row;
  return {
    ...rest,
    project: {
      ...row.project,
      programme: path.map((n) => `${n.code} ${n.name}`).join(' › '),
    },
    partners: partners.map((p) => p.name),
    support,
  };
}

/** A safe download name: `umowa-uczestnictwa-WSS-0001.pdf`. */
export function contractFilename(technicalId: string): string {
  const id = technicalId.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `umowa-uczestnictwa-${id || 'uczestnik'}.pdf`;
}

function identifierOf(p: ContractDocument['participant']): string {
  if (p.pesel) return `PESEL ${p.pesel}`;
  const type = p.otherIdType ? (otherIdTypes as Record<string, { pl: string }>)[p.otherIdType]?.pl : null;
  if (type && p.otherIdType !== 'brak' && p.otherIdNumber) return `${type} nr ${p.otherIdNumber}`;
  return `dokument tożsamości ${BLANK}`;
}

export function renderContractPdf(d: ContractDocument, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, done } = createPdf({
    title: `Umowa uczestnictwa w projekcie — ${d.technicalId}`,
    author: d.leader.name,
    subject: 'Umowa uczestnictwa w projekcie',
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
    doc
      .moveDown(0.8)
      .font('bold')
      .fontSize(11)
      .text(s, left, doc.y, { width, align: 'center' })
      .moveDown(0.3);
  };
  const list = (items: string[]) => {
    for (const [i, s] of items.entries()) text(`${i + 1}. ${s}`, { indent: 0 });
  };
  const woman = d.participant.sex === 'K';
  const name = `${d.participant.firstName} ${d.participant.lastName}`;
  const city = d.leader.city ?? BLANK;

  const top = doc.y;
  doc
    .font('regular')
    .fontSize(9)
    .text(`Nr uczestnika: ${d.technicalId}`, left, top, { width, align: 'right' });
  doc.moveDown(1.5);
  doc
    .font('bold')
    .fontSize(15)
    .text('UMOWA UCZESTNICTWA W PROJEKCIE', left, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(11).text(`„${d.project.title}”`, { width, align: 'center' });
  doc.fontSize(10).text(`nr ${d.project.number}`, { width, align: 'center' });
  doc.moveDown(1);

  text(`zawarta w dniu ${plDate(d.joinedOn)} w miejscowości ${city} pomiędzy:`);
  doc.moveDown(0.4);
  text(
    `${d.leader.name}${addressOf(d.leader) ? `, ${addressOf(d.leader)}` : ''}, realizatorem (beneficjentem) projektu, reprezentowanym przez: ${BLANK}, zwanym dalej „Realizatorem”,`,
  );
  doc.moveDown(0.3);
  text('a', { align: 'center' });
  doc.moveDown(0.3);
  text(
    `${woman ? 'Panią' : 'Panem'} ${name}, ${woman ? 'zamieszkałą' : 'zamieszkałym'}: ${addressOf(d.participant) || BLANK}, ${woman ? 'legitymującą' : 'legitymującym'} się: ${identifierOf(d.participant)}, ${woman ? 'zwaną' : 'zwanym'} dalej „Uczestnikiem”.`,
  );

  heading('§ 1. Przedmiot umowy');
  list([
    `Przedmiotem umowy jest udział Uczestnika w projekcie „${d.project.title}” nr ${d.project.number}, współfinansowanym ze środków Unii Europejskiej (${d.project.programme || BLANK}), realizowanym w okresie od ${plDate(d.project.startsOn)} do ${plDate(d.project.endsOn)}.`,
    d.partners.length
      ? `Projekt realizuje ${d.leader.name} w partnerstwie z: ${d.partners.join('; ')}.`
      : `Projekt realizuje ${d.leader.name}.`,
    `Uczestnik rozpoczyna udział w projekcie w dniu ${plDate(d.joinedOn)}${d.cohortName ? ` w grupie: ${d.cohortName}` : ''}. Uczestnik oświadcza, że spełnia kryteria kwalifikowalności określone w regulaminie naboru i że dane podane w formularzu zgłoszenia są prawdziwe.`,
    'Udział w projekcie jest bezpłatny.',
  ]);

  heading('§ 2. Ścieżka wsparcia');
  if (d.support.length) {
    text('Uczestnik zostaje objęty następującymi formami wsparcia:');
    list(
      d.support.map((s) => {
        const kind = (supportKinds as Record<string, { pl: string }>)[s.kind]?.pl ?? s.kind;
        return `${s.name} (${kind}) — od ${plDate(s.startsOn)}${s.endsOn ? ` do ${plDate(s.endsOn)}` : ''}.`;
      }),
    );
  } else {
    text('Uczestnik zostaje objęty następującymi formami wsparcia (indywidualna ścieżka uczestnictwa):');
    list([BLANK.repeat(3), BLANK.repeat(3), BLANK.repeat(3)]);
  }
  text(
    'Zmiana ścieżki wsparcia nie wymaga aneksu, jeśli wynika z diagnozy potrzeb Uczestnika i zostanie mu przekazana na piśmie.',
  );

  heading('§ 3. Obowiązki Realizatora');
  list([
    'Zapewnić Uczestnikowi wsparcie określone w § 2 zgodnie z harmonogramem projektu.',
    'Informować Uczestnika o terminach i miejscu wsparcia oraz o ich zmianach.',
    'Przetwarzać dane osobowe Uczestnika wyłącznie w celu realizacji, monitorowania, sprawozdawczości i ewaluacji projektu.',
  ]);

  heading('§ 4. Obowiązki Uczestnika');
  list([
    'Regularnie i aktywnie uczestniczyć w formach wsparcia oraz potwierdzać obecność podpisem na liście obecności.',
    'Przekazać dane potrzebne do monitorowania projektu w centralnym systemie teleinformatycznym (SM EFS) w dniu rozpoczęcia udziału, w tym informacje o statusie na rynku pracy i wykształceniu; podanie danych wrażliwych jest dobrowolne (można odmówić ich podania).',
    'W terminie 4 tygodni od zakończenia udziału w projekcie przekazać Realizatorowi informację o swojej sytuacji (np. podjęcie pracy, kształcenia, uzyskanie kwalifikacji).',
    'W terminie 6 miesięcy od zakończenia udziału w projekcie udzielić informacji o swojej sytuacji na rynku pracy (pomiar efektywności).',
    'Niezwłocznie informować Realizatora o zmianie danych kontaktowych i o okolicznościach uniemożliwiających dalszy udział.',
  ]);

  heading('§ 5. Dane osobowe');
  text(
    'Dane osobowe Uczestnika są przetwarzane na podstawie art. 6 ust. 1 lit. c i e oraz art. 9 ust. 2 lit. g rozporządzenia (UE) 2016/679 (RODO) w związku z przepisami o realizacji programów polityki spójności. Uczestnik otrzymał klauzulę informacyjną i zapoznał się z nią.',
  );

  heading('§ 6. Rezygnacja z udziału');
  list([
    'Uczestnik może zrezygnować z udziału w projekcie, informując o tym Realizatora na piśmie wraz z podaniem przyczyny.',
    'Realizator może rozwiązać umowę w przypadku rażącego naruszenia przez Uczestnika regulaminu projektu lub podania nieprawdziwych danych.',
  ]);

  heading('§ 7. Postanowienia końcowe');
  list([
    'Zmiany umowy wymagają formy pisemnej pod rygorem nieważności.',
    'W sprawach nieuregulowanych umową stosuje się regulamin projektu i przepisy Kodeksu cywilnego.',
    'Umowę sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron.',
  ]);

  if (doc.y > doc.page.height - doc.page.margins.bottom - 110) doc.addPage();
  doc.moveDown(3);
  const sy = doc.y;
  const col = width / 2 - 10;
  const sign = (who: string, caption: string, at: number) => {
    doc.font('regular').fontSize(10).text('…………………………………………', at, sy, { width: col, align: 'center' });
    doc.fontSize(8).text(caption, at, doc.y, { width: col, align: 'center' });
    doc.fontSize(9).text(who, at, doc.y, { width: col, align: 'center' });
  };
  sign(d.leader.name, '(data i podpis osoby reprezentującej Realizatora)', left);
  sign(name, '(data i czytelny podpis Uczestnika)', left + width / 2 + 10);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#555555')
      .text(
        `Umowa uczestnictwa — ${d.project.number} — ${d.technicalId} — strona ${i - range.start + 1} z ${range.count}`,
        left,
        doc.page.height - 42,
        { width, align: 'center' },
      );
    doc.fillColor('#000000');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
