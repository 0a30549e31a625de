import { eligibilityReasonCodes } from '@kooperacja/domain';
import { describe, expect, it } from 'vitest';
import { en, pl } from '../../i18n/catalog';

type Tree = { [key: string]: string | Tree };
const at = (tree: Tree, path: string) =>
  path
    .split('.')
    .reduce<string | Tree | undefined>((n, k) => (typeof n === 'object' ? n[k] : undefined), tree);

describe('eligibility reasons in the UI', () => {
  it.each([...eligibilityReasonCodes])('%s is written out in Polish and English', (code) => {
    expect(typeof at(pl as Tree, `recruitment.reason.${code}`)).toBe('string');
    expect(typeof at(en as Tree, `recruitment.reason.${code}`)).toBe('string');
  });
});
