import { describe, expect, it } from 'vitest';
import { loginPath, safeNext } from './session';

describe('safeNext', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeNext('/terytoria?q=zabno')).toBe('/terytoria?q=zabno');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/logowanie',
    '/logowanie?next=/x',
    '/haslo/ustaw?token=abc',
  ])('turns %s into the dashboard', (value) => {
    expect(safeNext(value)).toBe('/');
  });
});

describe('loginPath', () => {
  it('carries the way back, except to the dashboard', () => {
    expect(loginPath('/konto')).toBe('/logowanie?next=%2Fkonto');
    expect(loginPath('/')).toBe('/logowanie');
    expect(loginPath()).toBe('/logowanie');
  });
});
