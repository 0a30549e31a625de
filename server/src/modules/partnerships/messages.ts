type Params = Record<string, unknown>;
/** A custom zod issue carries its params under `params`; a field error passes them directly. */
const roleOf = (p: Params) => String(p.role ?? (p.params as Params | undefined)?.role ?? '');

/** Messages of partnerships, agreements and meetings, pl and en. */
export const partnershipMessages = {
  'partnership.endBeforeStart': {
    pl: 'Data końcowa nie może być wcześniejsza niż początkowa.',
    en: 'The end date cannot be before the start date.',
  },
  'partnership.roleKey': {
    pl: 'Klucz roli: małe litery, cyfry i podkreślenia (2–40 znaków).',
    en: 'Role key: lower-case letters, digits and underscores (2–40 characters).',
  },
  'partnership.roleMissing': {
    pl: (p: Params) => `Słownik ról musi zawierać rolę „${roleOf(p)}”.`,
    en: (p: Params) => `The role vocabulary must keep the role “${roleOf(p)}”.`,
  },
  'partnership.tooManyRoles': {
    pl: 'Słownik ról może mieć najwyżej 20 ról.',
    en: 'The role vocabulary can have at most 20 roles.',
  },
  'partnership.notManager': {
    pl: 'Partnerstwo prowadzi jego lider i animator. Twoja instytucja nie może go zmieniać.',
    en: 'A partnership is run by its leader and animator. Your institution cannot change it.',
  },
  'partnership.mustManage': {
    pl: 'Liderem musi być Twoja aktywna instytucja albo Ty musisz być animatorem partnerstwa — inaczej nie mógłbyś go prowadzić.',
    en: 'The leader must be your active institution or you must be the animator — otherwise you could not run it.',
  },
  'partnership.institutionUnknown': {
    pl: 'Nie ma takiej aktywnej instytucji w rejestrze.',
    en: 'There is no such active institution in the registry.',
  },
  'partnership.unitUnknown': {
    pl: 'Nie ma jednostki o tym kodzie TERYT.',
    en: 'There is no unit with this TERYT code.',
  },
  'partnership.animatorInvalid': {
    pl: 'Animatorem może być tylko użytkownik z rolą animatora partnerstwa.',
    en: 'The animator must be a user with the partnership animator role.',
  },
  'partnership.roleUnknown': {
    pl: 'Tej roli nie ma w słowniku ról partnerstwa.',
    en: 'This role is not in the partnership’s role vocabulary.',
  },
  'partnership.roleInUse': {
    pl: (p: Params) => `Rola „${roleOf(p)}” jest przypisana członkom — nie można jej usunąć ze słownika.`,
    en: (p: Params) => `The role “${roleOf(p)}” is held by members — it cannot be removed.`,
  },
  'partnership.alreadyMember': {
    pl: 'Ta instytucja już należy do partnerstwa.',
    en: 'This institution is already a member of the partnership.',
  },
  'partnership.memberEnded': {
    pl: 'Członkostwo tej instytucji jest już zakończone.',
    en: 'This institution’s membership has already ended.',
  },
  'partnership.leftBeforeJoined': {
    pl: 'Data zakończenia nie może być wcześniejsza niż data przystąpienia.',
    en: 'The end date cannot be before the joining date.',
  },
  'partnership.leaderCannotLeave': {
    pl: 'Lider nie może wystąpić z partnerstwa. Najpierw wskaż innego lidera.',
    en: 'The leader cannot leave the partnership. Name another leader first.',
  },
  'agreement.partyTwice': {
    pl: 'Każda instytucja może być stroną porozumienia tylko raz.',
    en: 'Each institution can be a party only once.',
  },
  'agreement.notDraft': {
    pl: 'Zmieniać można tylko projekt porozumienia. Podpisane porozumienie zmienia się aneksem (nowym porozumieniem).',
    en: 'Only a draft agreement can be changed. A signed agreement is changed by an annex (a new agreement).',
  },
  'agreement.transition.same': {
    pl: 'Porozumienie ma już ten status.',
    en: 'The agreement already has this status.',
  },
  'agreement.transition.notAllowed': {
    pl: 'Takiej zmiany statusu nie przewidziano (projekt → podpisane → wygasłe albo rozwiązane).',
    en: 'This status change is not allowed (draft → signed → expired or terminated).',
  },
  'agreement.transition.needsParties': {
    pl: 'Porozumienie musi mieć co najmniej dwie strony.',
    en: 'The agreement needs at least two parties.',
  },
  'agreement.transition.needsSignatories': {
    pl: 'Wpisz osobę podpisującą za każdą ze stron.',
    en: 'Enter the signatory of every party.',
  },
  'agreement.transition.needsDate': {
    pl: 'Podaj datę (podpisania albo rozwiązania).',
    en: 'Enter the date (of signing or termination).',
  },
  'agreement.transition.dateInFuture': {
    pl: 'Data podpisania nie może być w przyszłości.',
    en: 'The signing date cannot be in the future.',
  },
  'agreement.transition.notExpired': {
    pl: 'Porozumienie wygasa dopiero po dacie „obowiązuje do”.',
    en: 'The agreement expires only after its end date.',
  },
  'agreement.transition.beforeSigning': {
    pl: 'Data rozwiązania nie może być wcześniejsza niż data podpisania.',
    en: 'The termination date cannot be before the signing date.',
  },
  'agreement.noScan': {
    pl: 'To porozumienie nie ma dołączonego skanu.',
    en: 'This agreement has no scan attached.',
  },
  'meeting.placeRequired': {
    pl: 'Podaj miejsce spotkania albo link do spotkania online.',
    en: 'Enter the meeting place or an online meeting link.',
  },
  'meeting.onlineUrl': {
    pl: 'Link do spotkania musi zaczynać się od http:// lub https://.',
    en: 'The meeting link must start with http:// or https://.',
  },
  'meeting.notYetHeld': {
    pl: 'Spotkanie jeszcze się nie odbyło — nie można oznaczyć go jako odbyte.',
    en: 'The meeting has not taken place yet — it cannot be marked as held.',
  },
  'meeting.userUnknown': {
    pl: 'Nie ma takiego użytkownika w tej instytucji.',
    en: 'There is no such user in this institution.',
  },
  'actionItem.notOwner': {
    pl: 'Zadanie oznacza jako wykonane jego właściciel albo osoba prowadząca partnerstwo.',
    en: 'The task is marked done by its owner or by whoever runs the partnership.',
  },
} as const;
