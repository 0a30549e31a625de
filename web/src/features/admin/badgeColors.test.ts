import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../lib/contrast';
import { badgeColors } from './badgeColors';

describe('badge colours', () => {
  it.each(Object.entries(badgeColors))('%s meets WCAG AA against white', (_tone, colour) => {
    expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
