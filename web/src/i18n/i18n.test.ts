import { describe, expect, it } from 'vitest';
import { en, pl } from './catalog';
import enBase from './en.json';
import plBase from './pl.json';

const capabilityFiles = import.meta.glob<Record<string, unknown>>('./*.{pl,en}.json', {
  eager: true,
  import: 'default',
});

type Tree = { [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens to dotted keys; plural forms collapse to their base key (languages have different forms). */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(path.replace(PLURAL_SUFFIX, ''));
    else for (const child of keys(v, path)) out.add(child);
  }
  return out;
}

function values(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [[path, v] as [string, string]] : values(v, path);
  });
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  const plKeys = keys(pl as Tree);
  const enKeys = keys(en as Tree);

  it('every Polish key exists in English', () => {
    expect([...plKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('every English key exists in Polish', () => {
    expect([...enKeys].filter((k) => !plKeys.has(k))).toEqual([]);
  });

  it.each([
    ['pl', pl],
    ['en', en],
  ])('%s has no empty values', (_lng, tree) => {
    expect(values(tree as Tree).filter(([, v]) => v.trim() === '')).toEqual([]);
  });

  it('Polish plurals define one, few and many forms', () => {
    const plural = values(pl as Tree)
      .map(([k]) => k)
      .filter((k) => PLURAL_SUFFIX.test(k));
    const bases = new Set(plural.map((k) => k.replace(PLURAL_SUFFIX, '')));
    for (const base of bases) {
      for (const form of ['one', 'few', 'many']) expect(plural).toContain(`${base}_${form}`);
    }
  });

  it('both languages use the same interpolation placeholders', () => {
    // A plural form is compared with the same form in English when it has one (the "one" form may
    // leave out what a single item does not need), otherwise with English "other".
    const enExact = new Map(values(en as Tree));
    const enOther = new Map(
      values(en as Tree)
        .filter(([k]) => !PLURAL_SUFFIX.test(k) || k.endsWith('_other'))
        .map(([k, v]) => [k.replace(PLURAL_SUFFIX, ''), v]),
    );
    for (const [key, value] of values(pl as Tree)) {
      const other = enExact.get(key) ?? enOther.get(key.replace(PLURAL_SUFFIX, ''));
      if (other !== undefined) expect([key, placeholders(other)]).toEqual([key, placeholders(value)]);
    }
  });

  it('each capability file has top-level keys of its own, so merging loses nothing', () => {
    const seen = new Map<string, string>();
    for (const [file, tree] of Object.entries(capabilityFiles)) {
      const lang = file.endsWith('.pl.json') ? 'pl' : 'en';
      const base = lang === 'pl' ? plBase : enBase;
      for (const key of Object.keys(tree)) {
        expect([file, key, key in base]).toEqual([file, key, false]);
        const other = seen.get(`${lang}:${key}`);
        expect([file, key, other]).toEqual([file, key, undefined]);
        seen.set(`${lang}:${key}`, file);
      }
    }
    expect(Object.keys(capabilityFiles).length).toBeGreaterThanOrEqual(8);
  });
});
