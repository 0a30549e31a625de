import type { Household, Person, PersonSummary } from '@kooperacja/domain';
import * as domain from '@kooperacja/domain';
import type { CaseDictionaries } from '../cases/shared/casesDictionaries';

/** Test data only (imports values from the domain, so never import it from app code). */

type Dict = Record<string, { pl: string; en: string }>;
const list = (dict: Dict) => Object.entries(dict).map(([key, v]) => ({ key, label: { pl: v.pl, en: v.en } }));

/** What `GET /api/dictionaries/cases` answers. */
export const caseDictionaries: CaseDictionaries = {
  reasons: list(domain.assistanceReasons),
  sources: list(domain.caseSources),
  statuses: list(domain.caseStatuses),
  closureReasons: list(domain.closureReasons),
  planTypes: list(domain.planTypes),
  contractVariants: list(domain.contractVariants),
  planStatuses: list(domain.planStatuses),
  actionStatuses: list(domain.actionStatuses),
  actionParties: list(domain.actionParties),
  householdRelations: list(domain.householdRelations),
  timelineKinds: Object.entries(domain.timelineKinds).map(([key, v]) => ({
    key,
    label: { pl: v.pl, en: v.en },
    system: v.system,
  })),
  disabilityLevels: list(domain.disabilityLevels),
  otherIdTypes: list(domain.otherIdTypes),
  diagnosisAreas: list(domain.diagnosisAreas),
  interviewSections: list(domain.interviewSections),
};

export const PERSON_ID = '0190b000-0000-7000-8000-000000000001';
export const OTHER_PERSON_ID = '0190b000-0000-7000-8000-000000000002';
export const HOUSEHOLD_ID = '0190b000-0000-7000-8000-0000000000f1';

export function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    id: PERSON_ID,
    institutionId: '0190a000-0000-7000-8000-000000000001',
    firstName: 'Jan',
    lastName: 'Kowalski',
    pesel: '44051401359',
    otherIdType: null,
    otherIdNumber: null,
    birthDate: '1944-05-14',
    sex: 'M',
    citizenship: 'polskie',
    teryt: '1201011',
    unitName: 'Bochnia',
    street: 'ul. Kazimierza Wielkiego 1',
    postalCode: '32-700',
    city: 'Bochnia',
    phone: '600 100 200',
    email: null,
    notes: null,
    version: 3,
    createdAt: '2025-02-01T09:00:00.000Z',
    sensitive: undefined,
    households: [],
    cases: [],
    abilities: { update: true, readSensitive: false, merge: false, openCase: true },
    ...overrides,
  };
}

export function makeSummary(overrides: Partial<PersonSummary> = {}): PersonSummary {
  return {
    id: PERSON_ID,
    firstName: 'Jan',
    lastName: 'Kowalski',
    pesel: '44051401359',
    birthDate: '1944-05-14',
    sex: 'M',
    teryt: '1201011',
    unitName: 'Bochnia',
    city: 'Bochnia',
    openCases: 1,
    ...overrides,
  };
}

export function makeHousehold(overrides: Partial<Household> = {}): Household {
  return {
    id: HOUSEHOLD_ID,
    name: 'Rodzina Kowalskich',
    teryt: '1201011',
    unitName: 'Bochnia',
    street: 'ul. Kazimierza Wielkiego 1',
    postalCode: '32-700',
    city: 'Bochnia',
    version: 1,
    members: [
      {
        id: '0190b000-0000-7000-8000-0000000000e1',
        person: makeSummary(),
        relation: 'glowa',
        fromDate: '2020-01-01',
        toDate: null,
      },
    ],
    cases: [],
    abilities: { update: true },
    ...overrides,
  };
}

/** `GET /api/territory/units/1201011`, so the gmina picker can show its value. */
export const bochniaUnit = {
  unit: {
    teryt: '1201011',
    level: 'gmina',
    kind: 'gmina_miejska',
    name: 'Bochnia',
    nameFull: 'gmina miejska Bochnia',
    powiatTeryt: '1201',
    wojTeryt: '12',
    cityWithPowiatRights: false,
    hasGeometry: true,
    population: null,
  },
  parents: [],
  children: [],
};
