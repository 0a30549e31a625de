import type { EditionOut, Registration, Training, TrainingList } from '@kooperacja/domain';

export const TRAINING_ID = '0190b000-0000-7000-8000-000000000001';
export const EDITION_ID = '0190b000-0000-7000-8000-000000000011';
export const SESSION_1 = '0190b000-0000-7000-8000-000000000021';
export const SESSION_2 = '0190b000-0000-7000-8000-000000000022';
export const REGISTRATION_ID = '0190b000-0000-7000-8000-000000000031';
export const REGISTRATION_2 = '0190b000-0000-7000-8000-000000000032';
export const ROPS_ID = '0190b000-0000-7000-8000-0000000000f1';

export function makeEdition(overrides: Partial<EditionOut> = {}): EditionOut {
  return {
    id: EDITION_ID,
    trainingId: TRAINING_ID,
    name: 'Edycja wiosenna',
    startsOn: '2030-03-12',
    endsOn: '2030-03-13',
    mode: 'stacjonarna',
    place: 'ROPS Kielce, ul. Witosa 86',
    onlineUrl: null,
    capacity: 20,
    registrationClosesOn: null,
    requiresApproval: false,
    status: 'planowana',
    sessions: [
      { id: SESSION_1, on: '2030-03-12', startsAt: '09:00', endsAt: '15:00', topic: 'Model kooperacji' },
      { id: SESSION_2, on: '2030-03-13', startsAt: '09:00', endsAt: '13:00', topic: null },
    ],
    confirmed: 20,
    waiting: 2,
    pending: 0,
    registrationOpen: true,
    version: 1,
    ...overrides,
  };
}

export function makeTraining(overrides: Partial<Training> = {}): Training {
  return {
    id: TRAINING_ID,
    title: 'Warsztaty kooperacyjne dla kadry OPS',
    form: 'warsztat',
    topic: 'Współpraca międzysektorowa',
    description: 'Dwudniowe warsztaty.\n\nPraca na przypadkach.',
    targetStaff: ['pracownicy_socjalni', 'kadra_kierownicza'],
    hours: 16,
    trainers: ['Ewa Trenerska'],
    project: {
      id: '0190b000-0000-7000-8000-0000000000a1',
      number: 'FERS.04.13-IP.04-0001/24',
      title: 'Kooperacje',
    },
    passThreshold: 70,
    issuesCertificate: true,
    minAttendancePercent: 80,
    status: 'opublikowane',
    organiser: { id: ROPS_ID, name: 'ROPS Kielce' },
    editions: [makeEdition()],
    questionCount: 10,
    lessonCount: 0,
    version: 3,
    abilities: { manage: false },
    ...overrides,
  };
}

export function makeTrainingList(): TrainingList {
  const { editions: _e, description: _d, ...rest } = makeTraining();
  return {
    items: [
      { ...rest, nextEditionOn: '2030-03-12', openEditions: 1 },
      {
        ...rest,
        id: '0190b000-0000-7000-8000-000000000002',
        title: 'Superwizja grupowa asystentów rodziny',
        form: 'superwizja_grupowa',
        topic: 'Wypalenie zawodowe',
        hours: 7.5,
        project: null,
        nextEditionOn: null,
        openEditions: 0,
      },
    ],
    total: 2,
    page: 1,
    pageSize: 20,
  };
}

export function makeRegistration(overrides: Partial<Registration> = {}): Registration {
  return {
    id: REGISTRATION_ID,
    editionId: EDITION_ID,
    trainingId: TRAINING_ID,
    learner: {
      id: '0190b000-0000-7000-8000-000000000041',
      firstName: 'Anna',
      lastName: 'Nowak',
      email: 'anna.nowak@mops.example.pl',
      position: 'Pracownik socjalny',
      sex: 'k',
      hasAccount: true,
      institution: { id: '0190a000-0000-7000-8000-000000000001', name: 'MOPS Bochnia', type: 'ops' },
    },
    status: 'potwierdzona',
    registeredAt: '2030-02-01T10:00:00.000Z',
    registeredBy: 'Anna Nowak',
    decidedAt: null,
    decidedBy: null,
    reason: null,
    waitingPosition: null,
    attendance: { present: 0, sessions: 2, percent: 0 },
    presentSessionIds: [],
    lessons: { completed: 0, total: 0 },
    preTest: null,
    finalTest: null,
    certificate: null,
    raisedQualifications: false,
    version: 1,
    abilities: { withdraw: true, decide: false, takePreTest: true, takeFinalTest: false, learn: true },
    ...overrides,
  };
}

/** A problem+json body. */
export const problem = (status: number, title: string) => ({
  type: 'about:blank',
  title,
  status,
  code: status === 404 ? 'not_found' : status === 409 ? 'conflict' : 'bad_request',
});
