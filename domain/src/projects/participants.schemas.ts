import { z } from 'zod';
import { keysOf, otherIdTypes } from '../cases/dictionaries.js';
import { decodePesel } from '../identifiers/identifiers.js';
import { PostalCode } from '../identity/institutions.js';
import { Email } from '../identity/users.schemas.js';
import {
  exitResults,
  exitSituations,
  followUpResults,
  iscedGroups,
  labourStatusDetails,
  labourStatusDetailsOf,
  labourStatuses,
  participantStatuses,
  participantTypes,
  triState,
} from './participants.js';

/**
 * The contract of the participants capability (docs/participants.md): enrolment with every SM EFS
 * field at entry, edits, the exit and the six-month follow-up, the list and the card, and the
 * DEGURBA table import. Field rules are message keys (pl/en on the server: participants/messages.ts).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
const required = (max: number) => z.string().trim().min(1).max(max);
const nullableKey = <T extends z.ZodType>(schema: T) =>
  schema
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const TriState = z.enum(keysOf(triState));
const Isced = z.enum(keysOf(iscedGroups));
const LabourStatus = z.enum(keysOf(labourStatuses));
const LabourStatusDetail = z.enum(keysOf(labourStatusDetails));
const ParticipantType = z.enum(keysOf(participantTypes));
const ParticipantStatus = z.enum(keysOf(participantStatuses));
const ExitSituation = z.enum(keysOf(exitSituations));
const ExitResult = z.enum(keysOf(exitResults));
const FollowUpResult = z.enum(keysOf(followUpResults));
const OtherIdType = z.enum(keysOf(otherIdTypes));
const Sex = z.enum(['K', 'M']);
const Degurba = z.number().int().min(1).max(3);
const Gmina = z.string().regex(/^\d{7}$/, { message: 'territory.gminaRequired' });

/** The country of residence that makes a TERYT gmina (and so DEGURBA) required. */
export const HOME_COUNTRY = 'Polska';

/** A follow-up is shown as coming up this many days before it is due. */
export const FOLLOW_UP_NOTICE_DAYS = 14;

/** The SM EFS data at entry that a coordinator may change after enrolment (not the birth date, not the age). */
const entryFields = {
  cohortId: nullableKey(z.uuid()),
  participantType: ParticipantType.default('indywidualny'),
  institutionName: text(300),
  joinedOn: isoDate,
  education: Isced,
  citizenship: z.string().trim().min(2).max(60).default('polskie'),
  country: z.string().trim().min(2).max(60).default(HOME_COUNTRY),
  teryt: nullableKey(Gmina),
  city: text(120),
  postalCode: PostalCode.nullable()
    .optional()
    .transform((s) => s ?? null),
  /** Required when the gmina has no row in the DEGURBA table; otherwise the table's value is used. */
  degurba: nullableKey(Degurba),
  phone: text(40),
  email: Email.nullable()
    .optional()
    .or(z.literal('').transform(() => null))
    .transform((s) => s ?? null),
  labourStatus: LabourStatus,
  labourStatusDetail: nullableKey(LabourStatusDetail),
  disability: TriState,
  foreignOrigin: TriState,
  thirdCountry: TriState,
  minority: TriState,
  homeless: TriState,
};

/** The person's identity at enrolment (the person registry of the project's leader). */
const identityFields = {
  firstName: required(100),
  lastName: required(150),
  /** Without a PESEL set `noPesel` and give another identifier, the birth date and the sex. */
  noPesel: z.boolean().default(false),
  /** Checked on its own (checksum, encoded date), so a wrong PESEL is reported with every other field. */
  pesel: z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || decodePesel(s) !== null, { message: 'pesel.invalid' }),
  otherIdType: nullableKey(OtherIdType),
  otherIdNumber: text(50),
  birthDate: nullableKey(isoDate),
  sex: nullableKey(Sex),
  street: text(200),
};

type Ctx = z.RefinementCtx;
type EntryData = {
  participantType: string;
  institutionName: string | null;
  country: string;
  citizenship: string;
  teryt: string | null;
  labourStatus: z.infer<typeof LabourStatus>;
  labourStatusDetail: z.infer<typeof LabourStatusDetail> | null;
  thirdCountry: string;
};

const issue = (ctx: Ctx, path: string, message: string) =>
  ctx.addIssue({ code: 'custom', path: path.split('.'), message });

const isPolish = (citizenship: string) => /^pol(skie|ska|and|ish)?$/i.test(citizenship.trim());

/** The rules every save of the SM EFS data keeps (enrolment and edits). */
function entryRules(v: EntryData, ctx: Ctx, prefix = '') {
  const at = (f: string) => `${prefix}${f}`;
  if (v.participantType === 'pracownik_instytucji' && !v.institutionName)
    issue(ctx, at('institutionName'), 'participant.institutionNameRequired');
  if (v.country.trim().toLowerCase() === HOME_COUNTRY.toLowerCase() && !v.teryt)
    issue(ctx, at('teryt'), 'participant.terytRequired');
  if (!v.labourStatusDetail) issue(ctx, at('labourStatusDetail'), 'participant.labourDetailRequired');
  else if (!labourStatusDetailsOf[v.labourStatus].includes(v.labourStatusDetail))
    issue(ctx, at('labourStatusDetail'), 'participant.labourDetailMismatch');
  if (v.thirdCountry === 'tak' && isPolish(v.citizenship))
    issue(ctx, at('thirdCountry'), 'participant.thirdCountryPolish');
}

/**
 * Enrolment (after merging in the application's data when one is named). With a PESEL its checksum
 * is checked and the birth date and sex come from it (and must agree if sent); without one, another
 * identifier, the birth date and the sex are required. The birth date may not be after the day of
 * joining (the age at entry is computed from both and locked).
 */
export const ParticipantEnrolInput = z
  .object({ applicationId: nullableKey(z.uuid()), ...identityFields, ...entryFields })
  .superRefine((v, ctx) => {
    if (!v.noPesel) {
      const info = v.pesel ? decodePesel(v.pesel) : null;
      if (!v.pesel) issue(ctx, 'pesel', 'participant.peselRequired');
      else if (info) {
        if (v.birthDate && v.birthDate !== info.birthDate) issue(ctx, 'birthDate', 'pesel.birthDateMismatch');
        if (v.sex && v.sex !== info.sex) issue(ctx, 'sex', 'pesel.sexMismatch');
      }
    } else {
      if (v.pesel) issue(ctx, 'pesel', 'participant.peselWithNoPesel');
      if (!v.otherIdType) issue(ctx, 'otherIdType', 'person.noPeselNeedsId');
      else if (v.otherIdType !== 'brak' && !v.otherIdNumber)
        issue(ctx, 'otherIdNumber', 'person.otherIdNumberRequired');
      if (!v.birthDate) issue(ctx, 'birthDate', 'person.birthDateRequired');
      if (!v.sex) issue(ctx, 'sex', 'person.sexRequired');
    }
    const birth = v.pesel && !v.noPesel ? decodePesel(v.pesel)?.birthDate : v.birthDate;
    if (birth && birth > v.joinedOn) issue(ctx, 'joinedOn', 'participant.joinedBeforeBirth');
    entryRules(v, ctx);
  })
  .transform((v) => {
    const info = !v.noPesel && v.pesel ? decodePesel(v.pesel) : null;
    return {
      ...v,
      pesel: info ? v.pesel : null,
      birthDate: (info?.birthDate ?? v.birthDate) as string,
      sex: (info?.sex ?? v.sex) as 'K' | 'M',
      otherIdType: info ? null : v.otherIdType,
      otherIdNumber: info ? null : v.otherIdNumber,
    };
  });
export type ParticipantEnrolInput = z.input<typeof ParticipantEnrolInput>;
export type ParticipantEnrolData = z.output<typeof ParticipantEnrolInput>;

/**
 * The body of `POST …/participants`: the same fields, each optional at this stage. With
 * `applicationId` the server fills what is missing from the application, then checks the whole
 * with {@link ParticipantEnrolInput}; without one the body must be complete.
 */
export const ParticipantEnrolRequest = z.looseObject({
  applicationId: z.uuid().nullable().optional(),
});
export type ParticipantEnrolRequest = ParticipantEnrolInput;

/** An edit of the data at entry: identity, birth date and the locked age are not changed here. */
export const ParticipantEntryInput = z.object(entryFields).superRefine((v, ctx) => entryRules(v, ctx));
export type ParticipantEntryInput = z.input<typeof ParticipantEntryInput>;

export const ParticipantUpdate = z.object({
  participant: ParticipantEntryInput,
  version: z.number().int(),
});
export type ParticipantUpdate = z.input<typeof ParticipantUpdate>;

/** Leaving the project (SM EFS: date, situation, completed path, results on leaving). */
export const ParticipantExitInput = z
  .object({
    status: z.enum(['zakonczony', 'przerwany']),
    leftOn: isoDate,
    exitSituation: z.array(ExitSituation).min(1, { message: 'participant.exitSituationRequired' }),
    completedPath: z.boolean(),
    exitResults: z.array(ExitResult).default([]),
    version: z.number().int(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'przerwany' && v.completedPath)
      issue(ctx, 'completedPath', 'participant.droppedOutCompleted');
    if (new Set(v.exitSituation).size !== v.exitSituation.length)
      issue(ctx, 'exitSituation', 'participant.repeated');
    if (new Set(v.exitResults).size !== v.exitResults.length)
      issue(ctx, 'exitResults', 'participant.repeated');
  });
export type ParticipantExitInput = z.input<typeof ParticipantExitInput>;

/** The six-month follow-up result. */
export const ParticipantFollowUpInput = z
  .object({
    followUpOn: isoDate,
    followUpResult: z.array(FollowUpResult).min(1, { message: 'participant.followUpResultRequired' }),
    version: z.number().int(),
  })
  .superRefine((v, ctx) => {
    const r = new Set(v.followUpResult);
    if (r.has('brak_kontaktu') && r.size > 1)
      issue(ctx, 'followUpResult', 'participant.followUpNoContactAlone');
    else if (r.has('bez_zmian') && (r.has('pracuje') || r.has('lepsza_sytuacja')))
      issue(ctx, 'followUpResult', 'participant.followUpNoChangeAlone');
  });
export type ParticipantFollowUpInput = z.input<typeof ParticipantFollowUpInput>;

export interface ParticipantFieldIssue {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The rules of an exit that need the stored record: not before joining, not in the future. */
export function exitIssues(
  p: { joinedOn: string },
  exit: { leftOn: string },
  today: string,
): ParticipantFieldIssue[] {
  const out: ParticipantFieldIssue[] = [];
  if (exit.leftOn < p.joinedOn)
    out.push({
      field: 'leftOn',
      code: 'participant.leftBeforeJoined',
      params: { date: ddmmyyyy(p.joinedOn) },
    });
  if (exit.leftOn > today) out.push({ field: 'leftOn', code: 'participant.dateInFuture' });
  return out;
}

/** The rules of a follow-up that need the stored record: only after leaving, on or after that day. */
export function followUpIssues(
  p: { leftOn: string | null },
  f: { followUpOn: string },
  today: string,
): ParticipantFieldIssue[] {
  if (!p.leftOn) return [{ field: 'followUpOn', code: 'participant.followUpNotLeft' }];
  const out: ParticipantFieldIssue[] = [];
  if (f.followUpOn < p.leftOn)
    out.push({
      field: 'followUpOn',
      code: 'participant.followUpBeforeLeft',
      params: { date: ddmmyyyy(p.leftOn) },
    });
  if (f.followUpOn > today) out.push({ field: 'followUpOn', code: 'participant.dateInFuture' });
  return out;
}

/** The rules of the day of joining that need the project: within its period, not in the future. */
export function joinedOnIssues(
  joinedOn: string,
  period: { startsOn: string; endsOn: string },
  today: string,
  leftOn: string | null = null,
): ParticipantFieldIssue[] {
  const out: ParticipantFieldIssue[] = [];
  if (joinedOn < period.startsOn || joinedOn > period.endsOn)
    out.push({
      field: 'joinedOn',
      code: 'project.outsidePeriod',
      params: { from: ddmmyyyy(period.startsOn), to: ddmmyyyy(period.endsOn) },
    });
  if (joinedOn > today) out.push({ field: 'joinedOn', code: 'participant.dateInFuture' });
  if (leftOn && joinedOn > leftOn)
    out.push({ field: 'joinedOn', code: 'participant.joinedAfterLeft', params: { date: ddmmyyyy(leftOn) } });
  return out;
}

/** Where a participant's follow-up stands on `today`: overdue, coming up, or nothing to do. */
export type FollowUpState = 'zalegly' | 'wkrotce' | null;
export function followUpStateOf(
  p: { followUpDueOn: string | null; followUpOn: string | null },
  today: string,
): FollowUpState {
  if (!p.followUpDueOn || p.followUpOn) return null;
  if (p.followUpDueOn <= today) return 'zalegly';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + FOLLOW_UP_NOTICE_DAYS);
  return p.followUpDueOn <= soon.toISOString().slice(0, 10) ? 'wkrotce' : null;
}

// ————— Responses —————

const FollowUpStateKey = z.enum(['zalegly', 'wkrotce']).nullable();

export const ParticipantSummary = z.object({
  id: z.uuid(),
  technicalId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  sex: Sex,
  ageAtEntry: z.number().int(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  status: ParticipantStatus,
  cohortId: z.string().nullable(),
  cohortName: z.string().nullable(),
  followUpDueOn: z.string().nullable(),
  followUpOn: z.string().nullable(),
  followUp: FollowUpStateKey,
});
export type ParticipantSummary = z.infer<typeof ParticipantSummary>;

export const ParticipantCounts = z.object({
  total: z.number().int(),
  byStatus: z.record(ParticipantStatus, z.number().int()),
  bySex: z.record(Sex, z.number().int()),
});
export type ParticipantCounts = z.infer<typeof ParticipantCounts>;

export const ParticipantListQuery = z.object({
  status: ParticipantStatus.optional(),
  cohortId: z.uuid().optional(),
  /** Words of the name (any order, diacritics ignored), the technical id or a PESEL. */
  q: z.string().trim().max(100).optional(),
  /** Only participants whose follow-up is overdue or coming up. */
  followUp: z.enum(['do_zrobienia']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ParticipantListQuery = z.input<typeof ParticipantListQuery>;

export const ParticipantList = z.object({
  /** How many match the filters (for paging). */
  total: z.number().int(),
  items: z.array(ParticipantSummary),
  /** Counts of the whole project (not filtered). */
  counts: ParticipantCounts,
  /** Follow-ups of the project overdue or coming up in the next {@link FOLLOW_UP_NOTICE_DAYS} days. */
  followUpsDue: z.number().int(),
  cohorts: z.array(z.object({ id: z.string(), name: z.string() })),
  today: z.string(),
  abilities: z.object({ manage: z.boolean() }),
});
export type ParticipantList = z.infer<typeof ParticipantList>;

/** What every reader of a project sees: counts only, and whether they may see the persons. */
export const ParticipantAggregate = z.object({
  counts: ParticipantCounts,
  /** The cohorts of the project's calls (no personal data). */
  cohorts: z.array(z.object({ id: z.string(), name: z.string() })),
  abilities: z.object({ readPersons: z.boolean(), manage: z.boolean() }),
});
export type ParticipantAggregate = z.infer<typeof ParticipantAggregate>;

export const ParticipantFollowUpDue = z.object({
  id: z.uuid(),
  technicalId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  leftOn: z.string(),
  followUpDueOn: z.string(),
  followUp: z.enum(['zalegly', 'wkrotce']),
});
export const ParticipantFollowUpList = z.object({
  items: z.array(ParticipantFollowUpDue),
  today: z.string(),
});
export type ParticipantFollowUpList = z.infer<typeof ParticipantFollowUpList>;

export const Participant = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  technicalId: z.string(),
  person: z.object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    pesel: z.string().nullable(),
    otherIdType: OtherIdType.nullable(),
    otherIdNumber: z.string().nullable(),
    birthDate: z.string(),
    street: z.string().nullable(),
  }),
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  cohortId: z.string().nullable(),
  cohortName: z.string().nullable(),
  participantType: ParticipantType,
  institutionName: z.string().nullable(),
  joinedOn: z.string(),
  ageAtEntry: z.number().int(),
  sex: Sex,
  education: Isced,
  citizenship: z.string(),
  country: z.string(),
  teryt: z.string().nullable(),
  /** Gmina, powiat and województwo names of the TERYT code. */
  gminaName: z.string().nullable(),
  powiatName: z.string().nullable(),
  wojewodztwoName: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  degurba: Degurba.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  labourStatus: LabourStatus,
  labourStatusDetail: LabourStatusDetail.nullable(),
  disability: TriState,
  foreignOrigin: TriState,
  thirdCountry: TriState,
  minority: TriState,
  homeless: TriState,
  status: ParticipantStatus,
  leftOn: z.string().nullable(),
  exitSituation: z.array(ExitSituation),
  completedPath: z.boolean().nullable(),
  exitResults: z.array(ExitResult),
  followUpDueOn: z.string().nullable(),
  followUpOn: z.string().nullable(),
  followUpResult: z.array(FollowUpResult),
  followUp: FollowUpStateKey,
  version: z.number().int(),
  createdAt: z.string(),
  abilities: z.object({ manage: z.boolean() }),
});
export type Participant = z.infer<typeof Participant>;

// ————— DEGURBA table —————

export const DegurbaImportInput = z.object({
  /** The file's text: `teryt;degurba` per line (a header line and `,` or tab as separators accepted). */
  csv: z.string().max(2_000_000),
  /** false: only check and preview; true: write, all rows or none. */
  apply: z.boolean().default(false),
});
export type DegurbaImportInput = z.input<typeof DegurbaImportInput>;

export const DegurbaImportResult = z.object({
  rows: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })),
  /** Rows per level in the file. */
  byLevel: z.record(z.enum(['1', '2', '3']), z.number().int()),
  /** Rows that change an existing value or add a gmina. */
  changes: z.number().int(),
  applied: z.boolean(),
});
export type DegurbaImportResult = z.infer<typeof DegurbaImportResult>;

export const DegurbaSummary = z.object({
  /** Gminy with a DEGURBA value. */
  total: z.number().int(),
  /** Active gminy in the territorial register. */
  gminas: z.number().int(),
  byLevel: z.record(z.enum(['1', '2', '3']), z.number().int()),
  importedAt: z.string().nullable(),
});
export type DegurbaSummary = z.infer<typeof DegurbaSummary>;

export const DegurbaLookup = z.object({ teryt: z.string(), degurba: Degurba.nullable() });
export type DegurbaLookup = z.infer<typeof DegurbaLookup>;

export interface DegurbaCsvIssue {
  line: number;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * Reads a DEGURBA file: one `teryt;degurba` per line (`,` or a tab also separate; a BOM, blank lines
 * and a header line naming "teryt" are skipped). Each line is checked on its own (7-digit gmina code,
 * level 1–3, no gmina twice); whether the gmina exists is the server's check.
 */
export function parseDegurbaCsv(text: string): {
  rows: { line: number; teryt: string; degurba: 1 | 2 | 3 }[];
  issues: DegurbaCsvIssue[];
} {
  const rows: { line: number; teryt: string; degurba: 1 | 2 | 3 }[] = [];
  const issues: DegurbaCsvIssue[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (!s) return;
    const cells = s.split(/[;,\t]/).map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    );
    if (rows.length === 0 && issues.length === 0 && /teryt/i.test(cells[0] ?? '')) return;
    if (cells.length !== 2) {
      issues.push({ line, code: 'degurba.columns', params: { count: cells.length } });
      return;
    }
    const [teryt = '', level = ''] = cells;
    let ok = true;
    if (!/^\d{7}$/.test(teryt)) {
      issues.push({ line, code: 'degurba.teryt', params: { value: teryt.slice(0, 20) } });
      ok = false;
    }
    if (!/^[123]$/.test(level)) {
      issues.push({ line, code: 'degurba.level', params: { value: level.slice(0, 20) } });
      ok = false;
    }
    if (!ok) return;
    const first = seen.get(teryt);
    if (first !== undefined) {
      issues.push({ line, code: 'degurba.duplicate', params: { teryt, first } });
      return;
    }
    seen.set(teryt, line);
    rows.push({ line, teryt, degurba: Number(level) as 1 | 2 | 3 });
  });
  if (rows.length === 0 && issues.length === 0) issues.push({ line: 0, code: 'degurba.empty' });
  return { rows, issues };
}
