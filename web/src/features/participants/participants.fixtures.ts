import type { Participant, ParticipantSummary } from '@kooperacja/domain';

export const PROJECT_ID = '0190d000-0000-7000-8000-000000000001';
export const PARTICIPANT_ID = '0190d000-0000-7000-8000-0000000000e1';
export const APPLICATION_ID = '0190d000-0000-7000-8000-0000000000f1';
export const COHORT_ID = '0190d000-0000-7000-8000-0000000000c1';

/** Anna Nowak of the Andrychów project as the API answers her card: left on 20.12.2019, follow-up overdue. */
export function makeParticipant(overrides: Partial<Participant> = {}): Participant {
  return {
    id: PARTICIPANT_ID,
    projectId: PROJECT_ID,
    technicalId: 'WSS-2019/0001',
    person: {
      id: '0190d000-0000-7000-8000-0000000000d1',
      firstName: 'Anna',
      lastName: 'Nowak',
      pesel: '90050112343',
      otherIdType: null,
      otherIdNumber: null,
      birthDate: '1990-05-01',
      street: 'ul. Krakowska 1',
    },
    applicationId: APPLICATION_ID,
    applicationNumber: 'WSS-2019/0001',
    cohortId: COHORT_ID,
    cohortName: 'Osoby z niepełnosprawnościami',
    participantType: 'indywidualny',
    institutionName: null,
    joinedOn: '2019-03-01',
    ageAtEntry: 28,
    sex: 'K',
    education: 'isced_3',
    citizenship: 'polskie',
    country: 'Polska',
    teryt: '1218013',
    gminaName: 'Andrychów',
    powiatName: 'wadowicki',
    wojewodztwoName: 'MAŁOPOLSKIE',
    city: 'Andrychów',
    postalCode: '34-120',
    degurba: 2,
    phone: null,
    email: null,
    labourStatus: 'bezrobotna_zarejestrowana',
    labourStatusDetail: 'dlugotrwale_bezrobotna',
    disability: 'tak',
    foreignOrigin: 'nie',
    thirdCountry: 'nie',
    minority: 'odmowa',
    homeless: 'nie',
    status: 'zakonczony',
    leftOn: '2019-12-20',
    exitSituation: ['podjela_prace'],
    completedPath: true,
    exitResults: ['pracuje', 'postep_spoleczny'],
    followUpDueOn: '2020-06-20',
    followUpOn: null,
    followUpResult: [],
    followUp: 'zalegly',
    version: 3,
    createdAt: '2019-03-01T10:00:00.000Z',
    abilities: { manage: true },
    ...overrides,
  };
}

export function summaryOf(p: Participant): ParticipantSummary {
  return {
    id: p.id,
    technicalId: p.technicalId,
    firstName: p.person.firstName,
    lastName: p.person.lastName,
    sex: p.sex,
    ageAtEntry: p.ageAtEntry,
    joinedOn: p.joinedOn,
    leftOn: p.leftOn,
    status: p.status,
    cohortId: p.cohortId,
    cohortName: p.cohortName,
    followUpDueOn: p.followUpDueOn,
    followUpOn: p.followUpOn,
    followUp: p.followUp,
  };
}

export const counts = {
  total: 2,
  byStatus: { aktywny: 1, zakonczony: 1, przerwany: 0 },
  bySex: { K: 2, M: 0 },
};
export const cohorts = [{ id: COHORT_ID, name: 'Osoby z niepełnosprawnościami (2019)' }];

/** The application as the recruitment capability may answer it (read defensively by the form). */
export const application = {
  id: APPLICATION_ID,
  number: 'WSS-2019/0001',
  status: 'zakwalifikowane',
  firstName: 'Anna',
  lastName: 'Nowak',
  pesel: '90050112343',
  noPesel: false,
  otherId: null,
  birthDate: '1990-05-01',
  sex: 'K',
  citizenship: 'polskie',
  teryt: '1218013',
  street: 'ul. Krakowska 1',
  postalCode: '34-120',
  city: 'Andrychów',
  phone: '600100200',
  email: null,
  education: 'isced_3',
  labourStatus: 'bezrobotna_zarejestrowana',
  disability: 'tak',
  cohortId: COHORT_ID,
};
