import type { Project } from '@kooperacja/domain';

export const PROJECT_ID = '0190d000-0000-7000-8000-000000000001';
export const NODE_ID = '0190d000-0000-7000-8000-0000000000a1';
export const LEADER_ID = '0190d000-0000-7000-8000-0000000000b1';

/** "Wykorzystaj swoją szansę" as the API answers it (money in grosze). */
export function makeProject(overrides: Partial<Project> = {}): Project {
  return {
    id: PROJECT_ID,
    number: 'RPMP.09.01.02-12-0142/17',
    title: 'Wykorzystaj swoją szansę',
    shortTitle: null,
    status: 'zakonczony',
    programme: {
      id: NODE_ID,
      kind: 'poddzialanie',
      code: '9.1.2',
      name: 'Aktywna integracja – projekty konkursowe',
      path: [
        {
          id: '0190d000-0000-7000-8000-0000000000a8',
          kind: 'program',
          code: 'RPO WM 2014-2020',
          name: 'RPO WM',
        },
        {
          id: '0190d000-0000-7000-8000-0000000000a9',
          kind: 'os',
          code: '9',
          name: 'Region spójny społecznie',
        },
        {
          id: '0190d000-0000-7000-8000-0000000000aa',
          kind: 'dzialanie',
          code: '9.1',
          name: 'Aktywna integracja',
        },
        {
          id: NODE_ID,
          kind: 'poddzialanie',
          code: '9.1.2',
          name: 'Aktywna integracja – projekty konkursowe',
        },
      ],
    },
    leader: {
      id: LEADER_ID,
      name: 'Ośrodek Pomocy Społecznej w Andrychowie',
      shortName: 'OPS Andrychów',
      teryt: '1218013',
    },
    startsOn: '2019-01-01',
    endsOn: '2021-12-31',
    totalValue: 121_663_061,
    euFunding: 103_154_493,
    euRate: 8479,
    goals: 'Aktywizacja społeczna i zawodowa',
    description: null,
    targetGroups: ['Osoby z niepełnosprawnościami', 'Osoby bezrobotne'],
    eligibleCosts: 121_663_061,
    stateBudget: 0,
    targetedSubsidy: 0,
    ownContribution: 18_508_568,
    money: {
      totalValue: 121_663_061,
      eligibleCosts: 121_663_061,
      euFunding: 103_154_493,
      stateBudget: 0,
      targetedSubsidy: 0,
      ownContribution: 18_508_568,
      coFinancing: 103_154_493,
      rates: {
        eu: 8479,
        stateBudget: 0,
        targetedSubsidy: 0,
        ownContribution: 1521,
        coFinancing: 8479,
        eligibleOfTotal: 10000,
      },
      partnerSharesTotal: 0,
      tasksTotal: 99_100_000,
      checks: [
        { rule: 'project.money.eligibleOverTotal', ok: true },
        { rule: 'project.money.sourcesMismatch', ok: true },
        { rule: 'project.money.partnerSharesOverTotal', ok: true },
        { rule: 'project.money.tasksOverEligible', ok: true },
      ],
    },
    callNumber: null,
    callRank: 15,
    callTotal: 56,
    callResult: 'Dofinansowanie przyznane',
    elapsed: 10_000,
    partners: [],
    team: [],
    version: 3,
    updatedAt: '2026-01-01T10:00:00.000Z',
    abilities: { manage: true },
    ...overrides,
  };
}
