import * as domain from '@kooperacja/domain';
import { describe, expect, it } from 'vitest';
import { decodePesel, peselState } from './pesel';

const samples = [
  '44051401359', // 1944-05-14, M
  '02270803624', // 2002-07-08, K
  '85031212343', // 1985-03-12, K
  '85031212350', // 1985-03-12, M
  '44051401358', // wrong check digit
  '00000000000',
  '0227080362',
  '4405140135a',
  '90023012340', // 30 February
  '80811512358', // 1880s
];

describe('decodePesel (web copy)', () => {
  it('agrees with the domain on valid and invalid numbers', () => {
    for (const s of samples) expect([s, decodePesel(s)]).toEqual([s, domain.decodePesel(s)]);
  });
  it('reads the birth date and sex', () => {
    expect(decodePesel('44051401359')).toEqual({ birthDate: '1944-05-14', sex: 'M' });
    expect(decodePesel('02270803624')).toEqual({ birthDate: '2002-07-08', sex: 'K' });
  });
});

describe('peselState', () => {
  it('tells typing from a wrong number', () => {
    expect(peselState('')).toEqual({ kind: 'empty' });
    expect(peselState('4405')).toEqual({ kind: 'partial', digits: 4 });
    expect(peselState('44O5')).toEqual({ kind: 'invalid' });
    expect(peselState('44051401358')).toEqual({ kind: 'invalid' });
    expect(peselState('44051401359')).toMatchObject({ kind: 'valid' });
  });
});
