/**
 * Dictionaries of the client dimension (issue "Persons, families and cases"). Keys are stable codes
 * stored in the database; labels may change with the law. See DOMAIN.md §3.
 */

type Labels = { pl: string; en: string };

/** Reasons for assistance, art. 7 ustawy o pomocy społecznej (point 10 repealed; the list is open). */
export const assistanceReasons = {
  '1': { pl: 'Ubóstwo', en: 'Poverty' },
  '2': { pl: 'Sieroctwo', en: 'Orphanhood' },
  '3': { pl: 'Bezdomność', en: 'Homelessness' },
  '4': { pl: 'Bezrobocie', en: 'Unemployment' },
  '5': { pl: 'Niepełnosprawność', en: 'Disability' },
  '6': { pl: 'Długotrwała lub ciężka choroba', en: 'Long-term or serious illness' },
  '7': { pl: 'Przemoc domowa', en: 'Domestic violence' },
  '7a': { pl: 'Potrzeba ochrony ofiar handlu ludźmi', en: 'Protection of victims of human trafficking' },
  '8': {
    pl: 'Potrzeba ochrony macierzyństwa lub wielodzietności',
    en: 'Protection of maternity or large family',
  },
  '9': {
    pl: 'Bezradność w sprawach opiekuńczo-wychowawczych i prowadzenia gospodarstwa domowego',
    en: 'Helplessness in upbringing and running a household',
  },
  '11': { pl: 'Trudności w integracji cudzoziemców', en: 'Difficulties in the integration of foreigners' },
  '12': {
    pl: 'Trudności w przystosowaniu do życia po zwolnieniu z zakładu karnego',
    en: 'Difficulties in adapting to life after release from prison',
  },
  '13': { pl: 'Alkoholizm lub narkomania', en: 'Alcohol or drug addiction' },
  '14': { pl: 'Zdarzenie losowe i sytuacja kryzysowa', en: 'Random event and crisis' },
  '15': { pl: 'Klęska żywiołowa lub ekologiczna', en: 'Natural or ecological disaster' },
} as const satisfies Record<string, Labels>;
export type AssistanceReason = keyof typeof assistanceReasons;

/** How a case came in. */
export const caseSources = {
  wniosek_wlasny: { pl: 'Wniosek własny', en: 'Own request' },
  zgloszenie_instytucji: { pl: 'Zgłoszenie instytucji', en: 'Report from an institution' },
  skierowanie: { pl: 'Skierowanie', en: 'Referral' },
  sad: { pl: 'Sąd', en: 'Court' },
  policja: { pl: 'Policja', en: 'Police' },
  szkola: { pl: 'Szkoła / placówka oświatowa', en: 'School' },
  ochrona_zdrowia: { pl: 'Ochrona zdrowia', en: 'Health care' },
  z_urzedu: { pl: 'Z urzędu (informacja pracownika)', en: 'Ex officio' },
  inne: { pl: 'Inne', en: 'Other' },
} as const satisfies Record<string, Labels>;
export type CaseSource = keyof typeof caseSources;

export const caseStatuses = {
  zgloszenie: { pl: 'Zgłoszenie', en: 'Intake' },
  diagnoza: { pl: 'Diagnoza', en: 'Diagnosis' },
  plan: { pl: 'Plan', en: 'Planning' },
  realizacja: { pl: 'Realizacja', en: 'Implementation' },
  monitorowanie: { pl: 'Monitorowanie', en: 'Monitoring' },
  zamknieta: { pl: 'Zamknięta', en: 'Closed' },
} as const satisfies Record<string, Labels>;
export type CaseStatus = keyof typeof caseStatuses;
export const caseStatusKeys = Object.keys(caseStatuses) as [CaseStatus, ...CaseStatus[]];

/**
 * The status flow. Forward one step, back one step (a plan that needs a new diagnosis), closure from
 * any open status, reopening a closed case to diagnosis. Anything else is refused with a reason.
 */
export const caseTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  zgloszenie: ['diagnoza', 'zamknieta'],
  diagnoza: ['plan', 'zgloszenie', 'zamknieta'],
  plan: ['realizacja', 'diagnoza', 'zamknieta'],
  realizacja: ['monitorowanie', 'plan', 'zamknieta'],
  monitorowanie: ['realizacja', 'zamknieta'],
  zamknieta: ['diagnoza'],
};

/** Why a transition is refused, as a message key (null when allowed). */
export function transitionRefusal(
  from: CaseStatus,
  to: CaseStatus,
  facts: { hasDiagnosis: boolean; hasActivePlan: boolean },
): string | null {
  if (from === to) return 'case.transition.same';
  if (!caseTransitions[from].includes(to)) return 'case.transition.notAllowed';
  if (to === 'plan' && !facts.hasDiagnosis) return 'case.transition.needsDiagnosis';
  if (to === 'realizacja' && from === 'plan' && !facts.hasActivePlan) return 'case.transition.needsPlan';
  return null;
}

export const closureReasons = {
  cel_osiagniety: { pl: 'Cel osiągnięty', en: 'Goal achieved' },
  czesciowo_osiagniety: { pl: 'Cel częściowo osiągnięty', en: 'Goal partly achieved' },
  rezygnacja: { pl: 'Rezygnacja osoby / rodziny', en: 'Withdrawn by the client' },
  brak_wspolpracy: { pl: 'Brak współpracy', en: 'No cooperation' },
  przeprowadzka: { pl: 'Zmiana miejsca zamieszkania', en: 'Moved away' },
  przekazanie: { pl: 'Przekazanie do innej instytucji', en: 'Transferred to another institution' },
  zgon: { pl: 'Zgon', en: 'Death' },
  inne: { pl: 'Inne', en: 'Other' },
} as const satisfies Record<string, Labels>;
export type ClosureReason = keyof typeof closureReasons;

/** Individual plans are one concept with types (DOMAIN.md §3). */
export const planTypes = {
  kontrakt_socjalny: { pl: 'Kontrakt socjalny', en: 'Social contract' },
  plan_pomocy: { pl: 'Plan pomocy', en: 'Assistance plan' },
  ipw: { pl: 'Indywidualny Program Współpracy (IPW)', en: 'Individual Cooperation Programme (IPW)' },
  ipus: { pl: 'Indywidualny plan usług społecznych (IPUS)', en: 'Individual social services plan (IPUS)' },
  ipzs: {
    pl: 'Indywidualny program zatrudnienia socjalnego (IPZS)',
    en: 'Individual social employment programme (IPZS)',
  },
  sciezka_reintegracji: { pl: 'Ścieżka reintegracji', en: 'Reintegration path' },
  plan_pracy_z_rodzina: { pl: 'Plan pracy z rodziną', en: 'Family work plan' },
  program_wychodzenia_z_bezdomnosci: {
    pl: 'Indywidualny program wychodzenia z bezdomności',
    en: 'Individual programme for leaving homelessness',
  },
} as const satisfies Record<string, Labels>;
export type PlanType = keyof typeof planTypes;

/** Variants of the kontrakt socjalny (regulation of 8 Nov 2010). */
export const contractVariants = {
  A: { pl: 'A — przezwyciężenie trudnej sytuacji życiowej', en: 'A — overcoming a difficult life situation' },
  B: {
    pl: 'B — wzmocnienie aktywności życiowej i zawodowej / przeciwdziałanie wykluczeniu',
    en: 'B — strengthening life and vocational activity / counteracting exclusion',
  },
} as const satisfies Record<string, Labels>;
export type ContractVariant = keyof typeof contractVariants;

export const planStatuses = {
  projekt: { pl: 'Projekt', en: 'Draft' },
  aktywny: { pl: 'W realizacji', en: 'Active' },
  zakonczony: { pl: 'Zakończony', en: 'Completed' },
  przerwany: { pl: 'Przerwany', en: 'Discontinued' },
} as const satisfies Record<string, Labels>;
export type PlanStatus = keyof typeof planStatuses;

export const actionStatuses = {
  zaplanowane: { pl: 'Zaplanowane', en: 'Planned' },
  w_toku: { pl: 'W toku', en: 'In progress' },
  wykonane: { pl: 'Wykonane', en: 'Done' },
  niewykonane: { pl: 'Niewykonane', en: 'Not done' },
} as const satisfies Record<string, Labels>;
export type ActionStatus = keyof typeof actionStatuses;

/** Who carries out a plan action: an institution (with a person) or the client themself. */
export const actionParties = {
  instytucja: { pl: 'Instytucja', en: 'Institution' },
  klient: { pl: 'Osoba / rodzina (zobowiązanie klienta)', en: 'Client (own commitment)' },
} as const satisfies Record<string, Labels>;
export type ActionParty = keyof typeof actionParties;

/** Relation of a household member to the head of the household. */
export const householdRelations = {
  glowa: { pl: 'Osoba prowadząca gospodarstwo', en: 'Head of household' },
  malzonek: { pl: 'Małżonek / małżonka', en: 'Spouse' },
  partner: { pl: 'Partner / partnerka', en: 'Partner' },
  dziecko: { pl: 'Dziecko', en: 'Child' },
  pasierb: { pl: 'Pasierb / pasierbica', en: 'Stepchild' },
  rodzic: { pl: 'Rodzic', en: 'Parent' },
  tesc: { pl: 'Teść / teściowa', en: 'Parent-in-law' },
  rodzenstwo: { pl: 'Rodzeństwo', en: 'Sibling' },
  wnuk: { pl: 'Wnuk / wnuczka', en: 'Grandchild' },
  dziadek: { pl: 'Dziadek / babcia', en: 'Grandparent' },
  inny_krewny: { pl: 'Inny krewny', en: 'Other relative' },
  niespokrewniony: { pl: 'Osoba niespokrewniona', en: 'Unrelated person' },
} as const satisfies Record<string, Labels>;
export type HouseholdRelation = keyof typeof householdRelations;

/** Kinds of timeline entries; the `system` ones are written by the product, not typed by a user. */
export const timelineKinds = {
  wizyta: { pl: 'Wizyta w miejscu zamieszkania', en: 'Home visit', system: false },
  rozmowa: { pl: 'Rozmowa', en: 'Conversation', system: false },
  telefon: { pl: 'Rozmowa telefoniczna', en: 'Phone call', system: false },
  notatka: { pl: 'Notatka', en: 'Note', system: false },
  dokument: { pl: 'Dokument', en: 'Document', system: false },
  status: { pl: 'Zmiana statusu', en: 'Status change', system: true },
  diagnoza: { pl: 'Diagnoza', en: 'Diagnosis', system: true },
  plan: { pl: 'Plan', en: 'Plan', system: true },
  wspolpraca: { pl: 'Współpraca z instytucjami', en: 'Cooperation with institutions', system: true },
} as const satisfies Record<string, Labels & { system: boolean }>;
export type TimelineKind = keyof typeof timelineKinds;
export const userTimelineKinds = (Object.keys(timelineKinds) as TimelineKind[]).filter(
  (k) => !timelineKinds[k].system,
) as [TimelineKind, ...TimelineKind[]];

/** Degree of disability (orzeczenie o stopniu niepełnosprawności). */
export const disabilityLevels = {
  brak: { pl: 'Brak orzeczenia', en: 'No certificate' },
  lekki: { pl: 'Stopień lekki', en: 'Mild' },
  umiarkowany: { pl: 'Stopień umiarkowany', en: 'Moderate' },
  znaczny: { pl: 'Stopień znaczny', en: 'Severe' },
  rownowazne: { pl: 'Orzeczenie równoważne (ZUS, KRUS, dziecko do 16 lat)', en: 'Equivalent certificate' },
} as const satisfies Record<string, Labels>;
export type DisabilityLevel = keyof typeof disabilityLevels;

/** Identifiers of a person without a PESEL. */
export const otherIdTypes = {
  paszport: { pl: 'Paszport', en: 'Passport' },
  dowod_zagraniczny: { pl: 'Dokument tożsamości innego państwa', en: 'Foreign identity document' },
  karta_pobytu: { pl: 'Karta pobytu', en: 'Residence card' },
  brak: { pl: 'Brak dokumentu', en: 'No document' },
} as const satisfies Record<string, Labels>;
export type OtherIdType = keyof typeof otherIdTypes;

/** Sections of the multidimensional diagnosis (Liderzy kooperacji workshops, four areas). */
export const diagnosisAreas = {
  causes: { pl: 'Przyczyny i źródła trudnej sytuacji', en: 'Causes and sources of the difficulty' },
  strengths: { pl: 'Mocne strony', en: 'Strengths' },
  weaknesses: { pl: 'Słabe strony', en: 'Weaknesses' },
  resources: { pl: 'Zasoby', en: 'Resources' },
  deficits: { pl: 'Deficyty', en: 'Deficits' },
  expectations: { pl: 'Oczekiwania', en: 'Expectations' },
  needs: { pl: 'Potrzeby', en: 'Needs' },
} as const satisfies Record<string, Labels>;
export type DiagnosisArea = keyof typeof diagnosisAreas;

/** Optional parts of the rodzinny wywiad środowiskowy (Dz.U. 2021 poz. 893). */
export const interviewSections = {
  material: { pl: 'Sytuacja materialna', en: 'Material situation' },
  housing: { pl: 'Sytuacja mieszkaniowa', en: 'Housing' },
  health: { pl: 'Sytuacja zdrowotna', en: 'Health' },
  work: { pl: 'Sytuacja zawodowa', en: 'Work' },
  family: { pl: 'Relacje rodzinne', en: 'Family relations' },
  upbringing: { pl: 'Sytuacja opiekuńczo-wychowawcza', en: 'Upbringing' },
  addiction: { pl: 'Uzależnienia', en: 'Addiction' },
  violence: { pl: 'Przesłanki wystąpienia przemocy domowej', en: 'Indications of domestic violence' },
} as const satisfies Record<string, Labels>;
export type InterviewSection = keyof typeof interviewSections;

/** The RWŚ must be carried out within 14 days of learning of the need (DOMAIN.md §3). */
export const INTERVIEW_DEADLINE_DAYS = 14;

export const keysOf = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
