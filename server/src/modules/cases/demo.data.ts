import type {
  ActionStatus,
  AssistanceReason,
  CaseSource,
  CaseStatus,
  ClosureReason,
  ContractVariant,
  DiagnosisArea,
  DisabilityLevel,
  HouseholdRelation,
  InterviewSection,
  OtherIdType,
  PlanStatus,
  PlanType,
  TimelineKind,
} from '@kooperacja/domain';

/**
 * The demo families of MOPS Bochnia and OPS Andrychów: invented people, addresses and phone
 * numbers (any likeness to real persons is accidental). Every date is given in days relative to the
 * day the demo is seeded (negative: in the past), so deadlines stay around "today".
 */

/** Demo workers by the local part of their e-mail. */
export type DemoWorker = 'pracownik.bochnia' | 'pracownik2.bochnia' | 'pracownik.andrychow';
/** Demo institutions by their key in identity/demo.ts. */
export type DemoInstitutionKey =
  | 'mops-bochnia'
  | 'ops-andrychow'
  | 'pcpr-bochnia'
  | 'kpp-bochnia'
  | 'sp1-bochnia'
  | 'ppp-bochnia'
  | 'szpital-bochnia'
  | 'pup-bochnia'
  | 'ngo-bochnia'
  | 'kuratorzy-bochnia';

export interface DemoPerson {
  first: string;
  last: string;
  sex: 'K' | 'M';
  /** Age in full years on the seeding day (the birthday `md` falls in the year `today − age`). */
  age: number;
  /** Birthday as MM-DD. */
  md: string;
  /** For babies: born this many days ago (overrides age and md). */
  bornDaysAgo?: number;
  relation: HouseholdRelation;
  phone?: string;
  email?: string;
  notes?: string;
  /** Without a PESEL: another identifier. */
  noPesel?: { type: OtherIdType; number: string | null; citizenship: string };
  sensitive?: {
    disabilityLevel?: DisabilityLevel;
    /** Days from today; absent: indefinite. */
    disabilityUntil?: number;
    health?: string;
    addiction?: string;
  };
}

export interface DemoAddress {
  teryt: string;
  street: string | null;
  postalCode: string | null;
  city: string;
}

export interface DemoEntry {
  kind: Exclude<TimelineKind, 'status'>;
  daysAgo: number;
  /** Local hour (Europe/Warsaw, approximately). */
  hour?: number;
  title: string;
  body?: string;
  sensitive?: boolean;
  by?: DemoWorker;
}

export interface DemoDiagnosis {
  daysAgo: number;
  areas: Partial<Record<DiagnosisArea, string>>;
  interview?: Partial<Record<InterviewSection, string>>;
  conclusions?: string;
  by?: DemoWorker;
}

export interface DemoAction {
  who: DemoInstitutionKey | 'klient';
  text: string;
  /** Person at the institution (free text). */
  person?: string;
  /** A user of the case owner responsible for the action (default: the lead worker for own actions). */
  user?: DemoWorker;
  /** Deadline in days from today. */
  due: number;
  status: ActionStatus;
  /** Completion in days from today (default for done actions: two days before the deadline, never in the future). */
  done?: number;
}

export interface DemoGoal {
  text: string;
  actions: DemoAction[];
}

export interface DemoPlan {
  type: PlanType;
  variant?: ContractVariant;
  title?: string;
  assessment: string;
  /** Start in days from today (negative: started in the past). */
  start: number;
  lengthDays: number;
  /** Review dates in days from today. */
  reviews: number[];
  status: PlanStatus;
  /** Signed by both sides this many days from today (absent: not signed). */
  signed?: number;
  /** Two versions: a draft first, then the signed plan. */
  draftFirst?: boolean;
  goals: DemoGoal[];
}

export interface DemoCase {
  source: CaseSource;
  sourceDetails?: string;
  openedDaysAgo: number;
  /** The current status; for a closed case, `closure.from` is the status it was closed from. */
  status: CaseStatus;
  /** The first is the main reason. */
  reasons: [AssistanceReason, ...AssistanceReason[]];
  summary: string;
  monitorDaysAgo?: number;
  closure?: { from: CaseStatus; reason: ClosureReason; outcome: string; daysAgo: number };
  diagnoses?: DemoDiagnosis[];
  plans?: DemoPlan[];
  timeline: DemoEntry[];
}

export interface DemoFamily {
  key: string;
  institution: 'mops-bochnia' | 'ops-andrychow';
  lead: DemoWorker;
  coWorkers?: DemoWorker[];
  /** The household's name; absent for a case of a single person (the first member). */
  household?: string;
  address: DemoAddress;
  members: DemoPerson[];
  /** Every case of this family, oldest first. */
  cases: DemoCase[];
}

const BOCHNIA = '1201011';
const BOCHNIA_GW = '1201022';
const ANDRYCHOW = '1218013';
const bochnia = (street: string | null): DemoAddress => ({
  teryt: BOCHNIA,
  street,
  postalCode: street ? '32-700' : null,
  city: 'Bochnia',
});
const andrychow = (street: string, city = 'Andrychów'): DemoAddress => ({
  teryt: ANDRYCHOW,
  street,
  postalCode: '34-120',
  city,
});

export const DEMO_FAMILIES: DemoFamily[] = [
  // ——————————————————————————— MOPS Bochnia ———————————————————————————
  {
    key: 'nowak',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Nowakowie',
    address: bochnia('ul. Proszowska 14/6'),
    members: [
      {
        first: 'Tomasz',
        last: 'Nowak',
        sex: 'M',
        age: 41,
        md: '04-17',
        relation: 'glowa',
        phone: '601 234 517',
      },
      {
        first: 'Monika',
        last: 'Nowak',
        sex: 'K',
        age: 38,
        md: '09-02',
        relation: 'malzonek',
        phone: '602 118 340',
      },
      { first: 'Kacper', last: 'Nowak', sex: 'M', age: 14, md: '01-23', relation: 'dziecko' },
      { first: 'Zuzanna', last: 'Nowak', sex: 'K', age: 10, md: '06-11', relation: 'dziecko' },
      { first: 'Filip', last: 'Nowak', sex: 'M', age: 6, md: '11-30', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 150,
        status: 'realizacja',
        reasons: ['4', '1', '8'],
        summary:
          'Rodzina pięcioosobowa. Pan Tomasz stracił pracę po likwidacji zmiany w zakładzie produkcyjnym, pani Monika zajmowała się domem i najmłodszym synem. Zaległości w czynszu i opłatach za energię. Rodzina korzysta z zasiłku okresowego i świadczeń rodzinnych.',
        diagnoses: [
          {
            daysAgo: 140,
            areas: {
              causes:
                'Utrata pracy przez jedynego żywiciela rodziny (umowa rozwiązana z przyczyn leżących po stronie pracodawcy). Brak oszczędności, kredyt konsumpcyjny. Zaległości czynszowe za 5 miesięcy (ok. 4 300 zł).',
              strengths:
                'Silne więzi rodzinne, dzieci zadbane i chodzą regularnie do szkoły i przedszkola. Pan Tomasz ma 15 lat doświadczenia jako magazynier i prawo jazdy kat. B i C.',
              weaknesses:
                'Pan Tomasz przeżywa utratę pracy, wycofuje się z kontaktów. Małżonkowie nie planują wydatków, brak budżetu domowego.',
              resources:
                'Mieszkanie komunalne 3-pokojowe, zasiłek rodzinny z dodatkami, świadczenie wychowawcze. Pomoc dziadków w opiece nad Filipem.',
              deficits:
                'Brak dochodu z pracy, zadłużenie czynszowe i za energię elektryczną. Pani Monika bez doświadczenia zawodowego od 8 lat.',
              expectations: 'Pomoc w znalezieniu pracy przez męża i w spłacie zadłużenia, zasiłek na opłaty.',
              needs:
                'Aktywizacja zawodowa obojga małżonków, poradnictwo w zakresie zarządzania budżetem, wsparcie dzieci w nauce.',
            },
            interview: {
              material:
                'Dochód rodziny 2 980 zł (świadczenia rodzinne i wychowawcze) — 596 zł na osobę. Zaległość czynszowa 4 300 zł, zaległość za energię 760 zł.',
              housing: 'Mieszkanie komunalne, 58 m², 3 pokoje, ogrzewanie miejskie, wyposażenie podstawowe.',
              work: 'Pan Tomasz bezrobotny od 2 miesięcy, bez prawa do zasiłku dla bezrobotnych. Pani Monika nie pracuje.',
              upbringing: 'Dzieci pod dobrą opieką. Kacper ma trudności z matematyką.',
            },
            conclusions:
              'Wskazany kontrakt socjalny (wariant B) nastawiony na aktywizację zawodową małżonków.',
          },
          {
            daysAgo: 10,
            areas: {
              causes:
                'Utrata pracy przez pana Tomasza; sytuacja poprawia się — pani Monika pracuje od miesiąca na 1/2 etatu.',
              strengths:
                'Oboje małżonkowie aktywnie realizują kontrakt. Pan Tomasz ukończył część teoretyczną szkolenia operatora wózków widłowych.',
              weaknesses: 'Pan Tomasz nadal bez stałego zatrudnienia; obawia się pracy zmianowej.',
              resources:
                'Wynagrodzenie pani Moniki (ok. 2 200 zł netto), świadczenia rodzinne, porozumienie o spłacie zadłużenia.',
              deficits: 'Zadłużenie czynszowe zmniejszone do 2 900 zł, nadal niespłacone.',
              expectations: 'Dokończenie szkolenia i zatrudnienie pana Tomasza przed końcem kontraktu.',
              needs: 'Pośrednictwo pracy po szkoleniu, dalsze wsparcie dzieci w świetlicy.',
            },
            interview: {
              material: 'Dochód na osobę wzrósł do 1 036 zł. Raty zadłużenia wpłacane terminowo.',
              work: 'Pani Monika — sprzedawczyni w sklepie spożywczym (1/2 etatu). Pan Tomasz na szkoleniu z PUP.',
            },
            conclusions: 'Kontynuować kontrakt; przegląd w tym tygodniu, rozważyć przedłużenie o 3 miesiące.',
          },
        ],
        plans: [
          {
            type: 'kontrakt_socjalny',
            variant: 'B',
            title: 'Kontrakt socjalny — aktywizacja zawodowa małżonków',
            assessment:
              'Rodzina pozostaje bez dochodu z pracy po utracie zatrudnienia przez pana Tomasza; narastają zaległości czynszowe. Małżonkowie są zmotywowani do podjęcia pracy.',
            start: -120,
            lengthDays: 180,
            reviews: [-60, 3, 45],
            status: 'aktywny',
            signed: -118,
            draftFirst: true,
            goals: [
              {
                text: 'Podjęcie zatrudnienia przez pana Tomasza Nowaka',
                actions: [
                  {
                    who: 'pup-bochnia',
                    person: 'doradca klienta',
                    text: 'Rejestracja jako osoba bezrobotna i opracowanie indywidualnego planu działania',
                    due: -100,
                    status: 'wykonane',
                  },
                  {
                    who: 'pup-bochnia',
                    person: 'specjalista ds. rozwoju zawodowego',
                    text: 'Szkolenie „Operator wózków widłowych z wymianą butli gazowej” z egzaminem UDT',
                    due: -5,
                    status: 'w_toku',
                  },
                  {
                    who: 'klient',
                    text: 'Przeglądanie ofert pracy i złożenie co najmniej 5 aplikacji w miesiącu; potwierdzenia przedstawiane pracownikowi socjalnemu',
                    due: 4,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Uregulowanie zaległości czynszowych wobec zarządcy budynku',
                actions: [
                  {
                    who: 'mops-bochnia',
                    text: 'Pomoc w przygotowaniu wniosku o rozłożenie zadłużenia na raty',
                    due: -80,
                    status: 'wykonane',
                  },
                  {
                    who: 'klient',
                    text: 'Terminowe wpłacanie bieżącego czynszu i raty zadłużenia (150 zł miesięcznie)',
                    due: 7,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Wsparcie dzieci w nauce i zapewnienie zajęć pozalekcyjnych',
                actions: [
                  {
                    who: 'ngo-bochnia',
                    person: 'wychowawca świetlicy',
                    text: 'Udział Kacpra i Zuzanny w zajęciach świetlicy środowiskowej (poniedziałek–czwartek)',
                    due: 30,
                    status: 'w_toku',
                  },
                  {
                    who: 'sp1-bochnia',
                    person: 'pedagog szkolny',
                    text: 'Informacja o frekwencji i wynikach Kacpra raz w miesiącu; zajęcia wyrównawcze z matematyki',
                    due: 2,
                    status: 'zaplanowane',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 146,
            hour: 11,
            title: 'Wywiad środowiskowy w miejscu zamieszkania',
            body: 'Mieszkanie komunalne, warunki skromne, utrzymane w czystości. Rodzina zalega z czynszem za 5 miesięcy. Przeprowadzono rodzinny wywiad środowiskowy, omówiono możliwe formy pomocy.',
          },
          {
            kind: 'rozmowa',
            daysAgo: 122,
            hour: 10,
            title: 'Uzgodnienie warunków kontraktu socjalnego',
            body: 'Rozmowa z małżonkami w ośrodku. Uzgodniono cele i zobowiązania; pan Tomasz zgodził się na szkolenie z PUP.',
          },
          {
            kind: 'telefon',
            daysAgo: 41,
            hour: 13,
            title: 'Telefon z PUP',
            body: 'Doradca potwierdziła zakwalifikowanie pana Tomasza na szkolenie operatora wózków widłowych.',
          },
          {
            kind: 'wizyta',
            daysAgo: 12,
            hour: 15,
            title: 'Wizyta monitorująca',
            body: 'Pani Monika podjęła pracę na 1/2 etatu. Raty zadłużenia wpłacane terminowo. Kacper poprawił oceny z matematyki.',
          },
        ],
      },
    ],
  },
  {
    key: 'wisniewska',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    coWorkers: ['pracownik2.bochnia'],
    household: 'Katarzyna Wiśniewska z dziećmi',
    address: bochnia('ul. Partyzantów 22/3'),
    members: [
      {
        first: 'Katarzyna',
        last: 'Wiśniewska',
        sex: 'K',
        age: 34,
        md: '03-08',
        relation: 'glowa',
        phone: '605 410 227',
        notes:
          'Kontakt telefoniczny tylko na numer pani Katarzyny; nie przekazywać informacji byłemu partnerowi.',
      },
      { first: 'Oliwia', last: 'Wiśniewska', sex: 'K', age: 12, md: '10-19', relation: 'dziecko' },
      { first: 'Antoni', last: 'Wiśniewski', sex: 'M', age: 8, md: '02-14', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'policja',
        sourceDetails:
          'Niebieska Karta — formularz NK-A wypełniony przez KPP w Bochni podczas interwencji domowej',
        openedDaysAgo: 75,
        status: 'realizacja',
        reasons: ['7', '1'],
        summary:
          'Procedura Niebieskiej Karty wszczęta po interwencji Policji. Były partner pani Katarzyny ma zakaz zbliżania się. Matka samotnie wychowuje dwoje dzieci, pracuje dorywczo; brak alimentów.',
        diagnoses: [
          {
            daysAgo: 65,
            areas: {
              causes:
                'Przemoc psychiczna i fizyczna ze strony byłego partnera trwająca ok. 3 lata; zależność ekonomiczna od sprawcy.',
              strengths:
                'Pani Katarzyna zdecydowana na rozstanie i współpracę z instytucjami; dobra relacja z dziećmi; wsparcie siostry mieszkającej w Bochni.',
              weaknesses:
                'Lęk, zaburzenia snu, niska samoocena. Oliwia wycofana, w szkole zgłasza bóle brzucha.',
              resources:
                'Mieszkanie najmowane na pani Katarzynę, praca dorywcza w cukierni, świadczenie wychowawcze.',
              deficits: 'Brak stałego dochodu, brak alimentów, brak wiedzy o procedurach sądowych.',
              expectations:
                'Bezpieczeństwo dla siebie i dzieci, pomoc w sprawie alimentów, wsparcie psychologa dla Oliwii.',
              needs:
                'Wsparcie psychologiczne i prawne, monitorowanie bezpieczeństwa, pomoc finansowa w okresie przejściowym.',
            },
            interview: {
              family:
                'Matka z dwójką dzieci; były partner (ojciec Antoniego) wyprowadził się po interwencji Policji.',
              violence:
                'Przesłanki przemocy domowej potwierdzone: NK-A z interwencji, obdukcja, zakaz zbliżania się orzeczony przez sąd.',
              material: 'Dochód ok. 2 100 zł; brak alimentów; zaległości za media 420 zł.',
            },
            conclusions:
              'Indywidualny plan pomocy w ramach grupy diagnostyczno-pomocowej; wsparcie psychologiczne dzieci.',
          },
        ],
        plans: [
          {
            type: 'plan_pomocy',
            title: 'Indywidualny plan pomocy osobie doznającej przemocy domowej',
            assessment:
              'Pani Katarzyna i dzieci doznawali przemocy domowej. Obecnie sprawca ma zakaz zbliżania się; rodzina potrzebuje poczucia bezpieczeństwa, wsparcia psychologicznego i stabilizacji finansowej.',
            start: -60,
            lengthDays: 180,
            reviews: [-15, 30],
            status: 'aktywny',
            signed: -58,
            goals: [
              {
                text: 'Zapewnienie bezpieczeństwa pani Katarzynie i dzieciom',
                actions: [
                  {
                    who: 'kpp-bochnia',
                    person: 'dzielnicowy rejonu Partyzantów',
                    text: 'Wizyty dzielnicowego co najmniej raz na dwa tygodnie; kontrola przestrzegania zakazu zbliżania się',
                    due: 10,
                    status: 'w_toku',
                  },
                  {
                    who: 'klient',
                    text: 'Niezwłoczne powiadamianie Policji (112) o każdym naruszeniu zakazu zbliżania się',
                    due: 120,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Wsparcie psychologiczne dla pani Katarzyny i dzieci',
                actions: [
                  {
                    who: 'ppp-bochnia',
                    person: 'psycholog',
                    text: 'Konsultacja psychologiczna i diagnoza Oliwii (objawy lękowe zgłaszane przez szkołę)',
                    due: -3,
                    status: 'zaplanowane',
                  },
                  {
                    who: 'ngo-bochnia',
                    person: 'psycholog grupy wsparcia',
                    text: 'Udział pani Katarzyny w grupie wsparcia dla osób doznających przemocy (czwartki, 17:00)',
                    due: 45,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Uregulowanie sytuacji prawnej i materialnej rodziny',
                actions: [
                  {
                    who: 'mops-bochnia',
                    user: 'pracownik2.bochnia',
                    text: 'Pomoc w sporządzeniu pozwu o alimenty i wniosku o świadczenie z funduszu alimentacyjnego',
                    due: -20,
                    status: 'wykonane',
                  },
                  {
                    who: 'klient',
                    text: 'Złożenie pozwu o alimenty w Sądzie Rejonowym w Bochni',
                    due: 5,
                    status: 'zaplanowane',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'notatka',
            daysAgo: 75,
            hour: 9,
            title: 'Informacja z KPP — wszczęcie procedury Niebieskiej Karty',
            body: 'Interwencja domowa w nocy; partner pani Katarzyny zatrzymany. Dzieci były obecne podczas zdarzenia. Formularz NK-A przekazany do zespołu interdyscyplinarnego.',
            sensitive: true,
          },
          {
            kind: 'rozmowa',
            daysAgo: 72,
            hour: 12,
            title: 'Rozmowa z panią Katarzyną w ośrodku (NK-C)',
            body: 'Pani Katarzyna opisała przebieg przemocy w ostatnich latach. Wypełniono formularz NK-C. Omówiono plan bezpieczeństwa i kontakty do punktu interwencji kryzysowej.',
            sensitive: true,
          },
          {
            kind: 'telefon',
            daysAgo: 30,
            hour: 11,
            title: 'Telefon od pedagoga szkolnego',
            body: 'Oliwia częściej obecna na lekcjach, nadal zgłasza bóle brzucha przed sprawdzianami.',
            by: 'pracownik2.bochnia',
          },
          {
            kind: 'wizyta',
            daysAgo: 14,
            hour: 16,
            title: 'Wizyta w miejscu zamieszkania (wspólnie z dzielnicowym)',
            body: 'W domu spokojnie, zakaz zbliżania się przestrzegany. Pani Katarzyna przygotowała dokumenty do pozwu o alimenty.',
            by: 'pracownik2.bochnia',
          },
        ],
      },
    ],
  },
  {
    key: 'zielinski',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Zielińscy',
    address: bochnia('ul. Łychów 9'),
    members: [
      {
        first: 'Grzegorz',
        last: 'Zieliński',
        sex: 'M',
        age: 52,
        md: '12-05',
        relation: 'glowa',
        phone: '698 345 112',
        sensitive: {
          addiction:
            'Uzależnienie od alkoholu (rozpoznanie w poradni leczenia uzależnień), dwukrotnie leczony stacjonarnie; obecnie bez terapii.',
        },
      },
      {
        first: 'Halina',
        last: 'Zielińska',
        sex: 'K',
        age: 50,
        md: '07-21',
        relation: 'malzonek',
        phone: '691 220 874',
      },
      { first: 'Dawid', last: 'Zieliński', sex: 'M', age: 24, md: '05-30', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 820,
        status: 'zamknieta',
        reasons: ['13', '1'],
        summary: 'Wniosek pani Haliny o pomoc w związku z piciem męża i brakiem środków na utrzymanie.',
        closure: {
          from: 'plan',
          reason: 'brak_wspolpracy',
          outcome:
            'Pan Grzegorz odmówił podjęcia terapii i podpisania kontraktu socjalnego. Rodzinę pouczono o możliwości ponownego zgłoszenia i o działalności gminnej komisji rozwiązywania problemów alkoholowych.',
          daysAgo: 700,
        },
        diagnoses: [
          {
            daysAgo: 800,
            areas: {
              causes:
                'Nadużywanie alkoholu przez pana Grzegorza, utrata pracy na budowie, konflikty małżeńskie.',
              strengths: 'Pani Halina pracuje i prowadzi dom; syn Dawid kończy technikum.',
              weaknesses: 'Pan Grzegorz zaprzecza problemowi alkoholowemu.',
              resources: 'Własne mieszkanie, wynagrodzenie pani Haliny.',
              deficits: 'Brak motywacji do leczenia.',
              expectations: 'Pani Halina oczekuje, że mąż podejmie leczenie.',
              needs: 'Motywowanie do terapii, wsparcie dla osoby współuzależnionej.',
            },
          },
        ],
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 818,
            title: 'Przyjęcie wniosku',
            body: 'Pani Halina zgłosiła problem alkoholowy męża i trudności finansowe.',
          },
          {
            kind: 'notatka',
            daysAgo: 705,
            title: 'Odmowa podpisania kontraktu',
            body: 'Pan Grzegorz nie stawił się trzeci raz na umówione spotkanie; telefonicznie odmówił współpracy.',
          },
        ],
      },
      {
        source: 'wniosek_wlasny',
        sourceDetails: 'Ponowne zgłoszenie pani Haliny (telefonicznie), potwierdzone wnioskiem pisemnym',
        openedDaysAgo: 20,
        status: 'diagnoza',
        reasons: ['13', '4', '1'],
        summary:
          'Ponowne zgłoszenie. Pan Grzegorz stracił kolejną pracę, pije codziennie. Tym razem deklaruje gotowość do leczenia. Syn Dawid pracuje i dokłada się do utrzymania.',
        diagnoses: [
          {
            daysAgo: 6,
            areas: {
              causes:
                'Uzależnienie od alkoholu pana Grzegorza, utrata pracy, zadłużenie na karcie kredytowej (ok. 6 000 zł).',
              strengths:
                'Pan Grzegorz po raz pierwszy sam mówi o potrzebie leczenia. Pani Halina i Dawid pracują i wspierają go.',
              weaknesses: 'Wcześniejsze nieudane próby leczenia, napięcia w rodzinie.',
              resources: 'Wynagrodzenia pani Haliny i Dawida, własne mieszkanie.',
              deficits: 'Brak dochodu pana Grzegorza, zadłużenie.',
              expectations: 'Pomoc w uzyskaniu miejsca w ośrodku terapii uzależnień.',
              needs:
                'Skierowanie na terapię, wsparcie dla współuzależnionych, aktywizacja zawodowa po terapii.',
            },
            interview: {
              addiction:
                'Pan Grzegorz pije codziennie od ok. 3 miesięcy. Dwukrotnie leczony stacjonarnie (ostatnio 4 lata temu).',
              family: 'Małżonkowie razem od 28 lat. Dawid pracuje jako elektryk.',
            },
          },
        ],
        timeline: [
          {
            kind: 'telefon',
            daysAgo: 20,
            hour: 9,
            title: 'Zgłoszenie telefoniczne pani Haliny',
            body: 'Pani Halina prosi o pomoc — mąż pije, stracił pracę. Umówiono wizytę.',
          },
          {
            kind: 'wizyta',
            daysAgo: 12,
            hour: 14,
            title: 'Wywiad środowiskowy',
            body: 'Pan Grzegorz trzeźwy, przyznaje, że potrzebuje leczenia. Omówiono możliwość terapii stacjonarnej.',
          },
          {
            kind: 'notatka',
            daysAgo: 5,
            title: 'Kontakt z komisją rozwiązywania problemów alkoholowych',
            body: 'Przekazano wniosek o skierowanie na badanie przez biegłego w przedmiocie uzależnienia.',
          },
        ],
      },
    ],
  },
  {
    key: 'kowalczyk',
    institution: 'mops-bochnia',
    lead: 'pracownik2.bochnia',
    address: bochnia(null),
    members: [
      {
        first: 'Jan',
        last: 'Kowalczyk',
        sex: 'M',
        age: 63,
        md: '08-09',
        relation: 'glowa',
        notes:
          'Bez stałego miejsca zamieszkania. Nocuje w noclegowni; adres do korespondencji: MOPS w Bochni. Telefon otrzymany od Stowarzyszenia — 733 450 912.',
        phone: '733 450 912',
        sensitive: {
          health: 'Cukrzyca typu 2, owrzodzenie podudzia; leczony w poradni POZ nieregularnie.',
          addiction:
            'Uzależnienie od alkoholu; abstynencja od ok. 4 miesięcy (potwierdzona przez noclegownię).',
        },
      },
    ],
    cases: [
      {
        source: 'zgloszenie_instytucji',
        sourceDetails: 'Streetworker Stowarzyszenia „Razem dla Bochni” — mężczyzna nocujący na dworcu',
        openedDaysAgo: 210,
        status: 'realizacja',
        reasons: ['3', '13', '6'],
        summary:
          'Mężczyzna w kryzysie bezdomności od 3 lat, po rozpadzie małżeństwa i eksmisji. Obecnie w noclegowni, utrzymuje abstynencję. Przepracował 28 lat — może nabyć prawo do emerytury.',
        diagnoses: [
          {
            daysAgo: 200,
            areas: {
              causes: 'Eksmisja po rozwodzie, nadużywanie alkoholu, utrata pracy i kontaktu z rodziną.',
              strengths: 'Długi staż pracy (ślusarz), umiejętności manualne, dobra współpraca z noclegownią.',
              weaknesses: 'Nawroty picia, zaniedbanie leczenia cukrzycy.',
              resources: 'Miejsce w noclegowni, dowód osobisty, świadectwa pracy częściowo zachowane.',
              deficits: 'Brak dochodu i mieszkania, brak ubezpieczenia zdrowotnego.',
              expectations: 'Własny pokój i emerytura.',
              needs: 'Schronienie, leczenie, ustalenie uprawnień emerytalnych.',
            },
            conclusions: 'Indywidualny program wychodzenia z bezdomności.',
          },
          {
            daysAgo: 90,
            areas: {
              causes: 'Bezdomność po eksmisji; choroba alkoholowa — obecnie w abstynencji.',
              strengths:
                'Abstynencja od kilku miesięcy, regularne wizyty w POZ, pomoc przy pracach w noclegowni.',
              weaknesses: 'Owrzodzenie podudzia się nie goi; lęk przed samodzielnym mieszkaniem.',
              resources: 'Zgromadzone świadectwa pracy (28 lat stażu), ubezpieczenie zdrowotne przez MOPS.',
              deficits: 'Brak dochodu do czasu przyznania emerytury.',
              expectations: 'Mieszkanie treningowe, a potem lokal socjalny.',
              needs: 'Leczenie chirurgiczne owrzodzenia, wniosek emerytalny, trening samodzielności.',
            },
          },
        ],
        plans: [
          {
            type: 'program_wychodzenia_z_bezdomnosci',
            title: 'Indywidualny program wychodzenia z bezdomności',
            assessment:
              'Pan Jan przebywa w noclegowni, utrzymuje abstynencję i współpracuje. Głównymi barierami są zdrowie i brak dochodu.',
            start: -170,
            lengthDays: 365,
            reviews: [-80, 10, 100],
            status: 'aktywny',
            signed: -168,
            goals: [
              {
                text: 'Uzyskanie stałego schronienia i przygotowanie do samodzielnego zamieszkania',
                actions: [
                  {
                    who: 'mops-bochnia',
                    text: 'Pomoc w złożeniu wniosku o najem lokalu socjalnego z zasobu gminy',
                    due: -40,
                    status: 'wykonane',
                  },
                  {
                    who: 'ngo-bochnia',
                    person: 'koordynator mieszkań treningowych',
                    text: 'Miejsce w mieszkaniu treningowym prowadzonym przez Stowarzyszenie',
                    due: 14,
                    status: 'zaplanowane',
                  },
                  {
                    who: 'klient',
                    text: 'Przestrzeganie regulaminu noclegowni i utrzymanie abstynencji',
                    due: 190,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Uregulowanie sytuacji zdrowotnej',
                actions: [
                  {
                    who: 'szpital-bochnia',
                    person: 'poradnia chirurgii ogólnej',
                    text: 'Konsultacja chirurgiczna (owrzodzenie podudzia) i kontrola diabetologiczna',
                    due: -8,
                    status: 'w_toku',
                  },
                  {
                    who: 'klient',
                    text: 'Regularne przyjmowanie leków i wizyta w POZ raz w miesiącu',
                    due: 20,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Uzyskanie stałego dochodu',
                actions: [
                  {
                    who: 'mops-bochnia',
                    text: 'Pomoc w złożeniu wniosku o emeryturę w ZUS (zebranie świadectw pracy)',
                    due: 6,
                    status: 'w_toku',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 209,
            hour: 19,
            title: 'Pierwsza rozmowa w noclegowni',
            body: 'Pan Jan zgodził się na pobyt w noclegowni i kontakt z pracownikiem socjalnym.',
          },
          {
            kind: 'notatka',
            daysAgo: 180,
            title: 'Ustalenie stażu pracy',
            body: 'Wystąpiono do byłych pracodawców o duplikaty świadectw pracy.',
          },
          {
            kind: 'telefon',
            daysAgo: 95,
            title: 'Telefon z noclegowni',
            body: 'Pan Jan utrzymuje abstynencję, pomaga przy pracach porządkowych.',
          },
          {
            kind: 'wizyta',
            daysAgo: 20,
            hour: 18,
            title: 'Wizyta w noclegowni',
            body: 'Rana na podudziu nadal się nie goi — umówiono pilną konsultację chirurgiczną.',
          },
        ],
      },
    ],
  },
  {
    key: 'lewandowska',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    address: bochnia('ul. Floris 3/12'),
    members: [
      {
        first: 'Stanisława',
        last: 'Lewandowska',
        sex: 'K',
        age: 81,
        md: '02-02',
        relation: 'glowa',
        phone: '14 612 34 08',
        notes: 'Mieszka sama na III piętrze bez windy. Córka (Kraków) — kontakt telefoniczny.',
        sensitive: {
          disabilityLevel: 'znaczny',
          health: 'Zwyrodnienie stawów kolanowych, niewydolność serca; porusza się o kulach.',
        },
      },
    ],
    cases: [
      {
        source: 'ochrona_zdrowia',
        sourceDetails: 'Szpital Powiatowy w Bochni — pracownik socjalny oddziału wewnętrznego, przed wypisem',
        openedDaysAgo: 300,
        status: 'monitorowanie',
        monitorDaysAgo: 120,
        reasons: ['6', '5'],
        summary:
          'Osoba starsza, samotna, po hospitalizacji z powodu niewydolności serca. Wymaga pomocy w codziennych czynnościach i zakupach.',
        diagnoses: [
          {
            daysAgo: 290,
            areas: {
              causes: 'Wiek, choroby przewlekłe, samotne zamieszkiwanie, bariery architektoniczne.',
              strengths:
                'Zachowana orientacja i samodzielność w samoobsłudze, dobre relacje z sąsiadami, kontakt z córką.',
              weaknesses: 'Ograniczona mobilność, nie wychodzi z domu samodzielnie.',
              resources: 'Emerytura 2 650 zł, własne mieszkanie, pomoc sąsiadki.',
              deficits: 'Brak możliwości robienia zakupów i realizacji recept.',
              expectations: 'Pomoc w domu, bez konieczności przeprowadzki do DPS.',
              needs: 'Usługi opiekuńcze, sprzęt ortopedyczny, kontakt z ludźmi.',
            },
            interview: {
              health:
                'Niewydolność serca, zwyrodnienie stawów; orzeczenie o znacznym stopniu niepełnosprawności.',
              housing: 'Mieszkanie 2-pokojowe na III piętrze, bez windy, łazienka z wanną.',
            },
          },
        ],
        plans: [
          {
            type: 'plan_pomocy',
            title: 'Plan pomocy — usługi opiekuńcze w miejscu zamieszkania',
            assessment:
              'Pani Stanisława może pozostać w domu przy wsparciu usług opiekuńczych i wolontariusza.',
            start: -280,
            lengthDays: 365,
            reviews: [-100, 25],
            status: 'aktywny',
            signed: -278,
            goals: [
              {
                text: 'Zapewnienie pomocy w codziennych czynnościach',
                actions: [
                  {
                    who: 'mops-bochnia',
                    text: 'Usługi opiekuńcze 2 godziny dziennie w dni robocze (decyzja administracyjna)',
                    due: -270,
                    status: 'wykonane',
                  },
                  {
                    who: 'szpital-bochnia',
                    person: 'poradnia geriatryczna',
                    text: 'Konsultacja geriatryczna i dobór sprzętu ortopedycznego (balkonik, uchwyty w łazience)',
                    due: -150,
                    status: 'wykonane',
                  },
                ],
              },
              {
                text: 'Przeciwdziałanie osamotnieniu',
                actions: [
                  {
                    who: 'ngo-bochnia',
                    person: 'koordynator wolontariatu',
                    text: 'Odwiedziny wolontariusza raz w tygodniu; zaproszenia na spotkania klubu seniora',
                    due: 25,
                    status: 'w_toku',
                  },
                  {
                    who: 'klient',
                    text: 'Noszenie opaski bezpieczeństwa i codzienny telefon do córki',
                    due: 60,
                    status: 'w_toku',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 296,
            title: 'Wizyta po wypisie ze szpitala',
            body: 'Pani Stanisława samodzielna w podstawowych czynnościach, nie schodzi po schodach. Zakupy robi sąsiadka.',
          },
          {
            kind: 'telefon',
            daysAgo: 200,
            title: 'Telefon od córki',
            body: 'Córka dziękuje za usługi opiekuńcze; pyta o możliwość zwiększenia liczby godzin zimą.',
          },
          {
            kind: 'wizyta',
            daysAgo: 100,
            title: 'Wizyta monitorująca',
            body: 'Stan zdrowia stabilny. Zamontowano uchwyty w łazience. Pani Stanisława chętnie przyjmuje wolontariuszkę.',
          },
          {
            kind: 'telefon',
            daysAgo: 5,
            title: 'Telefon od opiekunki',
            body: 'Bez zmian, podopieczna w dobrym nastroju.',
          },
        ],
      },
    ],
  },
  {
    key: 'mazur',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Mazurowie',
    address: bochnia('ul. Brzeska 51'),
    members: [
      {
        first: 'Paweł',
        last: 'Mazur',
        sex: 'M',
        age: 36,
        md: '05-05',
        relation: 'glowa',
        phone: '607 552 019',
      },
      {
        first: 'Agnieszka',
        last: 'Mazur',
        sex: 'K',
        age: 35,
        md: '08-25',
        relation: 'malzonek',
        phone: '607 552 020',
      },
      { first: 'Julia', last: 'Mazur', sex: 'K', age: 15, md: '03-30', relation: 'dziecko' },
      { first: 'Szymon', last: 'Mazur', sex: 'M', age: 12, md: '12-12', relation: 'dziecko' },
      { first: 'Maja', last: 'Mazur', sex: 'K', age: 7, md: '09-09', relation: 'dziecko' },
      { first: 'Jakub', last: 'Mazur', sex: 'M', age: 3, md: '01-15', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 45,
        status: 'plan',
        reasons: ['8', '1'],
        summary:
          'Rodzina wielodzietna (czworo dzieci). Dochód z pracy ojca (magazynier) i świadczeń rodzinnych. Matka nie wróciła do pracy po urodzeniu najmłodszego syna. Trudności z opłaceniem opału i wyprawek szkolnych.',
        diagnoses: [
          {
            daysAgo: 30,
            areas: {
              causes:
                'Niski dochód przy sześcioosobowej rodzinie, wzrost kosztów ogrzewania domu (piec na węgiel).',
              strengths: 'Zaradni rodzice, dzieci zadbane, dobre wyniki w nauce Julii i Szymona.',
              weaknesses: 'Brak doświadczenia zawodowego matki, brak prawa jazdy.',
              resources:
                'Wynagrodzenie ojca 4 100 zł netto, świadczenia rodzinne i wychowawcze, dom po dziadkach.',
              deficits: 'Brak środków na opał na sezon grzewczy, zużyte wyposażenie.',
              expectations: 'Zasiłek celowy na opał, pomoc w znalezieniu pracy dla matki.',
              needs: 'Wsparcie finansowe doraźne, aktywizacja zawodowa matki, Karta Dużej Rodziny.',
            },
            interview: {
              housing: 'Dom jednorodzinny, 90 m², ogrzewanie piecem węglowym, wymaga docieplenia.',
              material: 'Dochód na osobę 1 080 zł.',
            },
          },
        ],
        plans: [
          {
            type: 'kontrakt_socjalny',
            variant: 'A',
            title: 'Kontrakt socjalny — poprawa sytuacji materialnej rodziny',
            assessment:
              'Rodzina wielodzietna z niskim dochodem na osobę; potrzebuje doraźnego wsparcia na sezon grzewczy i powrotu matki na rynek pracy.',
            start: 3,
            lengthDays: 180,
            reviews: [60, 120],
            status: 'projekt',
            goals: [
              {
                text: 'Zabezpieczenie ogrzewania domu na sezon grzewczy',
                actions: [
                  {
                    who: 'mops-bochnia',
                    text: 'Zasiłek celowy na zakup opału',
                    due: 5,
                    status: 'zaplanowane',
                  },
                  {
                    who: 'klient',
                    text: 'Złożenie wniosku o Kartę Dużej Rodziny i o dofinansowanie docieplenia domu',
                    due: 14,
                    status: 'zaplanowane',
                  },
                ],
              },
              {
                text: 'Powrót pani Agnieszki na rynek pracy',
                actions: [
                  {
                    who: 'pup-bochnia',
                    person: 'doradca zawodowy',
                    text: 'Rejestracja i udział w programie aktywizacji dla rodziców powracających na rynek pracy',
                    due: 40,
                    status: 'zaplanowane',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 45,
            title: 'Przyjęcie wniosku',
            body: 'Pan Paweł złożył wniosek o zasiłek celowy na opał.',
          },
          {
            kind: 'wizyta',
            daysAgo: 38,
            hour: 15,
            title: 'Wywiad środowiskowy',
            body: 'Dom czysty, dzieci zadbane. Zapas opału na ok. 2 tygodnie. Omówiono kontrakt socjalny.',
          },
          {
            kind: 'telefon',
            daysAgo: 4,
            title: 'Uzgodnienie terminu podpisania kontraktu',
            body: 'Małżonkowie przyjdą w czwartek podpisać kontrakt.',
          },
        ],
      },
    ],
  },
  {
    key: 'kaczmarek',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    coWorkers: ['pracownik2.bochnia'],
    household: 'Ewelina Kaczmarek i Rafał Dudek z dziećmi',
    address: bochnia('ul. Solna 4/2'),
    members: [
      {
        first: 'Ewelina',
        last: 'Kaczmarek',
        sex: 'K',
        age: 29,
        md: '11-04',
        relation: 'glowa',
        phone: '512 087 443',
      },
      {
        first: 'Rafał',
        last: 'Dudek',
        sex: 'M',
        age: 31,
        md: '06-27',
        relation: 'partner',
        phone: '513 902 611',
        sensitive: { addiction: 'Nadużywanie alkoholu; od 3 miesięcy w terapii grupowej.' },
      },
      { first: 'Wiktoria', last: 'Kaczmarek', sex: 'K', age: 9, md: '04-01', relation: 'dziecko' },
      { first: 'Bartosz', last: 'Dudek', sex: 'M', age: 5, md: '08-14', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'szkola',
        sourceDetails: 'Szkoła Podstawowa nr 1 — pedagog szkolny: absencja i zaniedbanie Wiktorii',
        openedDaysAgo: 130,
        status: 'realizacja',
        reasons: ['9', '13'],
        summary:
          'Rodzina z dwojgiem dzieci. Szkoła zgłosiła wysoką absencję i zaniedbanie Wiktorii. Partner matki nadużywa alkoholu. Rodzina objęta wsparciem asystenta rodziny.',
        diagnoses: [
          {
            daysAgo: 120,
            areas: {
              causes:
                'Niewydolność opiekuńczo-wychowawcza, brak stałego rytmu dnia, nadużywanie alkoholu przez pana Rafała.',
              strengths:
                'Rodzice kochają dzieci i chcą uniknąć ingerencji sądu; pani Ewelina jest otwarta na pomoc.',
              weaknesses: 'Brak konsekwencji wychowawczej, bałagan w mieszkaniu, nieregularne posiłki.',
              resources: 'Mieszkanie socjalne, praca pana Rafała (budowlanka), świadczenia rodzinne.',
              deficits: 'Brak umiejętności planowania budżetu i organizacji dnia.',
              expectations: 'Pomoc w nauce dla Wiktorii, wsparcie finansowe.',
              needs: 'Asystent rodziny, terapia uzależnień, diagnoza trudności szkolnych Wiktorii.',
            },
            interview: {
              upbringing:
                'Wiktoria opuściła 38% zajęć w I semestrze, przychodzi bez śniadania i przyborów. Bartosz w przedszkolu regularnie.',
              addiction: 'Pan Rafał pije w weekendy, zdarzają się awantury (bez przemocy fizycznej).',
              housing: 'Mieszkanie socjalne, 2 pokoje, zawilgocone.',
            },
            conclusions: 'Plan pracy z rodziną z asystentem rodziny; skierowanie do poradni uzależnień.',
          },
          {
            daysAgo: 40,
            areas: {
              causes: 'Niewydolność opiekuńczo-wychowawcza; problem alkoholowy partnera w trakcie terapii.',
              strengths: 'Frekwencja Wiktorii wzrosła do 90%. Pan Rafał uczęszcza na terapię grupową.',
              weaknesses: 'Nadal trudności z porządkiem w domu i z nauką Wiktorii.',
              resources: 'Asystent rodziny 2 razy w tygodniu, świetlica, stałe dochody.',
              deficits: 'Brak opinii poradni o trudnościach Wiktorii w nauce.',
              expectations: 'Dalsza pomoc asystenta, zajęcia wyrównawcze dla Wiktorii.',
              needs: 'Diagnoza w poradni, kontynuacja terapii.',
            },
            interview: {
              upbringing: 'Wiktoria codziennie w szkole, odrabia lekcje w świetlicy.',
              addiction: 'Pan Rafał od 3 miesięcy abstynentem (deklaracja, potwierdzenie terapeuty).',
            },
          },
        ],
        plans: [
          {
            type: 'plan_pracy_z_rodzina',
            title: 'Plan pracy z rodziną (asystent rodziny)',
            assessment:
              'Rodzina wymaga wsparcia w pełnieniu funkcji opiekuńczo-wychowawczych; priorytetem jest frekwencja i nauka Wiktorii oraz leczenie uzależnienia pana Rafała.',
            start: -100,
            lengthDays: 365,
            reviews: [-10, 80],
            status: 'aktywny',
            signed: -98,
            goals: [
              {
                text: 'Poprawa frekwencji i wyników szkolnych Wiktorii',
                actions: [
                  {
                    who: 'sp1-bochnia',
                    person: 'pedagog szkolny',
                    text: 'Cotygodniowa informacja o obecnościach; zajęcia dydaktyczno-wyrównawcze z matematyki',
                    due: 4,
                    status: 'w_toku',
                  },
                  {
                    who: 'ppp-bochnia',
                    person: 'psycholog i pedagog poradni',
                    text: 'Diagnoza trudności w nauce Wiktorii i opinia dla szkoły',
                    due: -12,
                    status: 'w_toku',
                  },
                  {
                    who: 'klient',
                    text: 'Codzienne odprowadzanie Wiktorii do szkoły na 8:00 i kontrola zeszytów',
                    due: 60,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Wzmocnienie kompetencji rodzicielskich',
                actions: [
                  {
                    who: 'ngo-bochnia',
                    person: 'trener warsztatów',
                    text: 'Udział rodziców w warsztatach „Szkoła dla rodziców” (10 spotkań)',
                    due: 20,
                    status: 'w_toku',
                  },
                  {
                    who: 'mops-bochnia',
                    user: 'pracownik2.bochnia',
                    person: 'asystent rodziny',
                    text: 'Spotkania z asystentem rodziny 2 razy w tygodniu: plan dnia, posiłki, budżet domowy',
                    due: 90,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Ograniczenie picia alkoholu przez pana Rafała',
                actions: [
                  {
                    who: 'szpital-bochnia',
                    person: 'Poradnia Terapii Uzależnienia od Alkoholu i Współuzależnienia',
                    text: 'Konsultacja i kwalifikacja do terapii grupowej',
                    due: -30,
                    status: 'wykonane',
                    done: -33,
                  },
                  {
                    who: 'klient',
                    text: 'Udział w terapii grupowej (wtorki) i utrzymanie abstynencji',
                    due: 120,
                    status: 'w_toku',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'telefon',
            daysAgo: 130,
            hour: 10,
            title: 'Zgłoszenie od pedagoga szkolnego',
            body: 'Wiktoria często nieobecna, przychodzi głodna. Pedagog prosi o wizytę w domu.',
          },
          {
            kind: 'wizyta',
            daysAgo: 123,
            hour: 16,
            title: 'Wywiad środowiskowy',
            body: 'W mieszkaniu nieporządek, brak jedzenia w lodówce. Rodzice przyznają się do trudności. Zaproponowano asystenta rodziny.',
          },
          {
            kind: 'wizyta',
            daysAgo: 25,
            hour: 15,
            title: 'Wizyta asystenta rodziny',
            body: 'Ustalono tygodniowy jadłospis i listę zakupów. Wiktoria pokazała zeszyty — lekcje odrobione.',
            by: 'pracownik2.bochnia',
          },
          {
            kind: 'notatka',
            daysAgo: 7,
            title: 'Informacja od terapeuty uzależnień',
            body: 'Pan Rafał uczestniczy regularnie w terapii, jeden epizod picia w ostatnim miesiącu; terapeuta ocenia motywację jako dobrą.',
            sensitive: true,
          },
        ],
      },
    ],
  },
  {
    key: 'grabowski',
    institution: 'mops-bochnia',
    lead: 'pracownik2.bochnia',
    address: bochnia('ul. Karosek 17'),
    members: [
      {
        first: 'Marian',
        last: 'Grabowski',
        sex: 'M',
        age: 58,
        md: '10-10',
        relation: 'glowa',
        phone: '604 771 235',
        sensitive: {
          disabilityLevel: 'umiarkowany',
          disabilityUntil: 540,
          health: 'Stan po udarze niedokrwiennym, niedowład lewostronny; rehabilitacja ambulatoryjna.',
        },
      },
    ],
    cases: [
      {
        source: 'ochrona_zdrowia',
        sourceDetails: 'Oddział neurologii Szpitala Powiatowego w Bochni',
        openedDaysAgo: 400,
        status: 'zamknieta',
        reasons: ['5', '4', '1'],
        summary:
          'Mężczyzna po udarze, samotny, utracił pracę kierowcy. Bez dochodu do czasu ustalenia renty.',
        closure: {
          from: 'realizacja',
          reason: 'cel_osiagniety',
          outcome:
            'Pan Marian uzyskał orzeczenie o umiarkowanym stopniu niepełnosprawności i rentę z tytułu częściowej niezdolności do pracy. Kontynuuje rehabilitację. Sytuacja materialna ustabilizowana; dalsza pomoc nie jest potrzebna.',
          daysAgo: 60,
        },
        diagnoses: [
          {
            daysAgo: 390,
            areas: {
              causes: 'Udar niedokrwienny, utrata zdolności do pracy jako kierowca zawodowy.',
              strengths: 'Duża motywacja do rehabilitacji, wsparcie brata.',
              weaknesses: 'Obniżony nastrój, trudności w poruszaniu się.',
              resources: 'Własne mieszkanie na parterze, zasiłek chorobowy do wyczerpania.',
              deficits: 'Brak orzeczenia i renty, brak dochodu po wyczerpaniu zasiłku.',
              expectations: 'Renta i dalsza rehabilitacja.',
              needs: 'Pomoc w formalnościach, zasiłek okresowy, rehabilitacja.',
            },
          },
        ],
        plans: [
          {
            type: 'plan_pomocy',
            title: 'Plan pomocy po udarze',
            assessment: 'Pan Marian wymaga pomocy w uzyskaniu świadczeń i kontynuacji rehabilitacji.',
            start: -370,
            lengthDays: 300,
            reviews: [-250, -130],
            status: 'zakonczony',
            signed: -368,
            goals: [
              {
                text: 'Uzyskanie orzeczenia i świadczenia rentowego',
                actions: [
                  {
                    who: 'mops-bochnia',
                    text: 'Pomoc w złożeniu wniosku do Powiatowego Zespołu do Spraw Orzekania o Niepełnosprawności',
                    due: -340,
                    status: 'wykonane',
                  },
                  {
                    who: 'klient',
                    text: 'Złożenie wniosku o rentę z tytułu niezdolności do pracy w ZUS',
                    due: -300,
                    status: 'wykonane',
                  },
                ],
              },
              {
                text: 'Kontynuacja rehabilitacji',
                actions: [
                  {
                    who: 'szpital-bochnia',
                    person: 'dział rehabilitacji',
                    text: 'Rehabilitacja ambulatoryjna — dwa cykle',
                    due: -120,
                    status: 'wykonane',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 398,
            title: 'Rozmowa na oddziale neurologii',
            body: 'Pan Marian przed wypisem; omówiono pomoc po powrocie do domu.',
          },
          {
            kind: 'wizyta',
            daysAgo: 200,
            title: 'Wizyta w miejscu zamieszkania',
            body: 'Porusza się z laską, samodzielny. Oczekuje na decyzję ZUS.',
          },
          {
            kind: 'dokument',
            daysAgo: 70,
            title: 'Decyzja ZUS o przyznaniu renty',
            body: 'Klient dostarczył kopię decyzji o przyznaniu renty.',
          },
        ],
      },
    ],
  },
  {
    key: 'pawlak',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Pawlakowie',
    address: bochnia('ul. Kurowskiego 8'),
    members: [
      {
        first: 'Robert',
        last: 'Pawlak',
        sex: 'M',
        age: 45,
        md: '03-03',
        relation: 'glowa',
        phone: '600 318 904',
      },
      { first: 'Beata', last: 'Pawlak', sex: 'K', age: 44, md: '12-20', relation: 'malzonek' },
      { first: 'Natalia', last: 'Pawlak', sex: 'K', age: 17, md: '07-07', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        sourceDetails: 'Pożar budynku gospodarczego i części domu',
        openedDaysAgo: 240,
        status: 'zamknieta',
        reasons: ['14', '1'],
        summary: 'Pożar zniszczył budynek gospodarczy i kuchnię. Rodzina tymczasowo u krewnych.',
        closure: {
          from: 'diagnoza',
          reason: 'cel_osiagniety',
          outcome:
            'Rodzina otrzymała zasiłek celowy w związku ze zdarzeniem losowym i pomoc rzeczową (meble kuchenne ze zbiórki Stowarzyszenia). Kuchnia odbudowana ze środków ubezpieczenia; rodzina wróciła do domu.',
          daysAgo: 150,
        },
        diagnoses: [
          {
            daysAgo: 236,
            areas: {
              causes: 'Zdarzenie losowe — pożar instalacji elektrycznej.',
              strengths: 'Stałe zatrudnienie obojga rodziców, ubezpieczenie domu, pomoc rodziny.',
              weaknesses: 'Jednorazowe wysokie koszty, stres Natalii przed maturą.',
              resources: 'Dochody z pracy, odszkodowanie w toku.',
              deficits: 'Brak wyposażenia kuchni, koszty tymczasowego zamieszkania.',
              expectations: 'Jednorazowa pomoc finansowa.',
              needs: 'Zasiłek celowy, pomoc rzeczowa.',
            },
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 239,
            title: 'Wizyta po pożarze',
            body: 'Kuchnia i budynek gospodarczy spalone, część mieszkalna zadymiona. Rodzina u brata pana Roberta.',
          },
          {
            kind: 'notatka',
            daysAgo: 230,
            title: 'Zasiłek celowy przyznany',
            body: 'Decyzja o zasiłku celowym w związku ze zdarzeniem losowym.',
          },
        ],
      },
    ],
  },
  {
    key: 'sikora',
    institution: 'mops-bochnia',
    lead: 'pracownik2.bochnia',
    coWorkers: ['pracownik.bochnia'],
    household: 'Zofia Sikora z wnukami',
    address: bochnia('ul. Dołuszycka 30'),
    members: [
      {
        first: 'Zofia',
        last: 'Sikora',
        sex: 'K',
        age: 67,
        md: '01-28',
        relation: 'glowa',
        phone: '14 612 77 30',
        sensitive: { health: 'Nadciśnienie tętnicze, choroba niedokrwienna serca.' },
      },
      { first: 'Igor', last: 'Sikora', sex: 'M', age: 13, md: '05-19', relation: 'wnuk' },
      { first: 'Lena', last: 'Sikora', sex: 'K', age: 9, md: '10-02', relation: 'wnuk' },
    ],
    cases: [
      {
        source: 'sad',
        sourceDetails: 'Sąd Rejonowy w Bochni — ustanowienie rodziny zastępczej spokrewnionej (babcia)',
        openedDaysAgo: 180,
        status: 'realizacja',
        reasons: ['2', '1', '6'],
        summary:
          'Babcia sprawuje pieczę nad dwojgiem wnuków po śmierci ich rodziców w wypadku komunikacyjnym. Rodzina zastępcza spokrewniona; babcia utrzymuje się z emerytury.',
        diagnoses: [
          {
            daysAgo: 165,
            areas: {
              causes: 'Śmierć obojga rodziców dzieci; nagłe przejęcie opieki przez babcię.',
              strengths: 'Silna więź dzieci z babcią, wsparcie sąsiadów i parafii.',
              weaknesses: 'Wiek i choroby babci, żałoba dzieci, trudności Igora w szkole.',
              resources: 'Emerytura, świadczenie dla rodziny zastępczej, renty rodzinne dzieci.',
              deficits: 'Brak wsparcia psychologicznego, zmęczenie opiekunki.',
              expectations: 'Pomoc dla wnuków w przeżyciu żałoby, pomoc w nauce.',
              needs: 'Terapia żałoby, koordynator pieczy zastępczej, odciążenie babci.',
            },
            interview: {
              family:
                'Babcia (67 l.) i wnuki 13 i 9 lat; ciotka dzieci mieszka za granicą, kontakt telefoniczny.',
              upbringing: 'Igor zamknięty w sobie, oceny się pogorszyły. Lena często płacze wieczorami.',
            },
          },
        ],
        plans: [
          {
            type: 'ipw',
            title: 'Indywidualny program współpracy z rodziną zastępczą spokrewnioną',
            assessment:
              'Rodzina przeżywa żałobę; babcia potrzebuje wsparcia instytucji, aby zapewnić wnukom stabilną opiekę i pomoc psychologiczną.',
            start: -150,
            lengthDays: 365,
            reviews: [-60, 6, 120],
            status: 'aktywny',
            signed: -148,
            goals: [
              {
                text: 'Zapewnienie wnukom stabilnej opieki i wsparcia po stracie rodziców',
                actions: [
                  {
                    who: 'pcpr-bochnia',
                    person: 'koordynator rodzinnej pieczy zastępczej',
                    text: 'Objęcie rodziny wsparciem koordynatora; szkolenie dla rodziny zastępczej',
                    due: -90,
                    status: 'wykonane',
                  },
                  {
                    who: 'ppp-bochnia',
                    person: 'psycholog',
                    text: 'Terapia żałoby dla Igora i Leny (spotkania co dwa tygodnie)',
                    due: 9,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Wsparcie dzieci w nauce i kontaktach rówieśniczych',
                actions: [
                  {
                    who: 'sp1-bochnia',
                    person: 'wychowawca i pedagog',
                    text: 'Zajęcia rozwijające kompetencje emocjonalno-społeczne dla Igora',
                    due: 2,
                    status: 'zaplanowane',
                  },
                  {
                    who: 'ngo-bochnia',
                    person: 'świetlica środowiskowa',
                    text: 'Zajęcia świetlicowe i wyjazd wakacyjny dla dzieci',
                    due: 150,
                    status: 'zaplanowane',
                  },
                ],
              },
              {
                text: 'Zadbanie o zdrowie opiekunki',
                actions: [
                  {
                    who: 'szpital-bochnia',
                    person: 'poradnia kardiologiczna',
                    text: 'Badania kardiologiczne (Holter, echo serca)',
                    due: 12,
                    status: 'zaplanowane',
                  },
                  {
                    who: 'klient',
                    text: 'Umówienie wizyty kontrolnej u kardiologa i realizacja zaleceń',
                    due: -15,
                    status: 'zaplanowane',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'notatka',
            daysAgo: 180,
            title: 'Informacja z sądu',
            body: 'Postanowienie o umieszczeniu dzieci w rodzinie zastępczej spokrewnionej (babcia).',
          },
          {
            kind: 'wizyta',
            daysAgo: 170,
            hour: 14,
            title: 'Pierwsza wizyta',
            body: 'Warunki mieszkaniowe dobre, dzieci mają osobny pokój. Pani Zofia zmęczona, prosi o pomoc psychologa dla wnuków.',
          },
          {
            kind: 'rozmowa',
            daysAgo: 60,
            title: 'Rozmowa z Igorem',
            body: 'Igor chętniej mówi o rodzicach; chce chodzić na zajęcia piłkarskie.',
            by: 'pracownik.bochnia',
          },
          {
            kind: 'telefon',
            daysAgo: 9,
            title: 'Telefon od koordynatora PCPR',
            body: 'Koordynator przekazał, że babcia nie umówiła jeszcze wizyty u kardiologa.',
            by: 'pracownik.bochnia',
          },
        ],
      },
    ],
  },
  {
    key: 'wrobel',
    institution: 'mops-bochnia',
    lead: 'pracownik2.bochnia',
    address: bochnia('ul. Kolejowa 40/5'),
    members: [
      {
        first: 'Adrian',
        last: 'Wróbel',
        sex: 'M',
        age: 27,
        md: '07-15',
        relation: 'glowa',
        phone: '733 204 918',
        notes: 'Mieszka w pokoju wynajmowanym od znajomego.',
      },
    ],
    cases: [
      {
        source: 'sad',
        sourceDetails: 'Kurator zawodowy — warunkowe przedterminowe zwolnienie z zakładu karnego',
        openedDaysAgo: 100,
        status: 'realizacja',
        reasons: ['12', '4', '13'],
        summary:
          'Młody mężczyzna po opuszczeniu zakładu karnego (warunkowe przedterminowe zwolnienie). Bez pracy i oszczędności; dozór kuratora.',
        diagnoses: [
          {
            daysAgo: 90,
            areas: {
              causes:
                'Pobyt w zakładzie karnym (2 lata), brak kwalifikacji, wcześniejsze nadużywanie alkoholu.',
              strengths: 'Ukończony w zakładzie kurs spawania (część teoretyczna), chęć usamodzielnienia.',
              weaknesses: 'Kontakty z dawnym środowiskiem, impulsywność.',
              resources: 'Pokój u znajomego, wsparcie kuratora.',
              deficits: 'Brak dochodu, brak doświadczenia zawodowego.',
              expectations: 'Praca i własne mieszkanie.',
              needs: 'Zatrudnienie, terapia, wsparcie w usamodzielnieniu.',
            },
          },
        ],
        plans: [
          {
            type: 'kontrakt_socjalny',
            variant: 'A',
            title: 'Kontrakt socjalny — usamodzielnienie po opuszczeniu zakładu karnego',
            assessment:
              'Pan Adrian opuścił zakład karny i pozostaje bez pracy i środków; ma motywację do zmiany i ukończony częściowo kurs spawacza.',
            start: -80,
            lengthDays: 180,
            reviews: [-20, 40],
            status: 'aktywny',
            signed: -78,
            goals: [
              {
                text: 'Podjęcie i utrzymanie zatrudnienia',
                actions: [
                  {
                    who: 'pup-bochnia',
                    person: 'pośrednik pracy',
                    text: 'Rejestracja i pośrednictwo pracy',
                    due: -50,
                    status: 'wykonane',
                  },
                  {
                    who: 'pup-bochnia',
                    person: 'specjalista ds. rozwoju zawodowego',
                    text: 'Szkolenie „Spawanie metodą MAG” z egzaminem',
                    due: 18,
                    status: 'w_toku',
                  },
                  {
                    who: 'klient',
                    text: 'Stawianie się w wyznaczonych terminach w PUP i u pracodawców',
                    due: 100,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Przestrzeganie warunków zwolnienia i utrzymanie abstynencji',
                actions: [
                  {
                    who: 'kuratorzy-bochnia',
                    person: 'kurator zawodowy',
                    text: 'Spotkania z kuratorem raz w miesiącu',
                    due: 7,
                    status: 'w_toku',
                  },
                  {
                    who: 'ngo-bochnia',
                    person: 'terapeuta punktu konsultacyjnego',
                    text: 'Terapia indywidualna w punkcie konsultacyjnym Stowarzyszenia',
                    due: -2,
                    status: 'zaplanowane',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 99,
            title: 'Rozmowa wstępna z udziałem kuratora',
            body: 'Pan Adrian zgłosił się z kuratorem. Omówiono możliwości pomocy i zasady kontraktu.',
          },
          {
            kind: 'telefon',
            daysAgo: 35,
            title: 'Telefon z PUP',
            body: 'Pan Adrian zakwalifikowany na szkolenie spawacza.',
          },
          {
            kind: 'notatka',
            daysAgo: 4,
            title: 'Niestawiennictwo w punkcie konsultacyjnym',
            body: 'Terapeuta poinformował, że klient nie przyszedł na pierwsze spotkanie. Do omówienia na najbliższej rozmowie.',
          },
        ],
      },
    ],
  },
  {
    key: 'kowalenko',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Olena Kowalenko z synem',
    address: bochnia('ul. Windakiewicza 12/8'),
    members: [
      {
        first: 'Olena',
        last: 'Kowalenko',
        sex: 'K',
        age: 39,
        md: '04-12',
        relation: 'glowa',
        phone: '577 306 142',
        noPesel: { type: 'karta_pobytu', number: 'RP0472913', citizenship: 'ukraińskie' },
        notes: 'Porozumiewa się po polsku w stopniu podstawowym; przy rozmowach pomaga syn lub tłumacz.',
      },
      {
        first: 'Maksym',
        last: 'Kowalenko',
        sex: 'M',
        age: 16,
        md: '09-21',
        relation: 'dziecko',
        noPesel: { type: 'paszport', number: 'FX183402', citizenship: 'ukraińskie' },
      },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 25,
        status: 'diagnoza',
        reasons: ['11', '4'],
        summary:
          'Matka z synem z Ukrainy, w Bochni od roku. Pani Olena straciła pracę sezonową; trudności z językiem i uznaniem kwalifikacji (księgowa).',
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 25,
            hour: 10,
            title: 'Przyjęcie zgłoszenia (z udziałem tłumacza)',
            body: 'Pani Olena prosi o pomoc w znalezieniu pracy i kursie języka polskiego. Umówiono wywiad środowiskowy.',
          },
          {
            kind: 'telefon',
            daysAgo: 10,
            title: 'Przełożenie terminu wywiadu',
            body: 'Pani Olena prosi o zmianę terminu — rozmowa kwalifikacyjna w firmie sprzątającej.',
          },
        ],
      },
    ],
  },
  {
    key: 'dabrowska',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Aleksandra Dąbrowska z córką',
    address: bochnia('ul. Poniatowskiego 6/14'),
    members: [
      {
        first: 'Aleksandra',
        last: 'Dąbrowska',
        sex: 'K',
        age: 24,
        md: '05-16',
        relation: 'glowa',
        phone: '531 908 275',
      },
      {
        first: 'Nikola',
        last: 'Dąbrowska',
        sex: 'K',
        age: 0,
        md: '01-01',
        bornDaysAgo: 150,
        relation: 'dziecko',
      },
    ],
    cases: [
      {
        source: 'ochrona_zdrowia',
        sourceDetails: 'Położna środowiskowa — młoda matka bez wsparcia rodziny',
        openedDaysAgo: 4,
        status: 'zgloszenie',
        reasons: ['8', '1'],
        summary:
          'Młoda samotna matka z 5-miesięczną córką; brak wsparcia ojca dziecka, zaległości w opłatach.',
        timeline: [
          {
            kind: 'telefon',
            daysAgo: 4,
            hour: 12,
            title: 'Zgłoszenie od położnej środowiskowej',
            body: 'Położna niepokoi się o sytuację materialną matki; dziecko zadbane, prawidłowo się rozwija.',
          },
          {
            kind: 'notatka',
            daysAgo: 2,
            title: 'Wyznaczono termin wywiadu',
            body: 'Wywiad środowiskowy w przyszłym tygodniu (termin ustawowy 14 dni).',
          },
        ],
      },
    ],
  },
  {
    key: 'jablonski',
    institution: 'mops-bochnia',
    lead: 'pracownik2.bochnia',
    household: 'Jabłońscy',
    address: bochnia('ul. Legionów Polskich 15/2'),
    members: [
      {
        first: 'Henryk',
        last: 'Jabłoński',
        sex: 'M',
        age: 70,
        md: '11-11',
        relation: 'glowa',
        sensitive: { health: 'Otępienie w przebiegu choroby Alzheimera (wczesne stadium).' },
      },
      {
        first: 'Krystyna',
        last: 'Jabłońska',
        sex: 'K',
        age: 68,
        md: '03-25',
        relation: 'malzonek',
        phone: '14 611 82 47',
      },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        sourceDetails: 'Wniosek żony o usługi opiekuńcze',
        openedDaysAgo: 18,
        status: 'diagnoza',
        reasons: ['6', '5'],
        summary:
          'Małżeństwo emerytów. Pan Henryk z rozpoznaniem choroby Alzheimera, żona sama sprawuje opiekę.',
        diagnoses: [
          {
            daysAgo: 5,
            by: 'pracownik2.bochnia',
            areas: {
              causes: 'Postępująca choroba otępienna pana Henryka, przeciążenie opiekunki.',
              strengths: 'Zaangażowanie żony, dobre warunki mieszkaniowe, dwie emerytury.',
              weaknesses: 'Pani Krystyna ma problemy z kręgosłupem i jest wyczerpana.',
              resources: 'Emerytury małżonków (łącznie 5 400 zł), pomoc syna w weekendy.',
              deficits: 'Brak opieki w ciągu dnia, brak wiedzy o chorobie.',
              expectations: 'Kilka godzin pomocy dziennie, grupa wsparcia dla opiekunów.',
              needs: 'Usługi opiekuńcze, dzienny dom pobytu, wsparcie psychologiczne opiekunki.',
            },
          },
        ],
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 18,
            title: 'Przyjęcie wniosku',
            body: 'Pani Krystyna prosi o usługi opiekuńcze dla męża.',
            by: 'pracownik2.bochnia',
          },
          {
            kind: 'wizyta',
            daysAgo: 8,
            hour: 11,
            title: 'Wywiad środowiskowy',
            body: 'Pan Henryk zdezorientowany co do czasu, samodzielny w jedzeniu. Żona nie wychodzi z domu na dłużej niż godzinę.',
            by: 'pracownik2.bochnia',
          },
        ],
      },
    ],
  },
  {
    key: 'krol',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Królowie',
    address: bochnia('ul. Wodna 7'),
    members: [
      {
        first: 'Łukasz',
        last: 'Król',
        sex: 'M',
        age: 33,
        md: '02-19',
        relation: 'glowa',
        phone: '609 445 783',
      },
      { first: 'Justyna', last: 'Król', sex: 'K', age: 31, md: '12-01', relation: 'malzonek' },
      { first: 'Amelia', last: 'Król', sex: 'K', age: 4, md: '06-06', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        sourceDetails: 'Zalanie mieszkania na parterze po nawalnych opadach i wezbraniu potoku',
        openedDaysAgo: 320,
        status: 'zamknieta',
        reasons: ['15', '14'],
        summary: 'Mieszkanie zalane w czasie nawalnych opadów; zniszczone wyposażenie i podłogi.',
        closure: {
          from: 'diagnoza',
          reason: 'cel_osiagniety',
          outcome:
            'Przyznano zasiłek celowy na remont i zakup podstawowego wyposażenia. Rodzina wróciła do mieszkania po osuszeniu; dalsza pomoc niepotrzebna.',
          daysAgo: 260,
        },
        diagnoses: [
          {
            daysAgo: 315,
            areas: {
              causes: 'Klęska żywiołowa — zalanie mieszkania.',
              strengths: 'Oboje małżonkowie pracują, pomoc rodziny przy remoncie.',
              resources: 'Dochody z pracy, tymczasowe lokum u rodziców pani Justyny.',
              deficits: 'Zniszczone meble, sprzęt AGD i podłogi.',
              expectations: 'Jednorazowa pomoc na remont.',
              needs: 'Zasiłek celowy, osuszanie.',
            },
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 319,
            title: 'Oględziny mieszkania po zalaniu',
            body: 'Woda do wysokości 40 cm; zniszczone podłogi, lodówka i pralka.',
          },
        ],
      },
    ],
  },
  {
    key: 'michalski',
    institution: 'mops-bochnia',
    lead: 'pracownik2.bochnia',
    address: bochnia('ul. Trudna 2/1'),
    members: [
      {
        first: 'Zbigniew',
        last: 'Michalski',
        sex: 'M',
        age: 47,
        md: '09-30',
        relation: 'glowa',
        sensitive: { addiction: 'Uzależnienie od alkoholu; brak leczenia.' },
      },
    ],
    cases: [
      {
        source: 'policja',
        sourceDetails: 'Interwencja KPP — mężczyzna nietrzeźwy, wychłodzony, przed blokiem',
        openedDaysAgo: 6,
        status: 'zgloszenie',
        reasons: ['13', '3', '4'],
        summary:
          'Mężczyzna samotny, zadłużony mieszkaniec lokalu komunalnego, grozi mu eksmisja. Nadużywa alkoholu.',
        timeline: [
          {
            kind: 'notatka',
            daysAgo: 6,
            hour: 8,
            title: 'Informacja z KPP',
            body: 'Policja przewiozła pana Zbigniewa do izby wytrzeźwień. Zgłoszono potrzebę pomocy.',
          },
          {
            kind: 'telefon',
            daysAgo: 3,
            title: 'Próba kontaktu',
            body: 'Brak odpowiedzi; pozostawiono wiadomość w skrzynce pocztowej.',
          },
        ],
      },
    ],
  },
  {
    key: 'wojcik',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Wójcikowie',
    address: bochnia('ul. Oracka 21'),
    members: [
      {
        first: 'Sebastian',
        last: 'Wójcik',
        sex: 'M',
        age: 38,
        md: '01-09',
        relation: 'glowa',
        phone: '694 210 558',
      },
      {
        first: 'Marta',
        last: 'Wójcik',
        sex: 'K',
        age: 37,
        md: '04-27',
        relation: 'malzonek',
        phone: '694 210 559',
      },
      {
        first: 'Kamil',
        last: 'Wójcik',
        sex: 'M',
        age: 11,
        md: '08-03',
        relation: 'dziecko',
        sensitive: {
          disabilityLevel: 'rownowazne',
          disabilityUntil: 400,
          health: 'Spektrum autyzmu; orzeczenie o potrzebie kształcenia specjalnego.',
        },
      },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 420,
        status: 'monitorowanie',
        monitorDaysAgo: 90,
        reasons: ['5', '1'],
        summary:
          'Rodzina z synem z niepełnosprawnością. Matka zrezygnowała z pracy, aby opiekować się synem. Wysokie koszty terapii.',
        diagnoses: [
          {
            daysAgo: 400,
            areas: {
              causes: 'Niepełnosprawność dziecka, rezygnacja matki z pracy, koszty terapii.',
              strengths: 'Zaangażowani rodzice, dobra współpraca ze szkołą.',
              weaknesses: 'Przeciążenie matki, brak czasu dla siebie.',
              resources: 'Wynagrodzenie ojca, świadczenie pielęgnacyjne, zasiłek rodzinny.',
              deficits: 'Brak dostępu do bezpłatnej terapii SI.',
              expectations: 'Terapia dla Kamila i chwila odpoczynku dla matki.',
              needs: 'Terapia, opieka wytchnieniowa, grupa wsparcia.',
            },
          },
        ],
        plans: [
          {
            type: 'plan_pomocy',
            title: 'Plan pomocy rodzinie z dzieckiem z niepełnosprawnością',
            assessment: 'Rodzina radzi sobie dobrze przy wsparciu terapii i opieki wytchnieniowej.',
            start: -390,
            lengthDays: 420,
            reviews: [-200, -30, 11],
            status: 'aktywny',
            signed: -388,
            goals: [
              {
                text: 'Zapewnienie Kamilowi terapii i wsparcia edukacyjnego',
                actions: [
                  {
                    who: 'ppp-bochnia',
                    person: 'terapeuta SI',
                    text: 'Terapia integracji sensorycznej i trening umiejętności społecznych',
                    due: -60,
                    status: 'wykonane',
                  },
                  {
                    who: 'sp1-bochnia',
                    person: 'nauczyciel wspomagający',
                    text: 'Nauczyciel wspomagający i dostosowanie wymagań edukacyjnych',
                    due: 200,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Odciążenie rodziców w opiece',
                actions: [
                  {
                    who: 'ngo-bochnia',
                    person: 'koordynator programu',
                    text: 'Opieka wytchnieniowa — 8 godzin w miesiącu',
                    due: 11,
                    status: 'w_toku',
                  },
                  {
                    who: 'klient',
                    text: 'Udział pani Marty w grupie wsparcia dla rodziców dzieci z autyzmem',
                    due: 30,
                    status: 'w_toku',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 410,
            title: 'Wywiad środowiskowy',
            body: 'Rodzina dobrze zorganizowana, matka wyraźnie przemęczona.',
          },
          {
            kind: 'telefon',
            daysAgo: 95,
            title: 'Telefon od pani Marty',
            body: 'Kamil zakończył cykl terapii SI z dobrymi efektami.',
          },
          {
            kind: 'wizyta',
            daysAgo: 30,
            title: 'Wizyta monitorująca',
            body: 'Sytuacja stabilna; rodzina korzysta z opieki wytchnieniowej.',
          },
        ],
      },
    ],
  },
  {
    key: 'szymanska',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Renata Szymańska z synem',
    address: bochnia('os. Niepodległości 5/31'),
    members: [
      {
        first: 'Renata',
        last: 'Szymańska',
        sex: 'K',
        age: 44,
        md: '10-28',
        relation: 'glowa',
        phone: '663 015 927',
      },
      { first: 'Patryk', last: 'Szymański', sex: 'M', age: 19, md: '01-31', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 95,
        status: 'realizacja',
        reasons: ['4', '1'],
        summary: 'Kobieta długotrwale bezrobotna z dorosłym synem, który przerwał naukę.',
        diagnoses: [
          {
            daysAgo: 85,
            areas: {
              causes: 'Długotrwałe bezrobocie (3 lata) po zamknięciu sklepu, w którym pracowała.',
              strengths: 'Doświadczenie w handlu i obsłudze klienta, obsługa komputera.',
              weaknesses: 'Zniechęcenie, obawa przed rozmowami kwalifikacyjnymi.',
              resources: 'Mieszkanie spółdzielcze, pomoc siostry.',
              deficits: 'Brak dochodu z pracy, przerwana nauka syna.',
              expectations: 'Stała praca, matura syna.',
              needs: 'Staż, Klub Pracy, korepetycje dla syna.',
            },
          },
        ],
        plans: [
          {
            type: 'kontrakt_socjalny',
            variant: 'B',
            title: 'Kontrakt socjalny — powrót na rynek pracy',
            assessment:
              'Pani Renata jest długotrwale bezrobotna; ma doświadczenie w handlu i chce wrócić do pracy.',
            start: -70,
            lengthDays: 150,
            reviews: [-10, 50],
            status: 'aktywny',
            signed: -68,
            goals: [
              {
                text: 'Podjęcie zatrudnienia przez panią Renatę',
                actions: [
                  {
                    who: 'pup-bochnia',
                    person: 'pośrednik pracy',
                    text: 'Skierowanie na staż w administracji (6 miesięcy)',
                    due: 6,
                    status: 'zaplanowane',
                  },
                  {
                    who: 'klient',
                    text: 'Udział w zajęciach Klubu Pracy (trening rozmowy kwalifikacyjnej)',
                    due: -1,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Dokończenie nauki przez Patryka',
                actions: [
                  {
                    who: 'klient',
                    text: 'Patryk — zapisanie się do liceum dla dorosłych',
                    due: -40,
                    status: 'wykonane',
                  },
                  {
                    who: 'ngo-bochnia',
                    person: 'wolontariusz-korepetytor',
                    text: 'Korepetycje z matematyki przed maturą',
                    due: 60,
                    status: 'w_toku',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 94,
            title: 'Przyjęcie wniosku',
            body: 'Pani Renata prosi o zasiłek okresowy i pomoc w znalezieniu pracy.',
          },
          {
            kind: 'telefon',
            daysAgo: 20,
            title: 'Telefon z PUP',
            body: 'Jest oferta stażu w urzędzie miasta; pani Renata zainteresowana.',
          },
        ],
      },
    ],
  },
  {
    key: 'kozlowski',
    institution: 'mops-bochnia',
    lead: 'pracownik2.bochnia',
    household: 'Kozłowscy',
    address: bochnia('ul. Czackiego 11'),
    members: [
      {
        first: 'Mirosław',
        last: 'Kozłowski',
        sex: 'M',
        age: 55,
        md: '06-21',
        relation: 'glowa',
        phone: '605 883 210',
      },
      {
        first: 'Janina',
        last: 'Kozłowska',
        sex: 'K',
        age: 84,
        md: '12-08',
        relation: 'rodzic',
        sensitive: {
          disabilityLevel: 'znaczny',
          health: 'Otępienie naczyniowe, leżąca; wymaga stałej opieki.',
        },
      },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 50,
        status: 'plan',
        reasons: ['5', '4', '6'],
        summary: 'Syn opiekuje się leżącą matką; zrezygnował z pracy. Utrzymują się z emerytury matki.',
        diagnoses: [
          {
            daysAgo: 35,
            by: 'pracownik2.bochnia',
            areas: {
              causes: 'Choroba i niesamodzielność matki, rezygnacja syna z pracy.',
              strengths: 'Troskliwa opieka syna, dobre warunki mieszkaniowe.',
              weaknesses: 'Izolacja społeczna pana Mirosława, przemęczenie.',
              resources: 'Emerytura pani Janiny, dom jednorodzinny.',
              deficits: 'Brak dochodu syna, brak zmiennika w opiece.',
              expectations: 'Pomoc opiekunki, praca na część etatu.',
              needs: 'Specjalistyczne usługi opiekuńcze, pośrednictwo pracy.',
            },
          },
        ],
        plans: [
          {
            type: 'plan_pomocy',
            title: 'Plan pomocy — opieka nad osobą leżącą',
            assessment: 'Pani Janina wymaga stałej opieki; syn potrzebuje odciążenia, by wrócić do pracy.',
            start: 5,
            lengthDays: 365,
            reviews: [90],
            status: 'projekt',
            goals: [
              {
                text: 'Zapewnienie opieki nad panią Janiną',
                actions: [
                  {
                    who: 'mops-bochnia',
                    text: 'Specjalistyczne usługi opiekuńcze 4 godziny dziennie',
                    due: 10,
                    status: 'zaplanowane',
                  },
                  {
                    who: 'szpital-bochnia',
                    person: 'pielęgniarka środowiskowa',
                    text: 'Wizyty pielęgniarki środowiskowej i zaopatrzenie w materace przeciwodleżynowe',
                    due: 20,
                    status: 'zaplanowane',
                  },
                ],
              },
              {
                text: 'Powrót pana Mirosława do pracy w niepełnym wymiarze',
                actions: [
                  {
                    who: 'pup-bochnia',
                    person: 'pośrednik pracy',
                    text: 'Oferty pracy w niepełnym wymiarze godzin',
                    due: 45,
                    status: 'zaplanowane',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 44,
            title: 'Wywiad środowiskowy',
            body: 'Pani Janina leżąca, zadbana. Syn wykonuje wszystkie czynności pielęgnacyjne.',
            by: 'pracownik2.bochnia',
          },
        ],
      },
    ],
  },
  {
    key: 'adamczyk',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    household: 'Adamczykowie',
    address: bochnia('ul. Gazowa 3/7'),
    members: [
      { first: 'Dariusz', last: 'Adamczyk', sex: 'M', age: 40, md: '02-06', relation: 'glowa' },
      {
        first: 'Sylwia',
        last: 'Adamczyk',
        sex: 'K',
        age: 39,
        md: '05-23',
        relation: 'malzonek',
        phone: '724 530 618',
      },
      { first: 'Karolina', last: 'Adamczyk', sex: 'K', age: 16, md: '11-17', relation: 'dziecko' },
      { first: 'Michał', last: 'Adamczyk', sex: 'M', age: 13, md: '03-12', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'sad',
        sourceDetails:
          'Postanowienie Sądu Rejonowego w Bochni — zobowiązanie do współpracy z asystentem rodziny',
        openedDaysAgo: 500,
        status: 'zamknieta',
        reasons: ['9', '1'],
        summary: 'Sąd zobowiązał rodziców do współpracy z asystentem rodziny w związku z zaniedbaniami.',
        closure: {
          from: 'realizacja',
          reason: 'brak_wspolpracy',
          outcome:
            'Rodzina przerwała współpracę z asystentem rodziny i nie realizowała ustaleń planu. Poinformowano Sąd Rejonowy w Bochni o braku współpracy.',
          daysAgo: 200,
        },
        diagnoses: [
          {
            daysAgo: 480,
            areas: {
              causes: 'Zaniedbania opiekuńcze, częsta nieobecność rodziców w domu, brak nadzoru nad dziećmi.',
              strengths: 'Dzieci dobrze się uczą.',
              weaknesses: 'Rodzice nie widzą problemu, unikają kontaktu.',
              resources: 'Stałe dochody z pracy obojga rodziców.',
              deficits: 'Brak nadzoru, brak motywacji do zmiany.',
              expectations: 'Rodzice oczekują zakończenia nadzoru.',
              needs: 'Asystent rodziny, nadzór kuratora.',
            },
          },
        ],
        plans: [
          {
            type: 'plan_pracy_z_rodzina',
            title: 'Plan pracy z rodziną',
            assessment: 'Rodzina zobowiązana przez sąd do współpracy; niska motywacja.',
            start: -470,
            lengthDays: 365,
            reviews: [-380, -290],
            status: 'przerwany',
            signed: -468,
            goals: [
              {
                text: 'Zapewnienie dzieciom opieki po szkole',
                actions: [
                  {
                    who: 'ngo-bochnia',
                    person: 'świetlica środowiskowa',
                    text: 'Zajęcia świetlicowe dla Michała',
                    due: -400,
                    status: 'niewykonane',
                  },
                  {
                    who: 'klient',
                    text: 'Spotkania z asystentem rodziny raz w tygodniu',
                    due: -300,
                    status: 'niewykonane',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'notatka',
            daysAgo: 300,
            title: 'Odwołane spotkania',
            body: 'Rodzice trzykrotnie odwołali spotkanie z asystentem.',
          },
          {
            kind: 'dokument',
            daysAgo: 201,
            title: 'Informacja do sądu',
            body: 'Wysłano do Sądu Rejonowego informację o braku współpracy rodziny.',
          },
        ],
      },
    ],
  },
  {
    key: 'zurek',
    institution: 'mops-bochnia',
    lead: 'pracownik.bochnia',
    address: bochnia(null),
    members: [
      {
        first: 'Łucja',
        last: 'Żurek',
        sex: 'K',
        age: 22,
        md: '03-19',
        relation: 'glowa',
        notes: 'Adres pobytu zastrzeżony — kontakt wyłącznie przez pracownika socjalnego.',
      },
    ],
    cases: [
      {
        source: 'policja',
        sourceDetails: 'KPP w Bochni — podejrzenie pracy przymusowej za granicą',
        openedDaysAgo: 3,
        status: 'zgloszenie',
        reasons: ['7a', '14'],
        summary:
          'Młoda kobieta wróciła z pracy sezonowej za granicą, gdzie odebrano jej dokumenty i wynagrodzenie. Pod opieką Policji.',
        timeline: [
          {
            kind: 'notatka',
            daysAgo: 3,
            hour: 17,
            title: 'Informacja z KPP',
            body: 'Pani Łucja zgłosiła się na Policję po powrocie do kraju. Zapewniono tymczasowe schronienie w hostelu interwencyjnym.',
            sensitive: true,
          },
          {
            kind: 'rozmowa',
            daysAgo: 2,
            hour: 10,
            title: 'Rozmowa wstępna (z udziałem psychologa)',
            body: 'Pani Łucja w stanie silnego stresu; uzgodniono kontakt z Krajowym Centrum Interwencyjno-Konsultacyjnym.',
            sensitive: true,
          },
        ],
      },
    ],
  },
  {
    key: 'chmielewski',
    institution: 'mops-bochnia',
    lead: 'pracownik2.bochnia',
    household: 'Chmielewscy',
    address: { teryt: BOCHNIA_GW, street: 'Gierczyce 118', postalCode: '32-700', city: 'Gierczyce' },
    members: [
      {
        first: 'Stanisław',
        last: 'Chmielewski',
        sex: 'M',
        age: 49,
        md: '08-18',
        relation: 'glowa',
        phone: '698 120 447',
      },
      { first: 'Teresa', last: 'Chmielewska', sex: 'K', age: 46, md: '02-27', relation: 'malzonek' },
      { first: 'Karol', last: 'Chmielewski', sex: 'M', age: 20, md: '12-24', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 70,
        status: 'zamknieta',
        reasons: ['1', '6'],
        summary:
          'Rodzina w trudnej sytuacji materialnej po chorobie pana Stanisława; w trakcie przeprowadzki na wieś.',
        closure: {
          from: 'diagnoza',
          reason: 'przekazanie',
          outcome:
            'Rodzina zamieszkała w Gierczycach (gmina wiejska Bochnia). Dokumentację przekazano do właściwego ośrodka pomocy społecznej gminy Bochnia.',
          daysAgo: 20,
        },
        diagnoses: [
          {
            daysAgo: 60,
            by: 'pracownik2.bochnia',
            areas: {
              causes: 'Długotrwała choroba pana Stanisława (leczenie onkologiczne), spadek dochodów.',
              strengths: 'Wsparcie syna, który pracuje.',
              resources: 'Zasiłek chorobowy, dom po rodzicach w Gierczycach.',
              deficits: 'Wysokie koszty leczenia i dojazdów.',
              expectations: 'Pomoc finansowa na leki.',
              needs: 'Zasiłek celowy na leki, przekazanie sprawy po przeprowadzce.',
            },
          },
        ],
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 69,
            title: 'Przyjęcie wniosku',
            body: 'Pan Stanisław prosi o zasiłek celowy na leki.',
            by: 'pracownik2.bochnia',
          },
          {
            kind: 'telefon',
            daysAgo: 22,
            title: 'Informacja o przeprowadzce',
            body: 'Rodzina przeprowadziła się do Gierczyc; uzgodniono przekazanie dokumentacji.',
            by: 'pracownik2.bochnia',
          },
        ],
      },
    ],
  },

  // ——————————————————————————— OPS Andrychów ———————————————————————————
  {
    key: 'baran',
    institution: 'ops-andrychow',
    lead: 'pracownik.andrychow',
    household: 'Baranowie',
    address: andrychow('ul. Starowiejska 27'),
    members: [
      {
        first: 'Andrzej',
        last: 'Baran',
        sex: 'M',
        age: 44,
        md: '05-02',
        relation: 'glowa',
        phone: '608 731 402',
      },
      {
        first: 'Iwona',
        last: 'Baran',
        sex: 'K',
        age: 42,
        md: '01-14',
        relation: 'malzonek',
        phone: '608 731 403',
      },
      { first: 'Oskar', last: 'Baran', sex: 'M', age: 15, md: '09-16', relation: 'dziecko' },
      { first: 'Hanna', last: 'Baran', sex: 'K', age: 11, md: '07-29', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 110,
        status: 'realizacja',
        reasons: ['4', '1'],
        summary:
          'Pan Andrzej stracił pracę w zakładzie metalowym po redukcji etatów. Zadłużenie za energię elektryczną, grozi odcięcie dostaw.',
        diagnoses: [
          {
            daysAgo: 100,
            by: 'pracownik.andrychow',
            areas: {
              causes: 'Utrata pracy (zwolnienie grupowe), zadłużenie za energię i ratę kredytu.',
              strengths: 'Kwalifikacje ślusarza-spawacza, zgodna rodzina, pani Iwona pracuje.',
              weaknesses: 'Pan Andrzej nie szuka pracy poza Andrychowem, obawa przed dojazdami.',
              resources: 'Wynagrodzenie pani Iwony, odprawa (wydana na bieżące potrzeby).',
              deficits: 'Zaległość za energię 1 850 zł.',
              expectations: 'Pomoc w spłacie długu i w znalezieniu pracy.',
              needs: 'Zasiłek celowy specjalny, doradztwo zawodowe.',
            },
          },
          {
            daysAgo: 30,
            by: 'pracownik.andrychow',
            areas: {
              causes: 'Utrata pracy; zadłużenie częściowo spłacone.',
              strengths: 'Pan Andrzej regularnie szuka pracy, był na dwóch rozmowach w Kętach.',
              weaknesses: 'Nadal bez zatrudnienia.',
              resources: 'Ugoda z dostawcą energii, wynagrodzenie żony.',
              deficits: 'Pozostało 700 zł zadłużenia.',
              expectations: 'Zatrudnienie przed zimą.',
              needs: 'Pośrednictwo pracy, dofinansowanie dojazdów.',
            },
          },
        ],
        plans: [
          {
            type: 'kontrakt_socjalny',
            variant: 'A',
            title: 'Kontrakt socjalny — wyjście z zadłużenia i powrót do pracy',
            assessment:
              'Rodzina znalazła się w trudnej sytuacji po utracie pracy przez pana Andrzeja; grozi odcięcie energii elektrycznej.',
            start: -85,
            lengthDays: 180,
            reviews: [-25, 5, 60],
            status: 'aktywny',
            signed: -84,
            goals: [
              {
                text: 'Podjęcie zatrudnienia przez pana Andrzeja',
                actions: [
                  {
                    who: 'ops-andrychow',
                    person: 'doradca zawodowy ośrodka',
                    text: 'Konsultacje z doradcą zawodowym, przygotowanie CV',
                    due: -20,
                    status: 'wykonane',
                  },
                  {
                    who: 'klient',
                    text: 'Rejestracja w urzędzie pracy w Wadowicach i udział w targach pracy',
                    due: 8,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Spłata zadłużenia za energię elektryczną',
                actions: [
                  {
                    who: 'ops-andrychow',
                    text: 'Zasiłek celowy specjalny na spłatę części zadłużenia',
                    due: -40,
                    status: 'wykonane',
                  },
                  {
                    who: 'klient',
                    text: 'Zawarcie ugody z dostawcą energii i terminowe wpłacanie rat',
                    due: 3,
                    status: 'w_toku',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 105,
            title: 'Wywiad środowiskowy',
            body: 'Dom jednorodzinny, zadbany. Wezwanie do zapłaty od dostawcy energii.',
          },
          {
            kind: 'telefon',
            daysAgo: 15,
            title: 'Telefon od pana Andrzeja',
            body: 'Rozmowa kwalifikacyjna w zakładzie w Kętach — oczekuje na odpowiedź.',
          },
        ],
      },
    ],
  },
  {
    key: 'kubiak',
    institution: 'ops-andrychow',
    lead: 'pracownik.andrychow',
    address: andrychow('Inwałd 412', 'Inwałd'),
    members: [
      {
        first: 'Genowefa',
        last: 'Kubiak',
        sex: 'K',
        age: 76,
        md: '06-13',
        relation: 'glowa',
        phone: '33 875 41 09',
        sensitive: {
          disabilityLevel: 'umiarkowany',
          health: 'Cukrzyca, zaćma obu oczu; słabo widzi.',
        },
      },
    ],
    cases: [
      {
        source: 'z_urzedu',
        sourceDetails: 'Informacja sołtysa Inwałdu',
        openedDaysAgo: 380,
        status: 'monitorowanie',
        monitorDaysAgo: 150,
        reasons: ['5', '6'],
        summary: 'Samotna starsza kobieta w domu na wsi, słabowidząca. Dzieci mieszkają za granicą.',
        diagnoses: [
          {
            daysAgo: 370,
            by: 'pracownik.andrychow',
            areas: {
              causes: 'Wiek, choroby przewlekłe, pogarszający się wzrok, samotność.',
              strengths: 'Pogodna, zna sąsiadów, samodzielna w domu.',
              weaknesses: 'Nie może sama palić w piecu i robić zakupów.',
              resources: 'Emerytura rolnicza, dom, pomoc sąsiadki.',
              deficits: 'Brak pomocy w cięższych pracach.',
              expectations: 'Pozostać we własnym domu.',
              needs: 'Usługi opiekuńcze, operacja zaćmy.',
            },
          },
        ],
        plans: [
          {
            type: 'plan_pomocy',
            title: 'Plan pomocy — usługi opiekuńcze',
            assessment: 'Pani Genowefa może mieszkać w domu przy pomocy usług opiekuńczych.',
            start: -360,
            lengthDays: 540,
            reviews: [-180, 20],
            status: 'aktywny',
            signed: -358,
            goals: [
              {
                text: 'Pomoc w codziennym funkcjonowaniu',
                actions: [
                  {
                    who: 'ops-andrychow',
                    person: 'opiekunka środowiskowa',
                    text: 'Usługi opiekuńcze trzy razy w tygodniu (zakupy, palenie w piecu)',
                    due: 180,
                    status: 'w_toku',
                  },
                  {
                    who: 'klient',
                    text: 'Zgłoszenie się na zabieg usunięcia zaćmy',
                    due: -30,
                    status: 'wykonane',
                    done: -45,
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 375,
            title: 'Wywiad środowiskowy',
            body: 'Dom drewniany, ogrzewany piecem; zapas drewna przygotowany przez sąsiada.',
          },
          {
            kind: 'wizyta',
            daysAgo: 40,
            title: 'Wizyta monitorująca',
            body: 'Po zabiegu zaćmy pani Genowefa lepiej widzi; czyta gazetę.',
          },
        ],
      },
    ],
  },
  {
    key: 'stepien',
    institution: 'ops-andrychow',
    lead: 'pracownik.andrychow',
    household: 'Stępniowie',
    address: andrychow('Roczyny 233', 'Roczyny'),
    members: [
      {
        first: 'Marcin',
        last: 'Stępień',
        sex: 'M',
        age: 35,
        md: '10-07',
        relation: 'glowa',
        phone: '504 662 198',
      },
      { first: 'Dorota', last: 'Stępień', sex: 'K', age: 33, md: '03-04', relation: 'malzonek' },
      { first: 'Kinga', last: 'Stępień', sex: 'K', age: 10, md: '02-20', relation: 'dziecko' },
      { first: 'Jan', last: 'Stępień', sex: 'M', age: 7, md: '06-30', relation: 'dziecko' },
      { first: 'Zuzanna', last: 'Stępień', sex: 'K', age: 2, md: '11-02', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'szkola',
        sourceDetails: 'Szkoła podstawowa w Roczynach — pedagog: zaniedbania higieniczne dzieci',
        openedDaysAgo: 15,
        status: 'diagnoza',
        reasons: ['9', '8'],
        summary:
          'Rodzina wielodzietna; szkoła sygnalizuje zaniedbania higieniczne i brak przyborów szkolnych.',
        diagnoses: [
          {
            daysAgo: 3,
            by: 'pracownik.andrychow',
            areas: {
              causes: 'Trudności w prowadzeniu gospodarstwa domowego, niskie dochody, ciasne mieszkanie.',
              strengths: 'Rodzice chętni do współpracy, ojciec pracuje stale.',
              weaknesses: 'Słaba organizacja domu, zaniedbania higieniczne.',
              resources: 'Wynagrodzenie ojca, świadczenia rodzinne.',
              deficits: 'Brak pralki, brak bieżącej ciepłej wody.',
            },
          },
        ],
        timeline: [
          {
            kind: 'telefon',
            daysAgo: 15,
            title: 'Zgłoszenie ze szkoły',
            body: 'Pedagog informuje o zaniedbaniach higienicznych Kingi i Jana.',
          },
          {
            kind: 'wizyta',
            daysAgo: 6,
            title: 'Wywiad środowiskowy',
            body: 'Dom stary, brak ciepłej wody. Matka zajmuje się trojgiem dzieci sama w ciągu dnia.',
          },
        ],
      },
    ],
  },
  {
    key: 'kolodziej',
    institution: 'ops-andrychow',
    lead: 'pracownik.andrychow',
    address: { teryt: ANDRYCHOW, street: null, postalCode: null, city: 'Andrychów' },
    members: [
      {
        first: 'Ryszard',
        last: 'Kołodziej',
        sex: 'M',
        age: 61,
        md: '04-04',
        relation: 'glowa',
        notes: 'Przebywa w altanie na ogródkach działkowych; zimą korzysta z ogrzewalni.',
      },
    ],
    cases: [
      {
        source: 'z_urzedu',
        sourceDetails: 'Informacja strażnika miejskiego — osoba w kryzysie bezdomności przed zimą',
        openedDaysAgo: 2,
        status: 'zgloszenie',
        reasons: ['3', '13'],
        summary: 'Mężczyzna w kryzysie bezdomności, nocuje w altanie działkowej; zbliża się zima.',
        timeline: [
          {
            kind: 'notatka',
            daysAgo: 2,
            hour: 9,
            title: 'Informacja ze straży miejskiej',
            body: 'Mężczyzna odmówił przewiezienia do schroniska; przyjął ciepły posiłek.',
          },
        ],
      },
    ],
  },
  {
    key: 'mroz',
    institution: 'ops-andrychow',
    lead: 'pracownik.andrychow',
    household: 'Mrozowie',
    address: andrychow('Rzyki 560', 'Rzyki'),
    members: [
      {
        first: 'Konrad',
        last: 'Mróz',
        sex: 'M',
        age: 30,
        md: '12-15',
        relation: 'glowa',
        phone: '519 330 864',
      },
      { first: 'Patrycja', last: 'Mróz', sex: 'K', age: 28, md: '08-08', relation: 'malzonek' },
      { first: 'Tymon', last: 'Mróz', sex: 'M', age: 2, md: '04-22', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        sourceDetails: 'Podtopienie domu podczas wezbrania potoku po ulewach',
        openedDaysAgo: 430,
        status: 'zamknieta',
        reasons: ['15', '1'],
        summary: 'Dom podtopiony; zniszczony parter i piec CO.',
        closure: {
          from: 'diagnoza',
          reason: 'cel_osiagniety',
          outcome:
            'Przyznano zasiłek celowy i pomoc rzeczową; wymieniono piec. Rodzina mieszka w wyremontowanym domu.',
          daysAgo: 370,
        },
        diagnoses: [
          {
            daysAgo: 425,
            by: 'pracownik.andrychow',
            areas: {
              causes: 'Klęska żywiołowa — podtopienie domu.',
              strengths: 'Oboje rodzice pracują; pomoc sąsiadów i OSP.',
              resources: 'Dochody z pracy, zasiłek powodziowy.',
              deficits: 'Zniszczony piec i wyposażenie parteru.',
              expectations: 'Pomoc w zakupie pieca przed zimą.',
              needs: 'Zasiłek celowy, pomoc rzeczowa.',
            },
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 429,
            title: 'Oględziny po podtopieniu',
            body: 'Woda na parterze do 60 cm; piec CO zalany.',
          },
        ],
      },
    ],
  },
  {
    key: 'gorecka',
    institution: 'ops-andrychow',
    lead: 'pracownik.andrychow',
    household: 'Bożena Górecka z córką',
    address: andrychow('ul. Lenartowicza 9/4'),
    members: [
      {
        first: 'Bożena',
        last: 'Górecka',
        sex: 'K',
        age: 52,
        md: '09-05',
        relation: 'glowa',
        phone: '601 774 302',
      },
      {
        first: 'Ewa',
        last: 'Górecka',
        sex: 'K',
        age: 30,
        md: '02-11',
        relation: 'dziecko',
        sensitive: {
          disabilityLevel: 'znaczny',
          health: 'Mózgowe porażenie dziecięce; porusza się na wózku.',
        },
      },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 40,
        status: 'plan',
        reasons: ['5', '1'],
        summary:
          'Matka opiekuje się dorosłą córką z niepełnosprawnością; mieszkanie na II piętrze bez windy.',
        diagnoses: [
          {
            daysAgo: 28,
            by: 'pracownik.andrychow',
            areas: {
              causes: 'Znaczna niepełnosprawność córki, bariery architektoniczne.',
              strengths: 'Silna więź, pani Ewa chce być aktywna.',
              weaknesses: 'Pani Ewa nie wychodzi z domu od miesięcy.',
              resources: 'Świadczenie pielęgnacyjne, renta socjalna.',
              deficits: 'Brak windy, brak transportu.',
              expectations: 'Zajęcia dla córki poza domem.',
              needs: 'Transport, środowiskowy dom samopomocy, zamiana mieszkania.',
            },
          },
        ],
        plans: [
          {
            type: 'plan_pomocy',
            title: 'Plan pomocy — aktywizacja społeczna pani Ewy',
            assessment:
              'Pani Ewa jest izolowana przez bariery architektoniczne; potrzebuje transportu i zajęć.',
            start: 7,
            lengthDays: 365,
            reviews: [97],
            status: 'projekt',
            goals: [
              {
                text: 'Udział pani Ewy w zajęciach poza domem',
                actions: [
                  {
                    who: 'ops-andrychow',
                    text: 'Skierowanie do środowiskowego domu samopomocy z dowozem',
                    due: 21,
                    status: 'zaplanowane',
                  },
                  {
                    who: 'klient',
                    text: 'Złożenie wniosku o zamianę mieszkania na lokal na parterze',
                    due: 30,
                    status: 'zaplanowane',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 35,
            title: 'Wywiad środowiskowy',
            body: 'Pani Ewa nie opuszcza mieszkania; matka nie jest w stanie znieść wózka po schodach.',
          },
        ],
      },
    ],
  },
  {
    key: 'pietrzak',
    institution: 'ops-andrychow',
    lead: 'pracownik.andrychow',
    address: andrychow('Sułkowice 187', 'Sułkowice'),
    members: [
      {
        first: 'Wojciech',
        last: 'Pietrzak',
        sex: 'M',
        age: 39,
        md: '11-21',
        relation: 'glowa',
        phone: '725 118 390',
        sensitive: { addiction: 'Uzależnienie od alkoholu; w terapii ambulatoryjnej.' },
      },
    ],
    cases: [
      {
        source: 'zgloszenie_instytucji',
        sourceDetails: 'Gminna Komisja Rozwiązywania Problemów Alkoholowych',
        openedDaysAgo: 160,
        status: 'realizacja',
        reasons: ['13', '4'],
        summary: 'Mężczyzna samotny, nadużywający alkoholu, bez pracy od roku. Podjął terapię.',
        diagnoses: [
          {
            daysAgo: 150,
            by: 'pracownik.andrychow',
            areas: {
              causes: 'Uzależnienie od alkoholu, utrata pracy kierowcy (zatrzymane prawo jazdy).',
              strengths: 'Umiejętności stolarskie, gotowość do terapii.',
              weaknesses: 'Nawroty picia, izolacja.',
              resources: 'Dom po rodzicach, pomoc siostry.',
              deficits: 'Brak dochodu.',
              expectations: 'Praca i odzyskanie prawa jazdy.',
              needs: 'Terapia, prace społecznie użyteczne, aktywizacja.',
            },
          },
        ],
        plans: [
          {
            type: 'kontrakt_socjalny',
            variant: 'B',
            title: 'Kontrakt socjalny — trzeźwienie i aktywizacja',
            assessment: 'Pan Wojciech podjął terapię i chce wrócić do pracy.',
            start: -120,
            lengthDays: 240,
            reviews: [-40, 2],
            status: 'aktywny',
            signed: -118,
            goals: [
              {
                text: 'Utrzymanie abstynencji',
                actions: [
                  {
                    who: 'ops-andrychow',
                    text: 'Skierowanie na terapię w poradni leczenia uzależnień',
                    due: -110,
                    status: 'wykonane',
                  },
                  {
                    who: 'klient',
                    text: 'Udział w terapii grupowej raz w tygodniu',
                    due: 10,
                    status: 'w_toku',
                  },
                ],
              },
              {
                text: 'Aktywizacja zawodowa',
                actions: [
                  {
                    who: 'ops-andrychow',
                    person: 'koordynator prac społecznie użytecznych',
                    text: 'Prace społecznie użyteczne 40 godzin w miesiącu',
                    due: 5,
                    status: 'w_toku',
                  },
                ],
              },
            ],
          },
        ],
        timeline: [
          {
            kind: 'rozmowa',
            daysAgo: 158,
            title: 'Rozmowa wstępna',
            body: 'Pan Wojciech zgłosił się po informacji z komisji; deklaruje chęć leczenia.',
          },
          {
            kind: 'telefon',
            daysAgo: 12,
            title: 'Telefon od terapeuty',
            body: 'Klient regularnie uczestniczy w terapii.',
            sensitive: true,
          },
        ],
      },
    ],
  },
  {
    key: 'nowicka',
    institution: 'ops-andrychow',
    lead: 'pracownik.andrychow',
    household: 'Elżbieta Nowicka z dziećmi',
    address: andrychow('ul. Krakowska 95/3'),
    members: [
      {
        first: 'Elżbieta',
        last: 'Nowicka',
        sex: 'K',
        age: 45,
        md: '07-17',
        relation: 'glowa',
        phone: '667 402 115',
      },
      { first: 'Piotr', last: 'Nowicki', sex: 'M', age: 17, md: '01-05', relation: 'dziecko' },
      { first: 'Amelia', last: 'Nowicka', sex: 'K', age: 8, md: '05-25', relation: 'dziecko' },
    ],
    cases: [
      {
        source: 'wniosek_wlasny',
        openedDaysAgo: 35,
        status: 'diagnoza',
        reasons: ['1', '9'],
        summary: 'Samotna matka dwojga dzieci, pracuje na pół etatu; zaległości czynszowe.',
        diagnoses: [
          {
            daysAgo: 20,
            by: 'pracownik.andrychow',
            areas: {
              causes: 'Niski dochód po rozwodzie, niepłacone alimenty.',
              strengths: 'Pracowitość, dobra organizacja domu.',
              weaknesses: 'Trudności wychowawcze z Piotrem (wagary).',
              resources: 'Wynagrodzenie, świadczenia rodzinne.',
              deficits: 'Zaległości czynszowe 2 100 zł.',
              expectations: 'Pomoc w egzekucji alimentów.',
              needs: 'Fundusz alimentacyjny, wsparcie wychowawcze.',
            },
          },
        ],
        timeline: [
          {
            kind: 'wizyta',
            daysAgo: 30,
            title: 'Wywiad środowiskowy',
            body: 'Mieszkanie czyste; pani Elżbieta martwi się wagarami syna.',
          },
        ],
      },
    ],
  },
];
