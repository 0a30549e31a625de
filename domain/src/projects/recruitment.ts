import { z } from 'zod';
import { keysOf } from '../cases/dictionaries.js';
import { GminaCode, IsoDate, SexKey } from '../cases/persons.schemas.js';
import { decodePesel } from '../identifiers/identifiers.js';
import { PostalCode } from '../identity/institutions.js';
import { Email } from '../identity/users.schemas.js';
import {
  ageOn,
  applicationChannels,
  applicationFormKinds,
  applicationStatuses,
  callStatuses,
  iscedGroups,
  labourStatuses,
  povertyGrounds,
  type TieBreakRule,
  tieBreakRules,
  triState,
} from './participants.js';

/**
 * Recruitment (nabór) of a project (DOMAIN.md §4, docs/recruitment.md): calls with cohorts, the
 * eligibility rules and scoring criteria as data, the pure rules that check an application against
 * them (every rule with its reason), the scoring and the ranking of a cohort with its reserve list;
 * and the input/output schemas of calls, cohorts and applications (public form and paper entry).
 */

type Labels = { pl: string; en: string };

// ————— Dictionaries —————

export const eligibilityRuleKinds = {
  wiek: { pl: 'Wiek w dniu złożenia zgłoszenia', en: 'Age on the day of application' },
  zamieszkanie: { pl: 'Miejsce zamieszkania (gmina lub powiat)', en: 'Place of residence (gmina or powiat)' },
  status_na_rynku_pracy: { pl: 'Status na rynku pracy', en: 'Labour-market status' },
  niepelnosprawnosc: { pl: 'Osoba z niepełnosprawnościami', en: 'Person with disabilities' },
  zagrozenie_wykluczeniem: {
    pl: 'Zagrożenie ubóstwem lub wykluczeniem społecznym',
    en: 'At risk of poverty or social exclusion',
  },
  instytucja: {
    pl: 'Pobyt w instytucji całodobowej albo jej opuszczenie w ostatnich miesiącach',
    en: 'Staying in a 24-hour institution or having left it in recent months',
  },
  nie_uczestnik: { pl: 'Nie jest już uczestnikiem projektu', en: 'Not already a participant' },
} as const satisfies Record<string, Labels>;
export type EligibilityRuleKind = keyof typeof eligibilityRuleKinds;

export const scoringCriterionKinds = {
  niepelnosprawnosc: { pl: 'Niepełnosprawność', en: 'Disability' },
  zagrozenie_wykluczeniem: { pl: 'Przesłanki wykluczenia społecznego', en: 'Grounds of social exclusion' },
  status_na_rynku_pracy: { pl: 'Status na rynku pracy', en: 'Labour-market status' },
  wiek: { pl: 'Wiek', en: 'Age' },
  zamieszkanie: { pl: 'Miejsce zamieszkania', en: 'Place of residence' },
  instytucja: { pl: 'Opuszczenie instytucji całodobowej', en: 'Leaving a 24-hour institution' },
  odpowiedz: { pl: 'Odpowiedź na pytanie formularza', en: 'Answer to a form question' },
} as const satisfies Record<string, Labels>;
export type ScoringCriterionKind = keyof typeof scoringCriterionKinds;

export const questionTypes = {
  tekst: { pl: 'Odpowiedź tekstowa', en: 'Text answer' },
  tak_nie: { pl: 'Tak / nie', en: 'Yes / no' },
  wybor: { pl: 'Wybór z listy', en: 'Choice from a list' },
} as const satisfies Record<string, Labels>;
export type QuestionType = keyof typeof questionTypes;

/** What a clause of the form is: information to read, a consent to give, or a declaration. */
export const clauseKinds = {
  informacja: { pl: 'Klauzula informacyjna', en: 'Information clause' },
  zgoda: { pl: 'Zgoda', en: 'Consent' },
  oswiadczenie: { pl: 'Oświadczenie', en: 'Declaration' },
} as const satisfies Record<string, Labels>;
export type ClauseKind = keyof typeof clauseKinds;

/** The legal bases a clause names (RODO art. 6 and 9). */
export const clauseLegalBases = {
  art6_1_a: { pl: 'art. 6 ust. 1 lit. a RODO (zgoda)', en: 'GDPR art. 6(1)(a) (consent)' },
  art6_1_b: { pl: 'art. 6 ust. 1 lit. b RODO (umowa)', en: 'GDPR art. 6(1)(b) (contract)' },
  art6_1_c: {
    pl: 'art. 6 ust. 1 lit. c RODO (obowiązek prawny administratora)',
    en: 'GDPR art. 6(1)(c) (legal obligation)',
  },
  art6_1_e: {
    pl: 'art. 6 ust. 1 lit. e RODO (zadanie realizowane w interesie publicznym)',
    en: 'GDPR art. 6(1)(e) (public task)',
  },
  art9_2_a: {
    pl: 'art. 9 ust. 2 lit. a RODO (wyraźna zgoda na dane szczególnych kategorii)',
    en: 'GDPR art. 9(2)(a) (explicit consent, special categories)',
  },
  art9_2_b: {
    pl: 'art. 9 ust. 2 lit. b RODO (zabezpieczenie społeczne)',
    en: 'GDPR art. 9(2)(b) (social security and protection)',
  },
  art9_2_g: {
    pl: 'art. 9 ust. 2 lit. g RODO (ważny interes publiczny)',
    en: 'GDPR art. 9(2)(g) (substantial public interest)',
  },
} as const satisfies Record<string, Labels>;
export type ClauseLegalBasis = keyof typeof clauseLegalBases;

export const CallStatusKey = z.enum(keysOf(callStatuses));
export const ApplicationStatusKey = z.enum(keysOf(applicationStatuses));
export const ApplicationFormKindKey = z.enum(keysOf(applicationFormKinds));
export const ApplicationChannelKey = z.enum(keysOf(applicationChannels));
export const TieBreakRuleKey = z.enum(keysOf(tieBreakRules));
const LabourStatusKey = z.enum(keysOf(labourStatuses));
const PovertyGroundKey = z.enum(keysOf(povertyGrounds));
const IscedGroupKey = z.enum(keysOf(iscedGroups));
const TriStateKey = z.enum(keysOf(triState));
export const QuestionTypeKey = z.enum(keysOf(questionTypes));
export const ClauseKindKey = z.enum(keysOf(clauseKinds));
export const ClauseLegalBasisKey = z.enum(keysOf(clauseLegalBases));

/** The statuses a staff decision may set by hand (przyjete is set by enrolment only). */
export const decisionStatuses = [
  'w_weryfikacji',
  'zakwalifikowane',
  'rezerwa',
  'odrzucone',
  'wycofane',
] as const satisfies readonly (keyof typeof applicationStatuses)[];
export const DecisionStatusKey = z.enum(decisionStatuses);

// ————— Eligibility rules as data —————

const Age = z.number().int().min(0).max(130);
/** A gmina (7 digits) or a whole powiat (its 4-digit prefix). */
export const ResidenceCode = z.string().regex(/^\d{4}(\d{3})?$/, { message: 'recruitment.rule.teryt' });

const ageRange = <T extends { min?: number; max?: number }>(r: T, ctx: z.RefinementCtx) => {
  if (r.min === undefined && r.max === undefined)
    ctx.addIssue({ code: 'custom', path: ['min'], message: 'recruitment.rule.ageBound' });
  if (r.min !== undefined && r.max !== undefined && r.min > r.max)
    ctx.addIssue({ code: 'custom', path: ['max'], message: 'recruitment.rule.ageOrder' });
};

export const eligibilityRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('wiek'), min: Age.optional(), max: Age.optional() }),
    z.object({ kind: z.literal('zamieszkanie'), teryt: z.array(ResidenceCode).min(1).max(500) }),
    z.object({ kind: z.literal('status_na_rynku_pracy'), allowed: z.array(LabourStatusKey).min(1) }),
    z.object({ kind: z.literal('niepelnosprawnosc') }),
    /** Without `grounds` any declared ground counts; with them, at least one of these. */
    z.object({
      kind: z.literal('zagrozenie_wykluczeniem'),
      grounds: z.array(PovertyGroundKey).min(1).optional(),
    }),
    /** In a 24-hour institution now, or left it at most `months` months before applying. */
    z.object({ kind: z.literal('instytucja'), months: z.number().int().min(0).max(240) }),
    z.object({ kind: z.literal('nie_uczestnik') }),
  ])
  .superRefine((r, ctx) => {
    if (r.kind === 'wiek') ageRange(r, ctx);
  });
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

/** Every reason a rule can give (`<rule kind>.<outcome>`): each has a message in pl and en. */
export const eligibilityReasonCodes = [
  'wiek.spelnia',
  'wiek.za_mlody',
  'wiek.za_stary',
  'zamieszkanie.spelnia',
  'zamieszkanie.poza_obszarem',
  'zamieszkanie.brak_danych',
  'status_na_rynku_pracy.spelnia',
  'status_na_rynku_pracy.inny_status',
  'status_na_rynku_pracy.brak_danych',
  'niepelnosprawnosc.spelnia',
  'niepelnosprawnosc.nie_dotyczy',
  'niepelnosprawnosc.odmowa',
  'niepelnosprawnosc.brak_danych',
  'zagrozenie_wykluczeniem.spelnia',
  'zagrozenie_wykluczeniem.brak_przeslanek',
  'zagrozenie_wykluczeniem.inne_przeslanki',
  'instytucja.przebywa',
  'instytucja.opuscil_w_terminie',
  'instytucja.opuscil_dawno',
  'instytucja.nie_dotyczy',
  'nie_uczestnik.spelnia',
  'nie_uczestnik.juz_uczestnik',
] as const;

/** What the rules look at: the applicant's data as declared. */
export interface EligibilityApplicant {
  birthDate: string;
  teryt: string | null;
  labourStatus: string | null;
  disability: string | null;
  povertyGrounds: readonly string[];
  inInstitution: boolean;
  institutionLeftOn: string | null;
  answers?: Record<string, unknown>;
}

export type ReasonParams = Record<string, string | number | string[]>;

/** The outcome of one rule: `code` is `<rule kind>.<outcome>` (messages `recruitment.reason.<code>`). */
export interface EligibilityReason {
  rule: EligibilityRuleKind;
  ok: boolean;
  code: string;
  params: ReasonParams;
}

export interface EligibilityResult {
  eligible: boolean;
  reasons: EligibilityReason[];
}

/** `iso` (YYYY-MM-DD) plus `months` months: the same day, or the month's last day when shorter. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (((total % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Does a gmina code lie in one of the listed gminy or powiaty? */
export const residesIn = (teryt: string, list: readonly string[]) =>
  list.some((code) => (code.length === 4 ? teryt.startsWith(code) : teryt === code));

function checkRule(
  rule: EligibilityRule,
  a: EligibilityApplicant,
  ctx: { onDate: string; isParticipant: boolean },
): EligibilityReason {
  const reason = (ok: boolean, outcome: string, params: ReasonParams = {}): EligibilityReason => ({
    rule: rule.kind,
    ok,
    code: `${rule.kind}.${outcome}`,
    params,
  });
  switch (rule.kind) {
    case 'wiek': {
      const age = ageOn(a.birthDate, ctx.onDate);
      const bounds: ReasonParams = {
        age,
        ...(rule.min !== undefined ? { min: rule.min } : {}),
        ...(rule.max !== undefined ? { max: rule.max } : {}),
      };
      if (rule.min !== undefined && age < rule.min) return reason(false, 'za_mlody', bounds);
      if (rule.max !== undefined && age > rule.max) return reason(false, 'za_stary', bounds);
      return reason(true, 'spelnia', bounds);
    }
    case 'zamieszkanie':
      if (!a.teryt) return reason(false, 'brak_danych', { allowed: [...rule.teryt] });
      return residesIn(a.teryt, rule.teryt)
        ? reason(true, 'spelnia', { teryt: a.teryt })
        : reason(false, 'poza_obszarem', { teryt: a.teryt, allowed: [...rule.teryt] });
    case 'status_na_rynku_pracy':
      if (!a.labourStatus) return reason(false, 'brak_danych', { allowed: [...rule.allowed] });
      return (rule.allowed as readonly string[]).includes(a.labourStatus)
        ? reason(true, 'spelnia', { status: a.labourStatus })
        : reason(false, 'inny_status', { status: a.labourStatus, allowed: [...rule.allowed] });
    case 'niepelnosprawnosc':
      if (a.disability === 'tak') return reason(true, 'spelnia');
      if (a.disability === 'odmowa') return reason(false, 'odmowa');
      if (a.disability === 'nie') return reason(false, 'nie_dotyczy');
      return reason(false, 'brak_danych');
    case 'zagrozenie_wykluczeniem': {
      const declared = [...a.povertyGrounds];
      if (!declared.length)
        return reason(false, 'brak_przeslanek', rule.grounds ? { required: [...rule.grounds] } : {});
      if (!rule.grounds) return reason(true, 'spelnia', { grounds: declared });
      const matched = declared.filter((g) => (rule.grounds as readonly string[]).includes(g));
      return matched.length
        ? reason(true, 'spelnia', { grounds: matched })
        : reason(false, 'inne_przeslanki', { grounds: declared, required: [...rule.grounds] });
    }
    case 'instytucja': {
      const left = a.institutionLeftOn;
      if (a.inInstitution && (!left || left > ctx.onDate)) return reason(true, 'przebywa');
      if (!left) return reason(false, 'nie_dotyczy', { months: rule.months });
      const until = addMonths(left, rule.months);
      return ctx.onDate <= until
        ? reason(true, 'opuscil_w_terminie', { leftOn: left, months: rule.months, until })
        : reason(false, 'opuscil_dawno', { leftOn: left, months: rule.months, until });
    }
    case 'nie_uczestnik':
      return ctx.isParticipant ? reason(false, 'juz_uczestnik') : reason(true, 'spelnia');
  }
}

/**
 * Checks an applicant against every rule of a cohort on `onDate` (the day of the application):
 * each rule answers with its reason, and the applicant is eligible when all of them are met.
 */
export function checkEligibility(
  rules: readonly EligibilityRule[],
  applicant: EligibilityApplicant,
  ctx: { onDate: string; isParticipant: boolean },
): EligibilityResult {
  const reasons = rules.map((r) => checkRule(r, applicant, ctx));
  return { eligible: reasons.every((r) => r.ok), reasons };
}

// ————— Scoring —————

const Points = z.number().int().min(0).max(1000);
const QuestionKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'recruitment.question.key' });

export const scoringCriterionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('niepelnosprawnosc'), points: Points }),
    /** Points for a declared ground (of `grounds`, or any); with `perGround` for each of them. */
    z.object({
      kind: z.literal('zagrozenie_wykluczeniem'),
      grounds: z.array(PovertyGroundKey).min(1).optional(),
      perGround: z.boolean().optional(),
      points: Points,
    }),
    z.object({
      kind: z.literal('status_na_rynku_pracy'),
      statuses: z.array(LabourStatusKey).min(1),
      points: Points,
    }),
    z.object({ kind: z.literal('wiek'), min: Age.optional(), max: Age.optional(), points: Points }),
    z.object({
      kind: z.literal('zamieszkanie'),
      teryt: z.array(ResidenceCode).min(1).max(500),
      points: Points,
    }),
    z.object({ kind: z.literal('instytucja'), months: z.number().int().min(0).max(240), points: Points }),
    /** Points when the answer to the question `question` equals `value`. */
    z.object({
      kind: z.literal('odpowiedz'),
      question: QuestionKey,
      value: z.union([z.string().trim().min(1).max(200), z.boolean()]),
      points: Points,
    }),
  ])
  .superRefine((c, ctx) => {
    if (c.kind === 'wiek') ageRange(c, ctx);
  });
export type ScoringCriterion = z.infer<typeof scoringCriterionSchema>;

export interface ScoreItem {
  kind: ScoringCriterionKind;
  met: boolean;
  points: number;
}
export interface ScoreResult {
  total: number;
  items: ScoreItem[];
}

/** The points of an application: each criterion met adds its points (per ground when asked). */
export function scoreApplication(
  criteria: readonly ScoringCriterion[],
  a: EligibilityApplicant,
  ctx: { onDate: string },
): ScoreResult {
  const items = criteria.map((c): ScoreItem => scoreOne(c, a, ctx.onDate));
  return { total: items.reduce((s, i) => s + i.points, 0), items };
}

function scoreOne(c: ScoringCriterion, a: EligibilityApplicant, onDate: string): ScoreItem {
  const award = (met: boolean, times = 1) => ({ kind: c.kind, met, points: met ? c.points * times : 0 });
  switch (c.kind) {
    case 'niepelnosprawnosc':
      return award(a.disability === 'tak');
    case 'zagrozenie_wykluczeniem': {
      const matched = a.povertyGrounds.filter(
        (g) => !c.grounds || (c.grounds as readonly string[]).includes(g),
      );
      return award(matched.length > 0, c.perGround ? matched.length : 1);
    }
    case 'status_na_rynku_pracy':
      return award(!!a.labourStatus && (c.statuses as readonly string[]).includes(a.labourStatus));
    case 'wiek': {
      const age = ageOn(a.birthDate, onDate);
      return award((c.min === undefined || age >= c.min) && (c.max === undefined || age <= c.max));
    }
    case 'zamieszkanie':
      return award(!!a.teryt && residesIn(a.teryt, c.teryt));
    case 'instytucja': {
      const left = a.institutionLeftOn;
      const staying = a.inInstitution && (!left || left > onDate);
      return award(staying || (!!left && onDate <= addMonths(left, c.months)));
    }
    case 'odpowiedz': {
      const answer = a.answers?.[c.question];
      const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
      return award(answer !== undefined && norm(answer) === norm(c.value));
    }
  }
}

// ————— Ranking —————

export interface RankCandidate {
  id: string;
  eligible: boolean;
  score: number;
  /** ISO timestamp of the application. */
  submittedAt: string;
  birthDate: string;
  /** The confirmation number: the last, always distinct key of the order. */
  number: string;
}

export interface RankedEntry {
  id: string;
  /** 1-based place among the eligible applications. */
  position: number;
  score: number;
  /** Another eligible application has the same points: the tie-break rule decided the order. */
  tied: boolean;
}

export interface RankingResult {
  /** Places 1…places: qualified. */
  ranking: RankedEntry[];
  /** The next `reservePlaces` eligible applications, in order. */
  reserve: RankedEntry[];
  /** Everybody else: not eligible, or eligible beyond the reserve list. */
  rest: {
    id: string;
    reason: 'nie_spelnia_kryteriow' | 'poza_lista';
    position: number | null;
    score: number;
  }[];
}

const time = (iso: string) => Date.parse(iso);

/**
 * The order of a cohort's ranking: more points first; equal points ordered by the cohort's rule
 * (earlier application, older or younger applicant), then by application time, then by number.
 */
export function compareCandidates(tieBreak: TieBreakRule) {
  return (a: RankCandidate, b: RankCandidate): number => {
    if (a.score !== b.score) return b.score - a.score;
    if (tieBreak === 'starszy_wiek' && a.birthDate !== b.birthDate) return a.birthDate < b.birthDate ? -1 : 1;
    if (tieBreak === 'mlodszy_wiek' && a.birthDate !== b.birthDate) return a.birthDate > b.birthDate ? -1 : 1;
    const dt = time(a.submittedAt) - time(b.submittedAt);
    if (dt !== 0) return dt;
    const byNumber = a.number.localeCompare(b.number, 'en', { numeric: true });
    return byNumber !== 0 ? byNumber : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/**
 * The ranking list of a cohort: eligible applications in order, the first `places` qualified, the
 * next `reservePlaces` on the reserve list, the rest outside; ineligible ones never ranked.
 * Deterministic: the same applications in any order give the same lists.
 */
export function rankCohort(
  candidates: readonly RankCandidate[],
  places: number,
  reservePlaces: number,
  tieBreak: TieBreakRule,
): RankingResult {
  const eligible = candidates.filter((c) => c.eligible).sort(compareCandidates(tieBreak));
  const scoreCount = new Map<number, number>();
  for (const c of eligible) scoreCount.set(c.score, (scoreCount.get(c.score) ?? 0) + 1);
  const entries = eligible.map((c, i) => ({
    id: c.id,
    position: i + 1,
    score: c.score,
    tied: (scoreCount.get(c.score) ?? 0) > 1,
  }));
  const ineligible = candidates
    .filter((c) => !c.eligible)
    .sort(compareCandidates('kolejnosc_zgloszen'))
    .map((c) => ({ id: c.id, reason: 'nie_spelnia_kryteriow' as const, position: null, score: c.score }));
  return {
    ranking: entries.slice(0, places),
    reserve: entries.slice(places, places + reservePlaces),
    rest: [
      ...entries
        .slice(places + reservePlaces)
        .map((e) => ({ id: e.id, reason: 'poza_lista' as const, position: e.position, score: e.score })),
      ...ineligible,
    ],
  };
}

// ————— Calls and cohorts —————

const required = (max: number) => z.string().trim().min(1, { message: 'zod.required' }).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
const Timestamp = z.iso.datetime({ offset: true, message: 'date.format' });

/** The call's public code: capitals, digits and hyphens (it goes into addresses and numbers). */
export const CallCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, { message: 'recruitment.call.code' });

export const QuestionSchema = z
  .object({
    key: QuestionKey,
    label: required(300),
    type: QuestionTypeKey,
    options: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    required: z.boolean(),
    /** Only on these forms; all forms when absent. */
    formKinds: z.array(ApplicationFormKindKey).min(1).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.type === 'wybor' && !q.options?.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'recruitment.question.options' });
  });
export type Question = z.infer<typeof QuestionSchema>;

export const ClauseSchema = z
  .object({
    key: QuestionKey,
    kind: ClauseKindKey,
    title: required(200),
    text: required(8000),
    legalBases: z.array(ClauseLegalBasisKey).max(7),
    /** A consent or declaration the applicant must tick to send the form. */
    required: z.boolean(),
  })
  .superRefine((c, ctx) => {
    if (c.kind !== 'oswiadczenie' && c.legalBases.length === 0)
      ctx.addIssue({ code: 'custom', path: ['legalBases'], message: 'recruitment.clause.legalBasis' });
  });
export type Clause = z.infer<typeof ClauseSchema>;

const uniqueKeys = (items: readonly { key: string }[], ctx: z.RefinementCtx, path: string) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key))
      ctx.addIssue({ code: 'custom', path: [path, i, 'key'], message: 'recruitment.keyTaken' });
    seen.add(item.key);
  });
};

export const CallInput = z
  .object({
    code: CallCode,
    name: required(300),
    description: optionalText(8000),
    opensAt: Timestamp,
    closesAt: Timestamp,
    placesTotal: z.number().int().min(0).max(100_000),
    formKinds: z.array(ApplicationFormKindKey).min(1, { message: 'recruitment.call.formKinds' }),
    questions: z.array(QuestionSchema).max(50).default([]),
    clauses: z.array(ClauseSchema).max(30).default([]),
    status: CallStatusKey.default('projekt'),
  })
  .superRefine((c, ctx) => {
    if (Date.parse(c.closesAt) <= Date.parse(c.opensAt))
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'recruitment.call.dates' });
    uniqueKeys(c.questions, ctx, 'questions');
    uniqueKeys(c.clauses, ctx, 'clauses');
  });
export type CallInput = z.input<typeof CallInput>;
export type CallData = z.output<typeof CallInput>;
export const CallUpdate = z.object({ call: CallInput, version: z.number().int() });

export const CohortInput = z.object({
  name: required(200),
  year: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  places: z.number().int().min(0).max(100_000),
  reservePlaces: z.number().int().min(0).max(100_000).default(0),
  eligibilityRules: z.array(eligibilityRuleSchema).max(30).default([]),
  scoringCriteria: z.array(scoringCriterionSchema).max(50).default([]),
  tieBreak: TieBreakRuleKey.default('kolejnosc_zgloszen'),
  sortOrder: z.number().int().min(0).max(1000).default(0),
});
export type CohortInput = z.input<typeof CohortInput>;
export type CohortData = z.output<typeof CohortInput>;
export const CohortUpdate = z.object({ cohort: CohortInput, version: z.number().int() });
export const RecruitmentVersionQuery = z.object({ version: z.coerce.number().int() });

const StatusCounts = z.record(z.string(), z.number().int());

export const Cohort = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  name: z.string(),
  year: z.number().int().nullable(),
  places: z.number().int(),
  reservePlaces: z.number().int(),
  eligibilityRules: z.array(eligibilityRuleSchema),
  scoringCriteria: z.array(scoringCriterionSchema),
  tieBreak: TieBreakRuleKey,
  sortOrder: z.number().int(),
  /** Applications of the cohort by status (aggregate counts: no personal data). */
  counts: StatusCounts,
  version: z.number().int(),
});
export type Cohort = z.infer<typeof Cohort>;

export const RecruitmentAbilities = z.object({
  /** Coordinators change calls, cohorts and applications. */
  manage: z.boolean(),
  /** The project team reads applications (personal data). */
  team: z.boolean(),
});
export type RecruitmentAbilities = z.infer<typeof RecruitmentAbilities>;

export const Call = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  placesTotal: z.number().int(),
  formKinds: z.array(ApplicationFormKindKey),
  questions: z.array(QuestionSchema),
  clauses: z.array(ClauseSchema),
  status: CallStatusKey,
  /** Open now: status `otwarty` and within its dates (the public form takes applications). */
  acceptsApplications: z.boolean(),
  regulations: z.object({ filename: z.string(), size: z.number().int() }).nullable(),
  cohorts: z.array(Cohort),
  counts: StatusCounts,
  total: z.number().int(),
  version: z.number().int(),
  abilities: RecruitmentAbilities,
});
export type Call = z.infer<typeof Call>;

export const CallList = z.object({ items: z.array(Call), abilities: RecruitmentAbilities });
export type CallList = z.infer<typeof CallList>;

// ————— Applications —————

export const ConsentGiven = z.object({ key: QuestionKey, given: z.boolean() });
const Answer = z.union([z.string().trim().max(4000), z.boolean()]);

/**
 * The applicant's data as declared (the public form and a paper application alike). With a PESEL
 * the birth date and sex come from it (and must agree if sent); without one, `noPesel`, the birth
 * date and sex are required.
 */
export const ApplicationInput = z
  .object({
    cohortId: z
      .uuid()
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    formKind: ApplicationFormKindKey,
    firstName: required(100),
    lastName: required(150),
    pesel: z
      .string()
      .trim()
      .nullable()
      .optional()
      .transform((s) => (s ? s : null)),
    noPesel: z.boolean().default(false),
    otherId: optionalText(50),
    birthDate: IsoDate.nullable()
      .optional()
      .transform((s) => s ?? null),
    sex: SexKey.nullable()
      .optional()
      .transform((s) => s ?? null),
    citizenship: z.string().trim().min(2).max(60).default('polskie'),
    teryt: GminaCode.nullable()
      .optional()
      .transform((s) => s ?? null),
    street: optionalText(200),
    postalCode: PostalCode.nullable()
      .optional()
      .transform((s) => s ?? null),
    city: optionalText(120),
    phone: optionalText(40),
    email: Email.nullable()
      .optional()
      .or(z.literal('').transform(() => null))
      .transform((s) => s ?? null),
    education: IscedGroupKey.nullable()
      .optional()
      .transform((s) => s ?? null),
    labourStatus: LabourStatusKey.nullable()
      .optional()
      .transform((s) => s ?? null),
    disability: TriStateKey.nullable()
      .optional()
      .transform((s) => s ?? null),
    povertyGrounds: z.array(PovertyGroundKey).max(20).default([]),
    inInstitution: z.boolean().default(false),
    institutionLeftOn: IsoDate.nullable()
      .optional()
      .transform((s) => s ?? null),
    answers: z.record(QuestionKey, Answer).default({}),
    consents: z.array(ConsentGiven).max(30).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.pesel) {
      const info = decodePesel(a.pesel);
      if (!info) {
        ctx.addIssue({ code: 'custom', path: ['pesel'], message: 'pesel.invalid' });
        return;
      }
      if (a.birthDate && a.birthDate !== info.birthDate)
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'pesel.birthDateMismatch' });
      if (a.sex && a.sex !== info.sex)
        ctx.addIssue({ code: 'custom', path: ['sex'], message: 'pesel.sexMismatch' });
    } else {
      if (!a.noPesel)
        ctx.addIssue({ code: 'custom', path: ['pesel'], message: 'recruitment.application.peselOrNone' });
      if (!a.birthDate)
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'person.birthDateRequired' });
      if (!a.sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: 'person.sexRequired' });
    }
    if (!a.email && !a.phone)
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'recruitment.application.contact' });
  })
  .transform((a) => {
    const info = a.pesel ? decodePesel(a.pesel) : null;
    return {
      ...a,
      noPesel: !a.pesel,
      birthDate: (info?.birthDate ?? a.birthDate) as string,
      sex: (info?.sex ?? a.sex) as 'K' | 'M',
    };
  });
export type ApplicationInput = z.input<typeof ApplicationInput>;
export type ApplicationData = z.output<typeof ApplicationInput>;

/**
 * What the public form sends: the application, the form's own idempotency key (a repeated send
 * returns the same confirmation) and the honeypot `website`, which people never see or fill.
 */
export const PublicApplicationInput = z.object({
  clientToken: z.uuid(),
  website: z.string().max(500).optional(),
  application: ApplicationInput,
});
export type PublicApplicationInput = z.input<typeof PublicApplicationInput>;

/** A paper application entered by staff: the day it was handed in (the ranking's time order). */
export const PaperApplicationInput = z.object({
  submittedAt: Timestamp.optional(),
  application: ApplicationInput,
});
export type PaperApplicationInput = z.input<typeof PaperApplicationInput>;

export const ApplicationUpdate = z.object({ application: ApplicationInput, version: z.number().int() });

export const MissingDocument = z.object({ name: required(200), received: z.boolean() });
export type MissingDocument = z.infer<typeof MissingDocument>;
export const MissingDocumentsUpdate = z.object({
  missingDocuments: z.array(MissingDocument).max(30),
  version: z.number().int(),
});
export const DecisionInput = z
  .object({
    status: DecisionStatusKey,
    reason: optionalText(2000),
    version: z.number().int(),
  })
  .superRefine((d, ctx) => {
    if ((d.status === 'odrzucone' || d.status === 'wycofane') && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'recruitment.decision.reasonRequired' });
  });
export type DecisionInput = z.input<typeof DecisionInput>;
export const RecruitmentVersionBody = z.object({ version: z.number().int() });

export const EligibilityReasonSchema = z.object({
  rule: z.enum(keysOf(eligibilityRuleKinds)),
  ok: z.boolean(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});
export const EligibilityCheck = z.object({
  eligible: z.boolean(),
  reasons: z.array(EligibilityReasonSchema),
  scoring: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({ kind: z.enum(keysOf(scoringCriterionKinds)), met: z.boolean(), points: z.number().int() }),
    ),
  }),
  /** The day the rules were applied to (the day of the application). */
  onDate: z.string(),
  checkedAt: z.string(),
});
export type EligibilityCheck = z.infer<typeof EligibilityCheck>;

export const ApplicationListQuery = z.object({
  status: ApplicationStatusKey.optional(),
  cohort: z.uuid().optional(),
  eligible: z.enum(['tak', 'nie']).optional(),
  channel: ApplicationChannelKey.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ApplicationListQuery = z.input<typeof ApplicationListQuery>;

export const ApplicationSummary = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  cohortId: z.uuid().nullable(),
  cohortName: z.string().nullable(),
  number: z.string(),
  formKind: ApplicationFormKindKey,
  channel: ApplicationChannelKey,
  firstName: z.string(),
  lastName: z.string(),
  submittedAt: z.string(),
  status: ApplicationStatusKey,
  eligible: z.boolean().nullable(),
  score: z.number().int().nullable(),
  missingDocuments: z.number().int(),
  version: z.number().int(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationList = z.object({
  items: z.array(ApplicationSummary),
  total: z.number().int(),
  counts: StatusCounts,
  abilities: RecruitmentAbilities,
});
export type ApplicationList = z.infer<typeof ApplicationList>;

export const Application = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  callId: z.uuid(),
  callCode: z.string(),
  callName: z.string(),
  cohortId: z.uuid().nullable(),
  cohortName: z.string().nullable(),
  number: z.string(),
  formKind: ApplicationFormKindKey,
  channel: ApplicationChannelKey,
  firstName: z.string(),
  lastName: z.string(),
  pesel: z.string().nullable(),
  noPesel: z.boolean(),
  otherId: z.string().nullable(),
  birthDate: z.string(),
  sex: SexKey,
  citizenship: z.string(),
  teryt: z.string().nullable(),
  terytName: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  education: IscedGroupKey.nullable(),
  labourStatus: LabourStatusKey.nullable(),
  disability: TriStateKey.nullable(),
  povertyGrounds: z.array(PovertyGroundKey),
  inInstitution: z.boolean(),
  institutionLeftOn: z.string().nullable(),
  answers: z.record(z.string(), Answer),
  consents: z.array(z.object({ key: z.string(), given: z.boolean(), at: z.string() })),
  submittedAt: z.string(),
  status: ApplicationStatusKey,
  eligibility: EligibilityCheck.nullable(),
  score: z.number().int().nullable(),
  missingDocuments: z.array(MissingDocument),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  enteredBy: z.string().nullable(),
  /** Other applications of the same person (PESEL, or name and birth date) to calls of the project. */
  duplicates: z.array(z.object({ id: z.uuid(), number: z.string(), status: ApplicationStatusKey })),
  /** The call's questions and clauses, to show the answers with their labels. */
  questions: z.array(QuestionSchema),
  clauses: z.array(ClauseSchema),
  version: z.number().int(),
  abilities: z.object({ manage: z.boolean(), enrol: z.boolean() }),
});
export type Application = z.infer<typeof Application>;

// ————— Ranking —————

export const RankingEntry = z.object({
  applicationId: z.uuid(),
  number: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  submittedAt: z.string(),
  birthDate: z.string(),
  score: z.number().int(),
  position: z.number().int().nullable(),
  tied: z.boolean(),
  status: ApplicationStatusKey,
  missingDocuments: z.number().int(),
  /**
   * Where the ranking puts it: qualified, reserve list, outside (beyond the reserve, or not
   * eligible), not checked yet, or excluded by a decision (rejected or withdrawn).
   */
  place: z.enum(['lista', 'rezerwa', 'poza_lista', 'nie_spelnia_kryteriow', 'niesprawdzone', 'wykluczone']),
});
export type RankingEntry = z.infer<typeof RankingEntry>;

export const Ranking = z.object({
  callId: z.uuid(),
  cohortId: z.uuid(),
  cohortName: z.string(),
  callCode: z.string(),
  callName: z.string(),
  places: z.number().int(),
  reservePlaces: z.number().int(),
  tieBreak: TieBreakRuleKey,
  ranking: z.array(RankingEntry),
  reserve: z.array(RankingEntry),
  rest: z.array(RankingEntry),
  /** Applications waiting for a check (never checked): they are not in the lists yet. */
  unchecked: z.number().int(),
  /** A fingerprint of the lists: approval sends it back and is refused (409) if they changed. */
  digest: z.string(),
  version: z.number().int(),
  abilities: RecruitmentAbilities,
});
export type Ranking = z.infer<typeof Ranking>;

export const RankingApprove = z.object({ digest: z.string().min(1).max(200), version: z.number().int() });
export const RankingApproved = z.object({
  qualified: z.number().int(),
  reserve: z.number().int(),
  rejected: z.number().int(),
  notified: z.number().int(),
});
export type RankingApproved = z.infer<typeof RankingApproved>;

export const RankingExportQuery = z.object({
  /** Numbers and points only, without names (for publishing). */
  anonim: z.enum(['0', '1']).optional(),
});

// ————— The public form —————

export const PublicCall = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  projectTitle: z.string(),
  projectNumber: z.string(),
  institution: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  placesTotal: z.number().int(),
  formKinds: z.array(ApplicationFormKindKey),
  cohorts: z.array(
    z.object({ id: z.uuid(), name: z.string(), year: z.number().int().nullable(), places: z.number().int() }),
  ),
  questions: z.array(QuestionSchema),
  clauses: z.array(ClauseSchema),
  /** Which characteristics the cohorts' rules ask about (the form shows those sections). */
  asks: z.object({
    labourStatus: z.boolean(),
    disability: z.boolean(),
    povertyGrounds: z.boolean(),
    institution: z.boolean(),
    residence: z.boolean(),
  }),
  hasRegulations: z.boolean(),
});
export type PublicCall = z.infer<typeof PublicCall>;

export const ApplicationReceipt = z.object({
  applicationId: z.uuid(),
  number: z.string(),
  submittedAt: z.string(),
  /** The secret of the PDF copy's address (valid for a limited time). */
  receiptToken: z.string(),
  /** True when this send repeated an earlier one (the same form): nothing new was stored. */
  repeated: z.boolean(),
});
export type ApplicationReceipt = z.infer<typeof ApplicationReceipt>;
export const ReceiptQuery = z.object({ token: z.string().min(16).max(200) });

/** The clauses a new call starts with (the coordinator edits them to the project's wording). */
export function defaultCallClauses(): Clause[] {
  return [
    {
      key: 'klauzula_informacyjna',
      kind: 'informacja',
      title: 'Klauzula informacyjna (art. 13 RODO)',
      text: 'Administratorem danych osobowych jest beneficjent projektu wskazany w regulaminie naboru. Dane są przetwarzane w celu przeprowadzenia rekrutacji, realizacji projektu, jego monitorowania, ewaluacji, kontroli i sprawozdawczości, na podstawie przepisów o realizacji programów polityki spójności; dane o stanie zdrowia (niepełnosprawność) — w związku z ważnym interesem publicznym. Dane mogą zostać przekazane instytucjom zarządzającym programem. Przysługuje Pani/Panu prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania oraz wniesienia skargi do Prezesa UODO. Podanie danych jest warunkiem udziału w rekrutacji.',
      legalBases: ['art6_1_c', 'art6_1_e', 'art9_2_g'],
      required: true,
    },
    {
      key: 'zgoda_dane_szczegolne',
      kind: 'zgoda',
      title: 'Zgoda na przetwarzanie danych o stanie zdrowia',
      text: 'Wyrażam zgodę na przetwarzanie moich danych o niepełnosprawności w celu rekrutacji do projektu. Zgodę mogę wycofać w każdej chwili.',
      legalBases: ['art9_2_a'],
      required: false,
    },
    {
      key: 'oswiadczenie_prawdziwosc',
      kind: 'oswiadczenie',
      title: 'Oświadczenie o prawdziwości danych',
      text: 'Oświadczam, że dane podane w formularzu są zgodne z prawdą. Jestem świadoma/świadomy odpowiedzialności za składanie oświadczeń niezgodnych z prawdą.',
      legalBases: [],
      required: true,
    },
  ];
}
