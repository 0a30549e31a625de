import type {
  CaseMeeting,
  CaseMeetingList,
  CaseTeam,
  Consent,
  Referral,
  ReferralList,
  SharedCase,
} from '@kooperacja/domain';
import { CASE_ID, INSTITUTION_ID, OTHER_INSTITUTION_ID, WORKER_ID } from '../cases/page/casePage.fixtures';

export { CASE_ID, INSTITUTION_ID, OTHER_INSTITUTION_ID, WORKER_ID };
export const REFERRAL_ID = '0190d000-0000-7000-8000-0000000000a1';
export const CONSENT_ID = '0190d000-0000-7000-8000-0000000000c1';
export const PERSON_ID = '0190d000-0000-7000-8000-0000000000b1';
export const OFFICER_ID = '0190d000-0000-7000-8000-0000000000d1';
export const ACTION_ID = '0190d000-0000-7000-8000-0000000000e1';
export const OTHER_ACTION_ID = '0190d000-0000-7000-8000-0000000000e2';
export const MEETING_ID = '0190d000-0000-7000-8000-000000000101';
export const ITEM_ID = '0190d000-0000-7000-8000-000000000102';
export const OTHER_ITEM_ID = '0190d000-0000-7000-8000-000000000103';

export function makeConsent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: CONSENT_ID,
    caseId: CASE_ID,
    person: { id: PERSON_ID, name: 'Anna Wiśniewska' },
    recipient: { id: OTHER_INSTITUTION_ID, name: 'SP 1 Bochnia' },
    scopes: ['podstawowe', 'plan', 'zdrowie'],
    purpose: 'Wspólna praca zespołu nad sytuacją szkolną dziecka',
    givenOn: '2026-01-10',
    validUntil: null,
    withdrawnOn: null,
    active: true,
    signedScanId: null,
    version: 1,
    createdAt: '2026-01-10T09:00:00.000Z',
    ...overrides,
  };
}

export function makeTeam(overrides: Partial<CaseTeam> = {}): CaseTeam {
  return { members: [], consents: [makeConsent()], canManage: true, ...overrides };
}

export function makeReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: REFERRAL_ID,
    number: 'SKR/2026/0003',
    caseId: CASE_ID,
    kind: 'skierowanie',
    from: { id: INSTITUTION_ID, name: 'MOPS Bochnia' },
    fromUser: {
      id: WORKER_ID,
      name: 'Paulina Pracowita',
      email: 'pracownik.bochnia@demo.kooperacja.pl',
      phone: null,
    },
    to: { id: OTHER_INSTITUTION_ID, name: 'KPP Bochnia' },
    service: null,
    planAction: { id: ACTION_ID, description: 'Rozmowa dzielnicowego z rodziną' },
    subjectName: 'Anna Wiśniewska',
    reason: 'Prośba o rozmowę dzielnicowego z rodziną.',
    urgency: 'pilna',
    expectedBy: '2026-02-01',
    overdue: false,
    scopes: ['podstawowe', 'plan'],
    basis: 'przepis',
    legalBasis: 'ups_art_110_8',
    consentId: null,
    status: 'wyslane',
    assignedUser: null,
    respondedAt: null,
    rejectionReason: null,
    completedAt: null,
    outcome: null,
    feedback: null,
    withdrawnAt: null,
    withdrawalReason: null,
    createdAt: '2026-01-20T08:00:00.000Z',
    version: 1,
    side: 'receiver',
    events: [
      {
        status: 'wyslane',
        note: null,
        actor: { id: WORKER_ID, name: 'Paulina Pracowita' },
        institution: { id: INSTITUTION_ID, name: 'MOPS Bochnia' },
        at: '2026-01-20T08:00:00.000Z',
      },
    ],
    can: {
      accept: false,
      reject: false,
      start: false,
      complete: false,
      withdraw: false,
      assign: false,
      openCase: false,
    },
    ...overrides,
  };
}

export function makeInbox(items: Partial<ReferralList['items'][number]>[] = [{}]): ReferralList {
  const r = makeReferral();
  return {
    items: items.map((o) => ({
      id: r.id,
      number: r.number,
      caseId: r.caseId,
      kind: r.kind,
      from: r.from,
      to: r.to,
      subjectName: r.subjectName,
      urgency: r.urgency,
      expectedBy: r.expectedBy,
      overdue: r.overdue,
      status: r.status,
      assignedUser: r.assignedUser,
      createdAt: r.createdAt,
      ...o,
    })),
    total: items.length,
    page: 1,
    pageSize: 20,
  };
}

export function makeSharedCase(overrides: Partial<SharedCase> = {}): SharedCase {
  return {
    id: CASE_ID,
    number: 'MOPS-B/2026/0007',
    status: 'realizacja',
    owner: { id: INSTITUTION_ID, name: 'MOPS Bochnia' },
    leadWorker: { id: WORKER_ID, name: 'Paulina Pracowita', email: 'pracownik.bochnia@demo.kooperacja.pl' },
    scopes: ['podstawowe', 'plan'],
    via: [{ kind: 'referral', id: REFERRAL_ID, until: null }],
    subject: {
      kind: 'person',
      name: 'Anna Wiśniewska',
      members: [],
      address: 'ul. Kościuszki 5, Bochnia',
      phone: '600 100 200',
    },
    plans: [
      {
        id: '0190d000-0000-7000-8000-0000000000f1',
        type: 'plan_pomocy',
        title: 'Plan pomocy rodzinie',
        status: 'aktywny',
        goals: [
          {
            id: '0190d000-0000-7000-8000-0000000000f2',
            description: 'Bezpieczeństwo dzieci',
            actions: [
              {
                id: ACTION_ID,
                description: 'Rozmowa dzielnicowego z rodziną',
                responsible: 'KPP Bochnia',
                deadline: '2026-02-01',
                status: 'zaplanowane',
                completedOn: null,
                ours: true,
              },
              {
                id: OTHER_ACTION_ID,
                description: 'Konsultacja pedagoga szkolnego',
                responsible: 'SP 1 Bochnia',
                deadline: '2026-02-10',
                status: 'zaplanowane',
                completedOn: null,
                ours: false,
              },
            ],
          },
        ],
      },
    ],
    diagnosis: null,
    health: null,
    notes: [],
    team: [],
    ...overrides,
  };
}

/** A held case-team meeting of MOPS Bochnia with the police (OTHER_INSTITUTION_ID) and the client. */
export function makeMeeting(overrides: Partial<CaseMeeting> = {}): CaseMeeting {
  return {
    id: MEETING_ID,
    caseId: CASE_ID,
    title: 'Spotkanie zespołu: bezpieczeństwo dzieci',
    startsAt: '2026-02-03T09:00:00.000Z',
    place: 'MOPS Bochnia, sala 2',
    onlineUrl: null,
    status: 'odbyte',
    institutions: [{ id: OTHER_INSTITUTION_ID, name: 'KPP Bochnia' }],
    agenda: 'Sytuacja w domu; podział zadań',
    minutes: 'Dzielnicowy odwiedził rodzinę.',
    decisions: 'Wizyta co dwa tygodnie.',
    version: 3,
    attendees: [
      {
        id: '0190d000-0000-7000-8000-000000000111',
        kind: 'wlasny',
        institution: { id: INSTITUTION_ID, name: 'MOPS Bochnia' },
        user: { id: WORKER_ID, name: 'Paulina Pracowita' },
        name: 'Paulina Pracowita',
        invited: true,
        present: true,
      },
      {
        id: '0190d000-0000-7000-8000-000000000112',
        kind: 'zespol',
        institution: { id: OTHER_INSTITUTION_ID, name: 'KPP Bochnia' },
        user: { id: OFFICER_ID, name: 'Piotr Posterunkowy' },
        name: 'Piotr Posterunkowy',
        invited: true,
        present: true,
      },
      {
        id: '0190d000-0000-7000-8000-000000000113',
        kind: 'osoba',
        institution: null,
        user: null,
        name: 'Anna Wiśniewska',
        invited: true,
        present: false,
      },
    ],
    actionItems: [
      {
        id: ITEM_ID,
        meetingId: MEETING_ID,
        description: 'Wizyta u rodziny',
        ownerInstitution: { id: OTHER_INSTITUTION_ID, name: 'KPP Bochnia' },
        ownerUser: { id: OFFICER_ID, name: 'Piotr Posterunkowy' },
        ownerName: null,
        dueOn: '2026-02-10',
        doneOn: null,
        overdue: true,
        abilities: { complete: true },
      },
      {
        id: OTHER_ITEM_ID,
        meetingId: MEETING_ID,
        description: 'Zwołać kolejne spotkanie',
        ownerInstitution: { id: INSTITUTION_ID, name: 'MOPS Bochnia' },
        ownerUser: null,
        ownerName: null,
        dueOn: null,
        doneOn: '2026-02-05',
        overdue: false,
        abilities: { complete: false },
      },
    ],
    restricted: false,
    abilities: { manage: false },
    ...overrides,
  };
}

export function makeMeetingList(overrides: Partial<CaseMeetingList> = {}): CaseMeetingList {
  const m = makeMeeting();
  return {
    items: [
      {
        id: m.id,
        caseId: m.caseId,
        title: m.title,
        startsAt: m.startsAt,
        place: m.place,
        onlineUrl: m.onlineUrl,
        status: m.status,
        institutions: m.institutions,
        attendees: 3,
        present: 2,
        openActionItems: 1,
      },
    ],
    canManage: false,
    candidates: null,
    ...overrides,
  };
}
