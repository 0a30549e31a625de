import type { InstitutionType, QuestionKind, TargetStaff, TrainingForm } from '@kooperacja/domain';

/**
 * The content of the training demo (demo.ts): institutions of Świętokrzyskie whose staff learn,
 * the names of the staff, and the trainings of ROPS Kielce with their question banks and lessons —
 * the topics of seed 001 (cooperation, deinstitutionalisation, CUS, supervision, family support,
 * integration of foreigners) and seeds 003/004 (the cooperation model).
 */

export interface DemoInstitution {
  name: string;
  shortName: string;
  type: InstitutionType;
  /** A gmina (7 digits) or, for a powiat's institution, the powiat (4 digits). */
  teryt: string;
  city: string;
  postalCode: string;
  /** Staff who take part in trainings. */
  staff: number;
}

const cus = (city: string, locative: string, teryt: string, postalCode: string, staff: number) => ({
  name: `Centrum Usług Społecznych w ${locative}`,
  shortName: `CUS ${city}`,
  type: 'cus' as const,
  teryt,
  city,
  postalCode,
  staff,
});
const ops = (
  kind: 'MGOPS' | 'GOPS',
  city: string,
  locative: string,
  teryt: string,
  postalCode: string,
  staff: number,
  preposition = 'w',
) => ({
  name: `${kind === 'MGOPS' ? 'Miejsko-Gminny' : 'Gminny'} Ośrodek Pomocy Społecznej ${preposition} ${locative}`,
  shortName: `${kind} ${city}`,
  type: 'ops' as const,
  teryt,
  city,
  postalCode,
  staff,
});
const pcpr = (city: string, locative: string, teryt: string, postalCode: string, staff: number) => ({
  name: `Powiatowe Centrum Pomocy Rodzinie w ${locative}`,
  shortName: `PCPR ${city}`,
  type: 'pcpr' as const,
  teryt,
  city,
  postalCode,
  staff,
});

/** 52 institutions of Świętokrzyskie: the CUS of the region demo's gminy, OPS, PCPR and a few others. */
export const demoTrainingInstitutions: DemoInstitution[] = [
  cus('Kielce', 'Kielcach', '2661011', '25-001', 66),
  cus('Ostrowiec Świętokrzyski', 'Ostrowcu Świętokrzyskim', '2607011', '27-400', 28),
  cus('Starachowice', 'Starachowicach', '2611011', '27-200', 21),
  cus('Skarżysko-Kamienna', 'Skarżysku-Kamiennej', '2610011', '26-110', 21),
  cus('Sandomierz', 'Sandomierzu', '2609011', '27-600', 19),
  cus('Busko-Zdrój', 'Busku-Zdroju', '2601013', '28-100', 15),
  cus('Jędrzejów', 'Jędrzejowie', '2602023', '28-300', 14),
  cus('Staszów', 'Staszowie', '2612073', '28-200', 12),
  cus('Końskie', 'Końskich', '2605033', '26-200', 8),
  cus('Miedziana Góra', 'Miedzianej Górze', '2604102', '26-085', 6),
  ops('MGOPS', 'Chęciny', 'Chęcinach', '2604033', '26-060', 14),
  ops('MGOPS', 'Bodzentyn', 'Bodzentynie', '2604023', '26-010', 10),
  ops('MGOPS', 'Daleszyce', 'Daleszycach', '2604053', '26-021', 11),
  ops('GOPS', 'Masłów', 'Masłowie', '2604092', '26-001', 11),
  ops('MGOPS', 'Morawica', 'Morawicy', '2604123', '26-026', 12),
  ops('MGOPS', 'Piekoszów', 'Piekoszowie', '2604143', '26-065', 10),
  ops('GOPS', 'Nowiny', 'Nowinach', '2604172', '26-052', 9),
  ops('GOPS', 'Zagnańsk', 'Zagnańsku', '2604192', '26-050', 9),
  ops('MGOPS', 'Pacanów', 'Pacanowie', '2601043', '28-133', 8),
  ops('MGOPS', 'Stopnica', 'Stopnicy', '2601063', '28-130', 8),
  ops('MGOPS', 'Sędziszów', 'Sędziszowie', '2602063', '28-340', 10),
  ops('MGOPS', 'Kazimierza Wielka', 'Kazimierzy Wielkiej', '2603033', '28-500', 11),
  ops('MGOPS', 'Końskie', 'Końskich', '2605033', '26-200', 13),
  ops('MGOPS', 'Stąporków', 'Stąporkowie', '2605083', '26-220', 11),
  ops('MGOPS', 'Radoszyce', 'Radoszycach', '2605043', '26-230', 8),
  ops('MGOPS', 'Opatów', 'Opatowie', '2606043', '27-500', 11),
  ops('MGOPS', 'Ożarów', 'Ożarowie', '2606053', '27-530', 10),
  ops('GOPS', 'Bodzechów', 'Bodzechowie', '2607032', '27-400', 10),
  ops('MGOPS', 'Kunów', 'Kunowie', '2607053', '27-415', 8),
  ops('MGOPS', 'Pińczów', 'Pińczowie', '2608043', '28-400', 13),
  ops('MGOPS', 'Działoszyce', 'Działoszycach', '2608013', '28-440', 7),
  ops('GOPS', 'Dwikozy', 'Dwikozach', '2609022', '27-620', 8),
  ops('MGOPS', 'Klimontów', 'Klimontowie', '2609033', '27-640', 8),
  ops('MGOPS', 'Koprzywnica', 'Koprzywnicy', '2609043', '27-660', 7),
  ops('MGOPS', 'Zawichost', 'Zawichoście', '2609093', '27-630', 7),
  ops('MGOPS', 'Suchedniów', 'Suchedniowie', '2610053', '26-130', 9),
  ops('GOPS', 'Bliżyn', 'Bliżynie', '2610022', '26-120', 8),
  ops('MGOPS', 'Wąchock', 'Wąchocku', '2611053', '27-215', 8),
  ops('MGOPS', 'Połaniec', 'Połańcu', '2612053', '28-230', 10),
  ops('GOPS', 'Rytwiany', 'Rytwianach', '2612062', '28-236', 7),
  ops('MGOPS', 'Włoszczowa', 'Włoszczowie', '2613063', '29-100', 12, 'we'),
  pcpr('Kielce', 'Kielcach', '2604', '25-516', 12),
  pcpr('Busko-Zdrój', 'Busku-Zdroju', '2601', '28-100', 8),
  pcpr('Jędrzejów', 'Jędrzejowie', '2602', '28-300', 8),
  pcpr('Końskie', 'Końskich', '2605', '26-200', 8),
  pcpr('Ostrowiec Świętokrzyski', 'Ostrowcu Świętokrzyskim', '2607', '27-400', 9),
  pcpr('Sandomierz', 'Sandomierzu', '2609', '27-600', 9),
  pcpr('Starachowice', 'Starachowicach', '2611', '27-200', 8),
  pcpr('Staszów', 'Staszowie', '2612', '28-200', 7),
  {
    name: 'Dom Pomocy Społecznej w Pińczowie',
    shortName: 'DPS Pińczów',
    type: 'dps',
    teryt: '2608043',
    city: 'Pińczów',
    postalCode: '28-400',
    staff: 10,
  },
  {
    name: 'Środowiskowy Dom Samopomocy w Ostrowcu Świętokrzyskim',
    shortName: 'ŚDS Ostrowiec Świętokrzyski',
    type: 'sds',
    teryt: '2607011',
    city: 'Ostrowiec Świętokrzyski',
    postalCode: '27-400',
    staff: 6,
  },
  {
    name: 'Stowarzyszenie „Razem dla Rodziny” w Kielcach',
    shortName: 'Stowarzyszenie Razem dla Rodziny',
    type: 'ngo',
    teryt: '2661011',
    city: 'Kielce',
    postalCode: '25-002',
    staff: 5,
  },
];

/** What a member of staff does, for whom a training is (the audience of an edition). */
export type StaffRole = 'head' | 'manager' | 'social' | 'family' | 'foster' | 'care' | 'other';

/** Positions by institution type: [position, role, weight]. The first member of staff is the head. */
export const positions: Record<
  string,
  { head: string; manager: string; staff: [string, StaffRole, number][] }
> = {
  ops: {
    head: 'Kierownik ośrodka',
    manager: 'Zastępca kierownika ośrodka',
    staff: [
      ['Pracownik socjalny', 'social', 5],
      ['Starszy pracownik socjalny', 'social', 3],
      ['Specjalista pracy socjalnej', 'social', 2],
      ['Asystent rodziny', 'family', 3],
      ['Opiekunka środowiskowa', 'care', 1],
      ['Inspektor ds. świadczeń', 'other', 1],
      ['Psycholog', 'other', 1],
    ],
  },
  cus: {
    head: 'Dyrektor centrum',
    manager: 'Kierownik działu',
    staff: [
      ['Organizator usług społecznych', 'other', 2],
      ['Pracownik socjalny', 'social', 5],
      ['Starszy pracownik socjalny', 'social', 2],
      ['Asystent rodziny', 'family', 2],
      ['Specjalista ds. usług społecznych', 'other', 2],
      ['Koordynator usług opiekuńczych', 'care', 1],
      ['Psycholog', 'other', 1],
    ],
  },
  pcpr: {
    head: 'Dyrektor centrum',
    manager: 'Kierownik działu pieczy zastępczej',
    staff: [
      ['Koordynator rodzinnej pieczy zastępczej', 'foster', 4],
      ['Pracownik socjalny', 'social', 3],
      ['Specjalista pracy z rodziną', 'family', 2],
      ['Psycholog', 'other', 1],
      ['Pedagog', 'other', 1],
      ['Inspektor ds. rehabilitacji społecznej', 'other', 1],
    ],
  },
  dps: {
    head: 'Dyrektor domu',
    manager: 'Kierownik działu opiekuńczo-terapeutycznego',
    staff: [
      ['Pracownik socjalny', 'social', 2],
      ['Opiekun w domu pomocy społecznej', 'care', 4],
      ['Terapeuta zajęciowy', 'other', 2],
      ['Pielęgniarka', 'care', 1],
    ],
  },
  sds: {
    head: 'Kierownik domu',
    manager: 'Zastępca kierownika',
    staff: [
      ['Terapeuta zajęciowy', 'other', 3],
      ['Instruktor terapii zajęciowej', 'other', 2],
      ['Psycholog', 'other', 1],
    ],
  },
  ngo: {
    head: 'Prezes zarządu',
    manager: 'Koordynator programów',
    staff: [
      ['Koordynator projektu', 'other', 2],
      ['Streetworker', 'social', 1],
      ['Pedagog', 'other', 1],
    ],
  },
};

export const womenNames = [
  'Anna',
  'Katarzyna',
  'Małgorzata',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Magdalena',
  'Joanna',
  'Aleksandra',
  'Monika',
  'Beata',
  'Dorota',
  'Justyna',
  'Renata',
  'Iwona',
  'Marta',
  'Elżbieta',
  'Karolina',
  'Sylwia',
  'Agata',
  'Paulina',
  'Natalia',
  'Edyta',
  'Izabela',
  'Teresa',
  'Halina',
  'Jolanta',
  'Urszula',
  'Grażyna',
  'Bożena',
  'Wioletta',
  'Emilia',
  'Kamila',
  'Patrycja',
  'Weronika',
  'Dominika',
  'Aneta',
  'Lucyna',
  'Mirosława',
  'Danuta',
];
export const menNames = [
  'Piotr',
  'Tomasz',
  'Paweł',
  'Marcin',
  'Michał',
  'Krzysztof',
  'Andrzej',
  'Grzegorz',
  'Łukasz',
  'Jakub',
  'Adam',
  'Mariusz',
  'Dariusz',
  'Rafał',
  'Robert',
  'Sławomir',
  'Wojciech',
  'Kamil',
];
/** Surnames in the masculine form; -ski, -cki, -dzki take -ska, -cka, -dzka for women. */
export const surnames = [
  'Nowak',
  'Kowalczyk',
  'Wójcik',
  'Mazur',
  'Krawczyk',
  'Kaczmarek',
  'Zając',
  'Król',
  'Wieczorek',
  'Jabłoński',
  'Wróbel',
  'Dudek',
  'Adamczyk',
  'Pawlak',
  'Sikora',
  'Baran',
  'Szewczyk',
  'Michalski',
  'Kołodziej',
  'Wilk',
  'Kubiak',
  'Lis',
  'Gajewski',
  'Ostrowski',
  'Kwiatkowski',
  'Stępień',
  'Jaworski',
  'Malinowski',
  'Witkowski',
  'Walczak',
  'Rutkowski',
  'Sobczak',
  'Czarnecki',
  'Kozieł',
  'Cieślak',
  'Kowalski',
  'Wiśniewski',
  'Lewandowski',
  'Dąbrowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Kozłowski',
  'Kamiński',
  'Grabowski',
  'Pawłowski',
  'Michalak',
  'Nowicki',
  'Olszewski',
  'Gil',
  'Bąk',
  'Żak',
  'Pająk',
  'Kępa',
  'Kubicki',
  'Pietrzyk',
  'Sowa',
  'Głowacki',
  'Banaś',
  'Kruk',
  'Chmiel',
  'Gołąb',
  'Zych',
  'Ciszewski',
  'Łata',
  'Sitek',
  'Sobieraj',
  'Kasprzyk',
  'Mróz',
  'Kurek',
];

export const feminine = (surname: string) => surname.replace(/(ski|cki|dzki)$/, (m) => `${m.slice(0, -1)}a`);

/** Demo users of MGOPS Chęciny: a head who approves self-registrations, and staff who register. */
export const checinyUsers = [
  { local: 'kierownik.checiny', firstName: 'Krystyna', lastName: 'Chęcińska', role: 'kierownik' as const },
  {
    local: 'pracownik.checiny',
    firstName: 'Monika',
    lastName: 'Zagórska',
    role: 'pracownik_socjalny' as const,
  },
  {
    local: 'pracownik2.checiny',
    firstName: 'Jakub',
    lastName: 'Wierzbicki',
    role: 'pracownik_socjalny' as const,
  },
  {
    local: 'asystent.checiny',
    firstName: 'Elżbieta',
    lastName: 'Miedzińska',
    role: 'pracownik_socjalny' as const,
  },
];

export interface QuestionSpec {
  kind: QuestionKind;
  text: string;
  /** [text, correct] */
  options: [string, boolean][];
}

export interface LessonSpec {
  title: string;
  body: string;
}

export interface TrainingSpec {
  key:
    | 'kooperacja'
    | 'di'
    | 'superwizja'
    | 'konferencja'
    | 'coaching'
    | 'elearning'
    | 'rodzina'
    | 'cudzoziemcy';
  title: string;
  form: TrainingForm;
  topic: string;
  description: string;
  targetStaff: TargetStaff[];
  hours: number;
  trainers: string[];
  passThreshold: number;
  issuesCertificate: boolean;
  minAttendancePercent: number;
  questions: QuestionSpec[];
  lessons: LessonSpec[];
}

export const demoTrainings: TrainingSpec[] = [
  {
    key: 'kooperacja',
    title: 'Kooperacja w praktyce — warsztaty dwudniowe',
    form: 'warsztat',
    topic: 'Współpraca międzysektorowa',
    description:
      'Dwudniowe warsztaty o modelu kooperacji: trzy wymiary współpracy (instytucje, pracownicy, pracownik socjalny i rodzina), partnerski zespół kooperacyjny, porozumienia o współpracy i zespoły międzysektorowe pracujące z rodziną. Drugi dzień to praca na studiach przypadków z gmin województwa.',
    targetStaff: ['pracownicy_socjalni', 'asystenci_rodziny', 'kooperanci', 'animatorzy'],
    hours: 16,
    trainers: ['dr Anna Malinowska', 'Piotr Zawada'],
    passThreshold: 60,
    issuesCertificate: true,
    minAttendancePercent: 80,
    lessons: [],
    questions: [
      {
        kind: 'jednokrotny',
        text: 'Jakie trzy wymiary współpracy obejmuje model Kooperacje 3D?',
        options: [
          [
            'Współpracę instytucji, współpracę pracownika socjalnego z pracownikami innych instytucji i współpracę pracownika socjalnego z osobą lub rodziną',
            true,
          ],
          ['Współpracę gminy, powiatu i województwa', false],
          ['Współpracę sektora publicznego, prywatnego i pozarządowego', false],
          ['Diagnozę, plan pomocy i ewaluację', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Czym jest partnerski zespół kooperacyjny (PZK)?',
        options: [
          [
            'Stałym zespołem przedstawicieli instytucji i organizacji z gminy, który uzgadnia zasady współpracy i wspólne działania',
            true,
          ],
          ['Zespołem powoływanym przez sąd rodzinny do pracy z jedną rodziną', false],
          ['Komisją oceniającą wnioski o świadczenia z pomocy społecznej', false],
          ['Zespołem kontrolnym wojewody', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Które instytucje — poza pomocą społeczną — najczęściej współtworzą lokalny system kooperacji?',
        options: [
          ['Szkoły i placówki oświatowe', true],
          ['Policja', true],
          ['Powiatowy urząd pracy', true],
          ['Biuro informacji kredytowej', false],
          ['Urząd Patentowy RP', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Jaką rolę pełni animator (moderator) kooperacji?',
        options: [
          [
            'Wspiera zawiązanie i pracę zespołu: zwołuje spotkania, moderuje uzgodnienia i pilnuje realizacji ustaleń',
            true,
          ],
          ['Decyduje o przyznaniu świadczeń członkom rodziny', false],
          ['Zastępuje pracownika socjalnego w pracy z rodziną', false],
          ['Kontroluje instytucje partnerskie w imieniu wojewody', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Co powinno znaleźć się w porozumieniu o współpracy instytucji?',
        options: [
          ['Cel i zakres współpracy', true],
          ['Zasady wymiany informacji z poszanowaniem ochrony danych osobowych', true],
          ['Sposób koordynacji i osoby do kontaktu', true],
          ['Imienna lista rodzin objętych pomocą z opisem ich problemów', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Od czego zaczyna się praca zespołu międzysektorowego z rodziną?',
        options: [
          ['Od wspólnej diagnozy sytuacji rodziny — z jej udziałem i za jej zgodą', true],
          ['Od skierowania sprawy do sądu rodzinnego', false],
          ['Od wstrzymania wypłaty świadczeń', false],
          ['Od kontroli warunków mieszkaniowych przez Policję', false],
        ],
      },
    ],
  },
  {
    key: 'di',
    title: 'Deinstytucjonalizacja usług społecznych — kurs',
    form: 'kurs',
    topic: 'Deinstytucjonalizacja i usługi społeczne',
    description:
      'Trzydniowy kurs o przechodzeniu od opieki instytucjonalnej do usług w społeczności lokalnej: pojęcia i kierunki zmian, usługi dla osób starszych i z niepełnosprawnościami, lokalne plany deinstytucjonalizacji (LPDI) oraz tworzenie i działanie centrów usług społecznych (ustawa z 19 lipca 2019 r.).',
    targetStaff: ['pracownicy_socjalni', 'kadra_kierownicza', 'pracownicy_cus'],
    hours: 24,
    trainers: ['dr hab. Tomasz Rudnicki', 'Ewa Grzelak'],
    passThreshold: 70,
    issuesCertificate: true,
    minAttendancePercent: 80,
    lessons: [],
    questions: [
      {
        kind: 'jednokrotny',
        text: 'Na czym polega deinstytucjonalizacja usług społecznych?',
        options: [
          [
            'Na przechodzeniu od opieki w dużych placówkach całodobowych do usług świadczonych w społeczności lokalnej, blisko miejsca zamieszkania',
            true,
          ],
          ['Na likwidacji ośrodków pomocy społecznej', false],
          ['Na przekazaniu wszystkich usług podmiotom prywatnym', false],
          ['Na zastąpieniu usług świadczeniami pieniężnymi', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Które z usług są usługami świadczonymi w społeczności lokalnej?',
        options: [
          ['Mieszkania wspomagane', true],
          ['Asystencja osobista osób z niepełnosprawnościami', true],
          ['Opieka wytchnieniowa', true],
          ['Usługi opiekuńcze w miejscu zamieszkania', true],
          ['Umieszczenie w domu pomocy społecznej poza gminą', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Jaki akt prawny reguluje tworzenie centrów usług społecznych?',
        options: [
          [
            'Ustawa z dnia 19 lipca 2019 r. o realizowaniu usług społecznych przez centrum usług społecznych',
            true,
          ],
          ['Ustawa z dnia 12 marca 2004 r. o pomocy społecznej', false],
          ['Ustawa o samorządzie województwa', false],
          ['Rozporządzenie w sprawie rodzinnego wywiadu środowiskowego', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Na jakiej podstawie centrum usług społecznych realizuje usługi społeczne w gminie?',
        options: [
          ['Programu usług społecznych przyjętego przez radę gminy', true],
          ['Decyzji wojewody', false],
          ['Umowy z Narodowym Funduszem Zdrowia', false],
          ['Regulaminu organizacyjnego ROPS', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Czym jest lokalny plan deinstytucjonalizacji (LPDI)?',
        options: [
          [
            'Dokumentem gminy lub powiatu, który określa, jak rozwijać usługi w społeczności lokalnej i ograniczać opiekę instytucjonalną',
            true,
          ],
          ['Planem remontów placówek całodobowych', false],
          ['Wykazem osób oczekujących na miejsce w DPS', false],
          ['Sprawozdaniem finansowym ośrodka pomocy społecznej', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Jakie zadania ma organizator usług społecznych w CUS?',
        options: [
          ['Przygotowuje z mieszkańcem indywidualny plan usług społecznych', true],
          ['Informuje mieszkańców o dostępnych usługach i pomaga w ich wyborze', true],
          ['Orzeka o stopniu niepełnosprawności', false],
          ['Wydaje wyroki w sprawach opiekuńczych', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Która zasada jest podstawą planowania usług w duchu deinstytucjonalizacji?',
        options: [
          ['Osoba korzystająca z usług współdecyduje o ich zakresie i formie', true],
          ['Usługi dobiera się wyłącznie według wolnych miejsc w placówkach', false],
          ['O usługach decyduje rodzina bez udziału osoby', false],
          ['Najpierw umieszcza się osobę w placówce, potem szuka się usług', false],
        ],
      },
    ],
  },
  {
    key: 'superwizja',
    title: 'Superwizja grupowa dla pracowników socjalnych',
    form: 'superwizja_grupowa',
    topic: 'Superwizja pracy socjalnej',
    description:
      'Cykl pięciu spotkań superwizyjnych w stałych grupach do 12 osób, prowadzonych przez superwizorów pracy socjalnej: analiza trudnych sytuacji z praktyki, granice odpowiedzialności, zapobieganie wypaleniu zawodowemu. Zaświadczenie otrzymują osoby obecne na co najmniej czterech spotkaniach.',
    targetStaff: ['pracownicy_socjalni', 'asystenci_rodziny'],
    hours: 20,
    trainers: ['Barbara Siwiec — superwizorka pracy socjalnej'],
    passThreshold: 70,
    issuesCertificate: true,
    minAttendancePercent: 80,
    lessons: [],
    questions: [],
  },
  {
    key: 'konferencja',
    title: 'Centra usług społecznych w województwie świętokrzyskim — konferencja regionalna',
    form: 'konferencja',
    topic: 'Centra usług społecznych',
    description:
      'Doroczna konferencja ROPS w Kielcach dla kadry pomocy społecznej, wspierania rodziny i samorządów: doświadczenia gmin, które utworzyły centrum usług społecznych, programy usług społecznych, współpraca z organizacjami pozarządowymi i plany deinstytucjonalizacji.',
    targetStaff: ['kadra_kierownicza', 'pracownicy_socjalni', 'pracownicy_cus', 'inni'],
    hours: 6,
    trainers: ['Prelegenci z CUS województwa świętokrzyskiego', 'Zespół ROPS w Kielcach'],
    passThreshold: 70,
    issuesCertificate: false,
    minAttendancePercent: 100,
    lessons: [],
    questions: [],
  },
  {
    key: 'coaching',
    title: 'Coaching dla kadry kierowniczej pomocy społecznej',
    form: 'coaching',
    topic: 'Zarządzanie zmianą w jednostkach pomocy społecznej',
    description:
      'Trzy sesje coachingu grupowego dla kierowników OPS, CUS i PCPR: rola lidera w zmianie organizacyjnej (np. przekształcenie OPS w CUS), zarządzanie zespołem, plan własnego rozwoju. Zaświadczenie po udziale we wszystkich sesjach.',
    targetStaff: ['kadra_kierownicza'],
    hours: 12,
    trainers: ['Agnieszka Dziedzic — coach ICF'],
    passThreshold: 70,
    issuesCertificate: true,
    minAttendancePercent: 100,
    lessons: [],
    questions: [],
  },
  {
    key: 'elearning',
    title: 'Podstawy pracy w zespole interdyscyplinarnym',
    form: 'e_learning',
    topic: 'Przeciwdziałanie przemocy domowej',
    description:
      'Kurs e-learningowy we własnym tempie: podstawy prawne i skład zespołu interdyscyplinarnego, procedura „Niebieskie Karty”, role i komunikacja w zespole, ochrona danych. Cztery lekcje i test wiedzy; zaświadczenie po ukończeniu lekcji i zdaniu testu.',
    targetStaff: ['pracownicy_socjalni', 'asystenci_rodziny', 'kooperanci'],
    hours: 8,
    trainers: ['Joanna Lis-Kowalewska'],
    passThreshold: 70,
    issuesCertificate: true,
    minAttendancePercent: 0,
    lessons: [
      {
        title: 'Zespół interdyscyplinarny — podstawy prawne i skład',
        body: [
          'Zespół interdyscyplinarny działa na podstawie ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej. Powołuje go wójt, burmistrz albo prezydent miasta, a jego obsługę zapewnia zwykle ośrodek pomocy społecznej lub centrum usług społecznych.',
          'W skład zespołu wchodzą przedstawiciele pomocy społecznej, gminnej komisji rozwiązywania problemów alkoholowych, Policji, oświaty, ochrony zdrowia i organizacji pozarządowych, a także kuratorzy sądowi. Każdy z nich wnosi wiedzę i uprawnienia swojej instytucji.',
          'Zespół integruje i koordynuje działania instytucji w gminie: diagnozuje problem przemocy domowej, inicjuje interwencje, informuje mieszkańców o dostępnej pomocy i tworzy grupy diagnostyczno-pomocowe do pracy z konkretnymi osobami i rodzinami.',
        ].join('\n\n'),
      },
      {
        title: 'Procedura „Niebieskie Karty” krok po kroku',
        body: [
          'Procedurę wszczyna przedstawiciel pomocy społecznej, gminnej komisji rozwiązywania problemów alkoholowych, Policji, oświaty lub ochrony zdrowia, wypełniając formularz „Niebieska Karta — A”, gdy poweźmie podejrzenie stosowania przemocy domowej. Osoba doznająca przemocy otrzymuje formularz „Niebieska Karta — B” z informacją o przysługującej jej pomocy.',
          'Formularz trafia do przewodniczącego zespołu interdyscyplinarnego, który przekazuje go grupie diagnostyczno-pomocowej. Grupa spotyka się z osobą doznającą przemocy, ocenia jej sytuację i razem z nią przygotowuje plan pomocy.',
          'Z osobą stosującą przemoc grupa rozmawia osobno — nigdy w obecności osoby doznającej przemocy. Procedura kończy się, gdy przemoc ustała i plan pomocy został zrealizowany, albo gdy po diagnozie okaże się, że nie ma podstaw do dalszych działań.',
        ].join('\n\n'),
      },
      {
        title: 'Współpraca w zespole — role i komunikacja',
        body: [
          'Skuteczna grupa diagnostyczno-pomocowa ma jasno określone role: osobę, która koordynuje pracę z rodziną, i przedstawicieli instytucji odpowiedzialnych za konkretne zadania. Ustalenia każdego spotkania zapisuje się razem z terminami i osobami odpowiedzialnymi.',
          'Plan pomocy uzgadnia się z osobą, której dotyczy — to ona najlepiej zna swoją sytuację i zasoby. Instytucje nie dublują swoich działań: każda robi to, do czego ma kompetencje, i informuje pozostałe o postępach.',
          'Trudności we współpracy (różne procedury, różne terminy, brak informacji zwrotnej) warto omawiać na spotkaniach zespołu, a nie w korespondencji między instytucjami. Pomaga w tym stały kontakt między spotkaniami i superwizja.',
        ].join('\n\n'),
      },
      {
        title: 'Ochrona danych i poufność w pracy zespołu',
        body: [
          'Członkowie zespołu interdyscyplinarnego i grup diagnostyczno-pomocowych mogą przetwarzać dane osób, których dotyczą działania, bez ich zgody — ale tylko w zakresie niezbędnym do realizacji zadań. Są obowiązani zachować w poufności informacje i dane uzyskane przy tej pracy, także po jej zakończeniu.',
          'Między członkami zespołu przekazuje się tylko informacje potrzebne do udzielenia pomocy. Dokumentację przechowuje się tak, by nie miały do niej dostępu osoby postronne, a notatki ze spotkań nie zawierają szczegółów, które nie są potrzebne do planu pomocy.',
        ].join('\n\n'),
      },
    ],
    questions: [
      {
        kind: 'jednokrotny',
        text: 'Kto powołuje zespół interdyscyplinarny w gminie?',
        options: [
          ['Wójt, burmistrz albo prezydent miasta', true],
          ['Kierownik ośrodka pomocy społecznej', false],
          ['Komendant powiatowy Policji', false],
          ['Starosta', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Przedstawiciele których służb mogą wszcząć procedurę „Niebieskie Karty”?',
        options: [
          ['Policji', true],
          ['Pomocy społecznej', true],
          ['Oświaty', true],
          ['Ochrony zdrowia', true],
          ['Urzędu skarbowego', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Jak nazywa się zespół, który pracuje z konkretną osobą lub rodziną w procedurze „Niebieskie Karty”?',
        options: [
          ['Grupa diagnostyczno-pomocowa', true],
          ['Komisja opiekuńcza', false],
          ['Zespół kryzysowy wojewody', false],
          ['Rada pomocy społecznej', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Co sprzyja skutecznej pracy zespołu interdyscyplinarnego?',
        options: [
          ['Jasny podział zadań i terminów między członkami', true],
          ['Wymiana informacji w granicach przepisów o ochronie danych', true],
          ['Plan pomocy uzgodniony z osobą, której dotyczy', true],
          ['Decyzje podejmowane przez jedną instytucję bez konsultacji z pozostałymi', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Jakie informacje o osobie przekazują sobie członkowie zespołu?',
        options: [
          ['Tylko niezbędne do udzielenia pomocy, z zachowaniem poufności', true],
          ['Wszystkie, jakie posiada każda z instytucji', false],
          ['Żadnych — każda instytucja pracuje osobno', false],
          ['Tylko te, które osoba sama opublikowała', false],
        ],
      },
    ],
  },
  {
    key: 'rodzina',
    title: 'Praca z rodziną w kryzysie — szkolenie dla asystentów rodziny',
    form: 'szkolenie',
    topic: 'Wspieranie rodziny',
    description:
      'Dwudniowe szkolenie dla asystentów rodziny, pracowników socjalnych i koordynatorów pieczy zastępczej: rozpoznanie kryzysu w rodzinie, interwencja kryzysowa, plan pracy z rodziną i jego okresowa ocena, współpraca z kuratorem, szkołą i PCPR.',
    targetStaff: ['asystenci_rodziny', 'pracownicy_socjalni', 'piecza_zastepcza'],
    hours: 14,
    trainers: ['Marek Sobolewski', 'Ewa Grzelak'],
    passThreshold: 70,
    issuesCertificate: true,
    minAttendancePercent: 80,
    lessons: [],
    questions: [
      {
        kind: 'jednokrotny',
        text: 'Na podstawie jakiego dokumentu asystent rodziny prowadzi pracę z rodziną?',
        options: [
          ['Planu pracy z rodziną, opracowanego wspólnie z jej członkami', true],
          ['Wyroku sądu rodzinnego', false],
          ['Kontraktu z powiatowym urzędem pracy', false],
          ['Decyzji o przyznaniu zasiłku', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Z iloma rodzinami może równocześnie pracować jeden asystent rodziny?',
        options: [
          ['Nie więcej niż z 15', true],
          ['Nie więcej niż z 5', false],
          ['Nie więcej niż z 30', false],
          ['Bez ograniczeń', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Jak często asystent rodziny dokonuje okresowej oceny sytuacji rodziny?',
        options: [
          ['Nie rzadziej niż co pół roku', true],
          ['Raz na dwa lata', false],
          ['Tylko na zakończenie pracy z rodziną', false],
          ['Co tydzień', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Które cechy charakteryzują interwencję kryzysową?',
        options: [
          ['Szybka reakcja na aktualny kryzys', true],
          ['Ograniczony czas trwania', true],
          ['Skupienie na przywróceniu równowagi i poczucia bezpieczeństwa', true],
          ['Wieloletnia terapia całej rodziny prowadzona przez jedną osobę', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Co jest pierwszym krokiem, gdy w rodzinie zagrożone jest bezpieczeństwo dziecka?',
        options: [
          ['Zapewnienie dziecku bezpieczeństwa i powiadomienie właściwych służb', true],
          ['Umówienie spotkania z rodziną za miesiąc', false],
          ['Odnotowanie sytuacji w aktach bez dalszych działań', false],
          ['Zaproponowanie rodzinie przeprowadzki', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Kto może wspierać asystenta rodziny w pracy z rodziną?',
        options: [
          ['Pracownik socjalny', true],
          ['Pedagog szkolny', true],
          ['Kurator sądowy', true],
          ['Firma windykacyjna', false],
        ],
      },
    ],
  },
  {
    key: 'cudzoziemcy',
    title: 'Integracja cudzoziemców — szkolenie dla pracowników pomocy społecznej',
    form: 'szkolenie',
    topic: 'Integracja cudzoziemców',
    description:
      'Szkolenie online dla pracowników instytucji pomocy i integracji społecznej, wspierania rodziny i organizacji pozarządowych: sytuacja cudzoziemców w regionie, komunikacja z osobą nieznającą języka polskiego, kompetencje międzykulturowe, współpraca z organizacjami wspierającymi migrantów.',
    targetStaff: ['pracownicy_socjalni', 'asystenci_rodziny', 'inni'],
    hours: 6,
    trainers: ['Olena Hrytsenko — asystentka międzykulturowa', 'Piotr Zawada'],
    passThreshold: 70,
    issuesCertificate: true,
    minAttendancePercent: 100,
    lessons: [],
    questions: [
      {
        kind: 'jednokrotny',
        text: 'Kto najlepiej pomoże w rozmowie z osobą, która słabo zna język polski?',
        options: [
          ['Tłumacz lub asystent międzykulturowy', true],
          ['Małoletnie dziecko tej osoby', false],
          ['Przypadkowy sąsiad', false],
          ['Nikt — rozmowę trzeba przełożyć, aż osoba nauczy się języka', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Co ułatwia integrację cudzoziemców w społeczności lokalnej?',
        options: [
          ['Dostęp do nauki języka polskiego', true],
          ['Informacja o usługach i prawach w zrozumiałym języku', true],
          ['Kontakt z lokalnymi organizacjami i sąsiadami', true],
          ['Kierowanie wszystkich spraw wyłącznie do urzędu wojewódzkiego', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Jaką zasadą kieruje się pracownik socjalny wobec osoby z innej kultury?',
        options: [
          ['Szacunkiem dla jej odrębności i niedyskryminacją, przy równym dostępie do pomocy', true],
          ['Wymaga przyjęcia polskich zwyczajów przed udzieleniem pomocy', false],
          ['Udziela pomocy tylko wtedy, gdy osoba mówi po polsku', false],
          ['Ogranicza kontakt do korespondencji', false],
        ],
      },
      {
        kind: 'jednokrotny',
        text: 'Co potwierdza status obywatela Ukrainy korzystającego w Polsce z ochrony czasowej (po 24 lutego 2022 r.)?',
        options: [
          ['Numer PESEL ze statusem UKR', true],
          ['Karta Polaka', false],
          ['Paszport tymczasowy', false],
          ['Zaświadczenie o niekaralności', false],
        ],
      },
      {
        kind: 'wielokrotny',
        text: 'Jakie trudności najczęściej napotykają cudzoziemcy w kontakcie z instytucjami?',
        options: [
          ['Bariera językowa', true],
          ['Nieznajomość procedur i przepisów', true],
          ['Obawa przed urzędami wynikająca z wcześniejszych doświadczeń', true],
          ['Brak jakichkolwiek potrzeb', false],
        ],
      },
    ],
  },
];
