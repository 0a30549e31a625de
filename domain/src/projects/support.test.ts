import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  attendanceRowIssues,
  type EpisodeForRules,
  episodeDateIssues,
  episodeFieldIssues,
  firstDayOverCapacity,
  formatHours,
  occupancyTimeline,
  onlyWithOtherIssues,
  orphanedByRemoval,
  parseHours,
  participantHours,
  peakOccupancy,
  SessionAttendanceInput,
  SupportActivityInput,
  SupportSessionInput,
  sumHours,
  supportTypeIssues,
  timeWindowCheck,
} from './support.js';

const T1 = '00000000-0000-4000-8000-000000000001';
const T2 = '00000000-0000-4000-8000-000000000002';
const NGO = '00000000-0000-4000-8000-00000000000c'; // 9.1.2.12, only with other forms

describe('support types a project may use', () => {
  const allowed = [
    { id: T1, code: '9.1.2.08' },
    { id: NGO, code: '9.1.2.12' },
  ];
  it('accepts a type of the placement and refuses one from elsewhere, naming the allowed codes', () => {
    expect(supportTypeIssues(allowed, T1)).toEqual([]);
    expect(supportTypeIssues(allowed, T2)).toEqual([
      { field: 'supportTypeId', code: 'support.type.notAllowed', params: { allowed: '9.1.2.08, 9.1.2.12' } },
    ]);
  });
  it('requires a type when the placement lists some, and none when it lists none', () => {
    expect(supportTypeIssues(allowed, null)).toEqual([
      { field: 'supportTypeId', code: 'support.type.required' },
    ]);
    expect(supportTypeIssues([], null)).toEqual([]);
    expect(supportTypeIssues([], T1)[0]?.code).toBe('support.type.notAllowed');
  });
});

describe('only in combination with another form of support', () => {
  const only = (id: string | null) => id === NGO;
  const ep = (id: string, type: string | null): EpisodeForRules => ({
    id,
    activityId: `a-${id}`,
    supportTypeId: type,
    startsOn: '2020-01-01',
    endsOn: null,
  });
  it('refuses an only-with-other episode when the participant has no other form', () => {
    expect(onlyWithOtherIssues({ supportTypeId: NGO }, [], only)).toEqual([
      { field: 'activityId', code: 'support.onlyWithOther.missing' },
    ]);
    // Another episode of the same combined type is no companion.
    expect(onlyWithOtherIssues({ supportTypeId: NGO }, [ep('x', NGO)], only)).toHaveLength(1);
  });
  it('accepts it with an episode of another type at any time in the project', () => {
    expect(onlyWithOtherIssues({ supportTypeId: NGO }, [ep('x', T1)], only)).toEqual([]);
    expect(onlyWithOtherIssues({ supportTypeId: T1 }, [], only)).toEqual([]);
  });
  it('names the episodes a removal would leave without their companion', () => {
    const training = ep('t', T1);
    const ngo = ep('n', NGO);
    expect(orphanedByRemoval(training, [training, ngo], only).map((e) => e.id)).toEqual(['n']);
    expect(orphanedByRemoval(training, [training, ngo, ep('t2', T2)], only)).toEqual([]);
    expect(orphanedByRemoval(ngo, [training, ngo], only)).toEqual([]);
  });
});

describe('the time window after leaving an institution (9.1.3)', () => {
  const rules = {
    timeWindow: 'w trakcie przebywania w placówce i do 12 miesięcy po jej opuszczeniu',
    monthsAfterLeaving: 12,
  };
  const left = { inInstitution: false, institutionLeftOn: '2020-02-29' };
  it('accepts an episode ending within 12 months of leaving (end of a shorter month)', () => {
    expect(addMonthsClamped('2020-02-29', 12)).toBe('2021-02-28');
    expect(timeWindowCheck(rules, { startsOn: '2020-06-01', endsOn: '2021-02-28' }, left)).toEqual({
      issues: [],
      warnings: [],
    });
  });
  it('refuses a start or an end after the limit, and an open end, with the dates named', () => {
    const late = timeWindowCheck(rules, { startsOn: '2021-03-01', endsOn: '2021-04-01' }, left);
    expect(late.issues.map((i) => [i.field, i.code])).toEqual([
      ['startsOn', 'support.timeWindow.after'],
      ['endsOn', 'support.timeWindow.endAfter'],
    ]);
    expect(late.issues[0]?.params).toEqual({ left: '29.02.2020', limit: '28.02.2021', months: 12 });
    const open = timeWindowCheck(rules, { startsOn: '2020-06-01', endsOn: null }, left);
    expect(open.issues.map((i) => i.field)).toEqual(['endsOn']);
  });
  it('accepts a participant still staying, and warns when the application says nothing', () => {
    expect(
      timeWindowCheck(
        rules,
        { startsOn: '2020-06-01', endsOn: null },
        { inInstitution: true, institutionLeftOn: null },
      ),
    ).toEqual({ issues: [], warnings: [] });
    const unknown = timeWindowCheck(rules, { startsOn: '2020-06-01', endsOn: null }, null);
    expect(unknown.issues).toEqual([]);
    expect(unknown.warnings.map((w) => w.code)).toEqual(['support.timeWindow.unknown']);
  });
  it('checks nothing for a type without a window', () => {
    expect(timeWindowCheck({}, { startsOn: '2030-01-01', endsOn: null }, left)).toEqual({
      issues: [],
      warnings: [],
    });
  });
});

describe('capacity of a flat', () => {
  const stays = [
    { startsOn: '2020-01-01', endsOn: '2020-03-31' },
    { startsOn: '2020-03-01', endsOn: null },
  ];
  it('accepts a stay while a place is free and refuses the first day with all places taken', () => {
    expect(firstDayOverCapacity(stays, { startsOn: '2020-01-15', endsOn: '2020-02-29' }, 2)).toBeNull();
    expect(firstDayOverCapacity(stays, { startsOn: '2020-01-15', endsOn: '2020-04-30' }, 2)).toEqual({
      date: '2020-03-01',
      occupied: 2,
    });
  });
  it('frees a place the day after a stay ends', () => {
    expect(firstDayOverCapacity(stays, { startsOn: '2020-04-01', endsOn: null }, 2)).toBeNull();
    expect(firstDayOverCapacity(stays, { startsOn: '2020-03-31', endsOn: '2020-03-31' }, 2)).toEqual({
      date: '2020-03-31',
      occupied: 2,
    });
  });
  it('finds the busiest day (for a smaller number of places)', () => {
    expect(peakOccupancy(stays)).toEqual({ date: '2020-03-01', occupied: 2 });
    expect(peakOccupancy([])).toBeNull();
  });
  it('an open-ended stay keeps its place for ever', () => {
    expect(firstDayOverCapacity(stays, { startsOn: '2030-01-01', endsOn: null }, 1)).toEqual({
      date: '2030-01-01',
      occupied: 1,
    });
  });
});

describe('occupancy timeline', () => {
  const stays = [
    { participantId: 'a', startsOn: '2020-01-10', endsOn: '2020-02-05' },
    { participantId: 'b', startsOn: '2020-01-20', endsOn: null },
  ];
  it('by month: the most places taken on a day, person-days and who stayed', () => {
    const months = occupancyTimeline(stays, { from: '2020-01-01', to: '2020-03-15', by: 'miesiac' });
    expect(months.map((m) => [m.from, m.to, m.occupied, m.personDays, m.residents])).toEqual([
      ['2020-01-01', '2020-01-31', 2, 22 + 12, ['a', 'b']],
      ['2020-02-01', '2020-02-29', 2, 5 + 29, ['a', 'b']],
      ['2020-03-01', '2020-03-15', 1, 15, ['b']],
    ]);
  });
  it('by day', () => {
    const days = occupancyTimeline(stays, { from: '2020-01-19', to: '2020-01-21', by: 'dzien' });
    expect(days.map((d) => [d.from, d.occupied, d.residents.length])).toEqual([
      ['2020-01-19', 1, 1],
      ['2020-01-20', 2, 2],
      ['2020-01-21', 2, 2],
    ]);
  });
});

describe('hours', () => {
  it('parses Polish and English decimals exactly and refuses a third decimal', () => {
    expect(parseHours('1,5')).toEqual({ ok: true, hundredths: 150 });
    expect(parseHours(2.25)).toEqual({ ok: true, hundredths: 225 });
    expect(parseHours('3.00')).toEqual({ ok: true, hundredths: 300 });
    expect(parseHours('1,255')).toEqual({ ok: false, error: 'support.hours.precision' });
    expect(parseHours('-1')).toEqual({ ok: false, error: 'support.hours.format' });
    expect(formatHours(150)).toBe('1.5');
  });
  it('sums without floating point (0.1 + 0.2 is 0.3)', () => {
    expect(sumHours(['0.1', '0.2'])).toBe('0.3');
  });
  it('a participant’s hours are the attended session hours plus individual and internship hours', () => {
    expect(
      participantHours({
        attended: ['3.00', '1.50', '0.00'],
        episodes: [
          { kind: 'grupowe', hours: null },
          { kind: 'indywidualne', hours: '2.25' },
          { kind: 'staz', hours: '120' },
          { kind: 'mieszkanie', hours: null },
        ],
      }),
    ).toEqual({ group: '4.5', individual: '2.25', internship: '120', total: '126.75' });
  });
});

describe('episodes and attendance', () => {
  const frame = {
    activity: { startsOn: '2020-01-01', endsOn: '2020-06-30' },
    participant: { joinedOn: '2020-02-01', leftOn: '2020-05-31' },
    sameActivity: [{ startsOn: '2020-02-01', endsOn: '2020-02-29' }],
  };
  it('keeps an episode within the activity, the participation and apart from the participant’s other episode', () => {
    expect(episodeDateIssues({ startsOn: '2020-03-01', endsOn: '2020-05-31' }, frame)).toEqual([]);
    const codes = episodeDateIssues({ startsOn: '2020-01-15', endsOn: null }, frame).map(
      (i) => `${i.field}:${i.code}`,
    );
    expect(codes).toEqual([
      'startsOn:support.episode.beforeJoined',
      'endsOn:support.episode.afterLeft',
      'startsOn:support.episode.overlap',
    ]);
    expect(episodeDateIssues({ startsOn: '2020-03-01', endsOn: '2020-07-31' }, frame)[0]?.code).toBe(
      'support.episode.outsideActivity',
    );
  });
  it('takes hours on individual support and internships, a stipend on internships only', () => {
    expect(episodeFieldIssues('staz', { hours: '160', stipend: 150_000 })).toEqual([]);
    expect(episodeFieldIssues('grupowe', { hours: '3', stipend: 100 }).map((i) => i.code)).toEqual([
      'support.episode.hoursFromAttendance',
      'support.episode.stipendInternshipOnly',
    ]);
  });
  it('fills the hours of a present participant from the session and refuses more than it lasted', () => {
    const enrolled = new Set(['p1', 'p2']);
    const ok = attendanceRowIssues(
      [
        { participantId: 'p1', present: true, hours: null },
        { participantId: 'p2', present: false, hours: null },
      ],
      { hours: '3', date: '2020-03-02' },
      enrolled,
    );
    expect(ok.issues).toEqual([]);
    expect(ok.rows).toEqual([
      { participantId: 'p1', present: true, hours: '3' },
      { participantId: 'p2', present: false, hours: '0' },
    ]);
    const bad = attendanceRowIssues(
      [
        { participantId: 'p1', present: true, hours: '3.5' },
        { participantId: 'p3', present: true, hours: null },
      ],
      { hours: '3', date: '2020-03-02' },
      enrolled,
    );
    expect(bad.issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'rows.0.hours:support.attendance.hoursOverSession',
      'rows.1.participantId:support.attendance.notEnrolled',
    ]);
  });
});

describe('schemas', () => {
  it('a flat needs its places, an internship its employer, and the end is not before the start', () => {
    const r = SupportActivityInput.safeParse({
      kind: 'mieszkanie',
      name: 'Mieszkanie treningowe',
      startsOn: '2020-01-01',
      endsOn: '2019-12-31',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`).sort()).toEqual([
      'capacity:support.capacity.required',
      'endsOn:support.dateOrder',
    ]);
    const staz = SupportActivityInput.safeParse({ kind: 'staz', name: 'Staż', startsOn: '2020-01-01' });
    expect(staz.error?.issues.map((i) => i.path.join('.'))).toEqual(['employer']);
  });
  it('a session takes "1,5" hours as 1.5 and refuses zero, and attendance hours are exact', () => {
    expect(SupportSessionInput.parse({ date: '2020-03-02', hours: '1,5' }).hours).toBe('1.5');
    expect(SupportSessionInput.safeParse({ date: '2020-03-02', hours: '0' }).success).toBe(false);
    expect(
      SessionAttendanceInput.safeParse({
        version: 1,
        rows: [{ participantId: T1, present: true, hours: '1,333' }],
      }).success,
    ).toBe(false);
  });
});
