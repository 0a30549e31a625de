import { certificateCodeFrom, institutionTypes, type LearnerSex } from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';
import {
  institutions,
  memberships,
  trainingAttendance,
  trainingCertificates,
  trainingEditions,
  trainingLearners,
  trainingLessonProgress,
  trainingLessons,
  trainingQuestions,
  trainingRegistrations,
  trainingSessions,
  trainings,
  trainingTestAttempts,
  users,
} from '../../db/schema/index.js';
import { seeded } from '../cases/demo.js';
import { addDays, warsawToday } from '../cases/tasks.js';
import { DEMO_DOMAIN } from '../identity/demo.js';
import { hashPassword } from '../identity/passwords.js';
import { measureDemoStaffIndicators } from '../indicators/demo.js';
import {
  checinyUsers,
  demoTrainingInstitutions,
  demoTrainings,
  feminine,
  menNames,
  positions,
  type StaffRole,
  surnames,
  type TrainingSpec,
  womenNames,
} from './demo.data.js';

/**
 * Demo of the training platform (docs/trainings.md). ROPS Kielce organises the trainings of its
 * FERS 04.13 project (seed 001, found by number; without ROPS Kielce or the project the step adds
 * nothing) for the staff of about fifty institutions of Świętokrzyskie made here (OPS, CUS, PCPR…):
 *
 * - eight trainings from 2024 to 2026 — cooperation workshops, a course on deinstitutionalisation,
 *   group supervision, a yearly conference on CUS, coaching for managers, an e-learning course with
 *   lessons, family support and integration of foreigners — with editions in Kielce, Sandomierz,
 *   Ostrowiec Świętokrzyski and online, sessions and question banks;
 * - about 560 members of staff (registered by their institutions, most without an account; 85 % women),
 *   registrations in every status, attendance of the past sessions, tests before and after (on paper
 *   in 2024), certificates with stable codes (one revoked), lesson progress of the e-learning;
 * - for the logins: an open e-learning edition (no approval, until the end of next year) that
 *   `pracownik.bochnia` can register for, learn and pass; an upcoming two-day workshop that is full and
 *   needs approval (waiting list); MGOPS Chęciny with a head (`kierownik.checiny`) who has
 *   self-registrations of her staff to decide.
 *
 * Then the project's indicators 688 / 654 are measured from these records (indicators/demo.ts).
 * Everything random comes from a seeded generator: the same data on every run with the same today.
 */
export async function seedDemoTrainings(tx: Tx, demoPassword?: string): Promise<void> {
  const [rops] = await queryRows<{ id: string }>(
    tx,
    sql`select id from institutions where short_name = 'ROPS Kielce' order by created_at limit 1`,
  );
  const [project] = await queryRows<{ id: string }>(
    tx,
    sql`select id from projects where number = 'FERS.04.13-IP.04-0001/23'`,
  );
  if (!rops || !project) return;
  // Once is enough: a second run (a step re-run by a new version) leaves the demo as it is.
  const [done] = await queryRows<{ id: string }>(
    tx,
    sql`select id from trainings where organiser_institution_id = ${rops.id}
          and title = any(${sql.param(demoTrainings.map((t) => t.title))}::text[]) limit 1`,
  );
  if (done) return;
  const [organiser] = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where email in (${`trener@${DEMO_DOMAIN}`}, ${`admin@${DEMO_DOMAIN}`})
        order by email = ${`trener@${DEMO_DOMAIN}`} desc limit 1`,
  );
  if (!organiser) return;
  await new TrainingDemo(tx, warsawToday(), rops.id, project.id, organiser.id).run(demoPassword);
  await measureDemoStaffIndicators(tx);
}

const CHUNK = 400;
async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const MONTHS = [
  'styczeń',
  'luty',
  'marzec',
  'kwiecień',
  'maj',
  'czerwiec',
  'lipiec',
  'sierpień',
  'wrzesień',
  'październik',
  'listopad',
  'grudzień',
];
const monthOf = (day: string) => `${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

const PLACES = {
  Kielce: 'Kielce, Regionalny Ośrodek Polityki Społecznej, al. IX Wieków Kielc 3 — sala konferencyjna',
  Sandomierz: 'Sandomierz, Centrum Usług Społecznych — sala szkoleniowa',
  Ostrowiec: 'Ostrowiec Świętokrzyski, Centrum Usług Społecznych — sala szkoleniowa',
  KielceConference: 'Kielce, Wojewódzki Dom Kultury — sala widowiskowa',
};
const onlineUrl = (slug: string) => `https://spotkania.${DEMO_DOMAIN}/rops-kielce/${slug}`;

type Audience = (l: Learner) => boolean;
const everyone: Audience = () => true;
const roles =
  (...r: StaffRole[]): Audience =>
  (l) =>
    r.includes(l.role);

interface EditionPlan {
  training: TrainingSpec['key'];
  name: string;
  startsOn: string;
  endsOn: string;
  mode: 'stacjonarna' | 'online' | 'hybrydowa';
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  requiresApproval: boolean;
  /** [day, from, to, topic] */
  sessions: [string, string, string, string][];
  /** Confirmed registrations of the staff (the demo users' come on top). */
  fill: number;
  /** Share of learners new to the platform (the others took part in an earlier training). */
  fresh: number;
  audience: Audience;
  /** Registrations made from this day on (e-learning: spread over the access period). */
  registeredFrom?: string;
  /** The full edition with a waiting list (see `upcomingWorkshop`). */
  waitingList?: boolean;
}

const twoDays = (day: string, topics: [string, string], from = '08:30', to = '16:30') =>
  [
    [day, from, to, topics[0]],
    [addDays(day, 1), from, to, topics[1]],
  ] as [string, string, string, string][];

function editionPlans(today: string): EditionPlan[] {
  const cooperation: [string, string] = [
    'Model kooperacji i partnerski zespół kooperacyjny',
    'Zespół międzysektorowy w pracy z rodziną — studia przypadków',
  ];
  const di = [
    'Deinstytucjonalizacja — pojęcia i kierunki zmian',
    'Usługi w społeczności lokalnej i lokalny plan deinstytucjonalizacji',
    'Centrum usług społecznych — organizacja i program usług społecznych',
  ];
  const threeDays = (day: string) =>
    di.map((topic, i) => [addDays(day, i), '08:30', '16:30', topic]) as [string, string, string, string][];
  const supervision = [
    'Kontrakt grupy i oczekiwania uczestników',
    'Trudne sytuacje w pracy z osobą i rodziną',
    'Granice odpowiedzialności pracownika socjalnego',
    'Wypalenie zawodowe — rozpoznanie i zapobieganie',
    'Podsumowanie procesu superwizji',
  ];
  const supervisionSessions = (days: string[]) =>
    days.map((d, i) => [d, '10:00', '14:00', supervision[i] as string]) as [string, string, string, string][];
  const coaching = [
    'Rola lidera w zmianie organizacyjnej',
    'Zarządzanie zespołem w OPS, CUS i PCPR',
    'Plan rozwoju — sesja podsumowująca',
  ];
  const coachingSessions = (days: string[]) =>
    days.map((d, i) => [d, '09:00', '13:00', coaching[i] as string]) as [string, string, string, string][];
  const family: [string, string] = [
    'Kryzys w rodzinie — rozpoznanie i interwencja',
    'Plan pracy z rodziną i współpraca z instytucjami',
  ];
  const workshop = (day: string, city: keyof typeof PLACES, fill: number, fresh: number): EditionPlan => ({
    training: 'kooperacja',
    name: `${city === 'Ostrowiec' ? 'Ostrowiec Świętokrzyski' : city}, ${monthOf(day)}`,
    startsOn: day,
    endsOn: addDays(day, 1),
    mode: 'stacjonarna',
    place: PLACES[city],
    onlineUrl: null,
    capacity: 24,
    requiresApproval: true,
    sessions: twoDays(day, cooperation),
    fill,
    fresh,
    audience: roles('social', 'family', 'foster', 'manager', 'head', 'other'),
  });
  const course = (
    day: string,
    city: keyof typeof PLACES | 'online',
    fill: number,
    fresh: number,
  ): EditionPlan => ({
    training: 'di',
    name: `${city === 'online' ? 'Online' : city === 'Ostrowiec' ? 'Ostrowiec Świętokrzyski' : city}, ${monthOf(day)}`,
    startsOn: day,
    endsOn: addDays(day, 2),
    mode: city === 'online' ? 'online' : 'stacjonarna',
    place: city === 'online' ? null : PLACES[city],
    onlineUrl: city === 'online' ? onlineUrl(`di-${day.slice(0, 7)}`) : null,
    capacity: 25,
    requiresApproval: true,
    sessions: threeDays(day),
    fill,
    fresh,
    audience: everyone,
  });
  const conference = (day: string, fill: number, fresh: number): EditionPlan => ({
    training: 'konferencja',
    name: `Konferencja ${day.slice(0, 4)}`,
    startsOn: day,
    endsOn: day,
    mode: 'stacjonarna',
    place: PLACES.KielceConference,
    onlineUrl: null,
    capacity: 150,
    requiresApproval: false,
    sessions: [
      [
        day,
        '10:00',
        '16:00',
        'Centra usług społecznych w województwie świętokrzyskim — doświadczenia i plany',
      ],
    ],
    fill,
    fresh,
    audience: everyone,
  });
  const familyTraining = (
    day: string,
    city: keyof typeof PLACES,
    fill: number,
    fresh: number,
  ): EditionPlan => ({
    training: 'rodzina',
    name: `${city === 'Ostrowiec' ? 'Ostrowiec Świętokrzyski' : city}, ${monthOf(day)}`,
    startsOn: day,
    endsOn: addDays(day, 1),
    mode: 'stacjonarna',
    place: PLACES[city],
    onlineUrl: null,
    capacity: 20,
    requiresApproval: true,
    sessions: twoDays(day, family, '09:00', '16:00'),
    fill,
    fresh,
    audience: roles('family', 'foster', 'social'),
  });
  const foreigners = (day: string, fill: number, fresh: number): EditionPlan => ({
    training: 'cudzoziemcy',
    name: `Online, ${monthOf(day)}`,
    startsOn: day,
    endsOn: day,
    mode: 'online',
    place: null,
    onlineUrl: onlineUrl(`cudzoziemcy-${day.slice(0, 7)}`),
    capacity: 40,
    requiresApproval: false,
    sessions: [[day, '09:00', '15:00', 'Cudzoziemcy w systemie pomocy i integracji społecznej']],
    fill,
    fresh,
    audience: roles('social', 'family', 'other', 'care'),
  });
  const group = (name: string, days: string[], place: string): EditionPlan => ({
    training: 'superwizja',
    name,
    startsOn: days[0] as string,
    endsOn: days.at(-1) as string,
    mode: 'stacjonarna',
    place,
    onlineUrl: null,
    capacity: 12,
    requiresApproval: true,
    sessions: supervisionSessions(days),
    fill: 12,
    fresh: 0.35,
    audience: roles('social', 'family'),
  });
  const coachingGroup = (name: string, days: string[]): EditionPlan => ({
    training: 'coaching',
    name,
    startsOn: days[0] as string,
    endsOn: days.at(-1) as string,
    mode: 'stacjonarna',
    place: PLACES.Kielce,
    onlineUrl: null,
    capacity: 10,
    requiresApproval: true,
    sessions: coachingSessions(days),
    fill: 9,
    fresh: 0.4,
    audience: roles('head', 'manager'),
  });

  // The open e-learning edition: since mid-January of this year (or a month ago), until the end of next.
  const year = Number(today.slice(0, 4));
  const openFrom = `${year}-01-12` <= addDays(today, -30) ? `${year}-01-12` : addDays(today, -30);
  // The upcoming workshop: in about three weeks.
  const upcoming = addDays(today, 22);

  const plans: EditionPlan[] = [
    workshop('2024-03-12', 'Kielce', 22, 1),
    group(
      'Grupa I — Kielce 2024',
      ['2024-04-18', '2024-05-23', '2024-06-20', '2024-09-19', '2024-10-17'],
      PLACES.Kielce,
    ),
    course('2024-05-14', 'Kielce', 24, 0.8),
    conference('2024-06-11', 95, 0.85),
    familyTraining('2024-09-24', 'Kielce', 18, 0.85),
    workshop('2024-10-08', 'Sandomierz', 23, 0.9),
    {
      training: 'elearning',
      name: 'Edycja 2025',
      startsOn: '2025-01-13',
      endsOn: '2025-12-31',
      mode: 'online',
      place: null,
      onlineUrl: onlineUrl('e-learning'),
      capacity: 300,
      requiresApproval: false,
      sessions: [],
      fill: 105,
      fresh: 0.55,
      audience: roles('social', 'family', 'other', 'care'),
      registeredFrom: '2025-01-13',
    },
    course('2025-02-11', 'online', 25, 0.7),
    coachingGroup('Grupa 2025', ['2025-03-06', '2025-04-03', '2025-05-08']),
    group(
      'Grupa II — Sandomierz 2025',
      ['2025-03-20', '2025-04-24', '2025-05-22', '2025-06-26', '2025-09-25'],
      PLACES.Sandomierz,
    ),
    workshop('2025-04-15', 'Ostrowiec', 24, 0.55),
    foreigners('2025-05-27', 36, 0.5),
    conference('2025-06-10', 110, 0.6),
    course('2025-09-16', 'Ostrowiec', 23, 0.55),
    workshop('2025-10-21', 'Kielce', 22, 0.55),
    familyTraining('2025-11-18', 'Sandomierz', 19, 0.55),
    {
      training: 'elearning',
      name: `Edycja otwarta ${year}–${year + 1}`,
      startsOn: openFrom,
      endsOn: `${year + 1}-12-31`,
      mode: 'online',
      place: null,
      onlineUrl: onlineUrl('e-learning'),
      capacity: 1000,
      requiresApproval: false,
      sessions: [],
      fill: 65,
      fresh: 0.5,
      audience: roles('social', 'family', 'other', 'care', 'foster'),
      registeredFrom: openFrom,
    },
    coachingGroup('Grupa 2026', ['2026-02-05', '2026-03-05', '2026-04-09']),
    group(
      'Grupa III — Ostrowiec Świętokrzyski 2026',
      ['2026-02-19', '2026-03-19', '2026-04-23', '2026-05-21', '2026-06-18'],
      PLACES.Ostrowiec,
    ),
    course('2026-03-10', 'Kielce', 25, 0.5),
    workshop('2026-05-19', 'Sandomierz', 24, 0.5),
    conference('2026-06-09', 115, 0.45),
    workshop('2026-09-22', 'Ostrowiec', 23, 0.45),
    course('2026-10-13', 'online', 24, 0.45),
    group(
      'Grupa IV — Kielce 2026/2027',
      ['2026-10-22', '2026-11-19', '2026-12-17', '2027-01-21', '2027-02-18'],
      PLACES.Kielce,
    ),
    familyTraining('2026-11-17', 'Ostrowiec', 20, 0.45),
    foreigners('2026-12-08', 30, 0.6),
    // Full, with approval: the waiting-list demo (the registrations are made in `upcomingWorkshop`).
    { ...workshop(upcoming, 'Kielce', 12, 0.5), capacity: 12, waitingList: true },
  ];
  return plans.sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
}

interface Learner {
  id: string;
  institutionId: string;
  firstName: string;
  lastName: string;
  position: string;
  sex: LearnerSex;
  role: StaffRole;
  userId: string | null;
}

interface Question {
  id: string;
  kind: 'jednokrotny' | 'wielokrotny';
  options: { id: string; correct: boolean }[];
}

interface Training {
  id: string;
  spec: TrainingSpec;
  questions: Question[];
  lessons: string[];
}

interface Edition {
  id: string;
  plan: EditionPlan;
  training: Training;
  sessions: { id: string; on: string }[];
}

type Status = 'do_akceptacji' | 'potwierdzona' | 'rezerwowa' | 'odrzucona' | 'wycofana';

interface Registration {
  id: string;
  edition: Edition;
  learner: Learner;
  status: Status;
  registeredAt: Date;
  registeredBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  reason: string | null;
}

const WITHDRAWAL_REASONS = [
  'Zmiana grafiku dyżurów w ośrodku.',
  'Zwolnienie lekarskie.',
  'Pilne obowiązki służbowe — zgłoszenie na kolejną edycję.',
  'Rezygnacja zgłoszona przez kierownika jednostki.',
];

/** A Warsaw time on a day (winter offset: a demo needs no exact hour). */
const at = (day: string, hour: number, minute = 0) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+01:00`);

class TrainingDemo {
  private readonly rnd = seeded(0x7a1e);
  private readonly nextId: () => string;
  private readonly learners: Learner[] = [];
  private readonly registrations: Registration[] = [];
  private readonly attendance: (typeof trainingAttendance.$inferInsert)[] = [];
  private readonly attempts: (typeof trainingTestAttempts.$inferInsert)[] = [];
  private readonly certificates: (typeof trainingCertificates.$inferInsert)[] = [];
  private readonly progress: (typeof trainingLessonProgress.$inferInsert)[] = [];
  private readonly codes = new Set<string>();
  /** Users of MGOPS Chęciny by login. */
  private readonly accounts = new Map<string, Learner>();
  private readonly yesterday: string;

  constructor(
    private readonly tx: Tx,
    private readonly today: string,
    private readonly ropsId: string,
    private readonly projectId: string,
    private readonly organiserId: string,
  ) {
    const ids = seeded(0x5eed);
    this.nextId = () => {
      const h = Array.from({ length: 32 }, () => Math.floor(ids() * 16).toString(16)).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(ids() * 4)]}${h.slice(17, 20)}-${h.slice(20)}`;
    };
    this.yesterday = addDays(today, -1);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)] as T;
  }
  private chance(p: number): boolean {
    return this.rnd() < p;
  }
  private int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }

  async run(demoPassword?: string): Promise<void> {
    const institutionIds = await this.institutions();
    this.staff(institutionIds);
    await this.chęcinyAccounts(institutionIds.get('MGOPS Chęciny') as string, demoPassword);
    const catalogue = await this.catalogue();
    const editions = await this.editions(catalogue);
    this.register(editions);
    this.demoUsersRegistrations(editions);
    this.upcomingWorkshop(editions);
    for (const r of this.registrations) if (r.status === 'potwierdzona') this.takePart(r);
    this.revokeOne();
    await this.save();
  }

  // ————— Institutions and their staff —————

  private async institutions(): Promise<Map<string, string>> {
    const existing = await queryRows<{ id: string; shortName: string }>(
      this.tx,
      sql`select id, short_name as "shortName" from institutions
          where short_name = any(${sql.param(demoTrainingInstitutions.map((i) => i.shortName))}::text[])`,
    );
    const ids = new Map(existing.map((r) => [r.shortName, r.id] as const));
    const missing = demoTrainingInstitutions.filter((i) => !ids.has(i.shortName));
    if (missing.length) {
      const rows = await this.tx
        .insert(institutions)
        .values(
          missing.map((i) => ({
            name: i.name,
            shortName: i.shortName,
            type: i.type,
            sector: institutionTypes[i.type].sector,
            teryt: i.teryt,
            city: i.city,
            postalCode: i.postalCode,
          })),
        )
        .returning({ id: institutions.id, shortName: institutions.shortName });
      for (const r of rows) ids.set(r.shortName as string, r.id);
    }
    return ids;
  }

  private person(role: StaffRole): { firstName: string; lastName: string; sex: LearnerSex } {
    const womenShare = role === 'head' ? 0.75 : role === 'manager' ? 0.8 : role === 'other' ? 0.85 : 0.92;
    const woman = this.chance(womenShare);
    const surname = this.pick(surnames);
    return woman
      ? { firstName: this.pick(womenNames), lastName: feminine(surname), sex: 'k' }
      : { firstName: this.pick(menNames), lastName: surname, sex: 'm' };
  }

  /** The staff of each institution: its head, a deputy in the larger ones, then the others by weight. */
  private staff(institutionIds: Map<string, string>): void {
    for (const inst of demoTrainingInstitutions) {
      const institutionId = institutionIds.get(inst.shortName) as string;
      const p = positions[inst.type] ?? positions.ops;
      if (!p) continue;
      const total = p.staff.reduce((s, [, , w]) => s + w, 0);
      const names = new Set<string>();
      for (let i = 0; i < inst.staff; i++) {
        let position: string;
        let role: StaffRole;
        if (i === 0) [position, role] = [p.head, 'head'];
        else if (i === 1 && inst.staff >= 12) [position, role] = [p.manager, 'manager'];
        else {
          const x = this.rnd() * total;
          let sum = 0;
          const found = p.staff.find(([, , w]) => {
            sum += w;
            return x < sum;
          });
          [position, role] = [found?.[0] ?? p.staff[0]?.[0] ?? '', found?.[1] ?? 'social'];
        }
        let who = this.person(role);
        while (names.has(`${who.firstName} ${who.lastName}`)) who = this.person(role);
        names.add(`${who.firstName} ${who.lastName}`);
        this.learners.push({ id: this.nextId(), institutionId, position, role, userId: null, ...who });
      }
    }
  }

  /**
   * MGOPS Chęciny on the platform: its head and three members of staff have accounts (their learner
   * records are theirs), so self-registrations wait for a head who can log in and decide them.
   */
  private async chęcinyAccounts(checinyId: string, demoPassword?: string): Promise<void> {
    const hash = demoPassword ? await hashPassword(demoPassword) : null;
    const staff = this.learners.filter((l) => l.institutionId === checinyId);
    for (const [i, u] of checinyUsers.entries()) {
      const email = `${u.local}@${DEMO_DOMAIN}`;
      const [found] = await queryRows<{ id: string }>(
        this.tx,
        sql`select id from users where email = ${email}`,
      );
      let userId = found?.id;
      if (!userId) {
        const [row] = await this.tx
          .insert(users)
          .values({
            email,
            firstName: u.firstName,
            lastName: u.lastName,
            passwordHash: hash,
            passwordChangedAt: hash ? new Date() : null,
          })
          .returning({ id: users.id });
        userId = row?.id as string;
        await this.tx.insert(memberships).values({ userId, institutionId: checinyId, roles: [u.role] });
      }
      // The head is the institution's first member of staff; the others are social workers.
      const learner =
        i === 0 ? staff[0] : (staff.find((l, j) => j > 0 && l.role === 'social' && !l.userId) ?? staff[i]);
      if (!learner) continue;
      Object.assign(learner, {
        userId,
        firstName: u.firstName,
        lastName: u.lastName,
        sex: u.firstName.endsWith('a') ? 'k' : 'm',
      });
      if (u.local === 'asystent.checiny')
        Object.assign(learner, { position: 'Asystent rodziny', role: 'family' });
      this.accounts.set(u.local, learner);
    }
  }

  // ————— Catalogue —————

  private async catalogue(): Promise<Map<TrainingSpec['key'], Training>> {
    const out = new Map<TrainingSpec['key'], Training>();
    const questionRows: (typeof trainingQuestions.$inferInsert)[] = [];
    const lessonRows: (typeof trainingLessons.$inferInsert)[] = [];
    const trainingRows: (typeof trainings.$inferInsert)[] = [];
    for (const spec of demoTrainings) {
      const id = this.nextId();
      trainingRows.push({
        id,
        organiserInstitutionId: this.ropsId,
        title: spec.title,
        form: spec.form,
        topic: spec.topic,
        description: spec.description,
        targetStaff: spec.targetStaff,
        hours: String(spec.hours),
        trainers: spec.trainers,
        projectId: this.projectId,
        passThreshold: spec.passThreshold,
        issuesCertificate: spec.issuesCertificate,
        minAttendancePercent: spec.minAttendancePercent,
        status: 'opublikowane',
        createdBy: this.organiserId,
        createdAt: at('2023-12-18', 10),
      });
      const questions: Question[] = spec.questions.map((q, position) => {
        const options = q.options.map(([text, correct]) => ({ id: this.nextId(), text, correct }));
        const qid = this.nextId();
        questionRows.push({ id: qid, trainingId: id, kind: q.kind, text: q.text, options, position });
        return {
          id: qid,
          kind: q.kind,
          options: options.map(({ id: oid, correct }) => ({ id: oid, correct })),
        };
      });
      const lessons = spec.lessons.map((l, position) => {
        const lid = this.nextId();
        lessonRows.push({ id: lid, trainingId: id, title: l.title, kind: 'tekst', body: l.body, position });
        return lid;
      });
      out.set(spec.key, { id, spec, questions, lessons });
    }
    await this.tx.insert(trainings).values(trainingRows);
    await insertAll(questionRows, (c) => this.tx.insert(trainingQuestions).values(c));
    if (lessonRows.length) await this.tx.insert(trainingLessons).values(lessonRows);
    return out;
  }

  private async editions(catalogue: Map<TrainingSpec['key'], Training>): Promise<Edition[]> {
    const editions: Edition[] = editionPlans(this.today).map((plan) => ({
      id: this.nextId(),
      plan,
      training: catalogue.get(plan.training) as Training,
      sessions: plan.sessions.map(([on]) => ({ id: this.nextId(), on })),
    }));
    await this.tx.insert(trainingEditions).values(
      editions.map((e) => ({
        id: e.id,
        trainingId: e.training.id,
        name: e.plan.name,
        startsOn: e.plan.startsOn,
        endsOn: e.plan.endsOn,
        mode: e.plan.mode,
        place: e.plan.place,
        onlineUrl: e.plan.onlineUrl,
        capacity: e.plan.capacity,
        requiresApproval: e.plan.requiresApproval,
        // The reminder went out two days before each edition with sessions that has begun.
        remindedOn: e.sessions.length && e.plan.startsOn <= this.today ? addDays(e.plan.startsOn, -2) : null,
      })),
    );
    await this.tx.insert(trainingSessions).values(
      editions.flatMap((e) =>
        e.plan.sessions.map(([on, startsAt, endsAt, topic], i) => ({
          id: e.sessions[i]?.id as string,
          editionId: e.id,
          heldOn: on,
          startsAt,
          endsAt,
          topic,
        })),
      ),
    );
    return editions;
  }

  // ————— Registrations —————

  /**
   * Fills each edition, in the order they began, with the staff: a share of people new to the
   * platform (taken in a shuffled order), the others returning from an earlier training — which
   * is what makes one person in two editions count once. A learner follows one e-learning edition.
   */
  private register(editions: Edition[]): void {
    const reserved = new Set([...this.accounts.values()].map((l) => l.id));
    const pool = this.learners.filter((l) => !reserved.has(l.id));
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.rnd() * (i + 1));
      [pool[i], pool[j]] = [pool[j] as Learner, pool[i] as Learner];
    }
    const used: Learner[] = [];
    const eLearners = new Set<string>();
    for (const e of editions) {
      const { plan } = e;
      const inEdition = new Set<string>();
      const eligible = (l: Learner) =>
        plan.audience(l) && !inEdition.has(l.id) && (plan.training !== 'elearning' || !eLearners.has(l.id));
      const take = (l: Learner) => {
        inEdition.add(l.id);
        if (plan.training === 'elearning') eLearners.add(l.id);
        return l;
      };
      const fresh = () => {
        const k = pool.findIndex(eligible);
        if (k < 0) return undefined;
        const [l] = pool.splice(k, 1);
        used.push(l as Learner);
        return take(l as Learner);
      };
      const returning = () => {
        const candidates = used.filter(eligible);
        return candidates.length ? take(this.pick(candidates)) : undefined;
      };
      const learners: Learner[] = [];
      for (let k = 0; k < plan.fill; k++) {
        const l = this.chance(plan.fresh) ? (fresh() ?? returning()) : (returning() ?? fresh());
        if (l) learners.push(l);
      }
      // Withdrawn before the start: one in a larger edition.
      const withdrawn = plan.fill >= 18 ? [fresh() ?? returning()].filter((l): l is Learner => !!l) : [];
      learners.forEach((l, k) => {
        this.registrations.push(
          this.registration(e, l, 'potwierdzona', this.registeredAt(e, k, learners.length)),
        );
      });
      for (const l of withdrawn)
        this.registrations.push({
          ...this.registration(e, l, 'wycofana', this.registeredAt(e, 0, 1)),
          reason: this.pick(WITHDRAWAL_REASONS),
        });
    }
  }

  /** When a registration was made: up to six weeks before the start (e-learning: over the access period). */
  private registeredAt(e: Edition, k: number, n: number): Date {
    const { plan } = e;
    if (plan.registeredFrom) {
      const last = plan.endsOn < this.yesterday ? addDays(plan.endsOn, -60) : addDays(this.yesterday, -3);
      const span = Math.max(0, (Date.parse(last) - Date.parse(plan.registeredFrom)) / 86_400_000);
      return at(
        addDays(plan.registeredFrom, Math.floor((span * k) / Math.max(1, n))),
        this.int(8, 15),
        this.int(0, 59),
      );
    }
    // An edition still to come filled up over the last weeks (before its waiting list).
    const day =
      plan.startsOn > this.today
        ? addDays(this.today, -this.int(14, 40))
        : addDays(plan.startsOn, -this.int(7, 42));
    return at(day, this.int(8, 15), this.int(0, 59));
  }

  private registration(e: Edition, learner: Learner, status: Status, registeredAt: Date): Registration {
    return {
      id: this.nextId(),
      edition: e,
      learner,
      status,
      registeredAt,
      // Staff without an account are registered by the organiser from their institutions' lists.
      registeredBy: learner.userId ?? this.organiserId,
      decidedAt: null,
      decidedBy: null,
      reason: null,
    };
  }

  private edition(training: TrainingSpec['key'], name: string, editions: Edition[]): Edition | undefined {
    return editions.find((e) => e.plan.training === training && e.plan.name.startsWith(name));
  }

  /**
   * The Chęciny accounts' own registrations: approved self-registrations in the past (decided by
   * their head), one rejected, one pending; the head herself in the coaching for managers.
   */
  private demoUsersRegistrations(editions: Edition[]): void {
    const head = this.accounts.get('kierownik.checiny');
    const headUser = head?.userId ?? null;
    const self = (
      local: string,
      training: TrainingSpec['key'],
      name: string,
      status: Status,
      reason?: string,
    ) => {
      const learner = this.accounts.get(local);
      const e = this.edition(training, name, editions);
      if (!learner || !e) return;
      const registeredAt = at(addDays(e.plan.startsOn, -this.int(14, 30)), 9, 12);
      const decided = status === 'potwierdzona' || status === 'odrzucona';
      this.registrations.push({
        ...this.registration(e, learner, status, registeredAt),
        decidedAt: decided && learner !== head ? new Date(registeredAt.getTime() + 26 * 3_600_000) : null,
        decidedBy: decided && learner !== head ? headUser : null,
        reason: reason ?? null,
      });
    };
    self('kierownik.checiny', 'coaching', 'Grupa 2025', 'potwierdzona');
    self('pracownik.checiny', 'di', 'Ostrowiec', 'potwierdzona');
    self('asystent.checiny', 'rodzina', 'Sandomierz', 'potwierdzona');
    self(
      'pracownik2.checiny',
      'coaching',
      'Grupa 2026',
      'odrzucona',
      'Coaching jest przeznaczony dla osób kierujących zespołami. Proszę zapisać się na warsztaty „Kooperacja w praktyce”.',
    );
    const december = editions.find((e) => e.plan.training === 'cudzoziemcy' && e.plan.startsOn > this.today);
    const asystent = this.accounts.get('asystent.checiny');
    if (december && asystent)
      this.registrations.push(
        this.registration(december, asystent, 'do_akceptacji', at(addDays(this.today, -2), 11, 40)),
      );
  }

  /**
   * The upcoming workshop: every place taken (confirmed, registered by the institutions), three on
   * the waiting list in the order they came, one withdrawn, and two self-registrations of MGOPS
   * Chęciny waiting for their head.
   */
  private upcomingWorkshop(editions: Edition[]): void {
    const e = editions.find((x) => x.plan.waitingList);
    if (!e) return;
    const taken = new Set(this.registrations.filter((r) => r.edition === e).map((r) => r.learner.id));
    const reserved = new Set([...this.accounts.values()].map((l) => l.id));
    const others = this.learners.filter(
      (l) => !taken.has(l.id) && !reserved.has(l.id) && ['social', 'family', 'foster'].includes(l.role),
    );
    const next = () => {
      const k = Math.floor(this.rnd() * others.length);
      const [l] = others.splice(k, 1);
      return l as Learner;
    };
    const base = addDays(this.today, -12);
    for (let i = 0; i < 3; i++)
      this.registrations.push(
        this.registration(e, next(), 'rezerwowa', at(addDays(base, i * 2), 10 + i, 15)),
      );
    this.registrations.push({
      ...this.registration(e, next(), 'wycofana', at(addDays(base, -8), 9, 5)),
      reason: WITHDRAWAL_REASONS[0] as string,
    });
    for (const [i, local] of ['pracownik.checiny', 'pracownik2.checiny'].entries()) {
      const l = this.accounts.get(local);
      if (l)
        this.registrations.push(
          this.registration(e, l, 'do_akceptacji', at(addDays(this.today, -(3 - i)), 8, 30)),
        );
    }
  }

  // ————— Taking part: attendance, tests, lessons, certificates —————

  private takePart(r: Registration): void {
    const e = r.edition;
    const t = e.training;
    if (!e.sessions.length) {
      this.learn(r);
      return;
    }
    const past = e.sessions.filter((s) => s.on < this.today);
    if (!past.length) return;
    const single = e.sessions.length === 1;
    let present = 0;
    for (const s of past) {
      const here = this.chance(single ? 0.95 : 0.93);
      if (here) present += 1;
      this.attendance.push({
        sessionId: s.id,
        registrationId: r.id,
        present: here,
        markedBy: this.organiserId,
        markedAt: at(s.on, 16, 10),
      });
    }
    if (!present || past.length < e.sessions.length) return;
    const firstDay = e.sessions[0]?.on as string;
    const lastDay = e.sessions.at(-1)?.on as string;
    const attendance = Math.round((present / e.sessions.length) * 100);
    const onPaper = lastDay < '2025-01-01';
    if (t.questions.length) {
      if (this.chance(0.8)) this.attempt(r, 'wstepny', firstDay, onPaper, this.rnd() < 0.2);
      if (attendance >= 50 && this.chance(0.95)) {
        const passedOn = this.finalTests(r, lastDay, onPaper);
        if (passedOn && t.spec.issuesCertificate && attendance >= t.spec.minAttendancePercent)
          this.certify(r, passedOn);
      }
    } else if (t.spec.issuesCertificate && attendance >= t.spec.minAttendancePercent) {
      // Supervision and coaching: the organiser issues the certificate a week after the last session.
      const on = addDays(lastDay, 7);
      if (on < this.today) this.certify(r, on);
    }
  }

  /** The final test: up to three attempts (one on paper), the first passed by most. Returns the day it was passed. */
  private finalTests(r: Registration, day: string, onPaper: boolean): string | null {
    let on = day;
    const chances = [0.8, 0.7, 0.6];
    for (let k = 0; k < (onPaper ? 1 : 3); k++) {
      if (on >= this.today) return null;
      const passed = this.chance(chances[k] as number);
      this.attempt(r, 'koncowy', on, onPaper, passed);
      if (passed) return on;
      if (!this.chance(0.75)) return null;
      on = addDays(on, this.int(1, 6));
    }
    return null;
  }

  /** An attempt scored as the platform scores it: whole questions, the percent rounded. */
  private attempt(
    r: Registration,
    kind: 'wstepny' | 'koncowy',
    on: string,
    onPaper: boolean,
    pass: boolean,
  ): void {
    const { questions, spec } = r.edition.training;
    const n = questions.length;
    let need = 0;
    while (need < n && Math.round((need / n) * 100) < spec.passThreshold) need += 1;
    const points =
      kind === 'wstepny'
        ? Math.min(n, Math.floor(n * (0.2 + this.rnd() * 0.55)))
        : pass
          ? this.int(need, n)
          : Math.max(0, need - this.int(1, 2));
    const percent = Math.round((points / n) * 100);
    let answers: Record<string, string[]> | null = null;
    if (!onPaper) {
      answers = {};
      const right = new Set(
        [...questions]
          .sort(() => this.rnd() - 0.5)
          .slice(0, points)
          .map((q) => q.id),
      );
      for (const q of questions) {
        const correct = q.options.filter((o) => o.correct).map((o) => o.id);
        const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
        // A wrong answer: a wrong option, or (multiple choice) only some of the right ones.
        answers[q.id] = right.has(q.id)
          ? correct
          : q.kind === 'wielokrotny' && correct.length > 1 && this.chance(0.5)
            ? correct.slice(0, correct.length - 1)
            : [this.pick(wrong)];
      }
    }
    this.attempts.push({
      registrationId: r.id,
      kind,
      answers,
      points: onPaper ? null : points,
      maxPoints: onPaper ? null : n,
      percent,
      passed: percent >= spec.passThreshold,
      takenOn: on,
      recordedBy: onPaper ? this.organiserId : null,
      onPaper,
      createdAt: at(on, onPaper ? 17 : 14, this.int(0, 59)),
    });
  }

  /** The e-learning: lessons one after another in the learner's own pace, the final test after the last. */
  private learn(r: Registration): void {
    const t = r.edition.training;
    const start = r.registeredAt.toISOString().slice(0, 10);
    let day = addDays(start, this.int(0, 6));
    if (day >= this.today) return;
    if (this.chance(0.6)) this.attempt(r, 'wstepny', day, false, false);
    let completed = 0;
    let lastDone = day;
    for (const lessonId of t.lessons) {
      if (day >= this.today) break;
      const done = addDays(day, this.int(0, 3));
      const finished = done < this.today && this.chance(0.95);
      this.progress.push({
        lessonId,
        learnerId: r.learner.id,
        startedAt: at(day, this.int(8, 20), this.int(0, 59)),
        completedAt: finished ? at(done, 21, this.int(0, 59)) : null,
      });
      if (!finished) break;
      completed += 1;
      lastDone = done;
      if (!this.chance(0.93)) break;
      day = addDays(done, this.int(1, 12));
    }
    if (completed < t.lessons.length) return;
    const passedOn = this.finalTests(r, addDays(lastDone, this.int(0, 2)), false);
    if (passedOn) this.certify(r, passedOn);
  }

  private certify(r: Registration, on: string): void {
    let code: string;
    do code = certificateCodeFrom(Uint8Array.from({ length: 11 }, () => Math.floor(this.rnd() * 256)));
    while (this.codes.has(code));
    this.codes.add(code);
    this.certificates.push({ registrationId: r.id, code, issuedOn: on, issuedBy: this.organiserId });
  }

  /**
   * A certificate issued by mistake and revoked: in the first supervision group, to someone who was
   * at fewer than four of the five meetings (the certificate asks for 80 %).
   */
  private revokeOne(): void {
    const group = this.registrations.filter(
      (r) => r.edition.plan.name.startsWith('Grupa I —') && r.status === 'potwierdzona',
    );
    const certified = new Set(this.certificates.map((c) => c.registrationId));
    const r = group.find(
      (g) =>
        !certified.has(g.id) &&
        this.attendance.filter((a) => a.registrationId === g.id && a.present).length >= 1,
    );
    if (!r) return;
    const issuedOn = addDays(r.edition.plan.endsOn, 7);
    this.certify(r, issuedOn);
    Object.assign(this.certificates.at(-1) as object, {
      revokedOn: addDays(issuedOn, 16),
      revokedReason: 'Zaświadczenie wydane omyłkowo — obecność poniżej wymaganych 80 % spotkań.',
      revokedBy: this.organiserId,
    });
  }

  // ————— Saving —————

  private async save(): Promise<void> {
    const learnerIds = new Set(this.registrations.map((r) => r.learner.id));
    const learners = this.learners.filter((l) => learnerIds.has(l.id));
    await insertAll(learners, (c) =>
      this.tx.insert(trainingLearners).values(
        c.map((l) => ({
          id: l.id,
          userId: l.userId,
          institutionId: l.institutionId,
          firstName: l.firstName,
          lastName: l.lastName,
          position: l.position,
          sex: l.sex,
        })),
      ),
    );
    if (learners.some((l) => l.userId))
      await this.tx.execute(
        sql`update training_learners l set email = u.email from users u
            where u.id = l.user_id and l.id = any(${sql.param(learners.filter((x) => x.userId).map((x) => x.id))}::uuid[])`,
      );
    await insertAll(this.registrations, (c) =>
      this.tx.insert(trainingRegistrations).values(
        c.map((r) => ({
          id: r.id,
          editionId: r.edition.id,
          learnerId: r.learner.id,
          status: r.status,
          registeredAt: r.registeredAt,
          registeredBy: r.registeredBy,
          decidedAt: r.decidedAt,
          decidedBy: r.decidedBy,
          reason: r.reason,
        })),
      ),
    );
    await insertAll(this.attendance, (c) => this.tx.insert(trainingAttendance).values(c));
    await insertAll(this.attempts, (c) => this.tx.insert(trainingTestAttempts).values(c));
    await insertAll(this.certificates, (c) => this.tx.insert(trainingCertificates).values(c));
    await insertAll(this.progress, (c) => this.tx.insert(trainingLessonProgress).values(c));
  }
}
