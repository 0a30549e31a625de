import { describe, expect, it } from 'vitest';
import { decodePesel, isValidNip, isValidPesel, isValidRegon } from './identifiers.js';

describe('PESEL', () => {
  it('decodes birth date and sex from valid numbers across centuries', () => {
    expect(decodePesel('44051401359')).toEqual({ birthDate: '1944-05-14', sex: 'M' });
    expect(decodePesel('02270803624')).toEqual({ birthDate: '2002-07-08', sex: 'K' });
  });
  it('rejects a wrong check digit, an impossible date and wrong lengths', () => {
    expect(isValidPesel('44051401358')).toBe(false);
    expect(isValidPesel('44023001354')).toBe(false); // 30 February
    expect(isValidPesel('4405140135')).toBe(false);
    expect(isValidPesel('4405140135a')).toBe(false);
  });
});

describe('NIP', () => {
  it('accepts valid numbers with or without separators', () => {
    expect(isValidNip('5261040828')).toBe(true);
    expect(isValidNip('526-104-08-28')).toBe(true);
  });
  it('rejects a wrong check digit or length', () => {
    expect(isValidNip('5261040827')).toBe(false);
    expect(isValidNip('526104082')).toBe(false);
  });
});

describe('REGON', () => {
  it('accepts valid 9- and 14-digit numbers', () => {
    expect(isValidRegon('123456785')).toBe(true);
    expect(isValidRegon('12345678512347')).toBe(true);
  });
  it('rejects wrong check digits', () => {
    expect(isValidRegon('123456786')).toBe(false);
    expect(isValidRegon('12345678512348')).toBe(false);
  });
});
