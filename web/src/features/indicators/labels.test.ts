import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../lib/contrast';
import { bandColours, formatDecimal, formatValue } from './labels';

describe('indicator labels', () => {
  it.each(Object.entries(bandColours))('band %s meets WCAG AA with white text', (_band, colour) => {
    expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('writes exact decimals the Polish way, percent with its sign', () => {
    expect(formatDecimal('1234.5')).toBe('1\u00a0234,5');
    expect(formatDecimal('654')).toBe('654');
    expect(formatValue('37.931', 'procent')).toBe('37,931\u00a0%');
    expect(formatValue('688', 'osoby')).toBe('688');
    expect(formatValue(null, 'osoby')).toBe('');
  });
});
