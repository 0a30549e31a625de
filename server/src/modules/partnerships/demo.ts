import { type PartnershipModel, partnershipModels } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';
import {
  agreementParties,
  agreements,
  institutions,
  meetingActionItems,
  meetingAttendees,
  meetings,
  partnershipMembers,
  partnerships,
} from '../../db/schema/index.js';
import { addDays, warsawToday } from '../cases/tasks.js';
import { DEMO_DOMAIN } from '../identity/demo.js';

/**
 * Demo partnerships: the PZK of Bochnia (model Kooperacje 3D; leader MOPS Bochnia, strategic partner
 * PCPR Bochnia, the other Bochnia institutions as kooperanci; animator `animator.bochnia`) and the
 * team of the rural gmina Łapanów (TERYT 1201052, powiat bocheński; model Liderzy kooperacji) with
 * three local institutions added here. Agreements: a signed one (no scan, its PDF comes from the
 * template) and a draft; meetings: past ones with minutes and action items (owned by demo users, so
 * they show in their task lists) and an upcoming one. Dates are relative to the day of seeding.
 */
const LAPANOW = '1201052';
const lapanowInstitutions = [
  {
    name: 'Gminny Ośrodek Pomocy Społecznej w Łapanowie',
    shortName: 'GOPS Łapanów',
    type: 'ops',
    sector: 'pomoc_spoleczna',
    street: 'Łapanów 100',
    email: 'gops@lapanow.demo.kooperacja.pl',
    phone: '14 613 00 01',
  },
  {
    name: 'Szkoła Podstawowa w Łapanowie',
    shortName: 'SP Łapanów',
    type: 'szkola',
    sector: 'edukacja',
    street: 'Łapanów 3',
    email: 'sp@lapanow.demo.kooperacja.pl',
    phone: '14 613 00 02',
  },
  {
    name: 'Koło Gospodyń Wiejskich w Łapanowie',
    shortName: 'KGW Łapanów',
    type: 'ngo',
    sector: 'ngo',
    street: 'Łapanów 45',
    email: 'kgw@lapanow.demo.kooperacja.pl',
    phone: '14 613 00 03',
  },
] as const;

/** Warsaw 10:00 (winter) / 11:00 (summer) on a day, as an instant. */
const at = (date: string, hourUtc = 9) => new Date(`${date}T${String(hourUtc).padStart(2, '0')}:00:00Z`);

interface MemberSpec {
  institution: string;
  role: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
}

export async function seedDemoPartnerships(tx: Tx): Promise<void> {
  const today = warsawToday();
  const day = (n: number) => addDays(today, n);

  for (const i of lapanowInstitutions)
    await tx.insert(institutions).values({ ...i, teryt: LAPANOW, postalCode: '32-740', city: 'Łapanów' });

  const inst = new Map(
    (
      await queryRows<{ id: string; short: string }>(
        tx,
        sql`select id, coalesce(short_name, name) as short from institutions`,
      )
    ).map((r) => [r.short, r.id]),
  );
  const instId = (short: string) => {
    const id = inst.get(short);
    if (!id) throw new Error(`demo partnerships: no institution ${short}`);
    return id;
  };
  const users = new Map(
    (await queryRows<{ id: string; email: string }>(tx, sql`select id, email from users`)).map((r) => [
      r.email.split('@')[0] as string,
      r.id,
    ]),
  );
  const userId = (local: string) => {
    const id = users.get(local);
    if (!id) throw new Error(`demo partnerships: no user ${local}@${DEMO_DOMAIN}`);
    return id;
  };
  const animator = userId('animator.bochnia');

  async function partnership(spec: {
    name: string;
    model: PartnershipModel;
    teryt: string;
    leader: string;
    partner: string;
    animator: string | null;
    startsOn: string;
    description: string;
    members: MemberSpec[];
  }): Promise<string> {
    const [row] = await tx
      .insert(partnerships)
      .values({
        name: spec.name,
        kind: 'pzk',
        model: spec.model,
        teryt: spec.teryt,
        leaderInstitutionId: instId(spec.leader),
        strategicPartnerInstitutionId: instId(spec.partner),
        animatorUserId: spec.animator,
        roleVocabulary: partnershipModels[spec.model].roles,
        description: spec.description,
        startsOn: spec.startsOn,
        status: 'aktywne',
        createdBy: spec.animator,
      })
      .returning({ id: partnerships.id });
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(partnershipMembers).values(
      spec.members.map((m) => ({
        partnershipId: row.id,
        institutionId: instId(m.institution),
        role: m.role,
        contactName: m.contactName ?? null,
        contactEmail: m.contactEmail ?? null,
        contactPhone: m.contactPhone ?? null,
        joinedOn: spec.startsOn,
      })),
    );
    return row.id;
  }

  async function agreement(spec: {
    partnershipId: string;
    number: string | null;
    title: string;
    scope: string;
    status: 'projekt' | 'podpisane';
    signedOn?: string;
    validFrom?: string;
    validTo?: string;
    parties: [string, string | null, string | null][];
  }) {
    const [row] = await tx
      .insert(agreements)
      .values({
        partnershipId: spec.partnershipId,
        number: spec.number,
        title: spec.title,
        scope: spec.scope,
        status: spec.status,
        concludedIn: 'Bochnia',
        signedOn: spec.signedOn ?? null,
        validFrom: spec.validFrom ?? null,
        validTo: spec.validTo ?? null,
        createdBy: animator,
      })
      .returning({ id: agreements.id });
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(agreementParties).values(
      spec.parties.map(([short, signatoryName, signatoryPosition], position) => ({
        agreementId: row.id,
        institutionId: instId(short),
        signatoryName,
        signatoryPosition,
        position,
      })),
    );
  }

  async function meeting(spec: {
    partnershipId: string;
    title: string;
    date: string;
    place: string;
    status: 'zaplanowane' | 'odbyte';
    agenda: string;
    minutes?: string;
    decisions?: string;
    attendees: [string, string, boolean | null, string?][];
    items?: {
      description: string;
      owner: string;
      user?: string;
      ownerName?: string;
      due: string;
      done?: string;
    }[];
  }) {
    const [row] = await tx
      .insert(meetings)
      .values({
        partnershipId: spec.partnershipId,
        title: spec.title,
        startsAt: at(spec.date),
        place: spec.place,
        agenda: spec.agenda,
        minutes: spec.minutes ?? null,
        decisions: spec.decisions ?? null,
        status: spec.status,
        createdBy: animator,
      })
      .returning({ id: meetings.id });
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(meetingAttendees).values(
      spec.attendees.map(([short, name, present, user]) => ({
        meetingId: row.id,
        institutionId: instId(short),
        userId: user ? userId(user) : null,
        name,
        invited: true,
        present,
      })),
    );
    if (spec.items?.length)
      await tx.insert(meetingActionItems).values(
        spec.items.map((i) => ({
          meetingId: row.id,
          description: i.description,
          ownerInstitutionId: instId(i.owner),
          ownerUserId: i.user ? userId(i.user) : null,
          ownerName: i.ownerName ?? null,
          dueOn: i.due,
          doneOn: i.done ?? null,
          doneBy: i.done && i.user ? userId(i.user) : null,
        })),
      );
  }

  // ————— Bochnia: PZK in the model Kooperacje 3D —————
  const bochnia = await partnership({
    name: 'Partnerski Zespół Kooperacyjny w Bochni',
    model: 'kooperacje_3d',
    teryt: '1201011',
    leader: 'MOPS Bochnia',
    partner: 'PCPR Bochnia',
    animator,
    startsOn: day(-400),
    description:
      'Partnerstwo instytucji pomocy społecznej, oświaty, ochrony zdrowia, Policji, rynku pracy, kuratorów i organizacji pozarządowych miasta Bochni na rzecz rodzin z wieloma problemami jednocześnie.',
    members: [
      {
        institution: 'MOPS Bochnia',
        role: 'lider',
        contactName: 'Paulina Pracowita',
        contactPhone: '14 611 00 01',
      },
      {
        institution: 'PCPR Bochnia',
        role: 'partner_strategiczny',
        contactName: 'Anna Animuszewska',
        contactPhone: '14 611 00 02',
      },
      {
        institution: 'KPP Bochnia',
        role: 'kooperant',
        contactName: 'asp. Piotr Posterunkowy',
        contactPhone: '47 833 12 00',
      },
      {
        institution: 'SP 1 Bochnia',
        role: 'kooperant',
        contactName: 'Ewa Pedagog',
        contactEmail: 'pedagog@sp1.demo.kooperacja.pl',
      },
      { institution: 'PPP Bochnia', role: 'kooperant', contactName: 'Joanna Psycholog' },
      { institution: 'Szpital Powiatowy w Bochni', role: 'kooperant', contactName: 'Katarzyna Pielęgniarka' },
      {
        institution: 'PUP Bochnia',
        role: 'kooperant',
        contactName: 'Tomasz Doradca',
        contactPhone: '14 611 00 07',
      },
      {
        institution: 'Stowarzyszenie „Razem dla Bochni”',
        role: 'kooperant',
        contactName: 'Barbara Społeczna',
      },
      {
        institution: 'Sąd Rejonowy w Bochni — zespół kuratorskiej służby sądowej',
        role: 'ekspert',
        contactName: 'Zofia Kuratorka',
      },
    ],
  });
  const bochniaParties: [string, string | null, string | null][] = [
    ['MOPS Bochnia', 'Halina Dyrektorska', 'Dyrektor'],
    ['PCPR Bochnia', 'Jan Powiatowy', 'Dyrektor'],
    ['KPP Bochnia', 'insp. Adam Komendant', 'Komendant Powiatowy Policji'],
    ['SP 1 Bochnia', 'Maria Szkolna', 'Dyrektor szkoły'],
    ['PPP Bochnia', 'Irena Poradnia', 'Dyrektor'],
    ['PUP Bochnia', 'Krzysztof Urzędowy', 'Dyrektor'],
    ['Stowarzyszenie „Razem dla Bochni”', 'Barbara Społeczna', 'Prezes zarządu'],
  ];
  await agreement({
    partnershipId: bochnia,
    number: 'PZK/1/2025',
    title: 'Porozumienie o współpracy w ramach Partnerskiego Zespołu Kooperacyjnego w Bochni',
    scope:
      'Strony współpracują w diagnozowaniu potrzeb osób i rodzin z wieloma problemami, wspólnym planowaniu i realizacji wsparcia w zadaniowych zespołach kooperacyjnych, wzajemnym kierowaniu klientów do usług Stron oraz wymianie informacji o dostępnych usługach (mapa zasobów). Strony wspólnie monitorują efekty współpracy na spotkaniach zespołu co najmniej raz na kwartał.',
    status: 'podpisane',
    signedOn: day(-380),
    validFrom: day(-380),
    validTo: day(350),
    parties: bochniaParties,
  });
  await agreement({
    partnershipId: bochnia,
    number: null,
    title: 'Aneks nr 1 — przystąpienie Szpitala Powiatowego i kuratorów sądowych',
    scope:
      'Rozszerzenie porozumienia PZK/1/2025 o Szpital Powiatowy w Bochni (pielęgniarki środowiskowe, oddział psychiatryczny) oraz zespół kuratorskiej służby sądowej: zgłaszanie rodzin wymagających wsparcia, udział w zespołach zadaniowych, konsultacje.',
    status: 'projekt',
    parties: [
      ['MOPS Bochnia', 'Halina Dyrektorska', 'Dyrektor'],
      ['Szpital Powiatowy w Bochni', null, null],
      ['Sąd Rejonowy w Bochni — zespół kuratorskiej służby sądowej', null, null],
    ],
  });
  await meeting({
    partnershipId: bochnia,
    title: 'Spotkanie inicjujące PZK',
    date: day(-90),
    place: 'MOPS Bochnia, sala konferencyjna, ul. Kazimierza Wielkiego 35',
    status: 'odbyte',
    agenda:
      '1. Przedstawienie modelu Kooperacje 3D.\n2. Mapa zasobów — kto co oferuje.\n3. Harmonogram spotkań.',
    minutes:
      'Animatorka przedstawiła model i zasady pracy zespołu. Partnerzy omówili swoje usługi dla rodzin; ustalono, że mapa zasobów powstanie w platformie. Przyjęto spotkania co kwartał.',
    decisions:
      'Spotkania zespołu odbywają się raz na kwartał. Każdy partner uzupełnia swoje usługi w mapie zasobów.',
    attendees: [
      ['MOPS Bochnia', 'Paulina Pracowita', true, 'pracownik.bochnia'],
      ['PCPR Bochnia', 'Anna Animuszewska', true, 'animator.bochnia'],
      ['KPP Bochnia', 'asp. Piotr Posterunkowy', true, 'policja.bochnia'],
      ['SP 1 Bochnia', 'Ewa Pedagog', true],
      ['PUP Bochnia', 'Tomasz Doradca', false],
    ],
    items: [
      {
        description: 'Uzupełnić usługi MOPS w mapie zasobów',
        owner: 'MOPS Bochnia',
        user: 'pracownik.bochnia',
        due: day(-60),
        done: day(-62),
      },
      {
        description: 'Przesłać partnerom harmonogram spotkań na rok',
        owner: 'PCPR Bochnia',
        user: 'animator.bochnia',
        due: day(-75),
        done: day(-80),
      },
    ],
  });
  await meeting({
    partnershipId: bochnia,
    title: 'Spotkanie kwartalne PZK — przegląd rodzin',
    date: day(-20),
    place: 'PCPR Bochnia, ul. Kościuszki 2',
    status: 'odbyte',
    agenda:
      '1. Przegląd współpracy w zespołach zadaniowych.\n2. Skierowania między partnerami.\n3. Sprawy różne.',
    minutes:
      'Omówiono współpracę w zespołach zadaniowych (bez danych rodzin). Policja zgłosiła potrzebę szybszej informacji zwrotnej po skierowaniach. Szkoła zaproponowała dyżury pedagoga dla rodziców.',
    decisions:
      'Partnerzy odpowiadają na skierowania w ciągu 7 dni. Szkoła organizuje dyżury pedagoga raz w miesiącu.',
    attendees: [
      ['MOPS Bochnia', 'Paulina Pracowita', true, 'pracownik.bochnia'],
      ['MOPS Bochnia', 'Krzysztof Kierowniczy', true, 'kierownik.bochnia'],
      ['PCPR Bochnia', 'Anna Animuszewska', true, 'animator.bochnia'],
      ['KPP Bochnia', 'asp. Piotr Posterunkowy', true, 'policja.bochnia'],
      ['SP 1 Bochnia', 'Ewa Pedagog', true],
      ['PPP Bochnia', 'Joanna Psycholog', false],
    ],
    items: [
      {
        description: 'Przygotować wzór informacji zwrotnej po skierowaniu',
        owner: 'MOPS Bochnia',
        user: 'pracownik.bochnia',
        due: day(-3),
      },
      {
        description: 'Wyznaczyć dzielnicowych do kontaktu z zespołami zadaniowymi',
        owner: 'KPP Bochnia',
        user: 'policja.bochnia',
        due: day(10),
      },
      {
        description: 'Ustalić terminy dyżurów pedagoga dla rodziców',
        owner: 'SP 1 Bochnia',
        ownerName: 'Ewa Pedagog',
        due: day(14),
      },
    ],
  });
  await meeting({
    partnershipId: bochnia,
    title: 'Spotkanie kwartalne PZK',
    date: day(14),
    place: 'MOPS Bochnia, sala konferencyjna, ul. Kazimierza Wielkiego 35',
    status: 'zaplanowane',
    agenda:
      '1. Realizacja zadań z poprzedniego spotkania.\n2. Aneks do porozumienia.\n3. Wnioski z monitoringu.',
    attendees: [
      ['MOPS Bochnia', 'Paulina Pracowita', null, 'pracownik.bochnia'],
      ['PCPR Bochnia', 'Anna Animuszewska', null, 'animator.bochnia'],
      ['KPP Bochnia', 'asp. Piotr Posterunkowy', null, 'policja.bochnia'],
      ['SP 1 Bochnia', 'Ewa Pedagog', null],
      ['Szpital Powiatowy w Bochni', 'Katarzyna Pielęgniarka', null],
    ],
  });

  // ————— Łapanów: a rural gmina in the model Liderzy kooperacji —————
  const lapanow = await partnership({
    name: 'Zespół Kooperacyjny Gminy Łapanów',
    model: 'liderzy_kooperacji',
    teryt: LAPANOW,
    leader: 'GOPS Łapanów',
    partner: 'PCPR Bochnia',
    animator: null,
    startsOn: day(-200),
    description: 'Partnerstwo gminy wiejskiej: GOPS, szkoła, koło gospodyń wiejskich, PCPR i Policja.',
    members: [
      {
        institution: 'GOPS Łapanów',
        role: 'lider',
        contactName: 'Agnieszka Gminna',
        contactPhone: '14 613 00 01',
      },
      { institution: 'PCPR Bochnia', role: 'partner_strategiczny', contactName: 'Anna Animuszewska' },
      { institution: 'SP Łapanów', role: 'kooperant', contactName: 'Robert Nauczyciel' },
      { institution: 'KGW Łapanów', role: 'kooperant', contactName: 'Helena Gospodyni' },
      { institution: 'KPP Bochnia', role: 'kooperant', contactName: 'st. sierż. Michał Rewirowy' },
    ],
  });
  await agreement({
    partnershipId: lapanow,
    number: 'GOPS/ZK/1',
    title: 'Porozumienie o współpracy na rzecz rodzin Gminy Łapanów',
    scope:
      'Wspólne warsztaty diagnostyczne z rodzinami, indywidualne programy współpracy (IPW), wsparcie szkoły i organizacji lokalnych w aktywizacji rodzin.',
    status: 'podpisane',
    signedOn: day(-190),
    validFrom: day(-190),
    validTo: day(175),
    parties: [
      ['GOPS Łapanów', 'Agnieszka Gminna', 'Kierownik GOPS'],
      ['PCPR Bochnia', 'Jan Powiatowy', 'Dyrektor'],
      ['SP Łapanów', 'Robert Nauczyciel', 'Dyrektor szkoły'],
      ['KGW Łapanów', 'Helena Gospodyni', 'Przewodnicząca'],
    ],
  });
  await meeting({
    partnershipId: lapanow,
    title: 'Warsztat diagnostyczny zespołu',
    date: day(-45),
    place: 'Urząd Gminy Łapanów, sala narad',
    status: 'odbyte',
    agenda: 'Cztery obszary diagnozy: przyczyny, mocne i słabe strony, zasoby i deficyty, oczekiwania.',
    minutes: 'Zespół omówił metodę warsztatów diagnostycznych i podział zadań między partnerów.',
    decisions: 'Szkoła wskaże rodziny do zaproszenia na warsztaty (za zgodą rodzin).',
    attendees: [
      ['GOPS Łapanów', 'Agnieszka Gminna', true],
      ['PCPR Bochnia', 'Anna Animuszewska', true, 'animator.bochnia'],
      ['SP Łapanów', 'Robert Nauczyciel', true],
      ['KGW Łapanów', 'Helena Gospodyni', false],
    ],
    items: [
      {
        description: 'Przygotować materiały do warsztatów z rodzinami',
        owner: 'PCPR Bochnia',
        user: 'animator.bochnia',
        due: day(5),
      },
    ],
  });
  await meeting({
    partnershipId: lapanow,
    title: 'Spotkanie zespołu — plan IPW',
    date: day(30),
    place: 'GOPS Łapanów',
    status: 'zaplanowane',
    agenda: 'Indywidualne programy współpracy — podział zadań.',
    attendees: [
      ['GOPS Łapanów', 'Agnieszka Gminna', null],
      ['PCPR Bochnia', 'Anna Animuszewska', null, 'animator.bochnia'],
      ['SP Łapanów', 'Robert Nauczyciel', null],
    ],
  });
}
