import type { SessionAttendance, SupportActivityDetail, SupportSession } from '@kooperacja/domain';

export const PROJECT = '0190e000-0000-7000-8000-000000000001';
export const WORKSHOP = '0190e000-0000-7000-8000-0000000000a1';
export const SESSION = '0190e000-0000-7000-8000-0000000000b1';
export const ANNA = '0190e000-0000-7000-8000-0000000000c1';
export const JAN = '0190e000-0000-7000-8000-0000000000c2';
export const TYPE = '0190e000-0000-7000-8000-0000000000d1';

export function makeSession(overrides: Partial<SupportSession> = {}): SupportSession {
  return {
    id: SESSION,
    activityId: WORKSHOP,
    date: '2019-03-04',
    startTime: '10:00',
    hours: '3',
    topic: 'Komunikacja',
    recorded: false,
    present: 0,
    version: 1,
    ...overrides,
  };
}

/** A workshop of "Wykorzystaj swoją szansę" with one session and two participants. */
export function makeWorkshop(overrides: Partial<SupportActivityDetail> = {}): SupportActivityDetail {
  return {
    id: WORKSHOP,
    projectId: PROJECT,
    kind: 'grupowe',
    supportType: {
      id: TYPE,
      code: '9.1.2.08',
      name: 'kursy i szkolenia umożliwiające nabycie, podniesienie lub zmianę kwalifikacji',
      rules: {},
    },
    name: 'Warsztaty kompetencji społecznych',
    description: null,
    place: 'OPS Andrychów, sala 2',
    startsOn: '2019-03-01',
    endsOn: '2019-06-30',
    capacity: 12,
    employer: null,
    sessionCount: 1,
    sessionHours: '3',
    episodeCount: 2,
    activeCount: 0,
    version: 1,
    sessions: [makeSession()],
    episodes: [
      {
        id: '0190e000-0000-7000-8000-0000000000e1',
        activityId: WORKSHOP,
        participant: { id: ANNA, name: 'Anna Kowalska', technicalId: 'AND-2019/0001' },
        startsOn: '2019-03-01',
        endsOn: null,
        hours: null,
        attendedHours: '0',
        stipend: null,
        notes: null,
        version: 1,
      },
      {
        id: '0190e000-0000-7000-8000-0000000000e2',
        activityId: WORKSHOP,
        participant: { id: JAN, name: 'Jan Nowak', technicalId: 'AND-2019/0002' },
        startsOn: '2019-03-01',
        endsOn: null,
        hours: null,
        attendedHours: '0',
        stipend: null,
        notes: null,
        version: 1,
      },
    ],
    project: { id: PROJECT, title: 'Wykorzystaj swoją szansę', startsOn: '2019-01-01', endsOn: '2021-12-31' },
    supportTypes: [],
    today: '2026-11-24',
    abilities: { manage: true },
    ...overrides,
  };
}

export function makeAttendance(overrides: Partial<SessionAttendance> = {}): SessionAttendance {
  return {
    activity: { id: WORKSHOP, name: 'Warsztaty kompetencji społecznych', kind: 'grupowe' },
    session: makeSession(),
    rows: [
      {
        participant: { id: ANNA, name: 'Anna Kowalska', technicalId: 'AND-2019/0001' },
        enrolled: true,
        present: null,
        hours: '3',
      },
      {
        participant: { id: JAN, name: 'Jan Nowak', technicalId: 'AND-2019/0002' },
        enrolled: true,
        present: null,
        hours: '3',
      },
    ],
    recordedAt: null,
    recordedBy: null,
    abilities: { manage: true },
    ...overrides,
  };
}
