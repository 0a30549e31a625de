import { describe, expect, it } from 'vitest';
import {
  exitIssues,
  followUpIssues,
  followUpStateOf,
  joinedOnIssues,
  ParticipantEnrolInput,
  ParticipantEntryInput,
  ParticipantExitInput,
  ParticipantFollowUpInput,
  parseDegurbaCsv,
} from './participants.schemas.js';

/** Anna, born 1 May 1990 (PESEL 90050112343, a woman), unemployed for long, living in Andrychów. */
const anna = {
  firstName: 'Anna',
  lastName: 'Nowak',
  pesel: '90050112343',
  joinedOn: '2019-03-01',
  education: 'isced_3',
  teryt: '1218013',
  labourStatus: 'bezrobotna_zarejestrowana',
  labourStatusDetail: 'dlugotrwale_bezrobotna',
  disability: 'tak',
  foreignOrigin: 'nie',
  thirdCountry: 'nie',
  minority: 'odmowa',
  homeless: 'nie',
} as const;

const fieldsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('enrolment', () => {
  it('takes the birth date and sex from a valid PESEL and fills the defaults of the SM EFS data', () => {
    const v = ParticipantEnrolInput.parse(anna);
    expect(v).toMatchObject({
      birthDate: '1990-05-01',
      sex: 'K',
      participantType: 'indywidualny',
      citizenship: 'polskie',
      country: 'Polska',
      otherIdType: null,
      degurba: null,
    });
  });

  it('refuses a PESEL with a wrong check digit, and a birth date or sex that disagrees with it', () => {
    expect(fieldsOf(ParticipantEnrolInput.safeParse({ ...anna, pesel: '90050112344' }))).toEqual({
      pesel: 'pesel.invalid',
    });
    expect(fieldsOf(ParticipantEnrolInput.safeParse({ ...anna, birthDate: '1990-05-02', sex: 'M' }))).toEqual(
      { birthDate: 'pesel.birthDateMismatch', sex: 'pesel.sexMismatch' },
    );
    expect(fieldsOf(ParticipantEnrolInput.safeParse({ ...anna, pesel: null }))).toEqual({
      pesel: 'participant.peselRequired',
    });
  });

  it('without a PESEL needs another identifier, the birth date and the sex', () => {
    const bare = { ...anna, pesel: null, noPesel: true };
    expect(fieldsOf(ParticipantEnrolInput.safeParse(bare))).toEqual({
      otherIdType: 'person.noPeselNeedsId',
      birthDate: 'person.birthDateRequired',
      sex: 'person.sexRequired',
    });
    expect(
      fieldsOf(
        ParticipantEnrolInput.safeParse({
          ...bare,
          otherIdType: 'paszport',
          birthDate: '1980-01-01',
          sex: 'M',
        }),
      ),
    ).toEqual({ otherIdNumber: 'person.otherIdNumberRequired' });
    const ok = ParticipantEnrolInput.parse({
      ...bare,
      otherIdType: 'karta_pobytu',
      otherIdNumber: 'RP1234567',
      birthDate: '1980-01-01',
      sex: 'M',
    });
    expect([ok.pesel, ok.birthDate, ok.sex, ok.otherIdNumber]).toEqual([
      null,
      '1980-01-01',
      'M',
      'RP1234567',
    ]);
    expect(fieldsOf(ParticipantEnrolInput.safeParse({ ...anna, noPesel: true }))).toMatchObject({
      pesel: 'participant.peselWithNoPesel',
    });
  });

  it('refuses joining before being born (the age at entry would be negative)', () => {
    expect(fieldsOf(ParticipantEnrolInput.safeParse({ ...anna, joinedOn: '1990-04-30' }))).toEqual({
      joinedOn: 'participant.joinedBeforeBirth',
    });
  });

  it('keeps the labour-market detail to those of the status, and requires one', () => {
    expect(fieldsOf(ParticipantEnrolInput.safeParse({ ...anna, labourStatusDetail: 'uczaca_sie' }))).toEqual({
      labourStatusDetail: 'participant.labourDetailMismatch',
    });
    expect(fieldsOf(ParticipantEnrolInput.safeParse({ ...anna, labourStatusDetail: null }))).toEqual({
      labourStatusDetail: 'participant.labourDetailRequired',
    });
    expect(
      ParticipantEnrolInput.safeParse({
        ...anna,
        labourStatus: 'bierna_zawodowo',
        labourStatusDetail: 'uczaca_sie',
      }).success,
    ).toBe(true);
  });

  it('requires a gmina for a home in Poland, an institution for an employee, and no third country for a Pole', () => {
    expect(
      fieldsOf(
        ParticipantEnrolInput.safeParse({
          ...anna,
          teryt: null,
          participantType: 'pracownik_instytucji',
          thirdCountry: 'tak',
        }),
      ),
    ).toEqual({
      teryt: 'participant.terytRequired',
      institutionName: 'participant.institutionNameRequired',
      thirdCountry: 'participant.thirdCountryPolish',
    });
    const abroad = ParticipantEnrolInput.safeParse({
      ...anna,
      teryt: null,
      country: 'Ukraina',
      citizenship: 'ukraińskie',
      thirdCountry: 'tak',
    });
    expect(abroad.success).toBe(true);
  });

  it('refuses values outside the dictionaries and a DEGURBA level other than 1–3', () => {
    expect(
      Object.keys(
        fieldsOf(
          ParticipantEnrolInput.safeParse({ ...anna, disability: 'moze', education: 'isced_9', degurba: 4 }),
        ),
      ).sort(),
    ).toEqual(['degurba', 'disability', 'education']);
  });
});

describe('edit of the data at entry', () => {
  it('has no birth date nor age, and keeps the same rules', () => {
    const { firstName: _f, lastName: _l, pesel: _p, ...entry } = anna;
    const v = ParticipantEntryInput.parse({ ...entry, birthDate: '2000-01-01', ageAtEntry: 3 });
    expect(v).not.toHaveProperty('birthDate');
    expect(v).not.toHaveProperty('ageAtEntry');
    expect(
      fieldsOf(ParticipantEntryInput.safeParse({ ...entry, labourStatusDetail: 'samozatrudniona' })),
    ).toEqual({
      labourStatusDetail: 'participant.labourDetailMismatch',
    });
  });
});

describe('exit and follow-up', () => {
  const exit = {
    status: 'zakonczony',
    leftOn: '2019-12-20',
    exitSituation: ['podjela_prace'],
    completedPath: true,
    exitResults: ['pracuje', 'postep_spoleczny'],
    version: 1,
  } as const;

  it('needs a situation on leaving, and a participant who dropped out did not complete the path', () => {
    expect(ParticipantExitInput.safeParse(exit).success).toBe(true);
    expect(
      fieldsOf(ParticipantExitInput.safeParse({ ...exit, status: 'przerwany', exitSituation: [] })),
    ).toEqual({
      exitSituation: 'participant.exitSituationRequired',
      completedPath: 'participant.droppedOutCompleted',
    });
  });

  it('leaves no earlier than joining and not in the future', () => {
    expect(exitIssues({ joinedOn: '2019-03-01' }, { leftOn: '2019-02-28' }, '2026-01-01')).toEqual([
      { field: 'leftOn', code: 'participant.leftBeforeJoined', params: { date: '01.03.2019' } },
    ]);
    expect(exitIssues({ joinedOn: '2019-03-01' }, { leftOn: '2019-03-01' }, '2026-01-01')).toEqual([]);
    expect(exitIssues({ joinedOn: '2019-03-01' }, { leftOn: '2026-01-02' }, '2026-01-01')).toEqual([
      { field: 'leftOn', code: 'participant.dateInFuture' },
    ]);
  });

  it('records a follow-up only after leaving, with "not reached" and "no change" standing alone', () => {
    expect(followUpIssues({ leftOn: null }, { followUpOn: '2020-06-20' }, '2026-01-01')).toEqual([
      { field: 'followUpOn', code: 'participant.followUpNotLeft' },
    ]);
    expect(
      followUpIssues({ leftOn: '2019-12-20' }, { followUpOn: '2019-12-19' }, '2026-01-01')[0]?.code,
    ).toBe('participant.followUpBeforeLeft');
    const f = { followUpOn: '2020-06-20', version: 1 };
    expect(
      fieldsOf(ParticipantFollowUpInput.safeParse({ ...f, followUpResult: ['brak_kontaktu', 'pracuje'] })),
    ).toEqual({
      followUpResult: 'participant.followUpNoContactAlone',
    });
    expect(
      fieldsOf(ParticipantFollowUpInput.safeParse({ ...f, followUpResult: ['bez_zmian', 'pracuje'] })),
    ).toEqual({
      followUpResult: 'participant.followUpNoChangeAlone',
    });
    expect(
      ParticipantFollowUpInput.safeParse({ ...f, followUpResult: ['pracuje', 'lepsza_sytuacja'] }).success,
    ).toBe(true);
  });

  it('tells an overdue follow-up from one coming up within two weeks, and a recorded one from both', () => {
    const due = (followUpDueOn: string, followUpOn: string | null = null) =>
      followUpStateOf({ followUpDueOn, followUpOn }, '2020-06-20');
    expect(due('2020-06-20')).toBe('zalegly');
    expect(due('2020-07-04')).toBe('wkrotce');
    expect(due('2020-07-05')).toBeNull();
    expect(due('2020-06-01', '2020-06-10')).toBeNull();
    expect(followUpStateOf({ followUpDueOn: null, followUpOn: null }, '2020-06-20')).toBeNull();
  });
});

describe('day of joining', () => {
  it('lies within the project period, not in the future, and not after leaving', () => {
    const period = { startsOn: '2019-01-01', endsOn: '2021-12-31' };
    expect(joinedOnIssues('2019-01-01', period, '2026-01-01')).toEqual([]);
    expect(joinedOnIssues('2018-12-31', period, '2026-01-01')).toEqual([
      { field: 'joinedOn', code: 'project.outsidePeriod', params: { from: '01.01.2019', to: '31.12.2021' } },
    ]);
    expect(joinedOnIssues('2019-05-01', period, '2019-04-30').map((i) => i.code)).toEqual([
      'participant.dateInFuture',
    ]);
    expect(joinedOnIssues('2019-05-01', period, '2026-01-01', '2019-04-30').map((i) => i.code)).toEqual([
      'participant.joinedAfterLeft',
    ]);
  });
});

describe('DEGURBA file', () => {
  it('reads teryt;degurba lines with a header, a BOM, CRLF and other separators', () => {
    const r = parseDegurbaCsv('\uFEFFTERYT;DEGURBA\r\n1218013;2\r\n\r\n1261011,1\n"1201022"\t3\n');
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, teryt: '1218013', degurba: 2 },
      { line: 4, teryt: '1261011', degurba: 1 },
      { line: 5, teryt: '1201022', degurba: 3 },
    ]);
  });

  it('reports every wrong line with its number: columns, code, level, a gmina twice', () => {
    const r = parseDegurbaCsv('1218013;2\n121801;2\n1218013;3\n1261011;4\n1261011\n');
    expect(r.issues).toEqual([
      { line: 2, code: 'degurba.teryt', params: { value: '121801' } },
      { line: 3, code: 'degurba.duplicate', params: { teryt: '1218013', first: 1 } },
      { line: 4, code: 'degurba.level', params: { value: '4' } },
      { line: 5, code: 'degurba.columns', params: { count: 1 } },
    ]);
    expect(parseDegurbaCsv('teryt;degurba\n').issues).toEqual([{ line: 0, code: 'degurba.empty' }]);
  });
});
