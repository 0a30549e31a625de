import {
  actionParties,
  actionStatuses,
  assistanceReasons,
  type Case,
  caseSources,
  caseStatuses,
  closureReasons,
  contractVariants,
  type Diagnosis,
  diagnosisAreas,
  disabilityLevels,
  householdRelations,
  interviewSections,
  otherIdTypes,
  type Plan,
  planStatuses,
  planTypes,
  type Task,
  type TaskList,
  timelineKinds,
} from '@kooperacja/domain';
import { vi } from 'vitest';
import { jsonResponse } from '../../../test/render';
import { makeMe } from '../../auth/me.fixtures';
import type { CaseDictionaries } from '../shared/casesDictionaries';

// jsdom has no FontFaceSet; Mantine's autosize Textarea listens to it (could move to test/setup.ts).
if (typeof document !== 'undefined' && !('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

export const CASE_ID = '0190b000-0000-7000-8000-000000000c01';
export const PLAN_ID = '0190b000-0000-7000-8000-000000000a01';
export const INSTITUTION_ID = '0190a000-0000-7000-8000-000000000001';
export const OTHER_INSTITUTION_ID = '0190a000-0000-7000-8000-000000000002';
export const WORKER_ID = '0190a000-0000-7000-8000-0000000000aa';
export const OTHER_WORKER_ID = '0190a000-0000-7000-8000-0000000000ab';

type Labels = Record<string, { pl: string; en: string }>;
const list = (d: Labels) => Object.entries(d).map(([key, v]) => ({ key, label: { pl: v.pl, en: v.en } }));

/** `GET /api/dictionaries/cases` as the server builds it from the domain dictionaries. */
export const caseDictionaries: CaseDictionaries = {
  reasons: list(assistanceReasons),
  sources: list(caseSources),
  statuses: list(caseStatuses),
  closureReasons: list(closureReasons),
  planTypes: list(planTypes),
  contractVariants: list(contractVariants),
  planStatuses: list(planStatuses),
  actionStatuses: list(actionStatuses),
  actionParties: list(actionParties),
  householdRelations: list(householdRelations),
  timelineKinds: Object.entries(timelineKinds).map(([key, v]) => ({
    key,
    label: { pl: v.pl, en: v.en },
    system: v.system,
  })),
  disabilityLevels: list(disabilityLevels),
  otherIdTypes: list(otherIdTypes),
  diagnosisAreas: list(diagnosisAreas),
  interviewSections: list(interviewSections),
};

export function makeCase(overrides: Partial<Case> = {}): Case {
  return {
    id: CASE_ID,
    number: 'MOPS-B/2026/0007',
    blueCardSince: null,
    institution: { id: INSTITUTION_ID, name: 'MOPS Bochnia' },
    status: 'diagnoza',
    source: 'wniosek_wlasny',
    sourceDetails: null,
    openedOn: '2026-01-12',
    closedOn: null,
    closureReason: null,
    outcomeSummary: null,
    summary: 'Rodzina po utracie pracy przez ojca.',
    reasons: [
      { code: '4', main: true },
      { code: '1', main: false },
    ],
    leadWorker: { id: WORKER_ID, name: 'Anna Nowak' },
    coWorkers: [],
    subject: {
      kind: 'household',
      id: '0190b000-0000-7000-8000-000000000f01',
      name: 'Rodzina Kowalskich',
      persons: [
        {
          id: '0190b000-0000-7000-8000-000000000e01',
          firstName: 'Jan',
          lastName: 'Kowalski',
          birthDate: '1984-03-02',
          relation: 'glowa',
        },
        {
          id: '0190b000-0000-7000-8000-000000000e02',
          firstName: 'Maria',
          lastName: 'Kowalska',
          birthDate: '1986-07-19',
          relation: 'malzonek',
        },
      ],
      teryt: '1201011',
      unitName: 'Bochnia',
      address: 'ul. Kazimierza Wielkiego 3/5',
    },
    transitions: [
      { to: 'plan', allowed: false, refusal: 'case.transition.needsDiagnosis' },
      { to: 'zgloszenie', allowed: true, refusal: null },
      { to: 'zamknieta', allowed: true, refusal: null },
      { to: 'realizacja', allowed: false, refusal: 'case.transition.notAllowed' },
    ],
    diagnosisDue: '2026-01-26',
    version: 3,
    createdAt: '2026-01-12T09:00:00.000Z',
    abilities: { update: true, assignWorkers: false, transition: true, readSensitive: true },
    ...overrides,
  };
}

export function makeDiagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    id: '0190b000-0000-7000-8000-000000000d01',
    versionNo: 1,
    areas: {
      causes: 'Utrata pracy w 2025 r.',
      strengths: 'Zaangażowanie matki',
      weaknesses: null,
      resources: 'Wsparcie dziadków',
      deficits: null,
      expectations: 'Pomoc w znalezieniu pracy',
      needs: 'Stały dochód',
    },
    interview: { material: 'Dochód poniżej kryterium.' },
    conclusions: 'Kontrakt socjalny wariant B.',
    author: { id: WORKER_ID, name: 'Anna Nowak' },
    createdAt: '2026-01-20T10:15:00.000Z',
    ...overrides,
  };
}

export function makePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: PLAN_ID,
    caseId: CASE_ID,
    type: 'kontrakt_socjalny',
    variant: 'B',
    title: 'Powrót na rynek pracy',
    assessment: 'Ojciec bez pracy od pół roku.',
    startDate: '2026-02-01',
    endDate: '2026-07-31',
    reviewDates: ['2026-04-30'],
    status: 'aktywny',
    goals: [
      {
        id: '0190b000-0000-7000-8000-000000000a11',
        description: 'Podjęcie zatrudnienia',
        actions: [
          {
            id: '0190b000-0000-7000-8000-000000000a21',
            description: 'Rejestracja w PUP',
            party: 'klient',
            responsibleInstitution: null,
            responsiblePerson: 'Jan Kowalski',
            responsibleUserId: null,
            deadline: '2026-02-15',
            status: 'wykonane',
            completedOn: '2026-02-10',
            overdue: false,
          },
          {
            id: '0190b000-0000-7000-8000-000000000a22',
            description: 'Szkolenie zawodowe',
            party: 'instytucja',
            responsibleInstitution: { id: OTHER_INSTITUTION_ID, name: 'PUP Bochnia' },
            responsiblePerson: 'doradca zawodowy',
            responsibleUserId: null,
            deadline: '2026-03-01',
            status: 'zaplanowane',
            completedOn: null,
            overdue: true,
          },
        ],
      },
    ],
    workerSignedOn: '2026-02-01',
    clientSignedOn: '2026-02-01',
    signedScanId: null,
    version: 2,
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-10T09:00:00.000Z',
    abilities: { update: true },
    ...overrides,
  };
}

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    key: 'action:0190b000-0000-7000-8000-000000000a22',
    kind: 'action',
    title: 'Szkolenie zawodowe',
    due: '2026-03-01',
    caseId: CASE_ID,
    caseNumber: 'MOPS-B/2026/0007',
    subjectName: 'Rodzina Kowalskich',
    planId: PLAN_ID,
    actionId: '0190b000-0000-7000-8000-000000000a22',
    overdue: false,
    ...overrides,
  };
}

export const emptyTasks: TaskList = { overdue: [], today: [], week: [], later: [] };

export type Handler = (url: URL, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

/**
 * A fetch stub: the signed-in worker, the case dictionaries, then `handler`; anything else answers
 * an empty list. Returns the mock, to inspect its calls.
 */
export function stubFetch(handler: Handler = () => undefined) {
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const answer = await handler(url, init);
    if (answer) return answer;
    if (url.pathname === '/api/auth/me') return jsonResponse(makeMe());
    if (url.pathname.endsWith('/dictionaries/cases')) return jsonResponse(caseDictionaries);
    if (url.pathname === '/api/tasks') return jsonResponse(emptyTasks);
    if (url.pathname.endsWith('/timeline')) return jsonResponse({ items: [], nextBefore: null });
    return jsonResponse({ items: [], total: 0 });
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

/** The JSON bodies sent with `method` to a path ending with `suffix`. */
export function sentBodies(mock: ReturnType<typeof stubFetch>, method: string, suffix: string): unknown[] {
  return mock.mock.calls
    .filter(([input, init]) => {
      const url = new URL(String(input), 'http://localhost');
      return (init?.method ?? 'GET') === method && url.pathname.endsWith(suffix);
    })
    .map(([, init]) => JSON.parse(String(init?.body)));
}
