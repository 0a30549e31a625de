import { z } from 'zod';
import { keysOf } from '../cases/dictionaries.js';
import { IsoDate } from '../cases/persons.schemas.js';
import { type SupportKind, supportKinds } from './participants.js';
import type { ProgrammeRules } from './programmes.js';
import { Grosze } from './projects.js';

/**
 * Support delivered to the participants of a project (docs/support.md): group activities (trainings,
 * workshops) with a schedule of sessions and attendance lists, individual support with dates and
 * hours, internships with the employer and a stipend, and places in training/supported flats with a
 * capacity and an occupancy timeline. Each participant's episode of a form of support has its own
 * start and end (SM EFS "Data rozpoczęcia udziału we wsparciu").
 *
 * The pure rules live here: which support types a project may use (those its placement allows —
 * `allowedSupportTypes` on the server), "only in combination with another form of support", the time
 * window after leaving an institution (9.1.3), capacity (never more concurrent episodes than places
 * on any day), hours per participant (attended session hours + individual hours) in exact hundredths.
 */

export const SupportKindKey = z.enum(keysOf(supportKinds));

/** Which kinds record what on a participant's episode. */
export const supportKindFields: Record<
  SupportKind,
  { sessions: boolean; episodeHours: boolean; stipend: boolean; employer: boolean; capacityRequired: boolean }
> = {
  grupowe: { sessions: true, episodeHours: false, stipend: false, employer: false, capacityRequired: false },
  indywidualne: {
    sessions: false,
    episodeHours: true,
    stipend: false,
    employer: false,
    capacityRequired: false,
  },
  staz: { sessions: false, episodeHours: true, stipend: true, employer: true, capacityRequired: false },
  mieszkanie: {
    sessions: false,
    episodeHours: false,
    stipend: false,
    employer: false,
    capacityRequired: true,
  },
};

// ————— Days —————

const DAY = 86_400_000;
/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export const supportDayNumber = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
/** The YYYY-MM-DD date of a day number. */
export const supportDayIso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
/** The last day an open-ended episode may reach: far beyond any project. */
export const OPEN_END = '9999-12-31';

/** `date` plus `months` calendar months; the end of the month when it is shorter (31.01 + 1 → 28/29.02). */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (((total % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

// ————— Hours: exact hundredths —————

/** Why typed hours were refused (message keys; pl/en texts on the server and in the UI). */
export type HoursError = 'support.hours.format' | 'support.hours.precision' | 'support.hours.tooLarge';

/**
 * Hours as typed ("1,5", "1.5", "2", 1.25) → whole hundredths of an hour (150). Refuses more than two
 * decimals (never rounded behind the user's back), negatives and anything that is not a number.
 */
export function parseHours(
  input: string | number,
): { ok: true; hundredths: number } | { ok: false; error: HoursError } {
  const s = (typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : input)
    .trim()
    .replace(',', '.');
  const m = /^(\d{1,6})(?:\.(\d*))?$/.exec(s);
  if (!m) return { ok: false, error: 'support.hours.format' };
  const frac = m[2] ?? '';
  if (frac.replace(/0+$/, '').length > 2) return { ok: false, error: 'support.hours.precision' };
  const hundredths = Number(m[1]) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
  if (hundredths > 99_999_999) return { ok: false, error: 'support.hours.tooLarge' };
  return { ok: true, hundredths };
}

/** Hundredths of an hour → the canonical decimal string of the API ("1.5", "12", "0.25"). */
export function formatHours(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const frac = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Hours as the database returns them ("1.50") → hundredths; throws on anything else. */
export function hundredthsOf(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const parsed = parseHours(value);
  if (!parsed.ok) throw new RangeError(`Not hours: ${value}`);
  return parsed.hundredths;
}

/** The exact sum of hours (decimal strings) as a canonical decimal string. */
export function sumHours(values: readonly (string | number | null | undefined)[]): string {
  return formatHours(values.reduce<number>((sum, v) => sum + hundredthsOf(v), 0));
}

/** Hours in a request: "1,5" or 1.5 → "1.5" (canonical), with a field error otherwise. */
export const Hours = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const parsed = parseHours(v);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return formatHours(parsed.hundredths);
});

/** Hours that must be more than zero (a session lasts some time). */
const PositiveHours = Hours.refine((h) => hundredthsOf(h) > 0, { message: 'support.hours.positive' });

// ————— Rules —————

/** A support type a project may use: a catalogue node of kind `typ_wsparcia` with its effective rules. */
export interface SupportTypeOption {
  id: string;
  code: string;
  name: string;
  rules: ProgrammeRules;
}

/** A broken rule: the field it belongs to, a message key and the values the message names. */
export interface SupportIssue {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * The support type of an activity against the types the project's placement allows: when the
 * placement lists support types, one of them is required; when it lists none (e.g. POWER 2.5, FERS
 * 04.13 — the catalogue has no types there yet), the activity carries no type.
 */
export function supportTypeIssues(
  allowed: readonly Pick<SupportTypeOption, 'id' | 'code'>[],
  supportTypeId: string | null,
): SupportIssue[] {
  if (supportTypeId === null)
    return allowed.length ? [{ field: 'supportTypeId', code: 'support.type.required' }] : [];
  if (!allowed.some((t) => t.id === supportTypeId))
    return [
      {
        field: 'supportTypeId',
        code: 'support.type.notAllowed',
        params: { allowed: allowed.map((t) => t.code).join(', ') || '—' },
      },
    ];
  return [];
}

/** Another episode of the same participant in the project, as the "only with other" rule sees it. */
export interface EpisodeForRules {
  id: string;
  activityId: string;
  supportTypeId: string | null;
  startsOn: string;
  endsOn: string | null;
}

/**
 * "Only in combination with other forms of support" (catalogue rule `onlyWithOther`, e.g. RPO WM
 * 9.1.2.12): an episode of such a type needs, for the same participant in the same project, at least
 * one episode of **another** form of support — a different support type that is not itself
 * only-with-other — at any time of the participant's path in the project (not necessarily
 * overlapping: a path may begin with the combined form). `others` are the participant's other
 * episodes; `onlyWithOther(typeId)` tells whether a type carries the rule.
 */
export function onlyWithOtherIssues(
  episode: { supportTypeId: string | null },
  others: readonly EpisodeForRules[],
  onlyWithOther: (supportTypeId: string | null) => boolean,
): SupportIssue[] {
  if (!onlyWithOther(episode.supportTypeId)) return [];
  const companion = others.some(
    (o) => o.supportTypeId !== episode.supportTypeId && !onlyWithOther(o.supportTypeId),
  );
  return companion ? [] : [{ field: 'activityId', code: 'support.onlyWithOther.missing' }];
}

/**
 * Whether removing (or retyping) `removed` would leave an only-with-other episode of the participant
 * without its companion: the episodes that would be left alone.
 */
export function orphanedByRemoval(
  removed: EpisodeForRules,
  episodes: readonly EpisodeForRules[],
  onlyWithOther: (supportTypeId: string | null) => boolean,
): EpisodeForRules[] {
  const rest = episodes.filter((e) => e.id !== removed.id);
  return rest.filter(
    (e) =>
      onlyWithOther(e.supportTypeId) &&
      onlyWithOtherIssues(
        e,
        rest.filter((o) => o.id !== e.id),
        onlyWithOther,
      ).length > 0,
  );
}

/** What the application says about a stay in a 24-hour institution (9.1.3 "Samodzielne życie"). */
export interface InstitutionStay {
  inInstitution: boolean;
  institutionLeftOn: string | null;
}

/**
 * The time window of a support type (catalogue rule `monthsAfterLeaving`, e.g. 9.1.3 "w trakcie
 * przebywania w placówce i do 12 miesięcy po jej opuszczeniu"): checked against the participant's
 * application. Left on a known day → the episode must end by that day + N months (an open-ended
 * episode is refused, since it could run past the limit). Still staying (`inInstitution` without a
 * date) → accepted. No application, or it says neither → accepted with a warning for the coordinator
 * to check by hand (the participant may be from the target group's surroundings).
 */
export function timeWindowCheck(
  rules: Pick<ProgrammeRules, 'monthsAfterLeaving' | 'timeWindow'>,
  episode: { startsOn: string; endsOn: string | null },
  stay: InstitutionStay | null,
): { issues: SupportIssue[]; warnings: SupportIssue[] } {
  const months = rules.monthsAfterLeaving;
  if (months === undefined) return { issues: [], warnings: [] };
  if (stay?.institutionLeftOn) {
    const limit = addMonthsClamped(stay.institutionLeftOn, months);
    const params = { left: ddmmyyyy(stay.institutionLeftOn), limit: ddmmyyyy(limit), months };
    const issues: SupportIssue[] = [];
    if (episode.startsOn > limit)
      issues.push({ field: 'startsOn', code: 'support.timeWindow.after', params });
    if (episode.endsOn === null || episode.endsOn > limit)
      issues.push({ field: 'endsOn', code: 'support.timeWindow.endAfter', params });
    return { issues, warnings: [] };
  }
  if (stay?.inInstitution) return { issues: [], warnings: [] };
  return {
    issues: [],
    warnings: [
      {
        field: 'startsOn',
        code: 'support.timeWindow.unknown',
        params: { window: rules.timeWindow ?? '', months },
      },
    ],
  };
}

/** An interval of days taken by an episode (a place in a flat, a seat in a group). */
export interface Stay {
  startsOn: string;
  /** Null: open-ended. */
  endsOn: string | null;
}

/**
 * Capacity: on no day may more episodes run at once than the activity has places. Given the other
 * episodes of the activity and the candidate, answers the first day the candidate would overflow,
 * with the number already there — or null when it fits.
 */
export function firstDayOverCapacity(
  others: readonly Stay[],
  candidate: Stay,
  capacity: number,
): { date: string; occupied: number } | null {
  if (capacity < 1) return { date: candidate.startsOn, occupied: 0 };
  const from = supportDayNumber(candidate.startsOn);
  const to = supportDayNumber(candidate.endsOn ?? OPEN_END);
  // Sweep over the others clipped to the candidate's days: +1 on the first day, −1 after the last.
  const events: [day: number, delta: number][] = [];
  for (const s of others) {
    const a = Math.max(from, supportDayNumber(s.startsOn));
    const b = Math.min(to, supportDayNumber(s.endsOn ?? OPEN_END));
    if (a > b) continue;
    events.push([a, 1], [b + 1, -1]);
  }
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let occupied = 0;
  for (let i = 0; i < events.length; ) {
    const day = events[i]?.[0] as number;
    while (i < events.length && events[i]?.[0] === day) occupied += events[i++]?.[1] as number;
    if (occupied + 1 > capacity && day <= to) return { date: supportDayIso(day), occupied };
  }
  return null;
}

/** The most episodes running on one day, and the first day it happens (null without episodes). */
export function peakOccupancy(stays: readonly Stay[]): { date: string; occupied: number } | null {
  const events: [day: number, delta: number][] = [];
  for (const s of stays)
    events.push([supportDayNumber(s.startsOn), 1], [supportDayNumber(s.endsOn ?? OPEN_END) + 1, -1]);
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let occupied = 0;
  let peak: { date: string; occupied: number } | null = null;
  for (let i = 0; i < events.length; ) {
    const day = events[i]?.[0] as number;
    while (i < events.length && events[i]?.[0] === day) occupied += events[i++]?.[1] as number;
    if (occupied > (peak?.occupied ?? 0)) peak = { date: supportDayIso(day), occupied };
  }
  return peak;
}

/** The episode's dates against the activity's, the participant's stay in the project and its other episodes. */
export function episodeDateIssues(
  episode: Stay,
  frame: {
    activity: { startsOn: string; endsOn: string | null };
    participant: { joinedOn: string; leftOn: string | null };
    /** The participant's other episodes of the same activity. */
    sameActivity: readonly Stay[];
  },
): SupportIssue[] {
  const issues: SupportIssue[] = [];
  const { activity, participant } = frame;
  const activityParams = {
    from: ddmmyyyy(activity.startsOn),
    to: activity.endsOn ? ddmmyyyy(activity.endsOn) : '…',
  };
  if (episode.startsOn < activity.startsOn || (activity.endsOn && episode.startsOn > activity.endsOn))
    issues.push({ field: 'startsOn', code: 'support.episode.outsideActivity', params: activityParams });
  if (activity.endsOn && episode.endsOn && episode.endsOn > activity.endsOn)
    issues.push({ field: 'endsOn', code: 'support.episode.outsideActivity', params: activityParams });
  if (episode.startsOn < participant.joinedOn)
    issues.push({
      field: 'startsOn',
      code: 'support.episode.beforeJoined',
      params: { joined: ddmmyyyy(participant.joinedOn) },
    });
  if (participant.leftOn && (episode.endsOn === null || episode.endsOn > participant.leftOn))
    issues.push({
      field: 'endsOn',
      code: 'support.episode.afterLeft',
      params: { left: ddmmyyyy(participant.leftOn) },
    });
  const overlapping = frame.sameActivity.find(
    (o) => o.startsOn <= (episode.endsOn ?? OPEN_END) && episode.startsOn <= (o.endsOn ?? OPEN_END),
  );
  if (overlapping)
    issues.push({
      field: 'startsOn',
      code: 'support.episode.overlap',
      params: {
        from: ddmmyyyy(overlapping.startsOn),
        to: overlapping.endsOn ? ddmmyyyy(overlapping.endsOn) : '…',
      },
    });
  return issues;
}

/** The fields an episode of `kind` may fill: hours for individual support and internships, a stipend for internships. */
export function episodeFieldIssues(
  kind: SupportKind,
  episode: { hours: string | null; stipend: number | null },
): SupportIssue[] {
  const f = supportKindFields[kind];
  const issues: SupportIssue[] = [];
  if (!f.episodeHours && episode.hours !== null)
    issues.push({
      field: 'hours',
      code: kind === 'grupowe' ? 'support.episode.hoursFromAttendance' : 'support.episode.hoursNotApplicable',
    });
  if (!f.stipend && episode.stipend !== null)
    issues.push({ field: 'stipend', code: 'support.episode.stipendInternshipOnly' });
  return issues;
}

/** Whether `date` lies within an episode. */
export const episodeCovers = (e: Stay, date: string) => e.startsOn <= date && date <= (e.endsOn ?? OPEN_END);

/**
 * Hours of support of one participant: the hours attended at group sessions plus the hours of
 * individual support and internships, summed exactly in hundredths.
 */
export function participantHours(p: {
  attended: readonly (string | null)[];
  episodes: readonly { kind: SupportKind; hours: string | null }[];
}): { group: string; individual: string; internship: string; total: string } {
  const individual = p.episodes.filter((e) => e.kind === 'indywidualne').map((e) => e.hours);
  const internship = p.episodes.filter((e) => e.kind === 'staz').map((e) => e.hours);
  const all = [...p.attended, ...individual, ...internship];
  return {
    group: sumHours(p.attended),
    individual: sumHours(individual),
    internship: sumHours(internship),
    total: sumHours(all),
  };
}

/** One attendance row sent by the list: the hours default to the session's when present, 0 when absent. */
export function attendanceRowIssues(
  rows: readonly { participantId: string; present: boolean; hours: string | null }[],
  session: { hours: string; date: string },
  enrolled: ReadonlySet<string>,
): { issues: SupportIssue[]; rows: { participantId: string; present: boolean; hours: string }[] } {
  const issues: SupportIssue[] = [];
  const seen = new Set<string>();
  const max = hundredthsOf(session.hours);
  const out = rows.map((r, i) => {
    if (seen.has(r.participantId))
      issues.push({ field: `rows.${i}.participantId`, code: 'support.attendance.duplicate' });
    seen.add(r.participantId);
    if (!enrolled.has(r.participantId))
      issues.push({
        field: `rows.${i}.participantId`,
        code: 'support.attendance.notEnrolled',
        params: { date: ddmmyyyy(session.date) },
      });
    const hours = r.present ? (r.hours ?? session.hours) : '0';
    if (r.present && hundredthsOf(hours) > max)
      issues.push({
        field: `rows.${i}.hours`,
        code: 'support.attendance.hoursOverSession',
        params: { hours: session.hours.replace('.', ',') },
      });
    if (!r.present && r.hours !== null && hundredthsOf(r.hours) > 0)
      issues.push({ field: `rows.${i}.hours`, code: 'support.attendance.hoursWhenAbsent' });
    return { participantId: r.participantId, present: r.present, hours: formatHours(hundredthsOf(hours)) };
  });
  return { issues, rows: out };
}

// ————— Occupancy of a flat —————

export const occupancyGranularities = {
  dzien: { pl: 'Dzień', en: 'Day' },
  miesiac: { pl: 'Miesiąc', en: 'Month' },
} as const;
export type OccupancyGranularity = keyof typeof occupancyGranularities;
export const OccupancyGranularityKey = z.enum(keysOf(occupancyGranularities));

export interface OccupancyPeriod {
  /** First and last day of the period (within the range asked). */
  from: string;
  to: string;
  /** The most places taken on any day of the period. */
  occupied: number;
  /** Places × days taken (person-days) in the period. */
  personDays: number;
  /** Days of the period. */
  days: number;
  /** Who stayed on any day of the period (their ids, in order of arrival). */
  residents: string[];
}

/**
 * The occupancy timeline of a flat (or any activity with places) between `from` and `to`, by day or
 * by calendar month: per period the most places taken on a day, the person-days and who stayed.
 * At most 3 660 days are computed (ten years).
 */
export function occupancyTimeline(
  stays: readonly (Stay & { participantId: string })[],
  range: { from: string; to: string; by: OccupancyGranularity },
): OccupancyPeriod[] {
  const start = supportDayNumber(range.from);
  const end = Math.min(supportDayNumber(range.to), start + 3659);
  if (end < start) return [];
  const diff = new Array<number>(end - start + 2).fill(0);
  const clipped = stays
    .map((s) => ({
      id: s.participantId,
      a: Math.max(start, supportDayNumber(s.startsOn)),
      b: Math.min(end, supportDayNumber(s.endsOn ?? OPEN_END)),
    }))
    .filter((s) => s.a <= s.b)
    .sort((x, y) => x.a - y.a);
  for (const s of clipped) {
    diff[s.a - start] = (diff[s.a - start] ?? 0) + 1;
    diff[s.b - start + 1] = (diff[s.b - start + 1] ?? 0) - 1;
  }
  const perDay: number[] = [];
  let running = 0;
  for (let d = 0; d <= end - start; d++) {
    running += diff[d] ?? 0;
    perDay.push(running);
  }
  const periods: OccupancyPeriod[] = [];
  let d = start;
  while (d <= end) {
    let last = d;
    if (range.by === 'miesiac') {
      const iso = supportDayIso(d);
      const monthEnd = supportDayNumber(addMonthsClamped(`${iso.slice(0, 7)}-01`, 1)) - 1;
      last = Math.min(end, monthEnd);
    }
    const slice = perDay.slice(d - start, last - start + 1);
    const residents = [...new Set(clipped.filter((s) => s.a <= last && s.b >= d).map((s) => s.id))];
    periods.push({
      from: supportDayIso(d),
      to: supportDayIso(last),
      occupied: Math.max(0, ...slice),
      personDays: slice.reduce((a, b) => a + b, 0),
      days: last - d + 1,
      residents,
    });
    d = last + 1;
  }
  return periods;
}

// ————— Schemas —————

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
const required = (max: number) => z.string().trim().min(1, { message: 'zod.required' }).max(max);
const optionalDate = IsoDate.nullable()
  .optional()
  .transform((s) => s ?? null);

export const SupportActivityInput = z
  .object({
    kind: SupportKindKey,
    supportTypeId: z.uuid().nullable().default(null),
    name: required(300),
    description: text(5000),
    place: text(300),
    startsOn: IsoDate,
    endsOn: optionalDate,
    /** Places (group size, flat places); required for a flat. */
    capacity: z.number().int().min(1).max(10_000).nullable().optional().default(null),
    /** Internships: the employer. */
    employer: text(300),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'support.dateOrder' });
    if (supportKindFields[v.kind].capacityRequired && v.capacity === null)
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'support.capacity.required' });
    if (supportKindFields[v.kind].employer && !v.employer)
      ctx.addIssue({ code: 'custom', path: ['employer'], message: 'support.employer.required' });
  });
export type SupportActivityInput = z.input<typeof SupportActivityInput>;
export type SupportActivityValues = z.output<typeof SupportActivityInput>;

export const SupportActivityUpdate = z.object({ activity: SupportActivityInput, version: z.number().int() });
export type SupportActivityUpdate = z.input<typeof SupportActivityUpdate>;

export const SupportVersionQuery = z.object({ version: z.coerce.number().int() });

const SupportTypeRules = z.object({
  onlyWithOther: z.boolean().optional(),
  timeWindow: z.string().optional(),
  monthsAfterLeaving: z.number().int().optional(),
  targetGroups: z.array(z.string()).optional(),
});
export const SupportTypeRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  rules: SupportTypeRules,
});
export type SupportTypeRef = z.infer<typeof SupportTypeRef>;

export const SupportActivity = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  kind: SupportKindKey,
  supportType: SupportTypeRef.nullable(),
  name: z.string(),
  description: z.string().nullable(),
  place: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  capacity: z.number().int().nullable(),
  employer: z.string().nullable(),
  /** Sessions in the schedule and their hours together (group activities). */
  sessionCount: z.number().int(),
  sessionHours: z.string(),
  /** Participants' episodes of the activity, and those running today. */
  episodeCount: z.number().int(),
  activeCount: z.number().int(),
  version: z.number().int(),
});
export type SupportActivity = z.infer<typeof SupportActivity>;

export const SupportAbilities = z.object({ manage: z.boolean() });

export const SupportActivityList = z.object({
  items: z.array(SupportActivity),
  /** The support types the project's placement allows (the activity form offers these). */
  supportTypes: z.array(SupportTypeRef),
  project: z.object({ startsOn: z.string(), endsOn: z.string() }),
  today: z.string(),
  abilities: SupportAbilities,
});
export type SupportActivityList = z.infer<typeof SupportActivityList>;

export const SupportSessionInput = z.object({
  date: IsoDate,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'support.session.timeFormat' })
    .nullable()
    .optional()
    .transform((s) => s ?? null),
  hours: PositiveHours.refine((h) => hundredthsOf(h) <= 2400, { message: 'support.session.hoursOverDay' }),
  topic: text(500),
});
export type SupportSessionInput = z.input<typeof SupportSessionInput>;

export const SupportSessionUpdate = z.object({ session: SupportSessionInput, version: z.number().int() });
export type SupportSessionUpdate = z.input<typeof SupportSessionUpdate>;

export const SupportSession = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  date: z.string(),
  startTime: z.string().nullable(),
  hours: z.string(),
  topic: z.string().nullable(),
  /** Whether the attendance list was filled in, and how many were present. */
  recorded: z.boolean(),
  present: z.number().int(),
  version: z.number().int(),
});
export type SupportSession = z.infer<typeof SupportSession>;

const ParticipantRef = z.object({
  id: z.uuid(),
  name: z.string(),
  technicalId: z.string(),
});
export type SupportParticipantRef = z.infer<typeof ParticipantRef>;

export const SupportEpisodeInput = z
  .object({
    participantId: z.uuid(),
    startsOn: IsoDate,
    endsOn: optionalDate,
    hours: Hours.nullable()
      .optional()
      .transform((h) => h ?? null),
    stipend: Grosze.nullable()
      .optional()
      .transform((s) => s ?? null),
    notes: text(2000),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'support.dateOrder' });
  });
export type SupportEpisodeInput = z.input<typeof SupportEpisodeInput>;
export type SupportEpisodeValues = z.output<typeof SupportEpisodeInput>;

export const SupportEpisodeUpdate = z.object({ episode: SupportEpisodeInput, version: z.number().int() });
export type SupportEpisodeUpdate = z.input<typeof SupportEpisodeUpdate>;

export const SupportEpisode = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  participant: ParticipantRef,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  /** Hours entered on the episode (individual support, internships). */
  hours: z.string().nullable(),
  /** Hours attended at the activity's sessions (group activities). */
  attendedHours: z.string(),
  /** Internship stipend in grosze. */
  stipend: z.number().int().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
});
export type SupportEpisode = z.infer<typeof SupportEpisode>;

/** A warning that did not stop the save (e.g. the time window could not be checked). */
export const SupportWarning = z.object({ field: z.string(), code: z.string(), message: z.string() });
export type SupportWarning = z.infer<typeof SupportWarning>;

export const SupportEpisodeSaved = SupportEpisode.extend({ warnings: z.array(SupportWarning) });
export type SupportEpisodeSaved = z.infer<typeof SupportEpisodeSaved>;

/** One activity with its schedule and its participants' episodes. */
export const SupportActivityDetail = SupportActivity.extend({
  sessions: z.array(SupportSession),
  episodes: z.array(SupportEpisode),
  project: z.object({ id: z.uuid(), title: z.string(), startsOn: z.string(), endsOn: z.string() }),
  supportTypes: z.array(SupportTypeRef),
  today: z.string(),
  abilities: SupportAbilities,
});
export type SupportActivityDetail = z.infer<typeof SupportActivityDetail>;

export const AttendanceRow = z.object({
  participant: ParticipantRef,
  /** Enrolled in the activity on the session's day (a row kept from before a change may not be). */
  enrolled: z.boolean(),
  /** Null while the list has not been filled in for the participant. */
  present: z.boolean().nullable(),
  hours: z.string(),
});
export type AttendanceRow = z.infer<typeof AttendanceRow>;

export const SessionAttendance = z.object({
  activity: z.object({ id: z.uuid(), name: z.string(), kind: SupportKindKey }),
  session: SupportSession,
  rows: z.array(AttendanceRow),
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
  abilities: SupportAbilities,
});
export type SessionAttendance = z.infer<typeof SessionAttendance>;

export const SessionAttendanceInput = z.object({
  /** The session's version as loaded: a list saved meanwhile by somebody else answers 409. */
  version: z.number().int(),
  rows: z
    .array(
      z.object({
        participantId: z.uuid(),
        present: z.boolean(),
        hours: Hours.nullable()
          .optional()
          .transform((h) => h ?? null),
      }),
    )
    .max(500),
});
export type SessionAttendanceInput = z.input<typeof SessionAttendanceInput>;

export const OccupancyQuery = z.object({
  by: OccupancyGranularityKey.default('miesiac'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const Occupancy = z.object({
  activity: z.object({ id: z.uuid(), name: z.string(), kind: SupportKindKey }),
  capacity: z.number().int().nullable(),
  by: OccupancyGranularityKey,
  from: z.string(),
  to: z.string(),
  periods: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      occupied: z.number().int(),
      free: z.number().int().nullable(),
      personDays: z.number().int(),
      days: z.number().int(),
      residents: z.array(z.uuid()),
    }),
  ),
  /** Everybody who stayed in the range, with their stay. */
  residents: z.array(
    z.object({
      participant: ParticipantRef,
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
});
export type Occupancy = z.infer<typeof Occupancy>;

/** Participants of the project that an episode can be added for (a picker). */
export const SupportParticipantList = z.object({
  items: z.array(
    ParticipantRef.extend({
      status: z.string(),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
    }),
  ),
});
export type SupportParticipantList = z.infer<typeof SupportParticipantList>;

/** One participant's support: every episode with its activity and hours, and the totals. */
export const ParticipantSupport = z.object({
  participant: ParticipantRef.extend({ joinedOn: z.string(), leftOn: z.string().nullable() }),
  episodes: z.array(
    SupportEpisode.extend({
      activity: z.object({
        id: z.uuid(),
        name: z.string(),
        kind: SupportKindKey,
        supportType: z.object({ code: z.string(), name: z.string() }).nullable(),
      }),
      /** The hours this episode counts: attended hours for a group, entered hours otherwise. */
      hoursCounted: z.string(),
    }),
  ),
  totals: z.object({
    group: z.string(),
    individual: z.string(),
    internship: z.string(),
    total: z.string(),
    stipend: z.number().int(),
  }),
  /** Activities an episode can be added to (for the participant page). */
  activities: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: SupportKindKey,
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
  abilities: SupportAbilities,
});
export type ParticipantSupport = z.infer<typeof ParticipantSupport>;
