/**
 * Dictionaries of recruitment and participants (DOMAIN.md §4, docs/recruitment.md,
 * docs/participants.md). The keys are what the database stores; the labels are what the UI and
 * the SM EFS export show. The Polish labels of the SM EFS dictionaries are the monitoring system's
 * own words.
 */

type Labels = { pl: string; en: string };

/** Kinds of application form a call can take (seed 004). */
export const applicationFormKinds = {
  wsparcie: { pl: 'Formularz zgłoszenia na formy wsparcia', en: 'Application for support' },
  dzialania: {
    pl: 'Formularz zgłoszenia na działania niebędące wsparciem',
    en: 'Application for activities that are not support',
  },
  doradztwo: { pl: 'Zapotrzebowanie na usługi doradcze', en: 'Demand for advisory services' },
} as const satisfies Record<string, Labels>;
export type ApplicationFormKind = keyof typeof applicationFormKinds;

export const callStatuses = {
  projekt: { pl: 'Projekt', en: 'Draft' },
  otwarty: { pl: 'Otwarty', en: 'Open' },
  zamkniety: { pl: 'Zamknięty', en: 'Closed' },
  rozstrzygniety: { pl: 'Rozstrzygnięty', en: 'Decided' },
} as const satisfies Record<string, Labels>;
export type CallStatus = keyof typeof callStatuses;

export const applicationChannels = {
  online: { pl: 'Formularz internetowy', en: 'Online form' },
  papier: { pl: 'Wersja papierowa', en: 'Paper' },
} as const satisfies Record<string, Labels>;
export type ApplicationChannel = keyof typeof applicationChannels;

export const applicationStatuses = {
  zlozone: { pl: 'Złożone', en: 'Submitted' },
  w_weryfikacji: { pl: 'W weryfikacji', en: 'Being verified' },
  zakwalifikowane: { pl: 'Zakwalifikowane', en: 'Qualified' },
  rezerwa: { pl: 'Lista rezerwowa', en: 'Reserve list' },
  odrzucone: { pl: 'Odrzucone', en: 'Rejected' },
  wycofane: { pl: 'Wycofane', en: 'Withdrawn' },
  przyjete: { pl: 'Przyjęte do projektu', en: 'Enrolled' },
} as const satisfies Record<string, Labels>;
export type ApplicationStatus = keyof typeof applicationStatuses;

export const tieBreakRules = {
  kolejnosc_zgloszen: {
    pl: 'Kolejność zgłoszeń (wcześniejsze wyżej)',
    en: 'Order of applications (earlier first)',
  },
  starszy_wiek: { pl: 'Starszy wiek wyżej', en: 'Older applicant first' },
  mlodszy_wiek: { pl: 'Młodszy wiek wyżej', en: 'Younger applicant first' },
} as const satisfies Record<string, Labels>;
export type TieBreakRule = keyof typeof tieBreakRules;

/** Tri-state answers of the sensitive characteristics (SM EFS). */
export const triState = {
  tak: { pl: 'Tak', en: 'Yes' },
  nie: { pl: 'Nie', en: 'No' },
  odmowa: { pl: 'Odmowa podania informacji', en: 'Refused to answer' },
} as const satisfies Record<string, Labels>;
export type TriState = keyof typeof triState;

/** Education as ISCED groups, with the SM EFS labels. */
export const iscedGroups = {
  isced_0: { pl: 'Brak (ISCED 0)', en: 'None (ISCED 0)' },
  isced_1: { pl: 'Podstawowe (ISCED 1)', en: 'Primary (ISCED 1)' },
  isced_2: { pl: 'Gimnazjalne (ISCED 2)', en: 'Lower secondary (ISCED 2)' },
  isced_3: { pl: 'Ponadgimnazjalne (ISCED 3)', en: 'Upper secondary (ISCED 3)' },
  isced_4: { pl: 'Policealne (ISCED 4)', en: 'Post-secondary (ISCED 4)' },
  isced_5_8: { pl: 'Wyższe (ISCED 5-8)', en: 'Tertiary (ISCED 5-8)' },
} as const satisfies Record<string, Labels>;
export type IscedGroup = keyof typeof iscedGroups;

/** Labour-market status at entry (SM EFS). */
export const labourStatuses = {
  bezrobotna_zarejestrowana: {
    pl: 'Osoba bezrobotna zarejestrowana w ewidencji urzędów pracy',
    en: 'Unemployed, registered with a labour office',
  },
  bezrobotna_niezarejestrowana: {
    pl: 'Osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy',
    en: 'Unemployed, not registered',
  },
  bierna_zawodowo: { pl: 'Osoba bierna zawodowo', en: 'Economically inactive' },
  pracujaca: { pl: 'Osoba pracująca', en: 'Employed' },
} as const satisfies Record<string, Labels>;
export type LabourStatus = keyof typeof labourStatuses;

/** SM EFS "w tym" beside the labour-market status. */
export const labourStatusDetails = {
  dlugotrwale_bezrobotna: { pl: 'Osoba długotrwale bezrobotna', en: 'Long-term unemployed' },
  inne_bezrobotna: { pl: 'Inne', en: 'Other' },
  uczaca_sie: { pl: 'Osoba ucząca się', en: 'In education' },
  nieuczestniczaca_w_ksztalceniu: {
    pl: 'Osoba nieuczestnicząca w kształceniu lub szkoleniu',
    en: 'Not in education or training',
  },
  inne_bierna: { pl: 'Inne', en: 'Other' },
  samozatrudniona: { pl: 'Osoba prowadząca działalność na własny rachunek', en: 'Self-employed' },
  administracja_publiczna: {
    pl: 'Osoba pracująca w administracji publicznej',
    en: 'Employed in public administration',
  },
  organizacja_pozarzadowa: {
    pl: 'Osoba pracująca w organizacji pozarządowej',
    en: 'Employed in a non-governmental organisation',
  },
  inne_pracujaca: { pl: 'Inne', en: 'Other' },
} as const satisfies Record<string, Labels>;
export type LabourStatusDetail = keyof typeof labourStatusDetails;

/** Which details belong to which status (the form offers only these). */
export const labourStatusDetailsOf: Record<LabourStatus, readonly LabourStatusDetail[]> = {
  bezrobotna_zarejestrowana: ['dlugotrwale_bezrobotna', 'inne_bezrobotna'],
  bezrobotna_niezarejestrowana: ['dlugotrwale_bezrobotna', 'inne_bezrobotna'],
  bierna_zawodowo: ['uczaca_sie', 'nieuczestniczaca_w_ksztalceniu', 'inne_bierna'],
  pracujaca: ['samozatrudniona', 'administracja_publiczna', 'organizacja_pozarzadowa', 'inne_pracujaca'],
};

/** Grounds of the risk of poverty or social exclusion an applicant may declare (eligibility). */
export const povertyGrounds = {
  pomoc_spoleczna: {
    pl: 'Korzystanie ze świadczeń pomocy społecznej (art. 7 ustawy o pomocy społecznej)',
    en: 'Receiving social assistance (art. 7 of the Social Assistance Act)',
  },
  niepelnosprawnosc: { pl: 'Niepełnosprawność', en: 'Disability' },
  rodzina_wielodzietna: {
    pl: 'Rodzina z trojgiem lub więcej dzieci',
    en: 'Family with three or more children',
  },
  piecza_zastepcza: {
    pl: 'Osoba przebywająca w pieczy zastępczej lub ją opuszczająca',
    en: 'In or leaving foster care',
  },
  opuszczajacy_zaklad_karny: {
    pl: 'Osoba opuszczająca zakład karny lub areszt śledczy',
    en: 'Released from prison or custody',
  },
  bezdomnosc: {
    pl: 'Bezdomność lub wykluczenie z dostępu do mieszkań',
    en: 'Homelessness or housing exclusion',
  },
  uzaleznienie: { pl: 'Uzależnienie', en: 'Addiction' },
  ubostwo: { pl: 'Ubóstwo (dochód poniżej kryterium)', en: 'Poverty (income below the threshold)' },
} as const satisfies Record<string, Labels>;
export type PovertyGround = keyof typeof povertyGrounds;

export const participantStatuses = {
  aktywny: { pl: 'W projekcie', en: 'In the project' },
  zakonczony: { pl: 'Zakończył udział', en: 'Left' },
  przerwany: { pl: 'Przerwał udział', en: 'Dropped out' },
} as const satisfies Record<string, Labels>;
export type ParticipantStatus = keyof typeof participantStatuses;

export const participantTypes = {
  indywidualny: { pl: 'Indywidualny', en: 'Individual' },
  pracownik_instytucji: {
    pl: 'Pracownik lub przedstawiciel instytucji/podmiotu',
    en: 'Employee or representative of an institution',
  },
} as const satisfies Record<string, Labels>;
export type ParticipantType = keyof typeof participantTypes;

/** DEGURBA, the degree of urbanisation of the gmina of residence. */
export const degurbaLevels = {
  1: { pl: 'Miasta (1)', en: 'Cities (1)' },
  2: { pl: 'Małe miasta i przedmieścia (2)', en: 'Towns and suburbs (2)' },
  3: { pl: 'Obszary wiejskie (3)', en: 'Rural areas (3)' },
} as const satisfies Record<number, Labels>;
export type DegurbaLevel = 1 | 2 | 3;

/** The situation of a person on leaving the project (SM EFS). */
export const exitSituations = {
  kontynuuje_ksztalcenie: {
    pl: 'Kontynuuje kształcenie lub szkolenie',
    en: 'Continues education or training',
  },
  podjela_prace: { pl: 'Podjęła pracę', en: 'Took up employment' },
  poszukuje_pracy: { pl: 'Poszukuje pracy', en: 'Searching for a job' },
  inne: { pl: 'Inne', en: 'Other' },
} as const satisfies Record<string, Labels>;
export type ExitSituation = keyof typeof exitSituations;

/** Results on leaving that feed EECR01–EECR04. */
export const exitResults = {
  szuka_pracy: { pl: 'Poszukuje pracy po opuszczeniu programu', en: 'Job searching on leaving' },
  ksztalci_sie: {
    pl: 'Kształci się lub szkoli po opuszczeniu programu',
    en: 'In education or training on leaving',
  },
  kwalifikacje: {
    pl: 'Uzyskała kwalifikacje po opuszczeniu programu',
    en: 'Gained a qualification on leaving',
  },
  pracuje: { pl: 'Pracuje po opuszczeniu programu', en: 'In employment on leaving' },
  postep_spoleczny: {
    pl: 'Postęp w procesie integracji społecznej (efektywność społeczna)',
    en: 'Progress in social integration (social effectiveness)',
  },
} as const satisfies Record<string, Labels>;
export type ExitResult = keyof typeof exitResults;

/** Results six months after leaving (EECR05, EECR06). */
export const followUpResults = {
  pracuje: { pl: 'Pracuje, w tym na własny rachunek', en: 'Employed, incl. self-employed' },
  lepsza_sytuacja: { pl: 'Lepsza sytuacja na rynku pracy', en: 'Better labour-market situation' },
  bez_zmian: { pl: 'Bez zmian', en: 'No change' },
  brak_kontaktu: { pl: 'Brak kontaktu', en: 'Not reached' },
} as const satisfies Record<string, Labels>;
export type FollowUpResult = keyof typeof followUpResults;

/** Kinds of support delivered (issue: group activities, individual, internships, flat places). */
export const supportKinds = {
  grupowe: { pl: 'Zajęcia grupowe (szkolenia, warsztaty)', en: 'Group activities (trainings, workshops)' },
  indywidualne: {
    pl: 'Wsparcie indywidualne (poradnictwo, terapia, usługi asystenckie)',
    en: 'Individual support',
  },
  staz: { pl: 'Staż', en: 'Internship' },
  mieszkanie: {
    pl: 'Miejsce w mieszkaniu treningowym/wspomaganym',
    en: 'Place in a training/supported flat',
  },
} as const satisfies Record<string, Labels>;
export type SupportKind = keyof typeof supportKinds;

/** How many months after leaving the follow-up (EECR05/06) is due. */
export const FOLLOW_UP_MONTHS = 6;

/**
 * Age in full years on `onDate` (both YYYY-MM-DD) of a person born on `birthDate`: the SM EFS "Wiek
 * w chwili przystąpienia do projektu" when `onDate` is the day of joining. A person born on 29
 * February turns a year older on 1 March in non-leap years.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** The day the six-month follow-up of a participant who left on `leftOn` is due (same day, +6 months; end of month when shorter). */
export function followUpDueOn(leftOn: string): string {
  const [y, m, d] = leftOn.split('-').map(Number) as [number, number, number];
  const total = m - 1 + FOLLOW_UP_MONTHS;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
