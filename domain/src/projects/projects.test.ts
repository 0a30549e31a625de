import { describe, expect, it } from 'vitest';
import { milestoneOverdue, ProjectInput, ProjectMilestoneInput, periodElapsed } from './projects.js';

describe('periodElapsed', () => {
  it('is the share of whole days passed, half-up to the hundredth of a percent', () => {
    expect(periodElapsed('2023-09-01', '2028-12-31', '2023-08-31')).toBe(0);
    expect(periodElapsed('2023-09-01', '2028-12-31', '2023-09-01')).toBe(0);
    expect(periodElapsed('2024-01-01', '2024-01-04', '2024-01-02')).toBe(3333);
    expect(periodElapsed('2024-01-01', '2024-01-04', '2024-01-03')).toBe(6667);
    expect(periodElapsed('2023-09-01', '2028-12-31', '2028-12-31')).toBe(10_000);
    expect(periodElapsed('2018-04-01', '2023-09-30', '2026-11-24')).toBe(10_000);
    // Across a DST change the days still count whole.
    expect(periodElapsed('2024-03-01', '2024-04-30', '2024-03-31')).toBe(5000);
  });

  it('treats a one-day project as passed on its day', () => {
    expect(periodElapsed('2024-05-05', '2024-05-05', '2024-05-05')).toBe(10_000);
    expect(periodElapsed('2024-05-05', '2024-05-05', '2024-05-04')).toBe(0);
  });
});

describe('milestoneOverdue', () => {
  it('is overdue after its date unless achieved', () => {
    expect(milestoneOverdue({ dueOn: '2026-06-30', status: 'zagrozony' }, '2026-07-01')).toBe(true);
    expect(milestoneOverdue({ dueOn: '2026-06-30', status: 'planowany' }, '2026-06-30')).toBe(false);
    expect(milestoneOverdue({ dueOn: '2026-06-30', status: 'osiagniety' }, '2026-07-01')).toBe(false);
  });
});

describe('ProjectInput', () => {
  const valid = {
    number: 'RPMP.09.01.02-12-0142/17',
    title: 'Wykorzystaj swoją szansę',
    programmeNodeId: '0190a0b0-0000-7000-8000-000000000001',
    startsOn: '2019-01-01',
    endsOn: '2021-12-31',
    totalValue: 121_663_061,
    eligibleCosts: 121_663_061,
    euFunding: 103_154_493,
    ownContribution: 18_508_568,
    callRank: 15,
    callTotal: 56,
  };

  it('takes money as whole grosze and fills the defaults', () => {
    const v = ProjectInput.parse(valid);
    expect(v).toMatchObject({ status: 'realizacja', stateBudget: 0, targetedSubsidy: 0, targetGroups: [] });
  });

  it('refuses fractional grosze', () => {
    const r = ProjectInput.safeParse({ ...valid, euFunding: 1031544.93 });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['euFunding', 'money.integer'],
    ]);
  });

  it('refuses a reversed period and a rank beyond the ranked applications', () => {
    const r = ProjectInput.safeParse({ ...valid, endsOn: '2018-12-31', callRank: 57 });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['endsOn', 'project.periodOrder'],
      ['callRank', 'project.callRankOverTotal'],
    ]);
  });

  it('needs an achievement date exactly for an achieved milestone', () => {
    const base = { name: 'Kamień', dueOn: '2020-01-31' };
    expect(ProjectMilestoneInput.safeParse({ ...base, status: 'osiagniety' }).success).toBe(false);
    expect(
      ProjectMilestoneInput.safeParse({ ...base, status: 'planowany', achievedOn: '2020-01-30' }).success,
    ).toBe(false);
    expect(
      ProjectMilestoneInput.safeParse({ ...base, status: 'osiagniety', achievedOn: '2020-01-30' }).success,
    ).toBe(true);
  });
});
