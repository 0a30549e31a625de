import { z } from 'zod';
import { decodePesel } from '../identifiers/identifiers.js';
import {
  ageOn,
  type DegurbaLevel,
  degurbaLevels,
  type ExitSituation,
  exitSituations,
  type IscedGroup,
  iscedGroups,
  type LabourStatus,
  type LabourStatusDetail,
  labourStatusDetails,
  labourStatusDetailsOf,
  labourStatuses,
  type ParticipantType,
  participantTypes,
  type SupportKind,
  supportKinds,
  type TriState,
  triState,
} from './participants.js';

/**
 * The SM EFS participant file (docs/smefs.md): the 35 columns of the central monitoring system in
 * their order, one row per participant, and the pure rules around it —
 *
 * - `toSmefsRow(record)` formats a participant: dates DD.MM.YYYY, several values joined with "|",
 *   the monitoring system's labels (Tak / Nie / Odmowa podania informacji, Kobieta / Mężczyzna, ISCED
 *   groups, DEGURBA as its label with the number);
 * - `parseSmefsRow(cells)` is its exact inverse (`parseSmefsRow(toSmefsRow(r)).record` equals `r`),
 *   reporting per cell what it cannot read;
 * - `validateSmefsRecord(record)` lists what the monitoring system would refuse: missing required
 *   fields, a PESEL with a wrong check digit, age out of range or not matching the PESEL, no DEGURBA,
 *   no support, incomplete exit data…;
 * - `smefsCsvLine` / `smefsCsvRows` write and read the CSV: UTF-8 with BOM, `;` between cells, CRLF
 *   line ends, RFC 4180 quoting.
 *
 * Every problem carries its Polish and English message.
 */

export const smefsColumns = [
  { key: 'firstName', header: 'Imię' },
  { key: 'lastName', header: 'Nazwisko' },
  { key: 'identifier', header: 'PESEL/Inny identyfikator' },
  { key: 'noPesel', header: 'brak PESEL' },
  { key: 'technicalId', header: 'Techniczny identyfikator uczestnika' },
  { key: 'sex', header: 'Płeć' },
  { key: 'ageAtEntry', header: 'Wiek w chwili przystąpienia do projektu' },
  { key: 'education', header: 'Wykształcenie' },
  { key: 'citizenship', header: 'Obywatelstwo' },
  { key: 'country', header: 'Kraj' },
  { key: 'voivodeship', header: 'Województwo' },
  { key: 'powiat', header: 'Powiat' },
  { key: 'gmina', header: 'Gmina' },
  { key: 'city', header: 'Miejscowość' },
  { key: 'postalCode', header: 'Kod pocztowy' },
  { key: 'degurba', header: 'Obszar według stopnia urbanizacji (DEGURBA)' },
  { key: 'phone', header: 'Telefon kontaktowy' },
  { key: 'email', header: 'Adres e-mail' },
  { key: 'labourStatus', header: 'Status osoby na rynku pracy w chwili przystąpienia do projektu' },
  { key: 'labourStatusDetail', header: 'w tym' },
  { key: 'supportKinds', header: 'Zakres wsparcia' },
  { key: 'supportNames', header: 'Rodzaj przyznanego wsparcia' },
  { key: 'supportStarts', header: 'Data rozpoczęcia udziału we wsparciu' },
  { key: 'joinedOn', header: 'Data rozpoczęcia udziału w projekcie' },
  { key: 'leftOn', header: 'Data zakończenia udziału w projekcie' },
  { key: 'exitSituation', header: 'Sytuacja osoby w momencie zakończenia udziału w projekcie' },
  {
    key: 'completedPath',
    header: 'Zakończenie udziału osoby w projekcie zgodnie z zaplanowaną dla niej ścieżką uczestnictwa',
  },
  { key: 'disability', header: 'Osoba z niepełnosprawnościami' },
  { key: 'foreignOrigin', header: 'Osoba obcego pochodzenia' },
  { key: 'thirdCountry', header: 'Obywatel państwa trzeciego' },
  {
    key: 'minority',
    header: 'Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowane)',
  },
  { key: 'homeless', header: 'Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań' },
  { key: 'projectNumber', header: 'Numer projektu' },
  { key: 'participantType', header: 'Rodzaj uczestnika' },
  { key: 'institutionName', header: 'Nazwa instytucji' },
] as const;
export type SmefsColumnKey = (typeof smefsColumns)[number]['key'];
export const smefsHeaders: readonly string[] = smefsColumns.map((c) => c.header);
export const smefsColumnKeys: readonly SmefsColumnKey[] = smefsColumns.map((c) => c.key);
const columnIndex = Object.fromEntries(smefsColumns.map((c, i) => [c.key, i])) as Record<
  SmefsColumnKey,
  number
>;
export const smefsHeaderOf = (key: SmefsColumnKey): string => smefsHeaders[columnIndex[key]] as string;

/** The separator of several values in one cell. */
export const SMEFS_SEPARATOR = '|';
/** Polish monitoring data is entered for Poland with this country name. */
export const SMEFS_POLAND = 'Polska';

/** One form of support of a participant, in the three support columns at the same position. */
export interface SmefsSupport {
  kind: SupportKind;
  /** The support type's name (catalogue) or the activity's name. */
  name: string;
  /** YYYY-MM-DD */
  startsOn: string;
}

/**
 * A participant as the file carries it. Empty cells are null (empty lists for the multi-valued
 * columns); dates are YYYY-MM-DD. With `noPesel` the identifier column carries `otherId`, otherwise
 * `pesel`. Territorial units are names (the server turns them into TERYT codes and back).
 */
export interface SmefsRecord {
  firstName: string | null;
  lastName: string | null;
  pesel: string | null;
  noPesel: boolean;
  otherId: string | null;
  technicalId: string | null;
  sex: 'K' | 'M' | null;
  ageAtEntry: number | null;
  education: IscedGroup | null;
  citizenship: string | null;
  country: string | null;
  voivodeship: string | null;
  powiat: string | null;
  gmina: string | null;
  city: string | null;
  postalCode: string | null;
  degurba: DegurbaLevel | null;
  phone: string | null;
  email: string | null;
  labourStatus: LabourStatus | null;
  labourStatusDetail: LabourStatusDetail | null;
  supports: SmefsSupport[];
  joinedOn: string | null;
  leftOn: string | null;
  exitSituation: ExitSituation[];
  completedPath: boolean | null;
  disability: TriState | null;
  foreignOrigin: TriState | null;
  thirdCountry: TriState | null;
  minority: TriState | null;
  homeless: TriState | null;
  projectNumber: string | null;
  participantType: ParticipantType | null;
  institutionName: string | null;
}

// ————— Problems and their messages —————

type Params = Record<string, string | number>;
type Msg = { pl: string | ((p: Params) => string); en: string | ((p: Params) => string) };

/** Every problem the file can have, with its messages. `column` is the SM EFS header. */
export const smefsProblemMessages = {
  'smefs.required': {
    pl: (p) => `Brak wartości w kolumnie „${p.column}”.`,
    en: (p) => `The column “${p.column}” is empty.`,
  },
  'smefs.label': {
    pl: (p) => `Nieznana wartość „${p.value}” w kolumnie „${p.column}”. Dozwolone: ${p.allowed}.`,
    en: (p) => `Unknown value “${p.value}” in the column “${p.column}”. Allowed: ${p.allowed}.`,
  },
  'smefs.date': {
    pl: (p) => `„${p.value}” w kolumnie „${p.column}” nie jest datą w formacie DD.MM.RRRR.`,
    en: (p) => `“${p.value}” in the column “${p.column}” is not a date in the form DD.MM.YYYY.`,
  },
  'smefs.integer': {
    pl: (p) => `„${p.value}” w kolumnie „${p.column}” nie jest liczbą całkowitą.`,
    en: (p) => `“${p.value}” in the column “${p.column}” is not a whole number.`,
  },
  'smefs.pesel.format': {
    pl: 'PESEL ma 11 cyfr.',
    en: 'A PESEL has 11 digits.',
  },
  'smefs.pesel.checksum': {
    pl: 'PESEL jest nieprawidłowy (cyfra kontrolna albo zakodowana data się nie zgadza).',
    en: 'The PESEL is invalid (its check digit or encoded date is wrong).',
  },
  'smefs.pesel.missing': {
    pl: 'Brak numeru PESEL, a w kolumnie „brak PESEL” jest „Nie”. Podaj PESEL albo zaznacz „Tak”.',
    en: 'The PESEL is missing while “brak PESEL” says “Nie”. Give the PESEL or set it to “Tak”.',
  },
  'smefs.pesel.unexpected': {
    pl: 'Podano numer PESEL, a w kolumnie „brak PESEL” jest „Tak”.',
    en: 'A PESEL is given while “brak PESEL” says “Tak”.',
  },
  'smefs.pesel.sex': {
    pl: 'Płeć nie zgadza się z numerem PESEL.',
    en: 'The sex does not match the PESEL.',
  },
  'smefs.age.range': {
    pl: (p) => `Wiek ${p.value} jest spoza zakresu 0–${p.max} lat.`,
    en: (p) => `The age ${p.value} is outside 0–${p.max} years.`,
  },
  'smefs.age.pesel': {
    pl: (p) =>
      `Wiek ${p.value} nie zgadza się z datą urodzenia z numeru PESEL: w dniu przystąpienia do projektu osoba miała ${p.expected} lat.`,
    en: (p) =>
      `The age ${p.value} does not match the birth date in the PESEL: on the day of joining the person was ${p.expected}.`,
  },
  'smefs.detail': {
    pl: (p) => `Wartość „w tym” nie pasuje do statusu na rynku pracy „${p.status}”.`,
    en: (p) => `The “w tym” value does not fit the labour-market status “${p.status}”.`,
  },
  'smefs.postalCode': {
    pl: 'Kod pocztowy ma postać 00-000.',
    en: 'A Polish postal code has the form 00-000.',
  },
  'smefs.email': {
    pl: 'Adres e-mail jest nieprawidłowy.',
    en: 'The e-mail address is invalid.',
  },
  'smefs.formula': {
    pl: (p) => `Wartość w kolumnie „${p.column}” zaczyna się od „=” albo „@” (arkusz uznałby ją za formułę).`,
    en: (p) => `The value in the column “${p.column}” starts with “=” or “@” (a spreadsheet would run it).`,
  },
  'smefs.support.none': {
    pl: 'Uczestnik nie ma żadnej formy wsparcia.',
    en: 'The participant has no form of support.',
  },
  'smefs.support.count': {
    pl: 'Kolumny „Zakres wsparcia”, „Rodzaj przyznanego wsparcia” i „Data rozpoczęcia udziału we wsparciu” mają różną liczbę wartości rozdzielonych „|”.',
    en: 'The columns “Zakres wsparcia”, “Rodzaj przyznanego wsparcia” and “Data rozpoczęcia udziału we wsparciu” hold different numbers of “|”-separated values.',
  },
  'smefs.support.separator': {
    pl: (p) => `Nazwa wsparcia „${p.value}” zawiera znak „|”, który rozdziela wartości.`,
    en: (p) => `The support name “${p.value}” contains “|”, the separator of values.`,
  },
  'smefs.support.beforeJoining': {
    pl: (p) => `Wsparcie „${p.value}” zaczyna się przed przystąpieniem do projektu.`,
    en: (p) => `The support “${p.value}” starts before the participant joined the project.`,
  },
  'smefs.support.afterLeaving': {
    pl: (p) => `Wsparcie „${p.value}” zaczyna się po zakończeniu udziału w projekcie.`,
    en: (p) => `The support “${p.value}” starts after the participant left the project.`,
  },
  'smefs.exit.beforeJoining': {
    pl: 'Data zakończenia udziału jest wcześniejsza niż data rozpoczęcia.',
    en: 'The date of leaving is before the date of joining.',
  },
  'smefs.exit.incomplete': {
    pl: (p) => `Dane o zakończeniu udziału są niepełne: brak wartości w kolumnie „${p.column}”.`,
    en: (p) => `The exit data are incomplete: the column “${p.column}” is empty.`,
  },
  'smefs.exit.withoutDate': {
    pl: (p) => `Kolumna „${p.column}” jest wypełniona, a brak daty zakończenia udziału w projekcie.`,
    en: (p) => `The column “${p.column}” is filled in but the date of leaving is missing.`,
  },
  'smefs.institutionName': {
    pl: 'Nazwa instytucji jest wymagana dla pracownika lub przedstawiciela instytucji.',
    en: 'The institution name is required for an employee or representative of an institution.',
  },
  'smefs.territory': {
    pl: (p) => `Nie ma w rejestrze TERYT jednostki „${p.value}” (kolumna „${p.column}”).`,
    en: (p) => `There is no unit “${p.value}” in the TERYT register (column “${p.column}”).`,
  },
  'smefs.territoryAmbiguous': {
    pl: (p) => `W powiecie jest kilka gmin „${p.value}”: dopisz rodzaj, np. „${p.value} (gmina wiejska)”.`,
    en: (p) => `The powiat has several gminy “${p.value}”: add the kind, e.g. “${p.value} (gmina wiejska)”.`,
  },
  'smefs.duplicateTechnicalId': {
    pl: (p) => `Ten sam identyfikator techniczny jest też w wierszu ${p.row}.`,
    en: (p) => `The same technical identifier is also in row ${p.row}.`,
  },
  'smefs.duplicatePesel': {
    pl: (p) => `Ta sama osoba (PESEL) jest też w wierszu ${p.row}.`,
    en: (p) => `The same person (PESEL) is also in row ${p.row}.`,
  },
  'smefs.technicalIdTaken': {
    pl: 'Projekt ma już uczestnika z tym identyfikatorem technicznym.',
    en: 'The project already has a participant with this technical identifier.',
  },
  'smefs.alreadyParticipant': {
    pl: 'Ta osoba (PESEL) jest już uczestnikiem projektu.',
    en: 'This person (PESEL) is already a participant of the project.',
  },
  'smefs.cells': {
    pl: (p) => `Wiersz ma ${p.count} kolumn zamiast ${p.expected}.`,
    en: (p) => `The row has ${p.count} columns instead of ${p.expected}.`,
  },
  'smefs.header': {
    pl: (p) =>
      `Nagłówek pliku nie jest nagłówkiem SM EFS: w kolumnie ${p.position} oczekiwano „${p.expected}”, jest „${p.value}”.`,
    en: (p) =>
      `The file's header is not the SM EFS header: column ${p.position} should be “${p.expected}”, it is “${p.value}”.`,
  },
  'smefs.empty': {
    pl: 'Plik nie zawiera żadnego wiersza z uczestnikiem.',
    en: 'The file holds no participant row.',
  },
  'smefs.unreadable': {
    pl: 'Nie udało się odczytać pliku: wgraj plik CSV (UTF-8, średnik) albo XLSX w formacie SM EFS.',
    en: 'The file could not be read: upload an SM EFS CSV (UTF-8, semicolons) or XLSX file.',
  },
} as const satisfies Record<string, Msg>;
export type SmefsProblemCode = keyof typeof smefsProblemMessages;

/** A problem of one participant (or one row of a file); `column` is null for the row as a whole. */
export interface SmefsProblem {
  column: SmefsColumnKey | null;
  code: SmefsProblemCode;
  params?: Params;
  message: { pl: string; en: string };
}

/** The message of a problem code in both languages (`column` in params is a column key or header). */
export function smefsMessage(code: SmefsProblemCode, params: Params = {}): { pl: string; en: string } {
  const m: Msg = smefsProblemMessages[code];
  const p: Params = { ...params };
  if (typeof p.column === 'string' && p.column in columnIndex)
    p.column = smefsHeaderOf(p.column as SmefsColumnKey);
  const text = (v: Msg['pl']) => (typeof v === 'function' ? v(p) : v);
  return { pl: text(m.pl), en: text(m.en) };
}

export function smefsProblem(
  column: SmefsColumnKey | null,
  code: SmefsProblemCode,
  params: Params = {},
): SmefsProblem {
  const withColumn = column ? { column, ...params } : params;
  return {
    column,
    code,
    ...(Object.keys(params).length ? { params } : {}),
    message: smefsMessage(code, withColumn),
  };
}

/** Problems in the order of the columns (row-wide ones first); stable within a column. */
const inColumnOrder = (problems: SmefsProblem[]) =>
  problems
    .map((p, i) => ({ p, i, c: p.column === null ? -1 : columnIndex[p.column] }))
    .sort((a, b) => a.c - b.c || a.i - b.i)
    .map((x) => x.p);

// ————— Formatting —————

const TAK = 'Tak';
const NIE = 'Nie';
const sexLabels = { K: 'Kobieta', M: 'Mężczyzna' } as const;

/** YYYY-MM-DD → DD.MM.YYYY */
export function formatSmefsDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** DD.MM.YYYY → YYYY-MM-DD, or null when it is no such date. */
export function parseSmefsDate(text: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!m) return null;
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d)
  )
    return null;
  return `${y}-${mo}-${d}`;
}

const orEmpty = (v: string | null | undefined) => v ?? '';
const triLabel = (v: TriState | null) => (v ? triState[v].pl : '');

/** The 35 cells of one participant, in the order of `smefsColumns`. */
export function toSmefsRow(r: SmefsRecord): string[] {
  const join = (xs: string[]) => xs.join(SMEFS_SEPARATOR);
  return [
    orEmpty(r.firstName),
    orEmpty(r.lastName),
    orEmpty(r.noPesel ? r.otherId : r.pesel),
    r.noPesel ? TAK : NIE,
    orEmpty(r.technicalId),
    r.sex ? sexLabels[r.sex] : '',
    r.ageAtEntry === null ? '' : String(r.ageAtEntry),
    r.education ? iscedGroups[r.education].pl : '',
    orEmpty(r.citizenship),
    orEmpty(r.country),
    orEmpty(r.voivodeship),
    orEmpty(r.powiat),
    orEmpty(r.gmina),
    orEmpty(r.city),
    orEmpty(r.postalCode),
    r.degurba ? degurbaLevels[r.degurba].pl : '',
    orEmpty(r.phone),
    orEmpty(r.email),
    r.labourStatus ? labourStatuses[r.labourStatus].pl : '',
    r.labourStatusDetail ? labourStatusDetails[r.labourStatusDetail].pl : '',
    join(r.supports.map((s) => supportKinds[s.kind].pl)),
    join(r.supports.map((s) => s.name)),
    join(r.supports.map((s) => formatSmefsDate(s.startsOn))),
    r.joinedOn ? formatSmefsDate(r.joinedOn) : '',
    r.leftOn ? formatSmefsDate(r.leftOn) : '',
    join(r.exitSituation.map((s) => exitSituations[s].pl)),
    r.completedPath === null ? '' : r.completedPath ? TAK : NIE,
    triLabel(r.disability),
    triLabel(r.foreignOrigin),
    triLabel(r.thirdCountry),
    triLabel(r.minority),
    triLabel(r.homeless),
    orEmpty(r.projectNumber),
    r.participantType ? participantTypes[r.participantType].pl : '',
    orEmpty(r.institutionName),
  ];
}

// ————— Parsing —————

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('pl');

function lookup<K extends string | number>(entries: [K, string][]): Map<string, K> {
  return new Map(entries.map(([k, label]) => [norm(label), k]));
}
const entriesOf = <K extends string>(dict: Record<K, { pl: string }>) =>
  (Object.keys(dict) as K[]).map((k) => [k, dict[k].pl] as [K, string]);

const sexByLabel = lookup<'K' | 'M'>([
  ['K', 'Kobieta'],
  ['M', 'Mężczyzna'],
]);
const iscedByLabel = lookup(entriesOf(iscedGroups));
const labourByLabel = lookup(entriesOf(labourStatuses));
const triByLabel = lookup(entriesOf(triState));
const exitByLabel = lookup(entriesOf(exitSituations));
const kindByLabel = lookup(entriesOf(supportKinds));
const typeByLabel = lookup(entriesOf(participantTypes));
const yesNo = lookup<'tak' | 'nie'>([
  ['tak', TAK],
  ['nie', NIE],
]);
const degurbaByLabel = lookup<DegurbaLevel>(
  ([1, 2, 3] as DegurbaLevel[]).map((k) => [k, degurbaLevels[k].pl] as [DegurbaLevel, string]),
);
const allowedOf = (dict: Record<string, { pl: string }>) =>
  Object.values(dict)
    .map((v) => v.pl)
    .join('; ');

export type SmefsParseResult =
  | { ok: true; record: SmefsRecord }
  | { ok: false; problems: SmefsProblem[]; record: SmefsRecord };

/** DEGURBA: the label ("Obszary wiejskie (3)"), the bare number, or a label starting with it ("3 - …"). */
function parseDegurba(text: string): DegurbaLevel | undefined {
  const byLabel = degurbaByLabel.get(norm(text));
  if (byLabel) return byLabel;
  const m = /^([123])(?:\s*[-–—.:)]|\s*$)/.exec(text.trim());
  return m ? (Number(m[1]) as DegurbaLevel) : undefined;
}

/**
 * Reads one row of the file (35 cells; trailing empty cells may be missing). The exact inverse of
 * `toSmefsRow`; labels are matched ignoring case and repeated spaces. Problems are syntactic only
 * (unknown labels, bad dates and numbers, support columns of different lengths); what a complete
 * record needs is `validateSmefsRecord`'s job. The record is returned even with problems (the cells
 * it could not read are null).
 */
export function parseSmefsRow(input: readonly string[]): SmefsParseResult {
  const problems: SmefsProblem[] = [];
  if (input.length > smefsColumns.length && input.slice(smefsColumns.length).some((c) => c.trim()))
    problems.push(smefsProblem(null, 'smefs.cells', { count: input.length, expected: smefsColumns.length }));
  const cell = (key: SmefsColumnKey): string => (input[columnIndex[key]] ?? '').trim();
  const text = (key: SmefsColumnKey): string | null => cell(key) || null;
  function label<K>(key: SmefsColumnKey, map: Map<string, K>, allowed: string): K | null {
    const v = cell(key);
    if (!v) return null;
    const k = map.get(norm(v));
    if (k === undefined) {
      problems.push(smefsProblem(key, 'smefs.label', { value: v, allowed }));
      return null;
    }
    return k;
  }
  function date(key: SmefsColumnKey): string | null {
    const v = cell(key);
    if (!v) return null;
    const d = parseSmefsDate(v);
    if (!d) problems.push(smefsProblem(key, 'smefs.date', { value: v }));
    return d;
  }
  const split = (key: SmefsColumnKey) => {
    const v = cell(key);
    return v ? v.split(SMEFS_SEPARATOR).map((x) => x.trim()) : [];
  };

  const noPeselAnswer = label('noPesel', yesNo, `${TAK}; ${NIE}`);
  const noPesel = noPeselAnswer === 'tak';
  const identifier = text('identifier');

  let ageAtEntry: number | null = null;
  const ageText = cell('ageAtEntry');
  if (ageText) {
    if (/^\d{1,3}$/.test(ageText)) ageAtEntry = Number(ageText);
    else problems.push(smefsProblem('ageAtEntry', 'smefs.integer', { value: ageText }));
  }

  let degurba: DegurbaLevel | null = null;
  const degurbaText = cell('degurba');
  if (degurbaText) {
    const d = parseDegurba(degurbaText);
    if (d) degurba = d;
    else
      problems.push(
        smefsProblem('degurba', 'smefs.label', {
          value: degurbaText,
          allowed: allowedOf(degurbaLevels as unknown as Record<string, { pl: string }>),
        }),
      );
  }

  const labourStatus = label('labourStatus', labourByLabel, allowedOf(labourStatuses));
  let labourStatusDetail: LabourStatusDetail | null = null;
  const detailText = cell('labourStatusDetail');
  if (detailText) {
    // "Inne" belongs to three statuses: the status decides which one is meant.
    const candidates = (Object.keys(labourStatusDetails) as LabourStatusDetail[]).filter(
      (k) => norm(labourStatusDetails[k].pl) === norm(detailText),
    );
    const fitting = labourStatus
      ? candidates.filter((k) => labourStatusDetailsOf[labourStatus].includes(k))
      : candidates;
    const chosen = fitting[0] ?? candidates[0];
    if (!chosen)
      problems.push(
        smefsProblem('labourStatusDetail', 'smefs.label', {
          value: detailText,
          allowed: [...new Set(Object.values(labourStatusDetails).map((v) => v.pl))].join('; '),
        }),
      );
    else labourStatusDetail = chosen;
  }

  // The three support columns: one value per form of support, at the same positions.
  const kindTexts = split('supportKinds');
  const nameTexts = split('supportNames');
  const startTexts = split('supportStarts');
  const supports: SmefsSupport[] = [];
  if (kindTexts.length !== nameTexts.length || kindTexts.length !== startTexts.length) {
    problems.push(smefsProblem('supportKinds', 'smefs.support.count'));
  } else {
    kindTexts.forEach((k, i) => {
      const kind = kindByLabel.get(norm(k));
      const startText = startTexts[i] as string;
      const startsOn = parseSmefsDate(startText);
      const name = nameTexts[i] as string;
      if (!kind)
        problems.push(
          smefsProblem('supportKinds', 'smefs.label', { value: k, allowed: allowedOf(supportKinds) }),
        );
      if (!name) problems.push(smefsProblem('supportNames', 'smefs.required'));
      if (!startsOn) problems.push(smefsProblem('supportStarts', 'smefs.date', { value: startText }));
      if (kind && name && startsOn) supports.push({ kind, name, startsOn });
    });
  }

  const exitSituation: ExitSituation[] = [];
  for (const s of split('exitSituation')) {
    const k = exitByLabel.get(norm(s));
    if (k) exitSituation.push(k);
    else
      problems.push(
        smefsProblem('exitSituation', 'smefs.label', { value: s, allowed: allowedOf(exitSituations) }),
      );
  }
  const completed = label('completedPath', yesNo, `${TAK}; ${NIE}`);
  const tri = (key: SmefsColumnKey) => label(key, triByLabel, allowedOf(triState));

  const record: SmefsRecord = {
    firstName: text('firstName'),
    lastName: text('lastName'),
    pesel: noPesel ? null : identifier,
    noPesel,
    otherId: noPesel ? identifier : null,
    technicalId: text('technicalId'),
    sex: label('sex', sexByLabel, 'Kobieta; Mężczyzna'),
    ageAtEntry,
    education: label('education', iscedByLabel, allowedOf(iscedGroups)),
    citizenship: text('citizenship'),
    country: text('country'),
    voivodeship: text('voivodeship'),
    powiat: text('powiat'),
    gmina: text('gmina'),
    city: text('city'),
    postalCode: text('postalCode'),
    degurba,
    phone: text('phone'),
    email: text('email'),
    labourStatus,
    labourStatusDetail,
    supports,
    joinedOn: date('joinedOn'),
    leftOn: date('leftOn'),
    exitSituation,
    completedPath: completed === null ? null : completed === 'tak',
    disability: tri('disability'),
    foreignOrigin: tri('foreignOrigin'),
    thirdCountry: tri('thirdCountry'),
    minority: tri('minority'),
    homeless: tri('homeless'),
    projectNumber: text('projectNumber'),
    participantType: label('participantType', typeByLabel, allowedOf(participantTypes)),
    institutionName: text('institutionName'),
  };
  if (!cell('noPesel')) problems.push(smefsProblem('noPesel', 'smefs.required'));
  return problems.length ? { ok: false, problems: inColumnOrder(problems), record } : { ok: true, record };
}

// ————— Validation —————

export const SMEFS_MAX_AGE = 120;
const POSTAL = /^\d{2}-\d{3}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FREE_TEXT: SmefsColumnKey[] = [
  'firstName',
  'lastName',
  'technicalId',
  'citizenship',
  'country',
  'city',
  'phone',
  'email',
  'projectNumber',
  'institutionName',
];

/**
 * What the monitoring system would refuse in a participant's record, per column. An empty list means
 * the row can be sent. Checks: required fields; PESEL present unless "brak PESEL", 11 digits with a
 * valid check digit and date, matching the sex and the age at joining; age 0–120; DEGURBA; the "w tym"
 * fitting the labour-market status; a Polish postal code and the territorial units for Poland; at
 * least one form of support, none starting before joining or after leaving; exit data complete
 * (date, situation and "according to the path" together); the institution's name for its employee;
 * no free text starting with a formula sign.
 */
export function validateSmefsRecord(r: SmefsRecord): SmefsProblem[] {
  const out: SmefsProblem[] = [];
  const required = (key: SmefsColumnKey, v: unknown) => {
    if (v === null || v === undefined || v === '') {
      out.push(smefsProblem(key, 'smefs.required'));
      return false;
    }
    return true;
  };

  required('firstName', r.firstName);
  required('lastName', r.lastName);
  let peselInfo: ReturnType<typeof decodePesel> = null;
  if (r.noPesel) {
    if (r.pesel) out.push(smefsProblem('identifier', 'smefs.pesel.unexpected'));
  } else if (!r.pesel) {
    out.push(smefsProblem('identifier', 'smefs.pesel.missing'));
  } else if (!/^\d{11}$/.test(r.pesel)) {
    out.push(smefsProblem('identifier', 'smefs.pesel.format'));
  } else {
    peselInfo = decodePesel(r.pesel);
    if (!peselInfo) out.push(smefsProblem('identifier', 'smefs.pesel.checksum'));
  }
  required('technicalId', r.technicalId);
  if (required('sex', r.sex) && peselInfo && peselInfo.sex !== r.sex)
    out.push(smefsProblem('sex', 'smefs.pesel.sex'));
  if (required('ageAtEntry', r.ageAtEntry) && r.ageAtEntry !== null) {
    if (r.ageAtEntry < 0 || r.ageAtEntry > SMEFS_MAX_AGE)
      out.push(smefsProblem('ageAtEntry', 'smefs.age.range', { value: r.ageAtEntry, max: SMEFS_MAX_AGE }));
    else if (peselInfo && r.joinedOn) {
      const expected = ageOn(peselInfo.birthDate, r.joinedOn);
      if (expected !== r.ageAtEntry)
        out.push(smefsProblem('ageAtEntry', 'smefs.age.pesel', { value: r.ageAtEntry, expected }));
    }
  }
  required('education', r.education);
  required('citizenship', r.citizenship);
  required('country', r.country);
  const poland = !r.country || norm(r.country) === norm(SMEFS_POLAND);
  if (poland) {
    required('voivodeship', r.voivodeship);
    required('powiat', r.powiat);
    required('gmina', r.gmina);
    if (required('postalCode', r.postalCode) && r.postalCode && !POSTAL.test(r.postalCode))
      out.push(smefsProblem('postalCode', 'smefs.postalCode'));
  }
  required('city', r.city);
  required('degurba', r.degurba);
  if (r.email && !EMAIL.test(r.email)) out.push(smefsProblem('email', 'smefs.email'));
  if (required('labourStatus', r.labourStatus) && r.labourStatus) {
    if (
      required('labourStatusDetail', r.labourStatusDetail) &&
      r.labourStatusDetail &&
      !labourStatusDetailsOf[r.labourStatus].includes(r.labourStatusDetail)
    )
      out.push(
        smefsProblem('labourStatusDetail', 'smefs.detail', { status: labourStatuses[r.labourStatus].pl }),
      );
  }

  const joined = required('joinedOn', r.joinedOn) ? r.joinedOn : null;
  if (r.supports.length === 0) out.push(smefsProblem('supportKinds', 'smefs.support.none'));
  for (const s of r.supports) {
    if (s.name.includes(SMEFS_SEPARATOR))
      out.push(smefsProblem('supportNames', 'smefs.support.separator', { value: s.name }));
    if (joined && s.startsOn < joined)
      out.push(smefsProblem('supportStarts', 'smefs.support.beforeJoining', { value: s.name }));
    if (r.leftOn && s.startsOn > r.leftOn)
      out.push(smefsProblem('supportStarts', 'smefs.support.afterLeaving', { value: s.name }));
  }

  if (r.leftOn) {
    if (joined && r.leftOn < joined) out.push(smefsProblem('leftOn', 'smefs.exit.beforeJoining'));
    if (r.exitSituation.length === 0) out.push(smefsProblem('exitSituation', 'smefs.exit.incomplete'));
    if (r.completedPath === null) out.push(smefsProblem('completedPath', 'smefs.exit.incomplete'));
  } else {
    if (r.exitSituation.length > 0) out.push(smefsProblem('exitSituation', 'smefs.exit.withoutDate'));
    if (r.completedPath !== null) out.push(smefsProblem('completedPath', 'smefs.exit.withoutDate'));
  }

  required('disability', r.disability);
  required('foreignOrigin', r.foreignOrigin);
  required('thirdCountry', r.thirdCountry);
  required('minority', r.minority);
  required('homeless', r.homeless);
  required('projectNumber', r.projectNumber);
  if (required('participantType', r.participantType) && r.participantType === 'pracownik_instytucji')
    if (!r.institutionName) out.push(smefsProblem('institutionName', 'smefs.institutionName'));

  for (const key of FREE_TEXT) {
    const v = r[key as keyof SmefsRecord];
    if (typeof v === 'string' && /^[=@]/.test(v)) out.push(smefsProblem(key, 'smefs.formula'));
  }
  return inColumnOrder(out);
}

/** Problems of the header row of a file (the exact SM EFS headers, in order; case and spaces ignored). */
export function checkSmefsHeader(cells: readonly string[]): SmefsProblem[] {
  const first = [...cells];
  if (first[0]) first[0] = first[0].replace(/^\uFEFF/, '');
  for (let i = 0; i < smefsColumns.length; i++) {
    const expected = smefsColumns[i]?.header as string;
    const value = (first[i] ?? '').trim();
    if (norm(value) !== norm(expected))
      return [smefsProblem(null, 'smefs.header', { position: i + 1, expected, value })];
  }
  return [];
}

// ————— CSV —————

export const SMEFS_CSV_DELIMITER = ';';
export const SMEFS_CSV_BOM = '\uFEFF';
export const SMEFS_CSV_EOL = '\r\n';

/** One CSV line (with CRLF): a cell is quoted when it holds the delimiter, a quote, CR or LF. */
export function smefsCsvLine(cells: readonly string[]): string {
  return (
    cells.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(SMEFS_CSV_DELIMITER) +
    SMEFS_CSV_EOL
  );
}

/**
 * The rows of a CSV text (RFC 4180: quoted cells may hold the delimiter, doubled quotes and line
 * breaks; CRLF or LF line ends; a leading BOM is skipped). Yields one row at a time so a big file
 * never becomes one big array; blank lines are skipped. Each row comes with its line number.
 */
export function* smefsCsvRows(
  text: string,
  delimiter = SMEFS_CSV_DELIMITER,
): Generator<{ line: number; cells: string[] }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let ended = false;
    while (i < n && !ended) {
      const ch = text[i] as string;
      if (ch === '"' && cell === '') {
        // A quoted cell up to the closing quote; "" inside is one quote.
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            cell += text.slice(i);
            i = n;
            break;
          }
          const part = text.slice(i, q);
          for (const c of part) if (c === '\n') line++;
          cell += part;
          if (text[q + 1] === '"') {
            cell += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        continue;
      }
      if (ch === delimiter) {
        cells.push(cell);
        cell = '';
        i++;
      } else if (ch === '\r' || ch === '\n') {
        cells.push(cell);
        cell = '';
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      } else {
        // Plain run up to the next special character.
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 0x22 || c === 0x0d || c === 0x0a || text[j] === delimiter) break;
          j++;
        }
        cell += text.slice(i, j);
        i = j;
      }
    }
    if (!ended) cells.push(cell);
    if (cells.length === 1 && cells[0] === '') continue;
    yield { line: startLine, cells };
  }
}

/**
 * The rows of a CSV given in pieces (a big file decoded a megabyte at a time): each piece is cut after
 * its last complete row — a line break outside quotes, found by counting quotes (an escaped quote
 * counts twice, so the parity holds) — and the rest waits for the next piece. Yields exactly what
 * `smefsCsvRows` yields for the whole text.
 */
export function* smefsCsvRowsFromPieces(
  pieces: Iterable<string>,
  delimiter = SMEFS_CSV_DELIMITER,
): Generator<{ line: number; cells: string[] }> {
  let rest = '';
  let lines = 0;
  let first = true;
  const emit = function* (text: string) {
    for (const r of smefsCsvRows(text, delimiter)) yield { line: r.line + lines, cells: r.cells };
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  };
  for (const piece of pieces) {
    let text = rest + piece;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let quotes = 0;
    let cut = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) quotes++;
      else if (c === 0x0a && quotes % 2 === 0) cut = i;
    }
    if (cut < 0) {
      rest = text;
      continue;
    }
    rest = text.slice(cut + 1);
    yield* emit(text.slice(0, cut + 1));
  }
  if (rest) yield* emit(rest);
}

// ————— API —————

/** A problem as the API returns it: the column key and header, the code, the message in the request's language. */
export const SmefsProblemView = z.object({
  column: z.string().nullable(),
  header: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type SmefsProblemView = z.infer<typeof SmefsProblemView>;

export const SmefsReportQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type SmefsReportQuery = z.infer<typeof SmefsReportQuery>;

/** The validation report of a project: counts, problems per column, and the participants with problems (paged). */
export const SmefsReport = z.object({
  projectId: z.uuid(),
  projectNumber: z.string(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  byColumn: z.array(
    z.object({ column: z.string().nullable(), header: z.string().nullable(), count: z.number().int() }),
  ),
  items: z.array(
    z.object({
      participantId: z.uuid(),
      technicalId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      problems: z.array(SmefsProblemView),
    }),
  ),
  limit: z.number().int(),
  offset: z.number().int(),
  abilities: z.object({ import: z.boolean() }),
});
export type SmefsReport = z.infer<typeof SmefsReport>;

export const SmefsExportQuery = z.object({
  /** Download even when some participants have problems (the report lists them). */
  force: z.enum(['true', 'false']).optional(),
});

export const SmefsImportUploadQuery = z.object({
  filename: z.string().trim().min(1).max(200),
});

export const smefsImportStatuses = {
  walidacja: { pl: 'Sprawdzanie pliku', en: 'Checking the file' },
  gotowy: { pl: 'Gotowy do zapisania', en: 'Ready to save' },
  bledy: { pl: 'Plik ma błędy', en: 'The file has errors' },
  zapisywanie: { pl: 'Zapisywanie', en: 'Saving' },
  zapisany: { pl: 'Zapisany', en: 'Saved' },
  niepowodzenie: { pl: 'Nie zapisano', en: 'Not saved' },
} as const satisfies Record<string, { pl: string; en: string }>;
export type SmefsImportStatus = keyof typeof smefsImportStatuses;
export const SmefsImportStatusKey = z.enum(
  Object.keys(smefsImportStatuses) as [SmefsImportStatus, ...SmefsImportStatus[]],
);

export const SmefsImportQuery = z.object({
  errorsLimit: z.coerce.number().int().min(1).max(1000).default(100),
  errorsOffset: z.coerce.number().int().min(0).default(0),
});

/** An import: progress, the per-row problems (paged; only once checked), notices, and what was saved. */
export const SmefsImport = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  filename: z.string(),
  format: z.enum(['csv', 'xlsx']),
  status: SmefsImportStatusKey,
  rowCount: z.number().int(),
  processed: z.number().int(),
  errorRows: z.number().int(),
  /** How many problems are kept (at most `SMEFS_IMPORT_MAX_ERRORS`). */
  errorCount: z.number().int(),
  errors: z.array(SmefsProblemView.extend({ row: z.number().int() })),
  notices: z.array(z.string()),
  result: z
    .object({
      participants: z.number().int(),
      personsCreated: z.number().int(),
      personsMatched: z.number().int(),
      activitiesCreated: z.number().int(),
      episodes: z.number().int(),
    })
    .nullable(),
  failure: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ confirm: z.boolean(), discard: z.boolean() }),
});
export type SmefsImport = z.infer<typeof SmefsImport>;

export const SmefsImportConfirm = z.object({ version: z.number().int().min(1) });

/** Problems kept per import (the count of rows with problems is always exact). */
export const SMEFS_IMPORT_MAX_ERRORS = 5000;
/** The largest file an import takes. */
export const SMEFS_IMPORT_MAX_BYTES = 64 * 1024 * 1024;
