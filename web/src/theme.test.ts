import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { darkEnough } from './theme';

/** Contrast of two #rrggbb colours (WCAG 2.1). */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const ch = (i: number) => {
      const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(0) + 0.7152 * ch(1) + 0.0722 * ch(2);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('badge and button colours', () => {
  it('every Mantine colour, darkened for a filled badge, carries white text at AA (4.5:1)', () => {
    for (const [name, palette] of Object.entries(DEFAULT_THEME.colors)) {
      for (const shade of [6, 7]) {
        const bg = darkEnough(palette[shade] as string);
        expect([name, shade, contrast(bg, '#ffffff') >= 4.5]).toEqual([name, shade, true]);
      }
    }
  });

  it('leaves a colour that already passes as it is', () => {
    expect(darkEnough('#1c5a9e')).toBe('#1c5a9e');
  });
});
