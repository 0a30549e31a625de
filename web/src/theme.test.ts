import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance } from './lib/contrast';
import { kooperacjaBlue, PRIMARY_SHADE, textColors, theme } from './theme';

const WHITE = '#ffffff';
const AA = 4.5;

describe('contrast helper', () => {
  it('matches known WCAG values', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // Mantine's default blue-6 button with white text fails AA (about 3.55:1).
    expect(contrastRatio('#228be6', WHITE)).toBeLessThan(AA);
    // Mantine's default dimmed gray-6 fails too (about 3.32:1).
    expect(contrastRatio('#868e96', WHITE)).toBeLessThan(AA);
  });
});

describe('theme meets WCAG 2.1 AA (4.5:1) against white', () => {
  const primaryShade = typeof theme.primaryShade === 'object' ? theme.primaryShade.light : theme.primaryShade;

  it('uses the checked primary shade', () => {
    expect(theme.primaryColor).toBe('kooperacja');
    expect(primaryShade).toBe(PRIMARY_SHADE);
  });

  it('primary filled button (and its hover) with white text', () => {
    expect(contrastRatio(kooperacjaBlue[PRIMARY_SHADE], WHITE)).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(kooperacjaBlue[PRIMARY_SHADE + 1] ?? '', WHITE)).toBeGreaterThanOrEqual(AA);
  });

  it('light variant text (shade 9) on light background (shade 1)', () => {
    expect(contrastRatio(kooperacjaBlue[9], kooperacjaBlue[1])).toBeGreaterThanOrEqual(AA);
  });

  it.each(Object.entries(textColors))('%s text', (_name, colour) => {
    expect(contrastRatio(colour, WHITE)).toBeGreaterThanOrEqual(AA);
  });

  it('dimmed and anchor explicitly', () => {
    expect(contrastRatio(textColors.dimmed, WHITE)).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(textColors.anchor, WHITE)).toBeGreaterThanOrEqual(AA);
  });
});
