import { z } from 'zod';
import { keysOf } from '../cases/dictionaries.js';
import { IsoDate } from '../cases/persons.schemas.js';

/**
 * The training platform for staff (DOMAIN.md §5, issue "Regional monitoring (ROPS) and the training
 * platform for staff", docs/trainings.md): a catalogue of trainings run by an institution (a ROPS, an
 * OPS), their editions with sessions, registrations of staff (by themselves or by their institution,
 * whose head approves) with a waiting list, attendance, knowledge tests before and after, certificates
 * with a public verification code, e-learning lessons with each learner's progress.
 *
 * "Raised qualifications" — the definition the indicator (seed 001: 654 employees) uses — is recorded
 * when the final test passes the training's threshold or a certificate is issued
 * ({@link raisedQualifications}). "Supported" (seed 001: 688 employees) is a learner with a confirmed
 * registration who attended at least one session, or started an e-learning lesson.
 *
 * Dates are calendar dates (YYYY-MM-DD); field rules are message keys (pl/en on the server).
 */
type Labels = { pl: string; en: string };

export const trainingForms = {
  kurs: { pl: 'Kurs', en: 'Course' },
  szkolenie: { pl: 'Szkolenie', en: 'Training' },
  warsztat: { pl: 'Warsztaty', en: 'Workshop' },
  konferencja: { pl: 'Konferencja', en: 'Conference' },
  coaching: { pl: 'Coaching', en: 'Coaching' },
  superwizja_indywidualna: { pl: 'Superwizja indywidualna', en: 'Individual supervision' },
  superwizja_grupowa: { pl: 'Superwizja grupowa', en: 'Group supervision' },
  e_learning: { pl: 'E-learning', en: 'E-learning' },
} as const satisfies Record<string, Labels>;
export type TrainingForm = keyof typeof trainingForms;
export const TrainingForm = z.enum(keysOf(trainingForms));

/** Whom a training is for (seed 001: staff of social assistance, family support, foster care, CUS). */
export const targetStaff = {
  pracownicy_socjalni: { pl: 'Pracownicy socjalni', en: 'Social workers' },
  asystenci_rodziny: { pl: 'Asystenci rodziny', en: 'Family assistants' },
  kadra_kierownicza: { pl: 'Kadra kierownicza', en: 'Managers' },
  pracownicy_cus: { pl: 'Pracownicy centrów usług społecznych', en: 'Social services centre staff' },
  piecza_zastepcza: {
    pl: 'Koordynatorzy i kadra pieczy zastępczej',
    en: 'Foster care coordinators and staff',
  },
  kooperanci: {
    pl: 'Pracownicy instytucji partnerskich (kooperanci)',
    en: 'Partner institution staff (cooperation partners)',
  },
  animatorzy: { pl: 'Animatorzy i moderatorzy kooperacji', en: 'Cooperation animators and moderators' },
  ekonomia_spoleczna: { pl: 'Kadra ekonomii społecznej', en: 'Social economy staff' },
  inni: { pl: 'Inni pracownicy', en: 'Other staff' },
} as const satisfies Record<string, Labels>;
export type TargetStaff = keyof typeof targetStaff;
export const TargetStaff = z.enum(keysOf(targetStaff));

export const trainingStatuses = {
  szkic: { pl: 'Szkic', en: 'Draft' },
  opublikowane: { pl: 'Opublikowane', en: 'Published' },
  zarchiwizowane: { pl: 'Zarchiwizowane', en: 'Archived' },
} as const satisfies Record<string, Labels>;
export type TrainingStatus = keyof typeof trainingStatuses;
export const TrainingStatus = z.enum(keysOf(trainingStatuses));

export const editionModes = {
  stacjonarna: { pl: 'Stacjonarnie', en: 'In person' },
  online: { pl: 'Online', en: 'Online' },
  hybrydowa: { pl: 'Hybrydowo', en: 'Hybrid' },
} as const satisfies Record<string, Labels>;
export type EditionMode = keyof typeof editionModes;
export const EditionMode = z.enum(keysOf(editionModes));

export const editionStatuses = {
  planowana: { pl: 'Planowana', en: 'Planned' },
  odwolana: { pl: 'Odwołana', en: 'Cancelled' },
} as const satisfies Record<string, Labels>;
export type EditionStatus = keyof typeof editionStatuses;
export const EditionStatus = z.enum(keysOf(editionStatuses));

/**
 * A registration's life: `do_akceptacji` (waits for the head of the learner's institution) →
 * `potwierdzona` (a place) or `rezerwowa` (waiting list, first come first served) / `odrzucona`
 * (with a reason); `wycofana` when the learner, their head or the organiser withdraws it — which
 * gives the freed place to the first on the waiting list.
 */
export const registrationStatuses = {
  do_akceptacji: { pl: 'Czeka na akceptację', en: 'Awaiting approval' },
  potwierdzona: { pl: 'Potwierdzona', en: 'Confirmed' },
  rezerwowa: { pl: 'Lista rezerwowa', en: 'Waiting list' },
  odrzucona: { pl: 'Odrzucona', en: 'Rejected' },
  wycofana: { pl: 'Wycofana', en: 'Withdrawn' },
} as const satisfies Record<string, Labels>;
export type RegistrationStatus = keyof typeof registrationStatuses;
export const RegistrationStatus = z.enum(keysOf(registrationStatuses));

export const testKinds = {
  wstepny: { pl: 'Test wiedzy przed szkoleniem', en: 'Knowledge test before the training' },
  koncowy: { pl: 'Test wiedzy po szkoleniu', en: 'Knowledge test after the training' },
} as const satisfies Record<string, Labels>;
export type TestKind = keyof typeof testKinds;
export const TestKind = z.enum(keysOf(testKinds));

export const questionKinds = {
  jednokrotny: { pl: 'Jednokrotny wybór', en: 'Single choice' },
  wielokrotny: { pl: 'Wielokrotny wybór', en: 'Multiple choice' },
} as const satisfies Record<string, Labels>;
export type QuestionKind = keyof typeof questionKinds;
export const QuestionKind = z.enum(keysOf(questionKinds));

export const lessonKinds = {
  tekst: { pl: 'Tekst', en: 'Text' },
  obraz: { pl: 'Obraz', en: 'Image' },
  wideo: { pl: 'Wideo', en: 'Video' },
  plik: { pl: 'Plik do pobrania', en: 'File to download' },
} as const satisfies Record<string, Labels>;
export type LessonKind = keyof typeof lessonKinds;
export const LessonKind = z.enum(keysOf(lessonKinds));

/** The gender of a learner, for the gender breakdown of the staff indicators (ESF+). */
export const learnerSexes = {
  k: { pl: 'Kobieta', en: 'Woman' },
  m: { pl: 'Mężczyzna', en: 'Man' },
  n: { pl: 'Osoba niebinarna', en: 'Non-binary person' },
} as const satisfies Record<string, Labels>;
export type LearnerSex = keyof typeof learnerSexes;
export const LearnerSex = z.enum(keysOf(learnerSexes));

/** Post-test attempts a learner has; the best one counts. */
export const MAX_FINAL_TEST_ATTEMPTS = 3;
/** Days before an edition starts when its confirmed learners get a reminder. */
export const REMINDER_DAYS_BEFORE = 2;

// ————— Rules (pure) —————

/**
 * Where a new registration (or one just approved by the head) goes: a place while confirmed
 * registrations are fewer than the capacity, the waiting list otherwise.
 */
export function placeFor(capacity: number, confirmed: number): 'potwierdzona' | 'rezerwowa' {
  return confirmed < capacity ? 'potwierdzona' : 'rezerwowa';
}

/**
 * Who gets freed places: the waiting list in the order of registration (first come first served),
 * as many as there are free places. Returns the ids to confirm.
 */
export function promoteFromWaitingList(
  capacity: number,
  registrations: readonly { id: string; status: RegistrationStatus; registeredAt: string }[],
): string[] {
  const confirmed = registrations.filter((r) => r.status === 'potwierdzona').length;
  const free = Math.max(0, capacity - confirmed);
  return registrations
    .filter((r) => r.status === 'rezerwowa')
    .sort((a, b) => (a.registeredAt < b.registeredAt ? -1 : a.registeredAt > b.registeredAt ? 1 : 0))
    .slice(0, free)
    .map((r) => r.id);
}

/** A question of the bank with its correct answers (the organiser's view). */
export interface ScoredQuestion {
  id: string;
  kind: QuestionKind;
  options: readonly { id: string; correct: boolean }[];
}

export interface TestScore {
  points: number;
  maxPoints: number;
  /** 0–100, rounded to a whole percent. */
  percent: number;
  passed: boolean;
}

/**
 * Scores a test: one point per question answered exactly — a single-choice question with its one
 * correct option chosen, a multiple-choice one with all its correct options and no other chosen
 * (no partial points: a guess of everything scores nothing). Passed when the percent reaches the
 * threshold. An empty test cannot be passed.
 */
export function scoreTest(
  questions: readonly ScoredQuestion[],
  answers: Readonly<Record<string, readonly string[]>>,
  passThreshold: number,
): TestScore {
  let points = 0;
  for (const q of questions) {
    const chosen = new Set(answers[q.id] ?? []);
    const correct = new Set(q.options.filter((o) => o.correct).map((o) => o.id));
    if (q.kind === 'jednokrotny' && chosen.size !== 1) continue;
    if (chosen.size === correct.size && [...chosen].every((id) => correct.has(id))) points += 1;
  }
  const maxPoints = questions.length;
  const percent = maxPoints === 0 ? 0 : Math.round((points / maxPoints) * 100);
  return { points, maxPoints, percent, passed: maxPoints > 0 && percent >= passThreshold };
}

/**
 * The definition the indicator "employees who raised their qualifications" uses (seed 001): a final
 * test passed at the training's threshold, or a certificate issued (and not revoked).
 */
export function raisedQualifications(r: { finalTestPassed: boolean; certificateValid: boolean }): boolean {
  return r.finalTestPassed || r.certificateValid;
}

/** Attendance as a whole percent of the edition's sessions (100 for an edition without sessions). */
export function attendancePercent(present: number, sessions: number): number {
  if (sessions === 0) return 100;
  return Math.round((present / sessions) * 100);
}

/**
 * Whether a certificate is due: the training issues certificates, the final test is passed, the
 * attendance reaches the training's minimum (an e-learning edition has no sessions: every lesson
 * completed instead).
 */
export function certificateDue(r: {
  issuesCertificate: boolean;
  finalTestPassed: boolean;
  attendancePercent: number;
  minAttendancePercent: number;
  lessonsTotal: number;
  lessonsCompleted: number;
  hasSessions: boolean;
}): boolean {
  if (!r.issuesCertificate || !r.finalTestPassed) return false;
  if (r.hasSessions) return r.attendancePercent >= r.minAttendancePercent;
  return r.lessonsCompleted >= r.lessonsTotal;
}

// ————— Certificate verification codes —————

/** Crockford's base32: no I, L, O, U, so a code read aloud or typed is not mistaken. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += CROCKFORD.indexOf(body[i] as string) * (i + 1);
  return CROCKFORD[sum % 32] as string;
}

/**
 * A verification code from 55 random bits (11 characters) and a check character, shown in groups of
 * four: `7KD2-M9QX-4TBW`. The check character catches a mistyped character or two swapped ones.
 */
export function certificateCodeFrom(random: Uint8Array): string {
  if (random.length < 11) throw new Error('certificate code needs 11 random bytes');
  let body = '';
  for (let i = 0; i < 11; i++) body += CROCKFORD[(random[i] as number) % 32];
  const code = body + checkChar(body);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/**
 * A typed code in its canonical form (upper case, grouped), or null when it cannot be one: spaces and
 * dashes are ignored, O reads as 0 and I or L as 1; a wrong check character is null.
 */
export function normalizeCertificateCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== 12 || [...s].some((c) => !CROCKFORD.includes(c))) return null;
  if (checkChar(s.slice(0, 11)) !== s[11]) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

// ————— Inputs —————

const trimmed = (min: number, max: number) =>
  z.string().trim().min(min, { message: 'field.required' }).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time.format' });
const Version = z.number().int().min(1);

export const TrainingInput = z.object({
  title: trimmed(3, 200),
  form: TrainingForm,
  topic: trimmed(2, 200),
  description: optionalText(5000),
  targetStaff: z.array(TargetStaff).min(1, { message: 'training.targetStaffRequired' }).max(20),
  /** Hours of the programme, in half hours: 0.5–500. */
  hours: z
    .number()
    .min(0.5, { message: 'training.hoursRange' })
    .max(500, { message: 'training.hoursRange' })
    .refine((h) => Number.isInteger(h * 2), { message: 'training.hoursHalf' }),
  trainers: z.array(z.string().trim().min(2).max(120)).max(20).default([]),
  /** The project that finances the training (its indicators count the learners); null: own funds. */
  projectId: z.uuid().nullable().default(null),
  /** Percent of the final test that passes it. */
  passThreshold: z.number().int().min(1).max(100).default(70),
  issuesCertificate: z.boolean().default(true),
  /** Attendance a certificate needs (percent of the sessions). */
  minAttendancePercent: z.number().int().min(0).max(100).default(80),
  status: TrainingStatus.default('szkic'),
});
export type TrainingInput = z.input<typeof TrainingInput>;

export const TrainingUpdate = z.object({ training: TrainingInput, version: Version });
export type TrainingUpdate = z.input<typeof TrainingUpdate>;

export const SessionInput = z.object({
  /** Present for a session that exists (kept with its attendance), absent for a new one. */
  id: z.uuid().optional(),
  on: IsoDate,
  startsAt: Time,
  endsAt: Time,
  topic: optionalText(200),
});

export const EditionInput = z.object({
  name: trimmed(2, 120),
  startsOn: IsoDate,
  endsOn: IsoDate,
  mode: EditionMode,
  place: optionalText(300),
  onlineUrl: z
    .string()
    .trim()
    .max(500)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || /^https:\/\/\S+$/.test(s), { message: 'training.edition.onlineUrl' }),
  capacity: z.number().int().min(1, { message: 'training.edition.capacity' }).max(2000),
  /** The last day to register (inclusive); null: until the edition starts. */
  registrationClosesOn: IsoDate.nullable().default(null),
  /** Self-registrations wait for the head of the learner's institution. */
  requiresApproval: z.boolean().default(true),
  status: EditionStatus.default('planowana'),
  /** The sessions (group forms); an e-learning edition has none. Sent whole: missing ones are removed. */
  sessions: z.array(SessionInput).max(200).default([]),
});
export type EditionInput = z.input<typeof EditionInput>;
export const EditionUpdate = z.object({ edition: EditionInput, version: Version });
export type EditionUpdate = z.input<typeof EditionUpdate>;

/** The learner's own data asked at self-registration (for the staff indicators' breakdowns). */
export const SelfRegistrationInput = z.object({
  kind: z.literal('self'),
  sex: LearnerSex,
  position: optionalText(120),
});

/** An employee registered by their institution (a user of it, or someone without an account). */
export const EmployeeRegistrationInput = z.object({
  kind: z.literal('employee'),
  /** A user with an active membership in the registering institution… */
  userId: z.uuid().nullable().default(null),
  /** …or the employee's data (ignored when userId is given). */
  firstName: optionalText(80),
  lastName: optionalText(120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'field.email' }),
  sex: LearnerSex,
  position: optionalText(120),
});

export const RegistrationInput = z.discriminatedUnion('kind', [
  SelfRegistrationInput,
  EmployeeRegistrationInput,
]);
export type RegistrationInput = z.input<typeof RegistrationInput>;

export const RegistrationDecision = z.object({
  decision: z.enum(['akceptuj', 'odrzuc']),
  reason: optionalText(500),
  version: Version,
});
export type RegistrationDecision = z.input<typeof RegistrationDecision>;

export const RegistrationWithdrawal = z.object({ reason: optionalText(500), version: Version });
export type RegistrationWithdrawal = z.input<typeof RegistrationWithdrawal>;

export const AttendanceInput = z.object({
  sessionId: z.uuid(),
  marks: z.array(z.object({ registrationId: z.uuid(), present: z.boolean() })).max(2000),
});
export type AttendanceInput = z.input<typeof AttendanceInput>;

export const TrainingQuestionInput = z.object({
  kind: QuestionKind,
  text: trimmed(3, 1000),
  options: z
    .array(z.object({ text: trimmed(1, 300), correct: z.boolean() }))
    .min(2, { message: 'training.question.optionsCount' })
    .max(8, { message: 'training.question.optionsCount' }),
  active: z.boolean().default(true),
});
export type TrainingQuestionInput = z.input<typeof TrainingQuestionInput>;

/** Rules of a question beyond shapes: a single-choice one has exactly one correct option, others ≥ 1. */
export function questionIssues(q: z.output<typeof TrainingQuestionInput>): { field: string; code: string }[] {
  const correct = q.options.filter((o) => o.correct).length;
  if (q.kind === 'jednokrotny' && correct !== 1)
    return [{ field: 'options', code: 'training.question.singleNeedsOne' }];
  if (q.kind === 'wielokrotny' && correct < 1)
    return [{ field: 'options', code: 'training.question.multipleNeedsOne' }];
  return [];
}

export const TrainingQuestionUpdate = z.object({ question: TrainingQuestionInput, version: Version });

/** A learner's answers: question id → the ids of the options chosen. */
export const TestAnswers = z.object({
  answers: z.record(z.uuid(), z.array(z.uuid()).max(8)),
});
export type TestAnswers = z.input<typeof TestAnswers>;

/** A test taken on paper, entered by the organiser. */
export const PaperTestResult = z.object({
  kind: TestKind,
  percent: z.number().int().min(0).max(100),
  takenOn: IsoDate,
});
export type PaperTestResult = z.input<typeof PaperTestResult>;

export const CertificateRevocation = z.object({ reason: trimmed(3, 500) });

export const LessonInput = z.object({
  title: trimmed(2, 200),
  kind: LessonKind,
  /** Text of a text lesson; description, caption or transcript of the others. */
  body: optionalText(50_000),
  /** An https address of the video (wideo). */
  videoUrl: z
    .string()
    .trim()
    .max(500)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || /^https:\/\/\S+$/.test(s), { message: 'training.lesson.videoUrl' }),
  /** Text alternative of an image (obraz), required for it. */
  altText: optionalText(500),
  position: z.number().int().min(0).max(1000),
});
export type LessonInput = z.input<typeof LessonInput>;
export const LessonUpdate = z.object({ lesson: LessonInput, version: Version });

export const TrainingListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  form: TrainingForm.optional(),
  /** Only trainings the user manages (drafts included). */
  managed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
});

// ————— Outputs —————

const Ref = z.object({ id: z.string(), name: z.string() });

export const SessionOut = z.object({
  id: z.string(),
  on: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  topic: z.string().nullable(),
});

export const EditionOut = z.object({
  id: z.string(),
  trainingId: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  mode: EditionMode,
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number(),
  registrationClosesOn: z.string().nullable(),
  requiresApproval: z.boolean(),
  status: EditionStatus,
  sessions: z.array(SessionOut),
  /** Confirmed / waiting / awaiting approval counts. */
  confirmed: z.number(),
  waiting: z.number(),
  pending: z.number(),
  /** Open for registration today (planned, not full or with a waiting list, before the closing day). */
  registrationOpen: z.boolean(),
  version: z.number(),
});
export type EditionOut = z.infer<typeof EditionOut>;

export const Training = z.object({
  id: z.string(),
  title: z.string(),
  form: TrainingForm,
  topic: z.string(),
  description: z.string().nullable(),
  targetStaff: z.array(TargetStaff),
  hours: z.number(),
  trainers: z.array(z.string()),
  project: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  passThreshold: z.number(),
  issuesCertificate: z.boolean(),
  minAttendancePercent: z.number(),
  status: TrainingStatus,
  organiser: Ref,
  editions: z.array(EditionOut),
  questionCount: z.number(),
  lessonCount: z.number(),
  version: z.number(),
  abilities: z.object({ manage: z.boolean() }),
});
export type Training = z.infer<typeof Training>;

export const TrainingSummary = Training.omit({ editions: true, description: true }).extend({
  nextEditionOn: z.string().nullable(),
  openEditions: z.number(),
});
export const TrainingList = z.object({
  items: z.array(TrainingSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TrainingList = z.infer<typeof TrainingList>;

const TestResultOut = z.object({
  percent: z.number(),
  passed: z.boolean(),
  attempts: z.number(),
  takenOn: z.string(),
  onPaper: z.boolean(),
});

export const CertificateOut = z.object({
  code: z.string(),
  issuedOn: z.string(),
  revokedOn: z.string().nullable(),
  revokedReason: z.string().nullable(),
});

export const Learner = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  position: z.string().nullable(),
  sex: LearnerSex,
  hasAccount: z.boolean(),
  institution: Ref.extend({ type: z.string() }),
});

/** A registration as the organiser, the learner's head or the learner sees it. */
export const Registration = z.object({
  id: z.string(),
  editionId: z.string(),
  trainingId: z.string(),
  learner: Learner,
  status: RegistrationStatus,
  registeredAt: z.string(),
  registeredBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  /** 1-based place on the waiting list (null unless `rezerwowa`). */
  waitingPosition: z.number().nullable(),
  attendance: z.object({ present: z.number(), sessions: z.number(), percent: z.number() }),
  /** Present sessions' ids (for the attendance grid). */
  presentSessionIds: z.array(z.string()),
  lessons: z.object({ completed: z.number(), total: z.number() }),
  preTest: TestResultOut.nullable(),
  finalTest: TestResultOut.nullable(),
  certificate: CertificateOut.nullable(),
  raisedQualifications: z.boolean(),
  version: z.number(),
  abilities: z.object({
    withdraw: z.boolean(),
    decide: z.boolean(),
    takePreTest: z.boolean(),
    takeFinalTest: z.boolean(),
    learn: z.boolean(),
  }),
});
export type Registration = z.infer<typeof Registration>;

export const RegistrationList = z.object({ items: z.array(Registration) });
export type RegistrationList = z.infer<typeof RegistrationList>;

/** "My trainings": the user's registrations with their training and edition. */
export const MyTrainings = z.object({
  items: z.array(
    Registration.extend({
      training: z.object({ id: z.string(), title: z.string(), form: TrainingForm, hours: z.number() }),
      edition: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
    }),
  ),
});
export type MyTrainings = z.infer<typeof MyTrainings>;

/** Registrations awaiting the head's approval in the active institution. */
export const ApprovalList = MyTrainings;
export type ApprovalList = MyTrainings;

export const TrainingQuestion = z.object({
  id: z.string(),
  kind: QuestionKind,
  text: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean() })),
  active: z.boolean(),
  position: z.number(),
  version: z.number(),
});
export type TrainingQuestion = z.infer<typeof TrainingQuestion>;
export const TrainingQuestionList = z.object({ items: z.array(TrainingQuestion) });
export type TrainingQuestionList = z.infer<typeof TrainingQuestionList>;

/** A test as the learner takes it: no correct answers. */
export const TestSheet = z.object({
  kind: TestKind,
  trainingTitle: z.string(),
  passThreshold: z.number(),
  attemptsLeft: z.number(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: QuestionKind,
      text: z.string(),
      options: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
  ),
});
export type TestSheet = z.infer<typeof TestSheet>;

export const TestOutcome = z.object({
  kind: TestKind,
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  passed: z.boolean(),
  attemptsLeft: z.number(),
  raisedQualifications: z.boolean(),
  certificate: CertificateOut.nullable(),
});
export type TestOutcome = z.infer<typeof TestOutcome>;

export const Lesson = z.object({
  id: z.string(),
  trainingId: z.string(),
  title: z.string(),
  kind: LessonKind,
  body: z.string().nullable(),
  videoUrl: z.string().nullable(),
  altText: z.string().nullable(),
  file: z.object({ filename: z.string(), mimeType: z.string(), size: z.number() }).nullable(),
  position: z.number(),
  /** For a learner: when they completed it. */
  completedAt: z.string().nullable(),
  version: z.number(),
});
export type Lesson = z.infer<typeof Lesson>;
export const LessonList = z.object({ items: z.array(Lesson) });
export type LessonList = z.infer<typeof LessonList>;

/** What the public verification page shows for a code (404 for a code that does not exist). */
export const CertificateVerification = z.object({
  code: z.string(),
  valid: z.boolean(),
  learnerName: z.string(),
  trainingTitle: z.string(),
  form: TrainingForm,
  hours: z.number(),
  editionStartsOn: z.string(),
  editionEndsOn: z.string(),
  organiser: z.string(),
  projectNumber: z.string().nullable(),
  issuedOn: z.string(),
  revokedOn: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;

/** Projects that may finance a training of the active institution (it leads them or is a partner). */
export const FinancingProjects = z.object({
  items: z.array(z.object({ id: z.string(), number: z.string(), title: z.string() })),
});
export type FinancingProjects = z.infer<typeof FinancingProjects>;

/** The active institution's staff with an account, for a head registering one of them. */
export const EmployeeList = z.object({
  items: z.array(
    z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), email: z.string() }),
  ),
});
export type EmployeeList = z.infer<typeof EmployeeList>;

/** Staff supported and staff who raised qualifications, by institution type and by gmina. */
export const TrainingStats = z.object({
  asOf: z.string(),
  supported: z.number(),
  raised: z.number(),
  byInstitutionType: z.array(z.object({ type: z.string(), supported: z.number(), raised: z.number() })),
  byGmina: z.array(
    z.object({ teryt: z.string(), name: z.string(), supported: z.number(), raised: z.number() }),
  ),
});
export type TrainingStats = z.infer<typeof TrainingStats>;
