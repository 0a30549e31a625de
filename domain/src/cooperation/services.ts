import { z } from 'zod';
import { SectorKey } from '../identity/institutions.js';
import { TerytCode } from '../territory/territory.schemas.js';

/**
 * The resource map / catalogue of services (mapa zasobów, katalog usług): what each institution
 * offers, to whom, how to refer. Keys are stable identifiers stored in the database; labels are per
 * language.
 *
 * Service areas are the 14 areas of social services of a CUS (ustawa z dnia 19 lipca 2019 r.
 * o realizowaniu usług społecznych przez centrum usług społecznych, art. 2 ust. 2). Every service
 * type belongs to one area; the types cover the support tools of the regional programme (seed 000:
 * usługi asystenckie, zatrudnienie wspierane, CIS/KIS, ŚDS, mieszkania treningowe i wspomagane,
 * terapie uzależnień, poradnictwo, usamodzielnianie wychowanków pieczy, mediacje, terapie rodzinne,
 * usługi opiekuńcze, interwencja kryzysowa …).
 */
export const serviceAreas = {
  polityka_prorodzinna: { pl: 'Polityka prorodzinna', en: 'Pro-family policy' },
  wspieranie_rodziny: { pl: 'Wspieranie rodziny', en: 'Family support' },
  piecza_zastepcza: { pl: 'System pieczy zastępczej', en: 'Foster care system' },
  pomoc_spoleczna: { pl: 'Pomoc społeczna', en: 'Social assistance' },
  zdrowie: { pl: 'Promocja i ochrona zdrowia', en: 'Health promotion and protection' },
  niepelnosprawnosc: { pl: 'Wspieranie osób niepełnosprawnych', en: 'Support for persons with disabilities' },
  edukacja: { pl: 'Edukacja publiczna', en: 'Public education' },
  bezrobocie: { pl: 'Przeciwdziałanie bezrobociu', en: 'Counteracting unemployment' },
  kultura: { pl: 'Kultura', en: 'Culture' },
  sport_turystyka: { pl: 'Kultura fizyczna i turystyka', en: 'Physical culture and tourism' },
  aktywnosc_obywatelska: { pl: 'Pobudzanie aktywności obywatelskiej', en: 'Civic engagement' },
  mieszkalnictwo: { pl: 'Mieszkalnictwo', en: 'Housing' },
  srodowisko: { pl: 'Ochrona środowiska', en: 'Environmental protection' },
  reintegracja: { pl: 'Reintegracja zawodowa i społeczna', en: 'Vocational and social reintegration' },
} as const;
export type ServiceArea = keyof typeof serviceAreas;
export const serviceAreaKeys = Object.keys(serviceAreas) as [ServiceArea, ...ServiceArea[]];
export const ServiceAreaKey = z.enum(serviceAreaKeys);

type TypeEntry = { pl: string; en: string; area: ServiceArea };

export const serviceTypes = {
  // Polityka prorodzinna
  karta_duzej_rodziny: { pl: 'Karta Dużej Rodziny', en: 'Large Family Card', area: 'polityka_prorodzinna' },
  wsparcie_okoloporodowe: {
    pl: 'Wsparcie rodzin z małymi dziećmi (okołoporodowe)',
    en: 'Support for families with infants (perinatal)',
    area: 'polityka_prorodzinna',
  },
  opieka_do_lat_3: {
    pl: 'Opieka nad dziećmi do lat 3 (żłobek, klub dziecięcy)',
    en: 'Childcare under 3 (nursery, toddler club)',
    area: 'polityka_prorodzinna',
  },
  // Wspieranie rodziny
  asystent_rodziny: { pl: 'Asystent rodziny', en: 'Family assistant', area: 'wspieranie_rodziny' },
  placowka_wsparcia_dziennego: {
    pl: 'Placówka wsparcia dziennego (świetlica)',
    en: 'Day-support centre for children',
    area: 'wspieranie_rodziny',
  },
  poradnictwo_rodzinne: { pl: 'Poradnictwo rodzinne', en: 'Family counselling', area: 'wspieranie_rodziny' },
  terapia_rodzinna: { pl: 'Terapia rodzinna', en: 'Family therapy', area: 'wspieranie_rodziny' },
  mediacje: { pl: 'Mediacje rodzinne', en: 'Family mediation', area: 'wspieranie_rodziny' },
  umiejetnosci_rodzicielskie: {
    pl: 'Warsztaty umiejętności rodzicielskich',
    en: 'Parenting skills workshops',
    area: 'wspieranie_rodziny',
  },
  rodzina_wspierajaca: { pl: 'Rodzina wspierająca', en: 'Supporting family', area: 'wspieranie_rodziny' },
  // Piecza zastępcza
  rodzinna_piecza: {
    pl: 'Rodzinna piecza zastępcza',
    en: 'Family foster care',
    area: 'piecza_zastepcza',
  },
  placowka_opiekunczo_wychowawcza: {
    pl: 'Placówka opiekuńczo-wychowawcza',
    en: 'Residential childcare institution',
    area: 'piecza_zastepcza',
  },
  usamodzielnienie: {
    pl: 'Usamodzielnianie wychowanków pieczy zastępczej',
    en: 'Support for care leavers',
    area: 'piecza_zastepcza',
  },
  // Pomoc społeczna
  praca_socjalna: { pl: 'Praca socjalna', en: 'Social work', area: 'pomoc_spoleczna' },
  uslugi_opiekuncze: { pl: 'Usługi opiekuńcze', en: 'Care services', area: 'pomoc_spoleczna' },
  specjalistyczne_uslugi_opiekuncze: {
    pl: 'Specjalistyczne usługi opiekuńcze',
    en: 'Specialised care services',
    area: 'pomoc_spoleczna',
  },
  poradnictwo_specjalistyczne: {
    pl: 'Poradnictwo specjalistyczne (prawne, psychologiczne)',
    en: 'Specialised counselling (legal, psychological)',
    area: 'pomoc_spoleczna',
  },
  interwencja_kryzysowa: { pl: 'Interwencja kryzysowa', en: 'Crisis intervention', area: 'pomoc_spoleczna' },
  przeciwdzialanie_przemocy: {
    pl: 'Pomoc osobom doznającym przemocy domowej',
    en: 'Help for people experiencing domestic violence',
    area: 'pomoc_spoleczna',
  },
  dzienny_dom_pomocy: {
    pl: 'Dzienny dom pomocy / dom seniora',
    en: 'Day care centre for seniors',
    area: 'pomoc_spoleczna',
  },
  dom_pomocy_spolecznej: {
    pl: 'Dom pomocy społecznej',
    en: 'Residential care home',
    area: 'pomoc_spoleczna',
  },
  schronienie: {
    pl: 'Schronisko, noclegownia, ogrzewalnia',
    en: 'Shelter, night shelter, warming centre',
    area: 'pomoc_spoleczna',
  },
  asystent_bezdomnosc: {
    pl: 'Asystent osoby w kryzysie bezdomności',
    en: 'Assistant for people experiencing homelessness',
    area: 'pomoc_spoleczna',
  },
  pomoc_zywnosciowa: {
    pl: 'Pomoc żywnościowa i rzeczowa',
    en: 'Food and material aid',
    area: 'pomoc_spoleczna',
  },
  // Zdrowie
  terapia_uzaleznien: { pl: 'Terapia uzależnień', en: 'Addiction therapy', area: 'zdrowie' },
  wsparcie_psychologiczne: {
    pl: 'Wsparcie psychologiczne i psychoterapia',
    en: 'Psychological support and psychotherapy',
    area: 'zdrowie',
  },
  zdrowie_psychiczne: {
    pl: 'Środowiskowa opieka psychiatryczna (centrum zdrowia psychicznego)',
    en: 'Community mental health care',
    area: 'zdrowie',
  },
  profilaktyka: {
    pl: 'Profilaktyka i promocja zdrowia',
    en: 'Prevention and health promotion',
    area: 'zdrowie',
  },
  rehabilitacja: { pl: 'Rehabilitacja', en: 'Rehabilitation', area: 'zdrowie' },
  opieka_dlugoterminowa: {
    pl: 'Opieka długoterminowa i paliatywna',
    en: 'Long-term and palliative care',
    area: 'zdrowie',
  },
  // Niepełnosprawność
  asystencja_osobista: {
    pl: 'Asystencja osobista osoby z niepełnosprawnością',
    en: 'Personal assistance for persons with disabilities',
    area: 'niepelnosprawnosc',
  },
  opieka_wytchnieniowa: { pl: 'Opieka wytchnieniowa', en: 'Respite care', area: 'niepelnosprawnosc' },
  srodowiskowy_dom_samopomocy: {
    pl: 'Środowiskowy dom samopomocy (ŚDS)',
    en: 'Community self-help centre',
    area: 'niepelnosprawnosc',
  },
  terapia_zajeciowa: {
    pl: 'Warsztat terapii zajęciowej (WTZ)',
    en: 'Occupational therapy workshop',
    area: 'niepelnosprawnosc',
  },
  dofinansowanie_pfron: {
    pl: 'Dofinansowanie ze środków PFRON (sprzęt, bariery)',
    en: 'PFRON funding (equipment, barriers)',
    area: 'niepelnosprawnosc',
  },
  transport_door_to_door: {
    pl: 'Transport „od drzwi do drzwi”',
    en: 'Door-to-door transport',
    area: 'niepelnosprawnosc',
  },
  // Edukacja
  pomoc_psychologiczno_pedagogiczna: {
    pl: 'Pomoc psychologiczno-pedagogiczna',
    en: 'Psychological and educational support',
    area: 'edukacja',
  },
  wczesne_wspomaganie: {
    pl: 'Wczesne wspomaganie rozwoju dziecka',
    en: 'Early childhood development support',
    area: 'edukacja',
  },
  zajecia_wyrownawcze: {
    pl: 'Zajęcia wyrównawcze i korepetycje',
    en: 'Remedial classes and tutoring',
    area: 'edukacja',
  },
  doradztwo_edukacyjno_zawodowe: {
    pl: 'Doradztwo edukacyjno-zawodowe',
    en: 'Educational and career guidance',
    area: 'edukacja',
  },
  // Przeciwdziałanie bezrobociu
  posrednictwo_pracy: { pl: 'Pośrednictwo pracy', en: 'Job placement', area: 'bezrobocie' },
  poradnictwo_zawodowe: { pl: 'Poradnictwo zawodowe', en: 'Career counselling', area: 'bezrobocie' },
  staze: { pl: 'Staże i praktyki zawodowe', en: 'Traineeships and work placements', area: 'bezrobocie' },
  szkolenia: {
    pl: 'Kursy i szkolenia zawodowe',
    en: 'Courses and vocational training',
    area: 'bezrobocie',
  },
  zatrudnienie_subsydiowane: {
    pl: 'Zatrudnienie subsydiowane, prace społecznie użyteczne',
    en: 'Subsidised employment, socially useful work',
    area: 'bezrobocie',
  },
  // Kultura
  zajecia_kulturalne: {
    pl: 'Zajęcia kulturalne i artystyczne',
    en: 'Cultural and art activities',
    area: 'kultura',
  },
  biblioteka: { pl: 'Biblioteka i czytelnictwo', en: 'Library and reading', area: 'kultura' },
  // Kultura fizyczna i turystyka
  zajecia_sportowe: {
    pl: 'Zajęcia sportowe i rekreacyjne',
    en: 'Sport and recreation',
    area: 'sport_turystyka',
  },
  wypoczynek_dzieci: {
    pl: 'Wypoczynek letni i zimowy dzieci',
    en: 'Summer and winter holidays for children',
    area: 'sport_turystyka',
  },
  // Aktywność obywatelska
  wolontariat: { pl: 'Wolontariat', en: 'Volunteering', area: 'aktywnosc_obywatelska' },
  klub_seniora: {
    pl: 'Klub seniora, centrum aktywności lokalnej',
    en: 'Senior club, local activity centre',
    area: 'aktywnosc_obywatelska',
  },
  grupa_wsparcia: {
    pl: 'Grupa wsparcia, grupa samopomocowa',
    en: 'Support group, self-help group',
    area: 'aktywnosc_obywatelska',
  },
  program_aktywnosci_lokalnej: {
    pl: 'Program aktywności lokalnej',
    en: 'Local activity programme',
    area: 'aktywnosc_obywatelska',
  },
  // Mieszkalnictwo
  mieszkanie_treningowe: { pl: 'Mieszkanie treningowe', en: 'Training flat', area: 'mieszkalnictwo' },
  mieszkanie_wspomagane: {
    pl: 'Mieszkanie wspomagane (wspierane, chronione)',
    en: 'Supported (sheltered) flat',
    area: 'mieszkalnictwo',
  },
  lokal_socjalny: {
    pl: 'Lokal socjalny, mieszkanie komunalne',
    en: 'Social or municipal housing',
    area: 'mieszkalnictwo',
  },
  dodatek_mieszkaniowy: {
    pl: 'Dodatek mieszkaniowy i energetyczny',
    en: 'Housing and energy allowance',
    area: 'mieszkalnictwo',
  },
  // Ochrona środowiska
  edukacja_ekologiczna: { pl: 'Edukacja ekologiczna', en: 'Environmental education', area: 'srodowisko' },
  wymiana_zrodel_ciepla: {
    pl: 'Pomoc w wymianie źródła ciepła („Czyste Powietrze”)',
    en: 'Help replacing heating (“Clean Air”)',
    area: 'srodowisko',
  },
  // Reintegracja zawodowa i społeczna
  centrum_integracji_spolecznej: {
    pl: 'Centrum integracji społecznej (CIS)',
    en: 'Social integration centre (CIS)',
    area: 'reintegracja',
  },
  klub_integracji_spolecznej: {
    pl: 'Klub integracji społecznej (KIS)',
    en: 'Social integration club (KIS)',
    area: 'reintegracja',
  },
  zatrudnienie_wspierane: {
    pl: 'Zatrudnienie wspierane, trener pracy',
    en: 'Supported employment, job coach',
    area: 'reintegracja',
  },
  zaklad_aktywnosci_zawodowej: {
    pl: 'Zakład aktywności zawodowej (ZAZ)',
    en: 'Vocational activity establishment',
    area: 'reintegracja',
  },
  spoldzielnia_socjalna: {
    pl: 'Spółdzielnia socjalna, przedsiębiorstwo społeczne',
    en: 'Social cooperative, social enterprise',
    area: 'reintegracja',
  },
  asystent_po_zk: {
    pl: 'Asystent osoby opuszczającej zakład karny',
    en: 'Assistant for people leaving prison',
    area: 'reintegracja',
  },
} as const satisfies Record<string, TypeEntry>;
export type ServiceType = keyof typeof serviceTypes;
export const serviceTypeKeys = Object.keys(serviceTypes) as [ServiceType, ...ServiceType[]];
export const ServiceTypeKey = z.enum(serviceTypeKeys);

/** The service types of one area, in dictionary order. */
export function serviceTypesOfArea(area: ServiceArea): ServiceType[] {
  return serviceTypeKeys.filter((k) => serviceTypes[k].area === area);
}

export const targetGroups = {
  rodziny_z_dziecmi: { pl: 'Rodziny z dziećmi', en: 'Families with children' },
  rodziny_wielodzietne: { pl: 'Rodziny wielodzietne', en: 'Large families' },
  rodziny_w_kryzysie: {
    pl: 'Rodziny z trudnościami opiekuńczo-wychowawczymi',
    en: 'Families with parenting difficulties',
  },
  dzieci: { pl: 'Dzieci', en: 'Children' },
  mlodziez: { pl: 'Młodzież', en: 'Young people' },
  opuszczajacy_piecze: {
    pl: 'Osoby opuszczające pieczę zastępczą',
    en: 'Care leavers',
  },
  osoby_z_niepelnosprawnosciami: { pl: 'Osoby z niepełnosprawnościami', en: 'Persons with disabilities' },
  osoby_z_zaburzeniami_psychicznymi: {
    pl: 'Osoby z zaburzeniami psychicznymi',
    en: 'Persons with mental disorders',
  },
  seniorzy: { pl: 'Seniorzy', en: 'Older people' },
  opiekunowie: { pl: 'Opiekunowie osób zależnych', en: 'Carers of dependent persons' },
  osoby_bezrobotne: { pl: 'Osoby bezrobotne', en: 'Unemployed people' },
  osoby_w_kryzysie_bezdomnosci: {
    pl: 'Osoby w kryzysie bezdomności',
    en: 'People experiencing homelessness',
  },
  osoby_uzaleznione: {
    pl: 'Osoby uzależnione i ich bliscy',
    en: 'People with addictions and their families',
  },
  osoby_doznajace_przemocy: { pl: 'Osoby doznające przemocy', en: 'People experiencing violence' },
  osoby_stosujace_przemoc: { pl: 'Osoby stosujące przemoc', en: 'Perpetrators of violence' },
  osoby_opuszczajace_zk: { pl: 'Osoby opuszczające zakład karny', en: 'People leaving prison' },
  osoby_ubogie: {
    pl: 'Osoby w trudnej sytuacji materialnej',
    en: 'People in financial hardship',
  },
  cudzoziemcy: { pl: 'Cudzoziemcy', en: 'Foreigners' },
  wszyscy_mieszkancy: { pl: 'Wszyscy mieszkańcy', en: 'All residents' },
} as const;
export type TargetGroup = keyof typeof targetGroups;
export const targetGroupKeys = Object.keys(targetGroups) as [TargetGroup, ...TargetGroup[]];
export const TargetGroupKey = z.enum(targetGroupKeys);

/**
 * Folds text for matching labels the way `search_text()` folds it in the database: lower case,
 * without diacritics ("Mieszkań" → "mieszkan", "Łódź" → "lodz").
 */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .replaceAll('ł', 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Service types whose own label or area label (pl or en) contains the word (folded). */
export function serviceTypesMatching(word: string): ServiceType[] {
  const w = foldText(word);
  if (!w) return [];
  return serviceTypeKeys.filter((k) => {
    const t = serviceTypes[k];
    const area = serviceAreas[t.area];
    return [t.pl, t.en, area.pl, area.en].some((label) => foldText(label).includes(w));
  });
}

/** Target groups whose label (pl or en) contains the word (folded). */
export function targetGroupsMatching(word: string): TargetGroup[] {
  const w = foldText(word);
  if (!w) return [];
  return targetGroupKeys.filter((k) =>
    [targetGroups[k].pl, targetGroups[k].en].some((label) => foldText(label).includes(w)),
  );
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));

/** A phone number: digits with optional +, spaces, dashes and brackets; 9 to 15 digits. */
export const ServicePhone = z
  .string()
  .trim()
  .max(40)
  .refine((s) => s === '' || /^\+?[\d\s\-()]+$/.test(s), { message: 'phone.invalid' })
  .refine(
    (s) => {
      const digits = s.replace(/\D/g, '').length;
      return s === '' || (digits >= 9 && digits <= 15);
    },
    { message: 'phone.invalid' },
  )
  .nullable()
  .optional()
  .transform((s) => (s ? s : null));

const places = z
  .number()
  .int()
  .min(0)
  .max(100_000)
  .nullable()
  .optional()
  .transform((n) => n ?? null);

/** What an institution enters for one of its services. */
export const ServiceInput = z
  .object({
    name: z.string().trim().min(3).max(200),
    serviceType: ServiceTypeKey,
    targetGroups: z
      .array(TargetGroupKey)
      .max(20)
      .default([])
      .transform((a) => [...new Set(a)]),
    description: optionalText(4000),
    eligibility: optionalText(2000),
    capacity: places,
    freePlaces: places,
    hours: optionalText(500),
    howToRefer: optionalText(2000),
    contactName: optionalText(200),
    contactPhone: ServicePhone,
    contactEmail: z
      .union([z.literal(''), z.email({ message: 'email.invalid' }).max(254)])
      .nullable()
      .optional()
      .transform((s) => (s ? s.toLowerCase() : null)),
    /** Where the service is delivered: a gmina (7-digit TERYT code). */
    teryt: z.string().regex(/^\d{7}$/, { message: 'territory.gminaRequired' }),
    address: optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (v.freePlaces !== null && v.capacity === null) {
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'service.capacityRequired' });
    }
    if (v.freePlaces !== null && v.capacity !== null && v.freePlaces > v.capacity) {
      ctx.addIssue({ code: 'custom', path: ['freePlaces'], message: 'service.freePlacesOverCapacity' });
    }
  });
export type ServiceInput = z.input<typeof ServiceInput>;
export type ServiceValues = z.output<typeof ServiceInput>;

/** A change of a service: the record and the version it was loaded with (stale → 409). */
export const ServiceUpdate = z.object({ service: ServiceInput, version: z.number().int() });
export type ServiceUpdate = z.input<typeof ServiceUpdate>;

/** Deactivate (the service is no longer offered) or activate again. */
export const ServiceActiveChange = z.object({ active: z.boolean(), version: z.number().int() });
export type ServiceActiveChange = z.input<typeof ServiceActiveChange>;

export const ServiceInstitution = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.string(),
  sector: SectorKey,
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ServiceInstitution = z.infer<typeof ServiceInstitution>;

export const Service = z.object({
  id: z.uuid(),
  institution: ServiceInstitution,
  name: z.string(),
  serviceType: ServiceTypeKey,
  area: ServiceAreaKey,
  targetGroups: z.array(TargetGroupKey),
  description: z.string().nullable(),
  eligibility: z.string().nullable(),
  capacity: z.number().int().nullable(),
  freePlaces: z.number().int().nullable(),
  hours: z.string().nullable(),
  howToRefer: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  teryt: z.string(),
  /** Name of the gmina (from TERYT). */
  unitName: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  /** Optimistic concurrency: send it back with a change; a stale version answers 409. */
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean() }),
});
export type Service = z.infer<typeof Service>;

/** Filters shared by the list and the map. */
const serviceFilters = {
  /** A need or words: the service's name and description, its type and area, target groups, the institution. */
  q: z.string().trim().max(100).optional(),
  type: ServiceTypeKey.optional(),
  area: ServiceAreaKey.optional(),
  targetGroup: TargetGroupKey.optional(),
  /** A województwo, powiat or gmina: services delivered anywhere inside it. */
  teryt: TerytCode.optional(),
  /** The sector of the institution that offers the service. */
  sector: SectorKey.optional(),
  institutionId: z.uuid().optional(),
  /** Only services with at least one free place. */
  freeOnly: z.enum(['true', 'false']).default('false'),
  active: z.enum(['true', 'false', 'all']).default('true'),
};

export const ServiceSearchQuery = z.object({
  ...serviceFilters,
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ServiceSearchQuery = z.infer<typeof ServiceSearchQuery>;

export const ServiceMapQuery = z.object(serviceFilters);
export type ServiceMapQuery = z.infer<typeof ServiceMapQuery>;

export const ServiceList = z.object({
  total: z.number().int(),
  items: z.array(Service),
  /** `create`: the user may add services of the active institution. */
  abilities: z.object({ create: z.boolean() }),
});
export type ServiceList = z.infer<typeof ServiceList>;

/** Services per gmina for the choropleth: how many match and how many free places they have. */
export const ServiceMapCounts = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      teryt: z.string(),
      /** Name of the gmina (from TERYT). */
      name: z.string().nullable(),
      count: z.number().int(),
      /** Sum of the free places of the services that state them. */
      freePlaces: z.number().int(),
    }),
  ),
});
export type ServiceMapCounts = z.infer<typeof ServiceMapCounts>;
