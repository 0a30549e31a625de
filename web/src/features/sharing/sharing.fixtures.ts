import type { CaseTeam, Consent, Referral, ReferralList, SharedCase } from '@kooperacja/domain';
import { CASE_ID, INSTITUTION_ID, OTHER_INSTITUTION_ID, WORKER_ID } from '../cases/page/casePage.fixtures';

export { CASE_ID, INSTITUTION_ID, OTHER_INSTITUTION_ID, WORKER_ID };
export const REFERRAL_ID = '0190d000-0000-7000-8000-0000000000a1';
export const CONSENT_ID = '0190d000-0000-7000-8000-0000000000c1';
export const PERSON_ID = '0190d000-0000-7000-8000-0000000000b1';
export const OFFICER_ID = '0190d000-0000-7000-8000-0000000000d1';
export const ACTION_ID = '0190d000-0000-7000-8000-0000000000e1';
export const OTHER_ACTION_ID = '0190d000-0000-7000-8000-0000000000e2';

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
