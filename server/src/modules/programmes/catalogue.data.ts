import { CATALOGUE_FORMAT, CATALOGUE_FORMAT_VERSION, type ProgrammeRules } from '@kooperacja/domain';

/**
 * The programme catalogue shipped with the product (reference data for every database), in the JSON
 * exchange format (docs/programmes.md). Sources:
 * - RPO WM 2014-2020, axis 9: the SZOOP excerpt of seed 000 — the 9.1.1, 9.1.2 and 9.1.3 support
 *   types are its bullets word for word (one spelling fix: "opuszczającej" for the source's
 *   "opuszającej"); of 9.2 and 9.3 the source gives only the names of the sub-actions. The source
 *   heads 9.2.x with "DZIAŁANIE 9.1" by mistake: action 9.2 is "Usługi społeczne i zdrowotne".
 * - POWER 2014-2020, axis II, action 2.5: seeds 003 and 004.
 * - FERS 2021-2027, priority IV, action 04.13: seed 001 (and docs DOMAIN.md §4).
 */

interface SeedNode {
  kind: 'program' | 'os' | 'dzialanie' | 'poddzialanie' | 'typ_wsparcia';
  code: string;
  name: string;
  description?: string;
  period?: string;
  rules?: ProgrammeRules;
  children?: SeedNode[];
}

/** Support types coded `<parent>.01`, `<parent>.02`, … in the order of the source's bullets. */
function supportTypes(
  parent: string,
  bullets: readonly (string | { name: string; rules: ProgrammeRules })[],
): SeedNode[] {
  return bullets.map((b, i) => ({
    kind: 'typ_wsparcia',
    code: `${parent}.${String(i + 1).padStart(2, '0')}`,
    ...(typeof b === 'string' ? { name: b } : b),
  }));
}

const excludedAndSurroundings = [
  'osoby wykluczone społecznie lub zagrożone wykluczeniem społecznym',
  'otoczenie osób wykluczonych społecznie lub zagrożonych wykluczeniem społecznym',
];

const introAktywnaIntegracja =
  'na rzecz aktywizacji społecznej/zawodowej osób wykluczonych społecznie lub zagrożonych wykluczeniem społecznym oraz ich otoczenia, obejmujące kompleksowo różnorodne, zindywidualizowane narzędzia, takie jak np.: (typy wsparcia poniżej).';

const rpoWm: SeedNode = {
  kind: 'program',
  code: 'RPO WM 2014-2020',
  name: 'Regionalny Program Operacyjny Województwa Małopolskiego na lata 2014-2020',
  period: '2014-2020',
  children: [
    {
      kind: 'os',
      code: '9',
      name: 'Region Spójny Społecznie',
      description:
        'Celem głównym osi priorytetowej 9 Region Spójny Społecznie jest wzrost spójności wewnątrzregionalnej w wymiarze społecznym i zdrowotnym.',
      children: [
        {
          kind: 'dzialanie',
          code: '9.1',
          name: 'Aktywna integracja',
          children: [
            {
              kind: 'poddzialanie',
              code: '9.1.1',
              name: 'Aktywna integracja – projekty ośrodków pomocy społecznej/powiatowych centrów pomocy rodzinie',
              description: `Projekty ${introAktywnaIntegracja}`,
              rules: { targetGroups: excludedAndSurroundings },
              children: supportTypes('9.1.1', [
                'usługi asystenckie (w tym usługi asystenta osoby bezdomnej w procesie wychodzenia z bezdomności, asystenta osoby opuszczającej zakład karny w procesie reintegracji, asystenta osoby niepełnosprawnej, asystenta usamodzielnienia lub wychowanków pieczy zastępczej, asystenta rodziny)',
                'zatrudnienie wspierane, wspomagane, usługi trenera zatrudnienia wspieranego oraz inne usługi ułatwiające adaptację pracownika w środowisku pracy',
                'organizacja, prowadzenie i rozwój działalności centrów integracji społecznej oraz klubów integracji społecznej',
                'organizacja, prowadzenie i rozwój działalności środowiskowych instytucji aktywizujących osoby niepełnosprawne (w tym zaburzone psychicznie), oferujących formy wsparcia takie jak: usługi rehabilitacyjne, terapia zajęciowa czy poradnictwo psychologiczne (np. Środowiskowych Domów Samopomocy)',
                'organizacja i prowadzenie mieszkań chronionych, wspieranych, kontraktowych, treningowych prowadzących do integracji społeczno-zawodowej',
                'terapie dla osób uzależnionych',
                'poradnictwo psychologiczne, psychospołeczne, zawodowe, pośrednictwo pracy prowadzące do integracji społeczno-zawodowej',
                'staże i praktyki zawodowe, subsydiowane zatrudnienie, zajęcia reintegracji zawodowej u pracodawcy',
                'kursy i szkolenia umożliwiające nabycie, podniesienie lub zmianę kwalifikacji',
                'usługi towarzyszące procesowi usamodzielniania wychowanków pieczy zastępczej',
                'oddziaływanie na otoczenie osób wykluczonych społecznie lub zagrożonych wykluczeniem społecznym wzmacniające lub odbudowujące naturalne systemy wsparcia, takie jak rodzina i lokalna społeczność, obejmujące np.: mediacje, terapie rodzinne, poradnictwo rodzinne, programy aktywności lokalnej, włączanie rodzin w proces terapeutyczny osób chorujących psychicznie',
                'inne narzędzia, metody służące aktywizacji społecznej i zawodowej',
              ]),
            },
            {
              kind: 'poddzialanie',
              code: '9.1.2',
              name: 'Aktywna integracja – projekty konkursowe',
              description: `Projekty (w tym realizowane na obszarach rewitalizowanych, a także projekty komplementarne do realizowanych/planowanych do realizacji z EFRR w ramach Działania 6.3 „Rozwój wewnętrznych potencjałów regionu”) ${introAktywnaIntegracja}`,
              rules: { targetGroups: excludedAndSurroundings },
              children: supportTypes('9.1.2', [
                'usługi asystenckie (w tym usługi asystenta osoby bezdomnej w procesie wychodzenia z bezdomności, asystenta osoby opuszczającej zakład karny w procesie reintegracji, asystenta osoby niepełnosprawnej, asystenta usamodzielnienia lub wychowanków pieczy zastępczej)',
                'zatrudnienie wspierane, wspomagane, usługi trenera zatrudnienia wspieranego oraz inne usługi ułatwiające adaptację pracownika w środowisku pracy',
                'organizacja, prowadzenie i rozwój działalności centrów integracji społecznej oraz klubów integracji społecznej',
                'organizacja, prowadzenie i rozwój działalności środowiskowych instytucji aktywizujących osoby niepełnosprawne (w tym zaburzone psychicznie), oferujących formy wsparcia takie jak: usługi rehabilitacyjne, terapia zajęciowa czy poradnictwo psychologiczne (np. Środowiskowych Domów Samopomocy)',
                'terapie dla osób uzależnionych',
                'poradnictwo psychologiczne, psychospołeczne, zawodowe, pośrednictwo pracy prowadzące do integracji społeczno-zawodowej',
                'staże i praktyki zawodowe, subsydiowane zatrudnienie, zajęcia reintegracji zawodowej u pracodawcy',
                'kursy i szkolenia umożliwiające nabycie, podniesienie lub zmianę kwalifikacji',
                'usługi towarzyszące procesowi usamodzielniania wychowanków pieczy zastępczej',
                'oddziaływanie na otoczenie osób wykluczonych społecznie lub zagrożonych wykluczeniem społecznym wzmacniające lub odbudowujące naturalne systemy wsparcia, takie jak rodzina i lokalna społeczność, obejmujące np. mediacje, terapie rodzinne, poradnictwo rodzinne, programy aktywności lokalnej, włączanie rodzin w proces terapeutyczny osób chorujących psychicznie',
                'inne narzędzia, metody służące aktywizacji społecznej i zawodowej',
                {
                  name: 'rozwój kompetencji oraz potencjału partnerów społecznych i organizacji pozarządowych, działających na rzecz włączenia społecznego i walki z ubóstwem (jedynie w połączeniu z innymi formami wsparcia)',
                  rules: { onlyWithOther: true },
                },
              ]),
            },
            {
              kind: 'poddzialanie',
              code: '9.1.3',
              name: 'Samodzielne życie',
              description:
                'Projekt na rzecz aktywizacji społecznej/zawodowej wychowanków młodzieżowych ośrodków wychowawczych i młodzieżowych ośrodków socjoterapii w trakcie przebywania w ww. placówkach, jak i do 12 miesięcy po ich opuszczeniu, oraz ich otoczenia, obejmujący kompleksowo różnorodne, zindywidualizowane narzędzia, takie jak np.: (typy wsparcia poniżej).',
              rules: {
                timeWindow: 'w trakcie przebywania w placówce i do 12 miesięcy po jej opuszczeniu',
                monthsAfterLeaving: 12,
                targetGroups: [
                  'wychowankowie młodzieżowych ośrodków wychowawczych i młodzieżowych ośrodków socjoterapii',
                  'otoczenie wychowanków młodzieżowych ośrodków wychowawczych i młodzieżowych ośrodków socjoterapii',
                ],
              },
              children: supportTypes('9.1.3', [
                'kursy i szkolenia umożliwiające nabycie, podniesienie lub zmianę kwalifikacji',
                'poradnictwo psychologiczne, psychospołeczne, zawodowe, pośrednictwo pracy prowadzące do integracji społeczno-zawodowej',
                'wizyty zawodoznawcze, staże i praktyki zawodowe, subsydiowane zatrudnienie, zajęcia reintegracji zawodowej u pracodawcy',
                'promocja i wsparcie wolontariatu',
                'działania mające na celu usamodzielnienie wychowanków',
                'dodatkowe zajęcia edukacyjno-wyrównawcze, przyczyniające się do ułatwienia wyboru dalszej ścieżki edukacyjnej i zawodowej',
                'inne narzędzia, metody służące aktywizacji społecznej i zawodowej',
              ]),
            },
          ],
        },
        {
          kind: 'dzialanie',
          code: '9.2',
          name: 'Usługi społeczne i zdrowotne',
          children: [
            {
              kind: 'poddzialanie',
              code: '9.2.1',
              name: 'Usługi społeczne i zdrowotne w regionie',
            },
            {
              kind: 'poddzialanie',
              code: '9.2.2',
              name: 'Usługi opiekuńcze oraz interwencja kryzysowa w subregionach',
            },
          ],
        },
        {
          kind: 'dzialanie',
          code: '9.3',
          name: 'Wsparcie ekonomii społecznej',
          children: [
            { kind: 'poddzialanie', code: '9.3.1', name: 'Ośrodki wsparcia ekonomii społecznej' },
            { kind: 'poddzialanie', code: '9.3.2', name: 'Koordynacja rozwoju ekonomii społecznej' },
          ],
        },
      ],
    },
  ],
};

const power: SeedNode = {
  kind: 'program',
  code: 'POWER 2014-2020',
  name: 'Program Operacyjny Wiedza Edukacja Rozwój 2014-2020',
  description: 'Współfinansowany ze środków Europejskiego Funduszu Społecznego.',
  period: '2014-2020',
  children: [
    {
      kind: 'os',
      code: 'II',
      name: 'Efektywne polityki publiczne dla rynku pracy, gospodarki i edukacji',
      children: [
        {
          kind: 'dzialanie',
          code: '2.5',
          name: 'Skuteczna pomoc społeczna',
        },
      ],
    },
  ],
};

const fers: SeedNode = {
  kind: 'program',
  code: 'FERS 2021-2027',
  name: 'Fundusze Europejskie dla Rozwoju Społecznego 2021-2027',
  description: 'Współfinansowany ze środków Europejskiego Funduszu Społecznego Plus.',
  period: '2021-2027',
  children: [
    {
      kind: 'os',
      code: '4',
      name: 'Spójność społeczna i zdrowie',
      children: [
        {
          kind: 'dzialanie',
          code: '04.13',
          name: 'Wysokiej jakości system włączenia społecznego',
          description:
            'Typ projektów: Działania Regionalnych Ośrodków Polityki Społecznej w zakresie usług społecznych, pomocy społecznej, ekonomii społecznej i aktywnej integracji, służące włączeniu społecznemu, realizowane na poziomie wojewódzkim.',
        },
      ],
    },
  ],
};

/** The shipped catalogue as an exchange document (parse it with `CatalogueDocument`). */
export const shippedCatalogue = {
  format: CATALOGUE_FORMAT,
  formatVersion: CATALOGUE_FORMAT_VERSION,
  programmes: [rpoWm, power, fers],
};
