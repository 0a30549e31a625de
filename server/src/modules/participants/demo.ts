import {
  ageOn,
  checkEligibility,
  defaultCallClauses,
  type EligibilityApplicant,
  type EligibilityRule,
  followUpDueOn,
  type ScoringCriterion,
  scoreApplication,
} from '@kooperacja/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';
import { makePesel, seeded } from '../cases/demo.js';
import { todayWarsaw } from '../cases/plans.queries.js';
import { addDays } from '../cases/tasks.js';
import { DEMO_DOMAIN } from '../identity/demo.js';

/**
 * Demo recruitment, participants and support (issue "Recruitment and participants"):
 *
 * - **"Wykorzystaj swoją szansę"** (OPS Andrychów, RPO WM 9.1.2, seed 002): one call with the three
 *   yearly cohorts of the source — 2019 persons with disabilities, 2020 unemployed, 2021 multi-problem
 *   families — 66 applications, 60 participants with their SM EFS data, exits and six-month
 *   follow-ups; the sheltered flat in Andrychów (4 places) with its occupancy, trainings with
 *   sessions and attendance lists, internships with stipends, counselling and assistant services.
 *   Names, dates and results are illustrative; the cohorts, the flat and the kinds of support are the
 *   source's.
 * - **"Kooperacje 3D"** (ROPS Katowice): two families of the pilot as participants.
 * - **"Aktywni w Andrychowie"**, a demonstration project of OPS Andrychów (not from the sources) that
 *   runs now, so that its call is open on the public form `/nabor/AKT-<year>`, a workshop has
 *   sessions to record attendance at, and indicators computed from participants move.
 *
 * Everything is deterministic (a seeded generator), and dates of the running project are relative
 * to today.
 */

const FIRST_K = [
  'Anna',
  'Maria',
  'Katarzyna',
  'Małgorzata',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Krystyna',
  'Elżbieta',
  'Zofia',
  'Joanna',
  'Monika',
  'Danuta',
  'Teresa',
  'Helena',
];
const FIRST_M = [
  'Jan',
  'Andrzej',
  'Piotr',
  'Krzysztof',
  'Stanisław',
  'Tomasz',
  'Paweł',
  'Józef',
  'Marcin',
  'Marek',
  'Michał',
  'Grzegorz',
  'Jerzy',
  'Tadeusz',
  'Adam',
];
const LAST = [
  ['Nowak', 'Nowak'],
  ['Kowalska', 'Kowalski'],
  ['Wiśniewska', 'Wiśniewski'],
  ['Kubacka', 'Kubacki'],
  ['Kamińska', 'Kamiński'],
  ['Lewandowska', 'Lewandowski'],
  ['Zielińska', 'Zieliński'],
  ['Szymańska', 'Szymański'],
  ['Woźniak', 'Woźniak'],
  ['Dąbrowska', 'Dąbrowski'],
  ['Kozłowska', 'Kozłowski'],
  ['Jankowska', 'Jankowski'],
  ['Mazur', 'Mazur'],
  ['Wojciechowska', 'Wojciechowski'],
  ['Kwiatkowska', 'Kwiatkowski'],
  ['Krawczyk', 'Krawczyk'],
  ['Piotrowska', 'Piotrowski'],
  ['Grabowska', 'Grabowski'],
  ['Pawłowska', 'Pawłowski'],
  ['Michalska', 'Michalski'],
] as const;
/** Gminy of powiat wadowicki: Andrychów (most), Wadowice, Kalwaria Zebrzydowska, Wieprz. */
const GMINY = ['1218013', '1218013', '1218013', '1218013', '1218093', '1218033', '1218102'];
const CITIES: Record<string, [string, string]> = {
  '1218013': ['Andrychów', '34-120'],
  '1218093': ['Wadowice', '34-100'],
  '1218033': ['Kalwaria Zebrzydowska', '34-130'],
  '1218102': ['Wieprz', '34-122'],
};

interface CohortSpec {
  name: string;
  year: number;
  places: number;
  reserve: number;
  rules: EligibilityRule[];
  scoring: ScoringCriterion[];
  /** What the applicants of this cohort look like. */
  applicant: (i: number, rnd: () => number) => Partial<Applicant>;
  joinedOn: string;
  leftOn: string;
}

interface Applicant {
  firstName: string;
  lastName: string;
  sex: 'K' | 'M';
  birthDate: string;
  pesel: string;
  teryt: string;
  labourStatus: string;
  labourStatusDetail: string | null;
  education: string;
  disability: 'tak' | 'nie' | 'odmowa';
  povertyGrounds: string[];
  homeless: 'tak' | 'nie' | 'odmowa';
}

class Seeder {
  private rnd = seeded(2_019_002);
  private serial = 3000;
  private pesels = new Set<string>();
  constructor(
    private tx: Tx,
    private today: string,
  ) {}

  async one<T>(query: ReturnType<typeof sql>): Promise<T | undefined> {
    const [row] = await queryRows<T>(this.tx, query);
    return row;
  }

  async id(query: ReturnType<typeof sql>): Promise<string | null> {
    return (await this.one<{ id: string }>(query))?.id ?? null;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)] as T;
  }

  person(sex: 'K' | 'M', birthDate: string, i: number): Pick<Applicant, 'firstName' | 'lastName' | 'pesel'> {
    const last = LAST[i % LAST.length] as readonly [string, string];
    const firstName = this.pick(sex === 'K' ? FIRST_K : FIRST_M);
    let pesel = makePesel(birthDate, sex, this.serial++);
    while (this.pesels.has(pesel)) pesel = makePesel(birthDate, sex, this.serial++);
    this.pesels.add(pesel);
    return { firstName, lastName: sex === 'K' ? last[0] : last[1], pesel };
  }

  birthDate(minAge: number, maxAge: number, onDate: string): string {
    const year = Number(onDate.slice(0, 4)) - minAge - Math.floor(this.rnd() * (maxAge - minAge));
    const month = 1 + Math.floor(this.rnd() * 12);
    const day = 1 + Math.floor(this.rnd() * 28);
    return `${year - 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  async supportType(code: string): Promise<string | null> {
    return this.id(sql`select id from programme_nodes where kind = 'typ_wsparcia' and code = ${code}`);
  }

  async insertPerson(institutionId: string, a: Applicant, createdBy: string | null): Promise<string> {
    const [city, postal] = CITIES[a.teryt] ?? ['Andrychów', '34-120'];
    const row = await this.one<{ id: string }>(
      sql`insert into persons (institution_id, first_name, last_name, pesel, birth_date, sex, teryt, street,
            postal_code, city, created_by)
          values (${institutionId}, ${a.firstName}, ${a.lastName}, ${a.pesel}, ${a.birthDate}, ${a.sex}, ${a.teryt},
            ${`ul. ${this.pick(['Krakowska', 'Słowackiego', 'Mickiewicza', 'Batorego', 'Ogrodowa', 'Lenartowicza'])} ${1 + Math.floor(this.rnd() * 60)}`},
            ${postal}, ${city}, ${createdBy})
          on conflict do nothing returning id`,
    );
    if (row) return row.id;
    const existing = await this.id(
      sql`select id from persons where institution_id = ${institutionId} and pesel = ${a.pesel} and merged_into is null`,
    );
    return existing as string;
  }

  async insertParticipant(p: {
    projectId: string;
    personId: string;
    applicationId: string | null;
    cohortId: string | null;
    technicalId: string;
    a: Applicant;
    joinedOn: string;
    leftOn: string | null;
    status: 'aktywny' | 'zakonczony' | 'przerwany';
    exitSituation: string[];
    completedPath: boolean | null;
    exitResults: string[];
    followUp: string[] | null;
    createdBy: string | null;
  }): Promise<string> {
    const [city, postal] = CITIES[p.a.teryt] ?? ['Andrychów', '34-120'];
    const degurba = p.a.teryt === '1218013' || p.a.teryt === '1218093' ? 2 : 3;
    const due = p.leftOn ? followUpDueOn(p.leftOn) : null;
    const followUpOn = due && p.followUp && due <= this.today ? addDays(due, 3) : null;
    const row = await this.one<{ id: string }>(
      sql`insert into participants (project_id, person_id, application_id, cohort_id, technical_id, joined_on,
            age_at_entry, sex, education, citizenship, country, teryt, city, postal_code, degurba, phone,
            labour_status, labour_status_detail, disability, foreign_origin, third_country, minority, homeless,
            status, left_on, exit_situation, completed_path, exit_results, follow_up_due_on, follow_up_on,
            follow_up_result, created_by)
          values (${p.projectId}, ${p.personId}, ${p.applicationId}, ${p.cohortId}, ${p.technicalId}, ${p.joinedOn},
            ${ageOn(p.a.birthDate, p.joinedOn)}, ${p.a.sex}, ${p.a.education}, 'polskie', 'Polska', ${p.a.teryt},
            ${city}, ${postal}, ${degurba}, ${`5${String(10_000_000 + Math.floor(this.rnd() * 89_999_999))}`},
            ${p.a.labourStatus}, ${p.a.labourStatusDetail}, ${p.a.disability}, 'nie', 'nie',
            ${this.rnd() < 0.05 ? 'odmowa' : 'nie'}, ${p.a.homeless}, ${p.status}, ${p.leftOn},
            ${JSON.stringify(p.exitSituation)}::jsonb, ${p.completedPath}, ${JSON.stringify(p.exitResults)}::jsonb,
            ${due}, ${followUpOn}, ${JSON.stringify(followUpOn ? (p.followUp ?? []) : [])}::jsonb, ${p.createdBy})
          returning id`,
    );
    return row?.id as string;
  }

  async activity(a: {
    projectId: string;
    kind: 'grupowe' | 'indywidualne' | 'staz' | 'mieszkanie';
    type: string;
    name: string;
    place?: string;
    startsOn: string;
    endsOn: string | null;
    capacity?: number;
    employer?: string;
    description?: string;
  }): Promise<string> {
    const typeId = await this.supportType(a.type);
    const row = await this.one<{ id: string }>(
      sql`insert into support_activities (project_id, kind, support_type_id, name, description, place, starts_on,
            ends_on, capacity, employer)
          values (${a.projectId}, ${a.kind}, ${typeId}, ${a.name}, ${a.description ?? null}, ${a.place ?? null},
            ${a.startsOn}, ${a.endsOn}, ${a.capacity ?? null}, ${a.employer ?? null})
          returning id`,
    );
    return row?.id as string;
  }

  /** A group activity: sessions on the given days, every participant's episode and attendance. */
  async groupActivity(
    base: Parameters<Seeder['activity']>[0],
    days: string[],
    hours: number,
    participantIds: string[],
    recordedBy: string | null,
    attendance = 0.88,
    /** Leave the list of the latest session held so far empty (for staff to fill in). */
    leaveLatestOpen = false,
  ): Promise<string> {
    const latestHeld = days.filter((d) => d <= this.today).at(-1);
    const activityId = await this.activity(base);
    for (const pid of participantIds)
      await this.tx.execute(
        sql`insert into support_episodes (activity_id, participant_id, starts_on, ends_on)
            values (${activityId}, ${pid}, ${days[0]}, ${days.at(-1)})`,
      );
    for (const [i, day] of days.entries()) {
      const session = await this.one<{ id: string }>(
        sql`insert into support_sessions (activity_id, date, start_time, hours, topic)
            values (${activityId}, ${day}, '10:00', ${hours}, ${`Zajęcia ${i + 1}`}) returning id`,
      );
      if (day > this.today || (leaveLatestOpen && day === latestHeld)) continue;
      for (const pid of participantIds) {
        const present = this.rnd() < attendance;
        await this.tx.execute(
          sql`insert into session_attendance (session_id, participant_id, present, hours, recorded_by)
              values (${session?.id}, ${pid}, ${present}, ${present ? hours : 0}, ${recordedBy})`,
        );
      }
    }
    return activityId;
  }
}

/** The automatic check as the recruitment module stores it (recruitment/applications.ts `evaluate`). */
function checkOf(
  rules: EligibilityRule[],
  criteria: ScoringCriterion[],
  a: EligibilityApplicant,
  onDate: string,
) {
  const result = checkEligibility(rules, a, { onDate, isParticipant: false });
  const scoring = scoreApplication(criteria, a, { onDate });
  return { ...result, scoring, onDate, checkedAt: `${onDate}T12:00:00.000Z` };
}

/** Days of a weekly schedule: `count` days, `step` days apart, from `first`. */
const schedule = (first: string, count: number, step = 7) =>
  Array.from({ length: count }, (_, i) => addDays(first, i * step));

export async function seedDemoParticipants(tx: Tx, now: Date = new Date()): Promise<void> {
  const today = todayWarsaw(now);
  const s = new Seeder(tx, today);
  const coordinator = await s.id(
    sql`select id from users where email = ${`koordynator.andrychow@${DEMO_DOMAIN}`}`,
  );
  const worker = await s.id(sql`select id from users where email = ${`pracownik.andrychow@${DEMO_DOMAIN}`}`);
  const ops = await s.id(sql`select id from institutions where short_name = 'OPS Andrychów'`);
  if (!ops) return;

  await seedAndrychow(s, tx, ops, coordinator, worker);
  await seedKooperacje3D(s, tx);
  await seedRunningProject(s, tx, today, ops, coordinator, worker);
}

async function seedAndrychow(
  s: Seeder,
  tx: Tx,
  ops: string,
  coordinator: string | null,
  worker: string | null,
): Promise<void> {
  const project = await s.id(sql`select id from projects where number = 'RPMP.09.01.02-12-0142/17'`);
  if (!project) return;
  const call = await s.one<{ id: string }>(
    sql`insert into recruitment_calls (project_id, code, name, description, opens_at, closes_at, places_total,
          form_kinds, clauses, status, created_by)
        values (${project}, 'AND-2019', 'Nabór uczestników projektu „Wykorzystaj swoją szansę” 2019–2021',
          'Nabór ciągły w trzech kohortach: osoby z niepełnosprawnościami (2019), osoby bezrobotne (2020) i rodziny wieloproblemowe (2021) z gminy Andrychów i powiatu wadowickiego.',
          '2018-12-03T08:00:00+01:00', '2021-03-31T15:00:00+02:00', 60, '["wsparcie"]'::jsonb,
          ${JSON.stringify(defaultCallClauses())}::jsonb, 'rozstrzygniety', ${coordinator})
        returning id`,
  );
  if (!call) return;
  const anyGround: EligibilityRule = { kind: 'zagrozenie_wykluczeniem' };
  const residence: EligibilityRule = { kind: 'zamieszkanie', teryt: ['1218'] };
  const cohorts: CohortSpec[] = [
    {
      name: '2019 — osoby z niepełnosprawnościami',
      year: 2019,
      places: 20,
      reserve: 2,
      rules: [
        { kind: 'wiek', min: 18 },
        residence,
        { kind: 'niepelnosprawnosc' },
        anyGround,
        { kind: 'nie_uczestnik' },
      ],
      scoring: [
        { kind: 'zagrozenie_wykluczeniem', perGround: true, points: 5 },
        { kind: 'zamieszkanie', teryt: ['1218013'], points: 5 },
      ],
      applicant: (_i, rnd) => ({
        disability: 'tak',
        labourStatus: rnd() < 0.8 ? 'bierna_zawodowo' : 'bezrobotna_zarejestrowana',
        povertyGrounds: rnd() < 0.5 ? ['niepelnosprawnosc', 'pomoc_spoleczna'] : ['niepelnosprawnosc'],
      }),
      joinedOn: '2019-04-01',
      leftOn: '2019-12-20',
    },
    {
      name: '2020 — osoby bezrobotne',
      year: 2020,
      places: 20,
      reserve: 2,
      rules: [
        { kind: 'wiek', min: 18, max: 64 },
        residence,
        {
          kind: 'status_na_rynku_pracy',
          allowed: ['bezrobotna_zarejestrowana', 'bezrobotna_niezarejestrowana'],
        },
        anyGround,
        { kind: 'nie_uczestnik' },
      ],
      scoring: [
        { kind: 'zagrozenie_wykluczeniem', perGround: true, points: 5 },
        { kind: 'wiek', min: 50, points: 5 },
      ],
      applicant: (_i, rnd) => ({
        disability: rnd() < 0.1 ? 'tak' : 'nie',
        labourStatus: rnd() < 0.7 ? 'bezrobotna_zarejestrowana' : 'bezrobotna_niezarejestrowana',
        povertyGrounds: rnd() < 0.6 ? ['pomoc_spoleczna', 'ubostwo'] : ['pomoc_spoleczna'],
      }),
      joinedOn: '2020-03-02',
      leftOn: '2020-12-18',
    },
    {
      name: '2021 — rodziny wieloproblemowe',
      year: 2021,
      places: 20,
      reserve: 2,
      rules: [
        { kind: 'wiek', min: 18 },
        residence,
        {
          kind: 'zagrozenie_wykluczeniem',
          grounds: ['pomoc_spoleczna', 'rodzina_wielodzietna', 'uzaleznienie', 'ubostwo'],
        },
        { kind: 'nie_uczestnik' },
      ],
      scoring: [
        { kind: 'zagrozenie_wykluczeniem', grounds: ['rodzina_wielodzietna'], points: 10 },
        { kind: 'zagrozenie_wykluczeniem', perGround: true, points: 3 },
      ],
      applicant: (_i, rnd) => ({
        disability: rnd() < 0.1 ? 'tak' : rnd() < 0.05 ? 'odmowa' : 'nie',
        labourStatus:
          rnd() < 0.4 ? 'pracujaca' : rnd() < 0.7 ? 'bezrobotna_zarejestrowana' : 'bierna_zawodowo',
        povertyGrounds:
          rnd() < 0.5 ? ['pomoc_spoleczna', 'rodzina_wielodzietna'] : ['pomoc_spoleczna', 'uzaleznienie'],
      }),
      joinedOn: '2021-04-06',
      leftOn: '2021-12-17',
    },
  ];

  const detailOf: Record<string, string> = {
    bezrobotna_zarejestrowana: 'inne_bezrobotna',
    bezrobotna_niezarejestrowana: 'inne_bezrobotna',
    bierna_zawodowo: 'nieuczestniczaca_w_ksztalceniu',
    pracujaca: 'inne_pracujaca',
  };
  let seq = 0;
  const byCohort: string[][] = [];
  for (const [ci, c] of cohorts.entries()) {
    const cohort = await s.one<{ id: string }>(
      sql`insert into recruitment_cohorts (call_id, name, year, places, reserve_places, eligibility_rules,
            scoring_criteria, tie_break, sort_order)
          values (${call.id}, ${c.name}, ${c.year}, ${c.places}, ${c.reserve}, ${JSON.stringify(c.rules)}::jsonb,
            ${JSON.stringify(c.scoring)}::jsonb, 'kolejnosc_zgloszen', ${ci})
          returning id`,
    );
    const enrolled: string[] = [];
    const applyOn = addDays(c.joinedOn, -45);
    for (let i = 0; i < c.places + 2; i += 1) {
      seq += 1;
      const sex: 'K' | 'M' = (i + ci) % 5 < 3 ? 'K' : 'M';
      const birthDate = s.birthDate(ci === 1 ? 20 : 19, ci === 1 ? 62 : 70, applyOn);
      const teryt = s.pick(GMINY);
      const extra = c.applicant(i, () => seededPick());
      const a: Applicant = {
        ...s.person(sex, birthDate, seq),
        sex,
        birthDate,
        teryt,
        labourStatus: extra.labourStatus ?? 'bierna_zawodowo',
        labourStatusDetail: null,
        education: s.pick(['isced_1', 'isced_2', 'isced_2', 'isced_3', 'isced_3', 'isced_4', 'isced_5_8']),
        disability: extra.disability ?? 'nie',
        povertyGrounds: extra.povertyGrounds ?? ['pomoc_spoleczna'],
        homeless: seededPick() < 0.05 ? 'tak' : 'nie',
      };
      a.labourStatusDetail = detailOf[a.labourStatus] ?? null;
      // The last two of each cohort: one on the reserve list, one who did not meet the rules.
      const rejected = i === c.places + 1;
      if (rejected) a.teryt = '1213011';
      const subject: EligibilityApplicant = {
        birthDate: a.birthDate,
        teryt: a.teryt,
        labourStatus: a.labourStatus,
        disability: a.disability,
        povertyGrounds: a.povertyGrounds,
        inInstitution: false,
        institutionLeftOn: null,
      };
      const eligibility = checkOf(c.rules, c.scoring, subject, applyOn);
      const status = rejected ? 'odrzucone' : i >= c.places ? 'rezerwa' : 'przyjete';
      const number = `AND-2019/${String(seq).padStart(4, '0')}`;
      const submittedAt = `${addDays(applyOn, Math.floor(i / 3))}T${String(8 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00+01:00`;
      const [city, postal] = CITIES[a.teryt] ?? ['Tarnów', '33-100'];
      const app = await s.one<{ id: string }>(
        sql`insert into applications (call_id, cohort_id, number, form_kind, channel, first_name, last_name, pesel,
              birth_date, sex, teryt, street, postal_code, city, phone, education, labour_status, disability,
              poverty_grounds, consents, submitted_at, status, eligibility, score, decision_reason, decided_by,
              decided_at, entered_by)
            values (${call.id}, ${cohort?.id}, ${number}, 'wsparcie', ${i % 3 === 0 ? 'papier' : 'online'},
              ${a.firstName}, ${a.lastName}, ${a.pesel}, ${a.birthDate}, ${a.sex}, ${a.teryt}, 'ul. Krakowska 1',
              ${postal}, ${city}, '600100200', ${a.education}, ${a.labourStatus}, ${a.disability},
              ${JSON.stringify(a.povertyGrounds)}::jsonb,
              ${JSON.stringify(defaultCallClauses().map((cl) => ({ key: cl.key, given: true, at: submittedAt })))}::jsonb,
              ${submittedAt}, ${status}, ${JSON.stringify(eligibility)}::jsonb, ${eligibility.scoring.total},
              ${rejected ? 'Miejsce zamieszkania poza obszarem realizacji projektu (powiat wadowicki).' : null},
              ${coordinator}, ${`${addDays(c.joinedOn, -10)}T12:00:00+01:00`}, ${i % 3 === 0 ? worker : null})
            returning id`,
      );
      if (status !== 'przyjete') continue;
      const personId = await s.insertPerson(ops, a, worker);
      // Results on leaving: most complete their path; the unemployed cohort finds work more often.
      const dropped = i % 10 === 7;
      const leftOn = dropped ? addDays(c.joinedOn, 60 + i * 3) : c.leftOn;
      const works = !dropped && (ci === 1 ? i % 5 < 2 : i % 6 === 0);
      // Social progress (efektywność społeczna) of 8, 9 and 8 persons: 25 of 60, as the indicator says.
      const progress = !dropped && i < [9, 10, 9][ci]!;
      const results = dropped
        ? []
        : [
            ...(progress ? ['postep_spoleczny'] : []),
            ...(works ? ['pracuje'] : ci === 1 ? ['szuka_pracy'] : []),
            ...(ci === 1 && i % 4 === 1 ? ['kwalifikacje'] : []),
          ];
      const participantId = await s.insertParticipant({
        projectId: project,
        personId,
        applicationId: app?.id ?? null,
        cohortId: cohort?.id ?? null,
        technicalId: number,
        a,
        joinedOn: c.joinedOn,
        leftOn,
        status: dropped ? 'przerwany' : 'zakonczony',
        exitSituation: works ? ['podjela_prace'] : ci === 1 ? ['poszukuje_pracy'] : ['inne'],
        completedPath: !dropped,
        exitResults: results,
        followUp: works ? ['pracuje'] : i % 3 === 0 ? ['lepsza_sytuacja'] : ['bez_zmian'],
        createdBy: coordinator,
      });
      enrolled.push(participantId);
    }
    byCohort.push(enrolled);
  }

  const [c2019 = [], c2020 = [], c2021 = []] = byCohort;
  await s.groupActivity(
    {
      projectId: project,
      kind: 'grupowe',
      type: '9.1.2.11',
      name: 'Trening kompetencji społecznych i życiowych — kohorta 2019',
      place: 'OPS Andrychów, sala szkoleniowa',
      startsOn: '2019-04-08',
      endsOn: '2019-06-10',
      capacity: 20,
    },
    schedule('2019-04-08', 10),
    4,
    c2019,
    worker,
  );
  await s.groupActivity(
    {
      projectId: project,
      kind: 'grupowe',
      type: '9.1.2.08',
      name: 'Szkolenie zawodowe „Opiekun osoby starszej” — kohorta 2020',
      place: 'Centrum Kształcenia, Wadowice',
      startsOn: '2020-03-09',
      endsOn: '2020-04-27',
      capacity: 20,
    },
    schedule('2020-03-09', 8),
    6,
    c2020,
    worker,
  );
  await s.groupActivity(
    {
      projectId: project,
      kind: 'grupowe',
      type: '9.1.2.10',
      name: 'Trening kompetencji rodzicielskich — kohorta 2021',
      place: 'OPS Andrychów, sala szkoleniowa',
      startsOn: '2021-04-19',
      endsOn: '2021-06-07',
      capacity: 20,
    },
    schedule('2021-04-19', 8),
    3,
    c2021,
    worker,
  );

  // Individual support: assistant services (2019), counselling (2021).
  const assistant = await s.activity({
    projectId: project,
    kind: 'indywidualne',
    type: '9.1.2.01',
    name: 'Asystent osoby niepełnosprawnej — kohorta 2019',
    startsOn: '2019-04-15',
    endsOn: '2019-12-13',
  });
  for (const [i, pid] of c2019.slice(0, 10).entries())
    await tx.execute(
      sql`insert into support_episodes (activity_id, participant_id, starts_on, ends_on, hours)
          values (${assistant}, ${pid}, '2019-04-15', '2019-12-13', ${40 + i * 4})`,
    );
  const counselling = await s.activity({
    projectId: project,
    kind: 'indywidualne',
    type: '9.1.2.06',
    name: 'Poradnictwo psychologiczne i rodzinne — kohorta 2021',
    startsOn: '2021-04-12',
    endsOn: '2021-12-10',
  });
  for (const [i, pid] of c2021.entries())
    await tx.execute(
      sql`insert into support_episodes (activity_id, participant_id, starts_on, ends_on, hours)
          values (${counselling}, ${pid}, ${addDays('2021-04-12', i)}, '2021-12-10', ${6 + (i % 7)})`,
    );

  // Internships of the 2020 cohort with two employers: three months, stipend 1 017,40 zł a month.
  for (const [k, employer] of [
    'Zakład Opiekuńczo-Leczniczy w Andrychowie',
    'Spółdzielnia Socjalna „Razem”, Wadowice',
  ].entries()) {
    const internship = await s.activity({
      projectId: project,
      kind: 'staz',
      type: '9.1.2.07',
      name: `Staże zawodowe — ${employer}`,
      employer,
      startsOn: '2020-06-01',
      endsOn: '2020-08-31',
      capacity: 5,
    });
    for (const pid of c2020.slice(k * 5, k * 5 + 5))
      await tx.execute(
        sql`insert into support_episodes (activity_id, participant_id, starts_on, ends_on, hours, stipend)
            values (${internship}, ${pid}, '2020-06-01', '2020-08-31', 480, 305220)`,
      );
  }

  // The sheltered flat: 4 places from its opening on 16.09.2019; stays of residents of 2019 and 2021.
  const flat = await s.activity({
    projectId: project,
    kind: 'mieszkanie',
    type: '9.1.2.11',
    name: 'Mieszkanie chronione w Andrychowie',
    place: 'Andrychów, ul. Metalowców 7/3',
    description:
      'Mieszkanie chronione treningowe pod opieką pracownika socjalnego, psychologa, terapeuty, asystenta osoby niepełnosprawnej i opiekuna.',
    startsOn: '2019-09-16',
    endsOn: '2021-12-31',
    capacity: 4,
  });
  const stays: [string | undefined, string, string][] = [
    [c2019[0], '2019-09-16', '2020-06-30'],
    [c2019[1], '2019-09-16', '2020-03-31'],
    [c2019[2], '2019-10-01', '2020-09-30'],
    [c2019[3], '2019-11-04', '2020-12-31'],
    [c2019[4], '2020-04-01', '2021-03-31'],
    [c2019[5], '2020-07-01', '2021-06-30'],
    [c2021[0], '2021-04-12', '2021-12-31'],
    [c2021[1], '2021-05-04', '2021-12-31'],
  ];
  for (const [pid, from, to] of stays)
    if (pid)
      await tx.execute(
        sql`insert into support_episodes (activity_id, participant_id, starts_on, ends_on)
            values (${flat}, ${pid}, ${from}, ${to})`,
      );
}

/** Two families of the Kooperacje 3D pilot as participants (registry of the leader, ROPS Katowice). */
async function seedKooperacje3D(s: Seeder, _tx: Tx): Promise<void> {
  const project = await s.one<{ id: string; leader: string }>(
    sql`select id, leader_institution_id as leader from projects where number = 'POWR.02.05.00-00-0202/18'`,
  );
  if (!project) return;
  const coordinator = await s.id(
    sql`select id from users where email = ${`koordynator.krakow@${DEMO_DOMAIN}`}`,
  );
  const families: { sex: 'K' | 'M'; age: number; status: string; detail: string | null }[][] = [
    [
      { sex: 'K', age: 34, status: 'bezrobotna_zarejestrowana', detail: 'dlugotrwale_bezrobotna' },
      { sex: 'M', age: 38, status: 'pracujaca', detail: 'inne_pracujaca' },
      { sex: 'K', age: 16, status: 'bierna_zawodowo', detail: 'uczaca_sie' },
    ],
    [
      { sex: 'K', age: 41, status: 'bierna_zawodowo', detail: 'nieuczestniczaca_w_ksztalceniu' },
      { sex: 'M', age: 19, status: 'bezrobotna_niezarejestrowana', detail: 'inne_bezrobotna' },
    ],
  ];
  let n = 0;
  for (const [fi, members] of families.entries())
    for (const m of members) {
      n += 1;
      const joinedOn = fi === 0 ? '2019-10-01' : '2019-11-04';
      const birthDate = `${Number(joinedOn.slice(0, 4)) - m.age - 1}-0${3 + n}-1${n}`;
      const a: Applicant = {
        ...s.person(m.sex, birthDate, 100 + n),
        sex: m.sex,
        birthDate,
        teryt: '1218013',
        labourStatus: m.status,
        labourStatusDetail: m.detail,
        education: m.age < 18 ? 'isced_1' : 'isced_3',
        disability: 'nie',
        povertyGrounds: ['pomoc_spoleczna'],
        homeless: 'nie',
      };
      a.lastName = fi === 0 ? (m.sex === 'K' ? 'Wrona' : 'Wrona') : m.sex === 'K' ? 'Sikorska' : 'Sikorski';
      const personId = await s.insertPerson(project.leader, a, coordinator);
      await s.insertParticipant({
        projectId: project.id,
        personId,
        applicationId: null,
        cohortId: null,
        technicalId: `K3D/${String(n).padStart(4, '0')}`,
        a,
        joinedOn,
        leftOn: '2020-09-30',
        status: 'zakonczony',
        exitSituation: ['inne'],
        completedPath: true,
        exitResults: ['postep_spoleczny'],
        followUp: ['bez_zmian'],
        createdBy: coordinator,
      });
    }
}

/**
 * "Aktywni w Andrychowie": a demonstration project of OPS Andrychów that runs now (RPO WM 9.1.1,
 * illustrative), with an open call, applications waiting for verification, three participants, a
 * workshop with past and coming sessions, and indicators computed from participants.
 */
async function seedRunningProject(
  s: Seeder,
  tx: Tx,
  today: string,
  ops: string,
  coordinator: string | null,
  worker: string | null,
): Promise<void> {
  const node = await s.id(sql`select id from programme_nodes where kind = 'poddzialanie' and code = '9.1.1'`);
  if (!node) return;
  const year = Number(today.slice(0, 4));
  const number = `DEMO/OPS-ANDRYCHOW/${year}`;
  const project = await s.one<{ id: string }>(
    sql`insert into projects (number, title, short_title, programme_node_id, leader_institution_id, status,
          starts_on, ends_on, goals, description, target_groups, total_value, eligible_costs, eu_funding,
          state_budget, own_contribution, created_by)
        values (${number}, 'Aktywni w Andrychowie — projekt demonstracyjny', 'Aktywni w Andrychowie', ${node}, ${ops},
          'realizacja', ${`${year}-01-01`}, ${`${year + 1}-12-31`},
          'Aktywizacja społeczna i zawodowa osób i rodzin zagrożonych wykluczeniem społecznym z gminy Andrychów.',
          'Projekt demonstracyjny (nie pochodzi ze źródeł): pokazuje otwarty nabór z formularzem publicznym, weryfikację zgłoszeń, listę rankingową, uczestników, warsztaty z listą obecności i wskaźniki liczone z danych uczestników.',
          ${JSON.stringify(['Osoby i rodziny zagrożone ubóstwem lub wykluczeniem społecznym z gminy Andrychów'])}::jsonb,
          48000000, 48000000, 40800000, 4800000, 2400000, ${coordinator})
        returning id`,
  );
  if (!project) return;
  for (const [user, role] of [
    [coordinator, 'koordynator'],
    [worker, 'czlonek'],
  ] as const)
    if (user)
      await tx.execute(
        sql`insert into project_team (project_id, user_id, role) values (${project.id}, ${user}, ${role})`,
      );

  const code = `AKT-${year}`;
  const call = await s.one<{ id: string }>(
    sql`insert into recruitment_calls (project_id, code, name, description, opens_at, closes_at, places_total,
          form_kinds, questions, clauses, status, created_by)
        values (${project.id}, ${code}, ${`Nabór do projektu „Aktywni w Andrychowie” ${year}`},
          'Zapraszamy osoby pełnoletnie z powiatu wadowickiego zagrożone ubóstwem lub wykluczeniem społecznym. Zgłoszenia przyjmujemy przez formularz internetowy lub w siedzibie OPS.',
          ${`${year}-01-02T08:00:00+01:00`}, ${`${year + 1}-06-30T15:00:00+02:00`}, 12, '["wsparcie", "doradztwo"]'::jsonb,
          ${JSON.stringify([
            {
              key: 'oczekiwane_wsparcie',
              label: 'Jakiego wsparcia Pani/Pan oczekuje?',
              type: 'wybor',
              options: [
                'Warsztaty kompetencji społecznych',
                'Szkolenie zawodowe',
                'Poradnictwo psychologiczne',
              ],
              required: true,
            },
          ])}::jsonb,
          ${JSON.stringify(defaultCallClauses())}::jsonb, 'otwarty', ${coordinator})
        returning id`,
  );
  if (!call) return;
  const cohort = await s.one<{ id: string }>(
    sql`insert into recruitment_cohorts (call_id, name, year, places, reserve_places, eligibility_rules,
          scoring_criteria, tie_break)
        values (${call.id}, ${`Osoby i rodziny zagrożone wykluczeniem ${year}`}, ${year}, 12, 4,
          ${JSON.stringify([{ kind: 'wiek', min: 18 }, { kind: 'zamieszkanie', teryt: ['1218'] }, { kind: 'zagrozenie_wykluczeniem' }, { kind: 'nie_uczestnik' }] satisfies EligibilityRule[])}::jsonb,
          ${JSON.stringify([
            { kind: 'zagrozenie_wykluczeniem', perGround: true, points: 5 },
            { kind: 'niepelnosprawnosc', points: 10 },
          ] satisfies ScoringCriterion[])}::jsonb,
          'kolejnosc_zgloszen')
        returning id`,
  );

  const joinedOn = addDays(today, -40);
  const participants: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const sex: 'K' | 'M' = i % 2 === 0 ? 'K' : 'M';
    const birthDate = s.birthDate(25, 55, today);
    const a: Applicant = {
      ...s.person(sex, birthDate, 200 + i),
      sex,
      birthDate,
      teryt: '1218013',
      labourStatus: i < 2 ? 'bezrobotna_zarejestrowana' : 'bierna_zawodowo',
      labourStatusDetail: i < 2 ? 'dlugotrwale_bezrobotna' : 'inne_bierna',
      education: 'isced_3',
      disability: i === 4 ? 'tak' : 'nie',
      povertyGrounds: ['pomoc_spoleczna'],
      homeless: 'nie',
    };
    const enrolled = i < 3;
    const submittedAt = `${addDays(today, enrolled ? -55 + i : -6 + i)}T09:3${i}:00+01:00`;
    const subject: EligibilityApplicant = {
      birthDate: a.birthDate,
      teryt: a.teryt,
      labourStatus: a.labourStatus,
      disability: a.disability,
      povertyGrounds: a.povertyGrounds,
      inInstitution: false,
      institutionLeftOn: null,
    };
    const rules: EligibilityRule[] = [
      { kind: 'wiek', min: 18 },
      { kind: 'zamieszkanie', teryt: ['1218'] },
      { kind: 'zagrozenie_wykluczeniem' },
      { kind: 'nie_uczestnik' },
    ];
    const scoring: ScoringCriterion[] = [
      { kind: 'zagrozenie_wykluczeniem', perGround: true, points: 5 },
      { kind: 'niepelnosprawnosc', points: 10 },
    ];
    const eligibility = checkOf(rules, scoring, subject, submittedAt.slice(0, 10));
    const applicationNumber = `${code}/${String(i + 1).padStart(4, '0')}`;
    const app = await s.one<{ id: string }>(
      sql`insert into applications (call_id, cohort_id, number, form_kind, channel, first_name, last_name, pesel,
            birth_date, sex, teryt, street, postal_code, city, phone, email, education, labour_status, disability,
            poverty_grounds, answers, consents, submitted_at, status, eligibility, score, decided_by, decided_at)
          values (${call.id}, ${cohort?.id}, ${applicationNumber}, 'wsparcie', 'online', ${a.firstName}, ${a.lastName},
            ${a.pesel}, ${a.birthDate}, ${a.sex}, ${a.teryt}, 'ul. Krakowska 12', '34-120', 'Andrychów', '600200300',
            ${`${a.lastName.toLowerCase().replace(/[^a-z]/g, '')}${i}@example.org`}, ${a.education}, ${a.labourStatus},
            ${a.disability}, ${JSON.stringify(a.povertyGrounds)}::jsonb,
            ${JSON.stringify({ oczekiwane_wsparcie: 'Warsztaty kompetencji społecznych' })}::jsonb,
            ${JSON.stringify(defaultCallClauses().map((cl) => ({ key: cl.key, given: true, at: submittedAt })))}::jsonb,
            ${submittedAt}, ${enrolled ? 'przyjete' : 'zlozone'}, ${JSON.stringify(eligibility)}::jsonb,
            ${eligibility.scoring.total}, ${enrolled ? coordinator : null}, ${enrolled ? `${addDays(today, -45)}T12:00:00+01:00` : null})
          returning id`,
    );
    if (!enrolled) continue;
    const personId = await s.insertPerson(ops, a, worker);
    participants.push(
      await s.insertParticipant({
        projectId: project.id,
        personId,
        applicationId: app?.id ?? null,
        cohortId: cohort?.id ?? null,
        technicalId: applicationNumber,
        a,
        joinedOn,
        leftOn: null,
        status: 'aktywny',
        exitSituation: [],
        completedPath: null,
        exitResults: [],
        followUp: null,
        createdBy: coordinator,
      }),
    );
  }

  // A weekly workshop: four sessions behind (attendance recorded), four ahead.
  const first = addDays(today, -28);
  await s.groupActivity(
    {
      projectId: project.id,
      kind: 'grupowe',
      type: '9.1.1.12',
      name: 'Warsztaty kompetencji społecznych',
      place: 'OPS Andrychów, sala szkoleniowa',
      startsOn: first,
      endsOn: addDays(first, 49),
      capacity: 12,
    },
    schedule(first, 8),
    3,
    participants,
    worker,
    1,
    true,
  );

  // Indicators computed from participants: EECO01 (all), EECO02 (unemployed), EECR01 (job searching on leaving).
  for (const [i, [codeOf, metricKey, params, target]] of (
    [
      ['EECO01', 'participants.entered', {}, 12],
      ['EECO02', 'participants.entered', { labourStatus: 'bezrobotni' }, 6],
      ['EECR01', 'participants.result_on_leaving', { result: 'szuka_pracy' }, 4],
    ] as const
  ).entries()) {
    const def = await s.id(
      sql`select id from indicator_definitions where code = ${codeOf} and project_id is null`,
    );
    if (!def) continue;
    await tx.execute(
      sql`insert into project_indicators (project_id, definition_id, baseline, target, source, metric_key,
            metric_params, sort_order)
          values (${project.id}, ${def}, 0, ${target}, 'metric', ${metricKey}, ${JSON.stringify(params)}::jsonb, ${i})`,
    );
  }
}

/** A second generator for the cohort-specific attributes (kept apart from names and dates). */
const attributes = seeded(2_021_007);
function seededPick(): number {
  return attributes();
}
