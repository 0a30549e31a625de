import type { ErrorCode, Language } from '@kooperacja/domain';
import { caseMessages } from '../modules/cases/messages.js';
import { indicatorMessages } from '../modules/indicators/messages.js';
import { notificationMessages } from '../modules/notifications/messages.js';
import { participantMessages } from '../modules/participants/messages.js';
import { partnershipMessages } from '../modules/partnerships/messages.js';
import { programmeMessages } from '../modules/programmes/messages.js';
import { projectMessages } from '../modules/projects/messages.js';
import { recruitmentMessages } from '../modules/recruitment/messages.js';
import { regionMessages } from '../modules/region/messages.js';
import { serviceMessages } from '../modules/services/messages.js';
import { sharingMessages } from '../modules/sharing/messages.js';
import { smefsMessages } from '../modules/smefs/messages.js';
import { supportMessages } from '../modules/support/messages.js';
import { trainingMessages } from '../modules/trainings/messages.js';

/** Titles of the problem types, per language. */
export const problemTitles: Record<ErrorCode, Record<Language, string>> = {
  validation_failed: { pl: 'Nieprawidłowe dane', en: 'Invalid input' },
  not_found: { pl: 'Nie znaleziono', en: 'Not found' },
  unauthenticated: { pl: 'Wymagane zalogowanie', en: 'Authentication required' },
  forbidden: { pl: 'Brak uprawnień', en: 'Forbidden' },
  conflict: { pl: 'Konflikt zmian', en: 'Conflict' },
  rate_limited: { pl: 'Zbyt wiele żądań', en: 'Too many requests' },
  payload_too_large: { pl: 'Zbyt duże dane', en: 'Payload too large' },
  unsupported_media_type: { pl: 'Nieobsługiwany format danych', en: 'Unsupported media type' },
  bad_request: { pl: 'Nieprawidłowe żądanie', en: 'Bad request' },
  service_unavailable: { pl: 'Usługa chwilowo niedostępna', en: 'Service unavailable' },
  internal_error: { pl: 'Błąd wewnętrzny', en: 'Internal error' },
};

type Params = Record<string, unknown>;
type Message = Record<Language, string | ((p: Params) => string)>;

/** Details and field messages by stable key. Field messages for zod issues are `zod.<issue code>`. */
export const messages: Record<string, Message> = {
  'validation.summary': {
    pl: (p) => `Popraw ${p.count === 1 ? 'wskazane pole' : 'wskazane pola'} i spróbuj ponownie.`,
    en: (p) => `Correct the ${p.count === 1 ? 'field' : 'fields'} shown and try again.`,
  },
  'route.notFound': {
    pl: (p) => `Nie ma zasobu ${p.method} ${p.url}.`,
    en: (p) => `There is no resource ${p.method} ${p.url}.`,
  },
  'record.notFound': {
    pl: 'Nie znaleziono rekordu albo nie masz do niego dostępu.',
    en: 'The record does not exist or you have no access to it.',
  },
  'auth.required': { pl: 'Zaloguj się, aby kontynuować.', en: 'Log in to continue.' },
  'body.invalidJson': {
    pl: 'Treść żądania nie jest poprawnym JSON.',
    en: 'The request body is not valid JSON.',
  },
  'internal.unexpected': {
    pl: 'Wystąpił nieoczekiwany błąd. Podaj administratorowi identyfikator żądania.',
    en: 'An unexpected error occurred. Give the administrator the request id.',
  },
  'territory.invalidTeryt': {
    pl: 'Kod TERYT ma 2 (województwo), 4 (powiat) albo 7 cyfr (gmina).',
    en: 'A TERYT code has 2 (voivodeship), 4 (county) or 7 digits (municipality).',
  },
  'auth.forbidden': {
    pl: 'Twoja rola w aktywnej instytucji nie pozwala na tę czynność.',
    en: 'Your role in the active institution does not allow this.',
  },
  'auth.invalidCredentials': {
    pl: 'Nieprawidłowy e-mail lub hasło.',
    en: 'Wrong e-mail or password.',
  },
  'auth.slowDown': {
    pl: (p) => `Zbyt wiele nieudanych prób. Spróbuj ponownie za ${p.seconds} s.`,
    en: (p) => `Too many failed attempts. Try again in ${p.seconds} s.`,
  },
  'auth.locked': {
    pl: (p) =>
      `Logowanie zablokowane po wielu nieudanych próbach. Spróbuj ponownie za ${p.minutes} ${plural(Number(p.minutes), 'minutę', 'minuty', 'minut')} albo ustaw nowe hasło.`,
    en: (p) =>
      `Login locked after many failed attempts. Try again in ${p.minutes} min or set a new password.`,
  },
  'auth.secondFactorInvalid': {
    pl: 'Nieprawidłowy kod. Wpisz aktualny kod z aplikacji albo nieużyty kod odzyskiwania.',
    en: 'Wrong code. Enter the current code from the app or an unused recovery code.',
  },
  'auth.tokenInvalid': {
    pl: 'Link wygasł albo został już użyty. Poproś o nowy.',
    en: 'The link has expired or was already used. Ask for a new one.',
  },
  'csrf.origin': {
    pl: 'Żądanie z innej witryny zostało odrzucone.',
    en: 'A request from another site was refused.',
  },
  'csrf.token': {
    pl: 'Brak ważnego tokenu sesji (X-CSRF-Token). Odśwież stronę i spróbuj ponownie.',
    en: 'Missing or wrong session token (X-CSRF-Token). Reload the page and try again.',
  },
  'record.conflict': {
    pl: 'Ktoś inny zmienił ten rekord w międzyczasie. Odśwież dane i wprowadź zmiany ponownie.',
    en: 'Someone else changed this record meanwhile. Reload it and make your changes again.',
  },
  'password.too_short': {
    pl: 'Hasło musi mieć co najmniej 12 znaków.',
    en: 'The password needs at least 12 characters.',
  },
  'password.common': {
    pl: 'To hasło jest zbyt popularne (jest na liście często używanych haseł). Wybierz inne, np. kilka przypadkowych słów.',
    en: 'This password is too common (it is on a list of frequently used passwords). Choose another, e.g. a few random words.',
  },
  'password.contains_email': {
    pl: 'Hasło nie może składać się głównie z adresu e-mail.',
    en: 'The password must not consist mostly of the e-mail address.',
  },
  'password.repetitive': {
    pl: 'Hasło składa się z zbyt małej liczby różnych znaków.',
    en: 'The password uses too few different characters.',
  },
  'password.currentWrong': { pl: 'Obecne hasło jest nieprawidłowe.', en: 'The current password is wrong.' },
  'totp.format': { pl: 'Kod ma 6 cyfr.', en: 'The code has 6 digits.' },
  'totp.codeOrRecovery': {
    pl: 'Wpisz kod z aplikacji albo kod odzyskiwania.',
    en: 'Enter a code from the app or a recovery code.',
  },
  'totp.wrongCode': {
    pl: 'Kod nie pasuje. Sprawdź, czy zegar telefonu jest ustawiony automatycznie.',
    en: 'The code does not match. Check that the phone’s clock is set automatically.',
  },
  'totp.alreadyEnabled': { pl: 'Drugi składnik jest już włączony.', en: 'The second factor is already on.' },
  'totp.notStarted': {
    pl: 'Najpierw rozpocznij konfigurację drugiego składnika.',
    en: 'Start the second-factor setup first.',
  },
  'totp.requiredForRole': {
    pl: 'Administratorzy muszą używać drugiego składnika logowania.',
    en: 'Administrators must use a second login factor.',
  },
  'institution.notMember': {
    pl: 'Nie należysz do tej instytucji albo członkostwo jest nieaktywne.',
    en: 'You are not a member of this institution or the membership is inactive.',
  },
  'institution.nipTaken': {
    pl: 'Instytucja z tym NIP-em już jest w rejestrze.',
    en: 'An institution with this NIP is already registered.',
  },
  'institution.inactive': { pl: 'Ta instytucja jest nieaktywna.', en: 'This institution is inactive.' },
  'user.emailTaken': {
    pl: 'Użytkownik z tym adresem e-mail już istnieje.',
    en: 'A user with this e-mail already exists.',
  },
  'user.cannotBlockSelf': {
    pl: 'Nie możesz zablokować własnego konta.',
    en: 'You cannot block your own account.',
  },
  'membership.roleNotAllowed': {
    pl: 'Nie możesz nadać tej roli (role administratora systemu i audytora nadaje administrator systemu).',
    en: 'You cannot grant this role (system administrator and auditor roles are granted by a system administrator).',
  },
  'membership.lastRole': { pl: 'Wybierz co najmniej jedną rolę.', en: 'Choose at least one role.' },
  'nip.invalid': {
    pl: 'Nieprawidłowy NIP (10 cyfr, suma kontrolna się nie zgadza).',
    en: 'Invalid NIP (10 digits, checksum does not match).',
  },
  'regon.invalid': {
    pl: 'Nieprawidłowy REGON (9 lub 14 cyfr, suma kontrolna się nie zgadza).',
    en: 'Invalid REGON (9 or 14 digits, checksum does not match).',
  },
  'postalCode.invalid': { pl: 'Kod pocztowy w formacie 00-000.', en: 'Postal code as 00-000.' },
  'email.invalid': { pl: 'Nieprawidłowy adres e-mail.', en: 'Invalid e-mail address.' },
  'date.format': { pl: 'Data w formacie RRRR-MM-DD.', en: 'Date as YYYY-MM-DD.' },
  'territory.unknownUnit': {
    pl: 'Nie ma takiej jednostki w rejestrze TERYT.',
    en: 'No such unit in the TERYT register.',
  },
  'zod.required': { pl: 'To pole jest wymagane.', en: 'This field is required.' },
  'zod.invalid_type': {
    pl: (p) => `Nieprawidłowa wartość: oczekiwano ${typeName(p.expected, 'pl')}.`,
    en: (p) => `Invalid value: expected ${typeName(p.expected, 'en')}.`,
  },
  'zod.too_small': {
    pl: (p) =>
      p.origin === 'string'
        ? `Wpisz co najmniej ${p.minimum} ${plural(Number(p.minimum), 'znak', 'znaki', 'znaków')}.`
        : p.origin === 'array' || p.origin === 'set'
          ? `Wybierz co najmniej ${p.minimum}.`
          : `Wartość musi wynosić co najmniej ${p.minimum}.`,
    en: (p) =>
      p.origin === 'string'
        ? `Enter at least ${p.minimum} characters.`
        : p.origin === 'array' || p.origin === 'set'
          ? `Choose at least ${p.minimum}.`
          : `The value must be at least ${p.minimum}.`,
  },
  'zod.too_big': {
    pl: (p) =>
      p.origin === 'string'
        ? `Wpisz najwyżej ${p.maximum} ${plural(Number(p.maximum), 'znak', 'znaki', 'znaków')}.`
        : p.origin === 'array' || p.origin === 'set'
          ? `Wybierz najwyżej ${p.maximum}.`
          : `Wartość może wynosić najwyżej ${p.maximum}.`,
    en: (p) =>
      p.origin === 'string'
        ? `Enter at most ${p.maximum} characters.`
        : p.origin === 'array' || p.origin === 'set'
          ? `Choose at most ${p.maximum}.`
          : `The value must be at most ${p.maximum}.`,
  },
  'zod.invalid_format': {
    pl: (p) => (p.format === 'email' ? 'Nieprawidłowy adres e-mail.' : 'Nieprawidłowy format.'),
    en: (p) => (p.format === 'email' ? 'Invalid e-mail address.' : 'Invalid format.'),
  },
  'zod.invalid_value': {
    pl: (p) => `Niedozwolona wartość. Dozwolone: ${listOf(p.values)}.`,
    en: (p) => `Value not allowed. Allowed: ${listOf(p.values)}.`,
  },
  'zod.unrecognized_keys': {
    pl: (p) => `Nieznane pola: ${listOf(p.keys)}.`,
    en: (p) => `Unknown fields: ${listOf(p.keys)}.`,
  },
  'zod.not_multiple_of': {
    pl: (p) => `Wartość musi być wielokrotnością ${p.divisor}.`,
    en: (p) => `The value must be a multiple of ${p.divisor}.`,
  },
  'zod.invalid': { pl: 'Nieprawidłowa wartość.', en: 'Invalid value.' },
  ...caseMessages,
  ...notificationMessages,
  ...serviceMessages,
  ...partnershipMessages,
  ...sharingMessages,
  ...smefsMessages,
  ...programmeMessages,
  ...projectMessages,
  ...participantMessages,
  ...recruitmentMessages,
  ...indicatorMessages,
  ...supportMessages,
  ...regionMessages,
  ...trainingMessages,
};

function listOf(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join(', ') : String(v ?? '');
}

function typeName(expected: unknown, lang: Language): string {
  const pl: Record<string, string> = {
    number: 'liczby',
    int: 'liczby całkowitej',
    string: 'tekstu',
    boolean: 'wartości tak/nie',
    object: 'obiektu',
    array: 'listy',
    date: 'daty',
  };
  const e = String(expected);
  return lang === 'pl' ? (pl[e] ?? e) : e === 'int' ? 'an integer' : `a ${e}`;
}

/** Polish plural: 1 znak, 2–4 znaki, 5+ znaków (12–14 znaków). */
export function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const d = n % 10;
  const dd = n % 100;
  return d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? few : many;
}

export function translate(key: string, lang: Language, params: Params = {}): string | undefined {
  const m = messages[key]?.[lang];
  if (m === undefined) return undefined;
  return typeof m === 'function' ? m(params) : m;
}

/** Picks Polish unless the request prefers English (Accept-Language, q-values honoured). */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'pl';
  const prefs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((p) => p.tag && !Number.isNaN(p.q))
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('pl')) return 'pl';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'pl';
}
