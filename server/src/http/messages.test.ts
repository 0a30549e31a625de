import { describe, expect, it } from 'vitest';
import { messages, pickLanguage, plural } from './messages.js';

describe('language of the response', () => {
  it.each([
    [undefined, 'pl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,en;q=0.8,pl;q=0.9', 'pl'],
    ['de', 'pl'],
    ['pl-PL', 'pl'],
  ])('Accept-Language %s → %s', (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });
});

describe('Polish plurals', () => {
  it.each([
    [1, 'znak'],
    [2, 'znaki'],
    [4, 'znaki'],
    [5, 'znaków'],
    [12, 'znaków'],
    [22, 'znaki'],
    [25, 'znaków'],
  ])('%i %s', (n, word) => {
    expect(plural(n, 'znak', 'znaki', 'znaków')).toBe(word);
  });
});

describe('message catalogue', () => {
  it('has every message in both languages', () => {
    for (const [key, m] of Object.entries(messages)) {
      expect(m.pl, key).toBeTruthy();
      expect(m.en, key).toBeTruthy();
    }
  });
});
