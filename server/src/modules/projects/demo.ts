import { parseAmount } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';
import {
  institutions,
  projectBudgetLines,
  projectMilestones,
  projectPartners,
  projects,
  projectTasks,
  projectTeam,
} from '../../db/schema/index.js';
import { DEMO_DOMAIN } from '../identity/demo.js';
import { findProgrammeNode } from '../programmes/index.js';

/**
 * Demo projects: the four projects of the source documents (seeds 001–004) with their real numbers,
 * titles, leaders and partners, programme placement, periods and money to the grosz. What the
 * sources do not give — the split of the budget into tasks and lines, partners' budget shares,
 * milestones other than the start and the end — is illustrative, and each project's description
 * says so. Regional social policy centres missing from the identity demo are added here with their
 * TERYT municipality codes.
 */

const ILLUSTRATIVE =
  'Dane demonstracyjne: numer, tytuł, lider i partnerzy, okres oraz kwoty pochodzą ze źródeł; podział budżetu na zadania i pozycje, udziały partnerów oraz kamienie milowe poza początkiem i końcem realizacji są przykładowe.';

const regionalCentres = [
  {
    name: 'Regionalny Ośrodek Polityki Społecznej w Rzeszowie',
    shortName: 'ROPS Rzeszów',
    teryt: '1863011',
    street: 'ul. Hetmańska 9',
    postalCode: '35-045',
    city: 'Rzeszów',
    phone: '17 747 06 00',
    email: `rops@rzeszow.${DEMO_DOMAIN}`,
  },
  {
    name: 'Regionalny Ośrodek Polityki Społecznej w Białymstoku',
    shortName: 'ROPS Białystok',
    teryt: '2061011',
    city: 'Białystok',
    email: `rops@bialystok.${DEMO_DOMAIN}`,
  },
  {
    name: 'Regionalny Ośrodek Polityki Społecznej w Lublinie',
    shortName: 'ROPS Lublin',
    teryt: '0663011',
    city: 'Lublin',
    email: `rops@lublin.${DEMO_DOMAIN}`,
  },
  {
    name: 'Mazowieckie Centrum Polityki Społecznej',
    shortName: 'MCPS Warszawa',
    teryt: '1465011',
    city: 'Warszawa',
    email: `mcps@warszawa.${DEMO_DOMAIN}`,
  },
  {
    name: 'Regionalny Ośrodek Polityki Społecznej Województwa Śląskiego',
    shortName: 'ROPS Katowice',
    teryt: '2469011',
    city: 'Katowice',
    email: `rops@katowice.${DEMO_DOMAIN}`,
  },
  {
    name: 'Regionalny Ośrodek Polityki Społecznej w Opolu',
    shortName: 'ROPS Opole',
    teryt: '1661011',
    city: 'Opole',
    email: `rops@opole.${DEMO_DOMAIN}`,
  },
  {
    name: 'Regionalne Centrum Polityki Społecznej w Łodzi',
    shortName: 'RCPS Łódź',
    teryt: '1061011',
    city: 'Łódź',
    email: `rcps@lodz.${DEMO_DOMAIN}`,
  },
] as const;

/** Amount "1 216 630,61" → grosze (the figures below are copied from the sources as printed). */
const zl = (printed: string): number => {
  const parsed = parseAmount(printed);
  if (!parsed.ok) throw new Error(`demo projects: ${printed} is not an amount (${parsed.error})`);
  return parsed.grosze;
};

type Category = 'personel' | 'uslugi' | 'srodki_trwale' | 'cross_financing' | 'inne';
interface TaskSpec {
  name: string;
  description?: string;
  startsOn?: string;
  endsOn?: string;
  /** Short name of the institution carrying it out (the leader when absent). */
  by?: string;
  lines: [name: string, category: Category, amount: string][];
}
interface MilestoneSpec {
  name: string;
  dueOn: string;
  status: 'planowany' | 'zagrozony' | 'osiagniety' | 'nieosiagniety';
  achievedOn?: string;
  description?: string;
}
interface ProjectSpec {
  number: string;
  title: string;
  shortTitle?: string;
  programme: string[];
  leader: string;
  partners: {
    institution: string;
    role?: 'partner' | 'partner_strategiczny' | 'realizator';
    share: string;
  }[];
  status: 'wniosek' | 'realizacja' | 'zakonczony' | 'rozliczony' | 'rozwiazany';
  startsOn: string;
  endsOn: string;
  goals: string;
  description: string;
  targetGroups: string[];
  money: { total: string; eligible: string; eu: string; state: string; subsidy: string; own: string };
  call?: { number?: string; rank?: number; total?: number; result?: string };
  team: { user: string; role: 'koordynator' | 'czlonek' }[];
  tasks: TaskSpec[];
  milestones: MilestoneSpec[];
}

export const demoProjects: ProjectSpec[] = [
  {
    number: 'FERS.04.13-IP.04-0001/23',
    title: 'Koordynacja polityki społecznej w województwie świętokrzyskim',
    programme: ['FERS 2021-2027', '4', '04.13'],
    leader: 'ROPS Kielce',
    partners: [],
    status: 'realizacja',
    startsOn: '2023-09-01',
    endsOn: '2028-12-31',
    goals: [
      'Uspójnienie polityki włączenia społecznego realizowanej w województwie świętokrzyskim oraz wypracowanie mechanizmów jej sprawniejszej koordynacji.',
      'Zwiększenie przepływu informacji między poziomami: krajowym, regionalnym i lokalnym oraz podmiotami działającymi na rzecz równości szans i aktywnego udziału w życiu społecznym, w tym w procesie dostarczania usług społecznych.',
      'Standaryzacja realizowanych działań.',
      'Powiązanie działań Regionalnego Ośrodka Polityki Społecznej z założeniami polityki krajowej.',
    ].join('\n'),
    description: `Współfinansowany ze środków Europejskiego Funduszu Społecznego Plus, Priorytet IV Spójność społeczna i zdrowie, Działanie 04.13 Wysokiej jakości system włączenia, typ projektów: działania Regionalnych Ośrodków Polityki Społecznej w zakresie usług społecznych, pomocy społecznej, ekonomii społecznej i aktywnej integracji, realizowane na poziomie wojewódzkim. Alokacja dla województwa świętokrzyskiego: 13 768 806,14 zł, w tym 11 362 018,82 zł ze środków europejskich i 2 406 787,32 zł ze środków dotacji celowej. ${ILLUSTRATIVE}`,
    targetGroups: [
      'Samorządy terytorialne i ich jednostki organizacyjne odpowiedzialne za usługi aktywizacyjne i społeczne oraz wspieranie rodziny, pieczę zastępczą i adopcję',
      'Ośrodki wsparcia ekonomii społecznej',
      'Podmioty ekonomii społecznej i podmioty prywatne realizujące zadania polityki społecznej',
      'Organizacje pozarządowe',
      'Przedsiębiorcy',
      'Podmioty sektora publicznego, prywatnego i społecznego realizujące zadania polityki społecznej',
    ],
    money: {
      total: '13 768 806,14',
      eligible: '13 768 806,14',
      eu: '11 362 018,82',
      state: '0',
      subsidy: '2 406 787,32',
      own: '0',
    },
    team: [{ user: 'koordynator.kielce', role: 'koordynator' }],
    tasks: [
      {
        name: 'Koordynacja i wspieranie instytucji pomocy i integracji społecznej w regionie',
        description:
          'Organizowanie i wspieranie instytucji pomocy społecznej, wspierania rodziny, pieczy zastępczej i adopcji oraz koordynowanie ich współpracy.',
        lines: [
          ['Zespół koordynacji regionalnej', 'personel', '2 400 000,00'],
          ['Fora i spotkania regionalne', 'uslugi', '600 000,00'],
        ],
      },
      {
        name: 'Diagnozowanie i monitorowanie sytuacji regionalnej',
        description:
          'Usługi społeczne, wspieranie rodziny i piecza zastępcza, pomoc i integracja społeczna, ekonomia społeczna; planowanie interwencji.',
        lines: [
          ['Zespół badań i analiz', 'personel', '1 500 000,00'],
          ['Badania i ekspertyzy zewnętrzne', 'uslugi', '900 000,00'],
        ],
      },
      {
        name: 'Wzmocnienie kompetencji kadr pomocy i integracji społecznej',
        description: 'Analiza potrzeb szkoleniowych, szkolenia, superwizja pracy socjalnej, doradztwo.',
        lines: [
          ['Szkolenia i superwizja', 'uslugi', '3 200 000,00'],
          ['Organizacja wsparcia szkoleniowego', 'personel', '800 000,00'],
        ],
      },
      {
        name: 'Wsparcie gmin w tworzeniu CUS i deinstytucjonalizacji usług',
        description:
          'Szkolenia z ustawy o realizowaniu usług społecznych przez centrum usług społecznych; wsparcie w opracowaniu lokalnych planów deinstytucjonalizacji (LPDI).',
        lines: [
          ['Doradztwo dla gmin', 'uslugi', '1 600 000,00'],
          ['Zespół ds. deinstytucjonalizacji', 'personel', '700 000,00'],
        ],
      },
      {
        name: 'Rozwój ekonomii społecznej w regionie',
        description:
          'Koordynacja regionalnego komitetu rozwoju ekonomii społecznej, udział w akredytacji OWES, sprawozdawczość i promocja.',
        lines: [
          ['Zespół ds. ekonomii społecznej', 'personel', '900 000,00'],
          ['Promocja marki ekonomii społecznej', 'uslugi', '500 000,00'],
        ],
      },
    ],
    milestones: [
      {
        name: 'Rozpoczęcie realizacji projektu',
        dueOn: '2023-09-01',
        status: 'osiagniety',
        achievedOn: '2023-09-01',
      },
      {
        name: 'Regionalna diagnoza potrzeb szkoleniowych kadr',
        dueOn: '2024-06-30',
        status: 'osiagniety',
        achievedOn: '2024-06-27',
      },
      {
        name: 'Pierwsza tura wsparcia gmin w opracowaniu LPDI',
        dueOn: '2026-06-30',
        status: 'zagrozony',
        description: 'Część gmin nie rozpoczęła prac nad planem.',
      },
      { name: 'Raport o kondycji sektora ekonomii społecznej', dueOn: '2027-06-30', status: 'planowany' },
      { name: 'Zakończenie realizacji projektu', dueOn: '2028-12-31', status: 'planowany' },
    ],
  },
  {
    number: 'RPMP.09.01.02-12-0142/17',
    title: 'Wykorzystaj swoją szansę',
    programme: ['RPO WM 2014-2020', '9', '9.1', '9.1.2'],
    leader: 'OPS Andrychów',
    partners: [],
    status: 'zakonczony',
    startsOn: '2019-01-01',
    endsOn: '2021-12-31',
    goals:
      'Kompleksowa aktywizacja społeczna i zawodowa osób i rodzin zagrożonych ubóstwem lub wykluczeniem społecznym, w tym utworzenie mieszkania chronionego w Andrychowie.',
    description: `Nabór ogłoszony w listopadzie 2017 r. przez Małopolskie Centrum Przedsiębiorczości w Krakowie; projekt zajął 15. miejsce z 56 na liście rankingowej i otrzymał dofinansowanie 1 031 544,93 zł przy wartości projektu 1 216 630,61 zł. Źródło nie dzieli dofinansowania na środki UE i budżet państwa: całe dofinansowanie wykazano jako środki UE, budżet państwa 0 zł, a wkład własny to reszta (185 085,68 zł). Wsparcie: treningi kompetencji społecznych, życiowych i zawodowych, szkolenia i staże zawodowe; mieszkanie chronione pod opieką pracownika socjalnego, psychologa, terapeuty, asystenta osoby niepełnosprawnej i opiekuna. Okres realizacji przyjęto jako lata kolejnych kohort (2019–2021). ${ILLUSTRATIVE}`,
    targetGroups: [
      'Osoby doświadczające wielokrotnego wykluczenia społecznego',
      'Osoby korzystające z Programu Operacyjnego Pomoc Żywnościowa',
      'Środowiska zagrożone ubóstwem lub wykluczeniem społecznym, w szczególności społeczności lokalne na obszarach zdegradowanych objętych rewitalizacją, oraz otoczenie tych osób',
      'Kohorta 2019: osoby z niepełnosprawnościami',
      'Kohorta 2020: osoby bezrobotne',
      'Kohorta 2021: rodziny wieloproblemowe',
    ],
    money: {
      total: '1 216 630,61',
      eligible: '1 216 630,61',
      eu: '1 031 544,93',
      state: '0',
      subsidy: '0',
      own: '185 085,68',
    },
    call: {
      rank: 15,
      total: 56,
      result: 'Dofinansowanie przyznane (nabór Małopolskiego Centrum Przedsiębiorczości, listopad 2017 r.)',
    },
    team: [
      { user: 'koordynator.andrychow', role: 'koordynator' },
      { user: 'pracownik.andrychow', role: 'czlonek' },
    ],
    tasks: [
      {
        name: 'Mieszkanie chronione w Andrychowie',
        description: 'Przygotowanie lokalu i wsparcie mieszkańców przez specjalistów.',
        startsOn: '2019-01-01',
        endsOn: '2021-12-31',
        lines: [
          ['Adaptacja i wyposażenie mieszkania', 'cross_financing', '120 000,00'],
          ['Specjaliści mieszkania chronionego', 'personel', '96 000,00'],
        ],
      },
      {
        name: 'Aktywizacja osób z niepełnosprawnościami (kohorta 2019)',
        startsOn: '2019-01-01',
        endsOn: '2019-12-31',
        lines: [
          ['Treningi kompetencji społecznych i życiowych', 'uslugi', '110 000,00'],
          ['Szkolenia zawodowe', 'uslugi', '90 000,00'],
          ['Praca socjalna z uczestnikami', 'personel', '60 000,00'],
        ],
      },
      {
        name: 'Aktywizacja osób bezrobotnych (kohorta 2020)',
        startsOn: '2020-01-01',
        endsOn: '2020-12-31',
        lines: [
          ['Szkolenia zawodowe', 'uslugi', '95 000,00'],
          ['Stypendia stażowe', 'inne', '120 000,00'],
          ['Praca socjalna z uczestnikami', 'personel', '60 000,00'],
        ],
      },
      {
        name: 'Wsparcie rodzin wieloproblemowych (kohorta 2021)',
        startsOn: '2021-01-01',
        endsOn: '2021-12-31',
        lines: [
          ['Poradnictwo specjalistyczne', 'uslugi', '80 000,00'],
          ['Treningi kompetencji rodzicielskich', 'uslugi', '70 000,00'],
          ['Asystent rodziny', 'personel', '90 000,00'],
        ],
      },
    ],
    milestones: [
      {
        name: 'Rekrutacja kohorty 2019: osoby z niepełnosprawnościami',
        dueOn: '2019-03-31',
        status: 'osiagniety',
        achievedOn: '2019-03-29',
      },
      {
        name: 'Uruchomienie mieszkania chronionego w Andrychowie',
        dueOn: '2019-09-30',
        status: 'osiagniety',
        achievedOn: '2019-09-16',
      },
      {
        name: 'Rekrutacja kohorty 2020: osoby bezrobotne',
        dueOn: '2020-03-31',
        status: 'osiagniety',
        achievedOn: '2020-03-20',
      },
      {
        name: 'Rekrutacja kohorty 2021: rodziny wieloproblemowe',
        dueOn: '2021-03-31',
        status: 'osiagniety',
        achievedOn: '2021-03-30',
      },
      {
        name: 'Zakończenie realizacji projektu',
        dueOn: '2021-12-31',
        status: 'osiagniety',
        achievedOn: '2021-12-31',
      },
    ],
  },
  {
    number: 'POWR.02.05.00-00-0201/18',
    title: 'Liderzy kooperacji',
    programme: ['POWER 2014-2020', 'II', '2.5'],
    leader: 'ROPS Rzeszów',
    partners: [
      { institution: 'ROPS Białystok', share: '4 500 000,00' },
      { institution: 'ROPS Lublin', share: '4 500 000,00' },
      { institution: 'ROPS Kielce', share: '4 500 000,00' },
      { institution: 'MCPS Warszawa', share: '4 500 000,00' },
    ],
    status: 'zakonczony',
    startsOn: '2018-04-01',
    endsOn: '2023-10-31',
    goals:
      'Wypracowanie i wdrożenie modelu kooperacji pomiędzy instytucjami pomocy i integracji społecznej a podmiotami innych polityk sektorowych istotnych z punktu widzenia włączenia społecznego i zwalczania ubóstwa dla gmin wiejskich, popularyzacja deinstytucjonalizacji oraz centrów usług społecznych na obszarze makroregionu I (województwa lubelskie, mazowieckie, podkarpackie, podlaskie i świętokrzyskie), a także wsparcie instytucji w przeciwdziałaniu COVID-19 i rehabilitacja mieszkańców DPS oraz kadry pomocy i integracji społecznej po przebytym COVID-19.',
    description: `Program Operacyjny Wiedza Edukacja Rozwój, Oś Priorytetowa II Efektywne polityki publiczne dla rynku pracy, gospodarki i edukacji, Działanie 2.5 Skuteczna pomoc społeczna (EFS 2014–2020). Lider: Województwo Podkarpackie – Regionalny Ośrodek Polityki Społecznej w Rzeszowie; partnerzy: ROPS w Białymstoku, Lublinie i Kielcach oraz Mazowieckie Centrum Polityki Społecznej. Całkowita wartość projektu 34 895 692,40 zł, dofinansowanie z UE 29 657 848,97 zł (reszta wykazana jako budżet państwa). Rezultaty: model kooperacji możliwy do wdrożenia w każdej gminie wiejskiej i powiecie oraz platforma edukacyjna. ${ILLUSTRATIVE}`,
    targetGroups: [
      '350 podmiotów gminnych, powiatowych i wojewódzkich z obszaru pomocy i integracji społecznej oraz polityk sektorowych na terenach wiejskich województw mazowieckiego, lubelskiego, podkarpackiego, podlaskiego i świętokrzyskiego',
      'Mieszkańcy DPS i kadra pomocy i integracji społecznej po przebytym COVID-19',
    ],
    money: {
      total: '34 895 692,40',
      eligible: '34 895 692,40',
      eu: '29 657 848,97',
      state: '5 237 843,43',
      subsidy: '0',
      own: '0',
    },
    team: [{ user: 'koordynator.kielce', role: 'czlonek' }],
    tasks: [
      {
        name: 'Wypracowanie modelu kooperacji dla gmin wiejskich',
        lines: [
          ['Zespół ekspertów modelu', 'personel', '3 200 000,00'],
          ['Badania, konsultacje i rekomendacje', 'uslugi', '1 800 000,00'],
        ],
      },
      {
        name: 'Pilotażowe wdrożenie modelu w gminach wiejskich makroregionu I',
        lines: [
          ['Animatorzy i koordynatorzy lokalni', 'personel', '9 500 000,00'],
          ['Wsparcie osób i rodzin w gminach pilotażowych', 'uslugi', '6 000 000,00'],
        ],
      },
      {
        name: 'Platforma edukacyjna i szkolenia: kooperacja, DI, CUS, LPDI',
        lines: [
          ['Platforma edukacyjna', 'uslugi', '1 200 000,00'],
          ['Szkolenia i konferencje', 'uslugi', '4 300 000,00'],
        ],
      },
      {
        name: 'Przeciwdziałanie COVID-19 i rehabilitacja mieszkańców DPS oraz kadry',
        lines: [
          ['Środki ochrony i wyposażenie instytucji', 'srodki_trwale', '3 100 000,00'],
          ['Turnusy rehabilitacyjne', 'uslugi', '3 900 000,00'],
        ],
      },
    ],
    milestones: [
      {
        name: 'Rozpoczęcie realizacji projektu',
        dueOn: '2018-04-01',
        status: 'osiagniety',
        achievedOn: '2018-04-01',
      },
      {
        name: 'Model kooperacji gotowy do pilotażu',
        dueOn: '2019-06-30',
        status: 'osiagniety',
        achievedOn: '2019-06-28',
      },
      {
        name: 'Uruchomienie platformy edukacyjnej',
        dueOn: '2020-12-31',
        status: 'osiagniety',
        achievedOn: '2020-12-18',
      },
      {
        name: 'Zakończenie realizacji projektu',
        dueOn: '2023-10-31',
        status: 'osiagniety',
        achievedOn: '2023-10-31',
      },
    ],
  },
  {
    number: 'POWR.02.05.00-00-0202/18',
    title: 'Kooperacje 3D – model wielosektorowej współpracy na rzecz wsparcia osób i rodzin',
    shortTitle: 'Kooperacje 3D',
    programme: ['POWER 2014-2020', 'II', '2.5'],
    leader: 'ROPS Katowice',
    partners: [
      { institution: 'ROPS Kraków', share: '5 000 000,00' },
      { institution: 'ROPS Opole', share: '4 000 000,00' },
      { institution: 'RCPS Łódź', share: '4 500 000,00' },
    ],
    status: 'zakonczony',
    startsOn: '2018-04-01',
    endsOn: '2023-09-30',
    goals:
      'Zwiększenie kooperacji oraz poprawa współpracy pomiędzy instytucjami pomocy i integracji społecznej a podmiotami innych polityk sektorowych istotnych z punktu widzenia włączenia społecznego i zwalczania ubóstwa, przez wypracowanie i testowanie modelu kooperacji w 30 gminach (powyżej 20 tys. mieszkańców) i 20 powiatach na terenie 4 województw: małopolskiego, śląskiego, opolskiego i łódzkiego. Model obejmuje współpracę międzyinstytucjonalną, współpracę pracownika socjalnego z pracownikami innych instytucji oraz pracownika socjalnego z klientem.',
    description: `Program Operacyjny Wiedza Edukacja Rozwój, II Oś Priorytetowa, Działanie 2.5 Skuteczna pomoc społeczna; realizacja dofinansowana ze środków budżetu państwa. Projekt partnerski regionalnych ośrodków polityki społecznej w Krakowie, Katowicach, Opolu i Łodzi; zakończony 30.09.2023 r. Wartość projektu 22 681 431,03 zł, w tym 19 215 910,07 zł (84,72%) z Europejskiego Funduszu Społecznego; reszta wykazana jako budżet państwa. Efekt: rekomendacje do księgi rekomendacyjnej modeli kooperacji w 3 makroregionach. ${ILLUSTRATIVE}`,
    targetGroups: [
      'Podmioty polityk sektorowych: instytucje pomocy i integracji społecznej, rynku pracy, systemu oświaty, ochrony zdrowia, sądownictwa i policji',
      '30 gmin (powyżej 20 tys. mieszkańców) i 20 powiatów w województwach małopolskim, śląskim, opolskim i łódzkim, w tym 5 gmin i 5 powiatów z Małopolski',
      'Od 5 do 10 osób lub rodzin w każdej gminie wspieranych zgodnie z modelem',
      'Kadry systemu pomocy i integracji społecznej oraz podmiotów innych polityk sektorowych',
    ],
    money: {
      total: '22 681 431,03',
      eligible: '22 681 431,03',
      eu: '19 215 910,07',
      state: '3 465 520,96',
      subsidy: '0',
      own: '0',
    },
    team: [{ user: 'koordynator.krakow', role: 'koordynator' }],
    tasks: [
      {
        name: 'Wypracowanie i testowanie modelu kooperacji w 30 gminach i 20 powiatach',
        lines: [
          ['Zespoły projektowe ROPS', 'personel', '5 600 000,00'],
          ['Wsparcie osób i rodzin zgodne z modelem', 'uslugi', '4 400 000,00'],
        ],
      },
      {
        name: 'Animator – moderator partnerskich zespołów kooperacyjnych',
        lines: [['Animatorzy PZK', 'personel', '3 800 000,00']],
      },
      {
        name: 'Wsparcie edukacyjne kadr: konferencje, szkolenia, warsztaty, coaching',
        by: 'ROPS Kraków',
        lines: [
          ['Szkolenia i warsztaty', 'uslugi', '3 100 000,00'],
          ['Coaching pracowników socjalnych', 'uslugi', '1 900 000,00'],
        ],
      },
      {
        name: 'Rekomendacje i księga rekomendacyjna',
        lines: [['Opracowanie i wydanie rekomendacji', 'uslugi', '900 000,00']],
      },
    ],
    milestones: [
      {
        name: 'Rozpoczęcie realizacji projektu',
        dueOn: '2018-04-01',
        status: 'osiagniety',
        achievedOn: '2018-04-01',
      },
      {
        name: 'Partnerskie zespoły kooperacyjne zawiązane w gminach pilotażowych',
        dueOn: '2019-12-31',
        status: 'osiagniety',
        achievedOn: '2019-11-29',
      },
      {
        name: 'Zarządzenie nr PS-WR-3D-071-2/23 Dyrektora Regionalnego Ośrodka Polityki Społecznej w Krakowie',
        dueOn: '2023-09-13',
        status: 'osiagniety',
        achievedOn: '2023-09-13',
      },
      {
        name: 'Zakończenie realizacji projektu',
        dueOn: '2023-09-30',
        status: 'osiagniety',
        achievedOn: '2023-09-30',
      },
    ],
  },
];

async function institutionByShortName(tx: Tx, shortName: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select id from institutions where short_name = ${shortName} order by created_at limit 1`,
  );
  if (!row) throw new Error(`demo projects: no institution ${shortName}`);
  return row.id;
}

async function userByLocal(tx: Tx, local: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where email = ${`${local}@${DEMO_DOMAIN}`}`,
  );
  if (!row) throw new Error(`demo projects: no user ${local}`);
  return row.id;
}

/** The four projects of the sources, with the regional centres they need. */
export async function seedDemoProjects(tx: Tx): Promise<void> {
  for (const c of regionalCentres) {
    const [exists] = await queryRows<{ id: string }>(
      tx,
      sql`select id from institutions where short_name = ${c.shortName}`,
    );
    if (!exists) await tx.insert(institutions).values({ ...c, type: 'rops', sector: 'pomoc_spoleczna' });
  }
  for (const spec of demoProjects) {
    const [present] = await queryRows<{ id: string }>(
      tx,
      sql`select id from projects where number = ${spec.number}`,
    );
    if (present) continue;
    const leader = await institutionByShortName(tx, spec.leader);
    const coordinator = spec.team.find((m) => m.role === 'koordynator') ?? spec.team[0];
    const [project] = await tx
      .insert(projects)
      .values({
        number: spec.number,
        title: spec.title,
        shortTitle: spec.shortTitle ?? null,
        programmeNodeId: await findProgrammeNode(tx, spec.programme),
        leaderInstitutionId: leader,
        status: spec.status,
        startsOn: spec.startsOn,
        endsOn: spec.endsOn,
        goals: spec.goals,
        description: spec.description,
        targetGroups: spec.targetGroups,
        totalValue: zl(spec.money.total),
        eligibleCosts: zl(spec.money.eligible),
        euFunding: zl(spec.money.eu),
        stateBudget: zl(spec.money.state),
        targetedSubsidy: zl(spec.money.subsidy),
        ownContribution: zl(spec.money.own),
        callNumber: spec.call?.number ?? null,
        callRank: spec.call?.rank ?? null,
        callTotal: spec.call?.total ?? null,
        callResult: spec.call?.result ?? null,
        createdBy: coordinator ? await userByLocal(tx, coordinator.user) : null,
      })
      .returning({ id: projects.id });
    if (!project) throw new Error('insert returned nothing');
    const institutionIds = new Map<string, string>([[spec.leader, leader]]);
    for (const p of spec.partners) {
      const id = await institutionByShortName(tx, p.institution);
      institutionIds.set(p.institution, id);
      await tx.insert(projectPartners).values({
        projectId: project.id,
        institutionId: id,
        role: p.role ?? 'partner',
        budgetShare: zl(p.share),
      });
    }
    for (const m of spec.team)
      await tx
        .insert(projectTeam)
        .values({ projectId: project.id, userId: await userByLocal(tx, m.user), role: m.role });
    for (const [i, task] of spec.tasks.entries()) {
      const [row] = await tx
        .insert(projectTasks)
        .values({
          projectId: project.id,
          number: i + 1,
          name: task.name,
          description: task.description ?? null,
          startsOn: task.startsOn ?? null,
          endsOn: task.endsOn ?? null,
          institutionId: institutionIds.get(task.by ?? spec.leader) ?? leader,
        })
        .returning({ id: projectTasks.id });
      if (!row) throw new Error('insert returned nothing');
      await tx.insert(projectBudgetLines).values(
        task.lines.map(([name, category, amount], sortOrder) => ({
          taskId: row.id,
          name,
          category,
          amount: zl(amount),
          sortOrder,
        })),
      );
    }
    if (spec.milestones.length)
      await tx.insert(projectMilestones).values(
        spec.milestones.map((m) => ({
          projectId: project.id,
          name: m.name,
          description: m.description ?? null,
          dueOn: m.dueOn,
          status: m.status,
          achievedOn: m.achievedOn ?? null,
        })),
      );
  }
}
