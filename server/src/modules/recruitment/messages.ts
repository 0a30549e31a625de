import { labourStatuses, povertyGrounds } from '@kooperacja/domain';

type Params = Record<string, unknown>;
type Lang = 'pl' | 'en';

const d = (v: unknown) => {
  const s = String(v ?? '');
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}` : s;
};
const list = (v: unknown, dict: Record<string, { pl: string; en: string }>, lang: Lang) =>
  (Array.isArray(v) ? v : [])
    .map((k) => dict[String(k)]?.[lang] ?? String(k))
    .join(lang === 'pl' ? '; ' : '; ');
const codes = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
const years = (n: unknown) => {
  const v = Number(n);
  if (v === 1) return 'rok';
  const last = v % 10;
  const lastTwo = v % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'lata' : 'lat';
};
const months = (n: unknown) => {
  const v = Number(n);
  if (v === 1) return 'miesiąc';
  const last = v % 10;
  const lastTwo = v % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'miesiące' : 'miesięcy';
};

/**
 * The eligibility reasons in words (`recruitment.reason.<rule>.<outcome>`): the web shows its own
 * copy of these (i18n `recruitment.reason.*`); the server uses them in the reason of an automatic
 * rejection and in e-mails.
 */
export const reasonMessages = {
  'recruitment.reason.wiek.spelnia': {
    pl: (p: Params) => `Wiek w dniu zgłoszenia: ${p.age} ${years(p.age)} — spełnia kryterium wieku.`,
    en: (p: Params) => `Age on the day of application: ${p.age} — meets the age criterion.`,
  },
  'recruitment.reason.wiek.za_mlody': {
    pl: (p: Params) =>
      `Wiek w dniu zgłoszenia: ${p.age} ${years(p.age)}, a wymagane jest co najmniej ${p.min}.`,
    en: (p: Params) => `Age on the day of application: ${p.age}; at least ${p.min} is required.`,
  },
  'recruitment.reason.wiek.za_stary': {
    pl: (p: Params) =>
      `Wiek w dniu zgłoszenia: ${p.age} ${years(p.age)}, a dopuszczalne jest najwyżej ${p.max}.`,
    en: (p: Params) => `Age on the day of application: ${p.age}; at most ${p.max} is allowed.`,
  },
  'recruitment.reason.zamieszkanie.spelnia': {
    pl: (p: Params) => `Mieszka na obszarze naboru (gmina ${p.teryt}).`,
    en: (p: Params) => `Lives in the call's area (gmina ${p.teryt}).`,
  },
  'recruitment.reason.zamieszkanie.poza_obszarem': {
    pl: (p: Params) => `Gmina zamieszkania ${p.teryt} nie należy do obszaru naboru (${codes(p.allowed)}).`,
    en: (p: Params) => `The gmina of residence ${p.teryt} is outside the call's area (${codes(p.allowed)}).`,
  },
  'recruitment.reason.zamieszkanie.brak_danych': {
    pl: 'Nie podano gminy zamieszkania.',
    en: 'No gmina of residence given.',
  },
  'recruitment.reason.status_na_rynku_pracy.spelnia': {
    pl: (p: Params) =>
      `Status na rynku pracy: ${list([p.status], labourStatuses, 'pl')} — spełnia kryterium.`,
    en: (p: Params) =>
      `Labour-market status: ${list([p.status], labourStatuses, 'en')} — meets the criterion.`,
  },
  'recruitment.reason.status_na_rynku_pracy.inny_status': {
    pl: (p: Params) =>
      `Status na rynku pracy: ${list([p.status], labourStatuses, 'pl')}, a nabór przyjmuje: ${list(p.allowed, labourStatuses, 'pl')}.`,
    en: (p: Params) =>
      `Labour-market status: ${list([p.status], labourStatuses, 'en')}; the call takes: ${list(p.allowed, labourStatuses, 'en')}.`,
  },
  'recruitment.reason.status_na_rynku_pracy.brak_danych': {
    pl: 'Nie podano statusu na rynku pracy.',
    en: 'No labour-market status given.',
  },
  'recruitment.reason.niepelnosprawnosc.spelnia': {
    pl: 'Osoba z niepełnosprawnościami — spełnia kryterium.',
    en: 'Person with disabilities — meets the criterion.',
  },
  'recruitment.reason.niepelnosprawnosc.nie_dotyczy': {
    pl: 'Nie zadeklarowano niepełnosprawności, a nabór jest dla osób z niepełnosprawnościami.',
    en: 'No disability declared; the call is for persons with disabilities.',
  },
  'recruitment.reason.niepelnosprawnosc.odmowa': {
    pl: 'Odmowa podania informacji o niepełnosprawności — nie można potwierdzić kryterium.',
    en: 'Refused to answer about disability — the criterion cannot be confirmed.',
  },
  'recruitment.reason.niepelnosprawnosc.brak_danych': {
    pl: 'Brak informacji o niepełnosprawności.',
    en: 'No information about disability.',
  },
  'recruitment.reason.zagrozenie_wykluczeniem.spelnia': {
    pl: (p: Params) => `Zagrożenie wykluczeniem społecznym: ${list(p.grounds, povertyGrounds, 'pl')}.`,
    en: (p: Params) => `At risk of social exclusion: ${list(p.grounds, povertyGrounds, 'en')}.`,
  },
  'recruitment.reason.zagrozenie_wykluczeniem.brak_przeslanek': {
    pl: 'Nie wskazano żadnej przesłanki zagrożenia ubóstwem lub wykluczeniem społecznym.',
    en: 'No ground of the risk of poverty or social exclusion declared.',
  },
  'recruitment.reason.zagrozenie_wykluczeniem.inne_przeslanki': {
    pl: (p: Params) =>
      `Wskazane przesłanki (${list(p.grounds, povertyGrounds, 'pl')}) nie należą do wymaganych: ${list(p.required, povertyGrounds, 'pl')}.`,
    en: (p: Params) =>
      `The declared grounds (${list(p.grounds, povertyGrounds, 'en')}) are not among those required: ${list(p.required, povertyGrounds, 'en')}.`,
  },
  'recruitment.reason.instytucja.przebywa': {
    pl: 'Przebywa w instytucji całodobowej — spełnia kryterium.',
    en: 'Staying in a 24-hour institution — meets the criterion.',
  },
  'recruitment.reason.instytucja.opuscil_w_terminie': {
    pl: (p: Params) =>
      `Opuściła/opuścił instytucję ${d(p.leftOn)}, w ciągu ${p.months} ${months(p.months)} przed zgłoszeniem (do ${d(p.until)}).`,
    en: (p: Params) =>
      `Left the institution on ${d(p.leftOn)}, within ${p.months} months before applying (until ${d(p.until)}).`,
  },
  'recruitment.reason.instytucja.opuscil_dawno': {
    pl: (p: Params) =>
      `Opuściła/opuścił instytucję ${d(p.leftOn)} — ponad ${p.months} ${months(p.months)} przed zgłoszeniem (termin minął ${d(p.until)}).`,
    en: (p: Params) =>
      `Left the institution on ${d(p.leftOn)} — more than ${p.months} months before applying (ended ${d(p.until)}).`,
  },
  'recruitment.reason.instytucja.nie_dotyczy': {
    pl: 'Nie przebywa w instytucji całodobowej i nie opuściła/opuścił jej.',
    en: 'Neither staying in nor having left a 24-hour institution.',
  },
  'recruitment.reason.nie_uczestnik.spelnia': {
    pl: 'Nie jest uczestnikiem projektu.',
    en: 'Not a participant of the project.',
  },
  'recruitment.reason.nie_uczestnik.juz_uczestnik': {
    pl: 'Jest już uczestnikiem projektu.',
    en: 'Already a participant of the project.',
  },
} as const;

/** Messages of the recruitment capability (field errors and details), pl and en. */
export const recruitmentMessages = {
  ...reasonMessages,
  'recruitment.call.code': {
    pl: 'Kod naboru: 2–30 znaków, wielkie litery, cyfry i myślniki (np. AND-2019).',
    en: 'Call code: 2–30 characters, capitals, digits and hyphens (e.g. AND-2019).',
  },
  'recruitment.call.codeTaken': {
    pl: 'Nabór o tym kodzie już istnieje.',
    en: 'A call with this code already exists.',
  },
  'recruitment.call.codeLocked': {
    pl: 'Kodu naboru nie można zmienić po wpłynięciu zgłoszeń (jest w numerach potwierdzeń).',
    en: 'The call code cannot change once applications came in (it is in the confirmation numbers).',
  },
  'recruitment.call.dates': {
    pl: 'Nabór musi kończyć się później, niż się zaczyna.',
    en: 'The call must close after it opens.',
  },
  'recruitment.call.formKinds': {
    pl: 'Wybierz co najmniej jeden rodzaj formularza.',
    en: 'Choose at least one kind of form.',
  },
  'recruitment.call.noCohorts': {
    pl: 'Nabór można otworzyć dopiero, gdy ma co najmniej jedną grupę (kohortę).',
    en: 'A call can open only when it has at least one cohort.',
  },
  'recruitment.call.hasApplications': {
    pl: 'Naboru ze zgłoszeniami nie można usunąć — zamknij go.',
    en: 'A call with applications cannot be deleted — close it instead.',
  },
  'recruitment.cohort.hasApplications': {
    pl: 'Grupy ze zgłoszeniami nie można usunąć.',
    en: 'A cohort with applications cannot be deleted.',
  },
  'recruitment.cohort.placesOverCall': {
    pl: (p: Params) =>
      `Miejsca w grupach (razem ${p.cohorts}) przekraczają liczbę miejsc w naborze (${p.call}).`,
    en: (p: Params) => `The cohorts' places (together ${p.cohorts}) exceed the call's places (${p.call}).`,
  },
  'recruitment.question.key': {
    pl: 'Klucz: małe litery bez polskich znaków, cyfry i podkreślenia, zaczyna się literą.',
    en: 'Key: lowercase letters, digits and underscores, starting with a letter.',
  },
  'recruitment.question.options': {
    pl: 'Pytanie z wyborem potrzebuje listy odpowiedzi.',
    en: 'A choice question needs a list of options.',
  },
  'recruitment.clause.legalBasis': {
    pl: 'Wskaż podstawę prawną (art. 6 lub 9 RODO).',
    en: 'Name the legal basis (GDPR art. 6 or 9).',
  },
  'recruitment.keyTaken': {
    pl: 'Ten klucz już jest na liście.',
    en: 'This key is already on the list.',
  },
  'recruitment.rule.teryt': {
    pl: 'Kod TERYT gminy (7 cyfr) albo powiatu (4 cyfry).',
    en: 'A TERYT code of a gmina (7 digits) or a powiat (4 digits).',
  },
  'recruitment.rule.ageBound': {
    pl: 'Podaj wiek najmniejszy, największy albo oba.',
    en: 'Give the lowest age, the highest, or both.',
  },
  'recruitment.rule.ageOrder': {
    pl: 'Wiek największy nie może być mniejszy niż najmniejszy.',
    en: 'The highest age cannot be below the lowest.',
  },
  'recruitment.application.peselOrNone': {
    pl: 'Podaj numer PESEL albo zaznacz, że go nie masz.',
    en: 'Enter the PESEL or tick that you have none.',
  },
  'recruitment.application.contact': {
    pl: 'Podaj telefon albo adres e-mail, abyśmy mogli się skontaktować.',
    en: 'Give a phone number or an e-mail address so that we can contact you.',
  },
  'recruitment.application.cohortRequired': {
    pl: 'Wybierz grupę, do której się zgłaszasz.',
    en: 'Choose the cohort you apply to.',
  },
  'recruitment.application.cohortUnknown': {
    pl: 'Nie ma takiej grupy w tym naborze.',
    en: 'There is no such cohort in this call.',
  },
  'recruitment.application.formKind': {
    pl: 'Ten nabór nie przyjmuje tego rodzaju formularza.',
    en: 'This call does not take this kind of form.',
  },
  'recruitment.application.answerRequired': {
    pl: (p: Params) => `Odpowiedz na pytanie: „${p.label}”.`,
    en: (p: Params) => `Answer the question: “${p.label}”.`,
  },
  'recruitment.application.answerOption': {
    pl: 'Wybierz jedną z podanych odpowiedzi.',
    en: 'Choose one of the options given.',
  },
  'recruitment.application.answerType': {
    pl: 'Odpowiedź ma nieprawidłowy rodzaj.',
    en: 'The answer has the wrong kind.',
  },
  'recruitment.application.consentRequired': {
    pl: (p: Params) => `Zaznacz: „${p.title}” — bez tego nie można przyjąć zgłoszenia.`,
    en: (p: Params) => `Tick: “${p.title}” — the application cannot be accepted without it.`,
  },
  'recruitment.application.terytUnknown': {
    pl: 'Nie ma takiej gminy w rejestrze TERYT.',
    en: 'There is no such gmina in the TERYT register.',
  },
  'recruitment.public.notOpen': {
    pl: (p: Params) =>
      `Ten nabór nie przyjmuje teraz zgłoszeń. Zgłoszenia są przyjmowane od ${d(p.opensAt)} do ${d(p.closesAt)}.`,
    en: (p: Params) =>
      `This call does not take applications now. Applications are taken from ${d(p.opensAt)} to ${d(p.closesAt)}.`,
  },
  'recruitment.public.rateLimited': {
    pl: (p: Params) =>
      `Z tego adresu wysłano w krótkim czasie bardzo wiele zgłoszeń. Twoje dane są zachowane w formularzu — wyślij je ponownie za ${p.seconds} s.`,
    en: (p: Params) =>
      `Very many applications were sent from this address in a short time. Your data is kept in the form — send it again in ${p.seconds} s.`,
  },
  'recruitment.public.honeypot': {
    pl: 'Zgłoszenie nie zostało przyjęte, bo wypełniono ukryte pole formularza. Twoje dane są zachowane — wyślij zgłoszenie ponownie.',
    en: 'The application was not accepted because a hidden field of the form was filled in. Your data is kept — send it again.',
  },
  'recruitment.public.receiptExpired': {
    pl: 'Link do kopii zgłoszenia wygasł albo jest nieprawidłowy. Kopię wyda realizator projektu.',
    en: 'The link to the application copy has expired or is wrong. The project team can give you a copy.',
  },
  'recruitment.decision.reasonRequired': {
    pl: 'Podaj uzasadnienie decyzji.',
    en: 'Give the reason for the decision.',
  },
  'recruitment.decision.enrolled': {
    pl: 'Zgłoszenie jest już przyjęte do projektu — jego status zmienia się w danych uczestnika.',
    en: 'The application is already enrolled — its status changes with the participant.',
  },
  'recruitment.ranking.changed': {
    pl: 'Lista rankingowa zmieniła się od jej wczytania (nowe zgłoszenie albo decyzja). Sprawdź ją ponownie przed zatwierdzeniem.',
    en: 'The ranking changed since it was loaded (a new application or decision). Check it again before approving.',
  },
  'recruitment.ranking.draftCall': {
    pl: 'Ranking zatwierdza się dla naboru otwartego albo zamkniętego, nie dla projektu naboru.',
    en: 'A ranking is approved for an open or closed call, not for a draft.',
  },
  'recruitment.ranking.unchecked': {
    pl: (p: Params) => `Najpierw sprawdź kryteria wszystkich zgłoszeń grupy (niesprawdzone: ${p.count}).`,
    en: (p: Params) => `First check the criteria of every application of the cohort (unchecked: ${p.count}).`,
  },
  'recruitment.ranking.autoRejected': {
    pl: (p: Params) => `Poza listą rankingową i rezerwową (${p.position}. miejsce, ${p.score} pkt).`,
    en: (p: Params) => `Outside the ranking and reserve lists (place ${p.position}, ${p.score} points).`,
  },
  'recruitment.ranking.autoIneligible': {
    pl: (p: Params) => `Nie spełnia kryteriów naboru: ${p.reasons}`,
    en: (p: Params) => `Does not meet the call's criteria: ${p.reasons}`,
  },
  'recruitment.regulations.type': {
    pl: 'Regulamin naboru dodaje się jako PDF (rozpoznawany po zawartości pliku).',
    en: 'The regulations are added as a PDF (recognised by the file’s content).',
  },
} as const;
