import {
  Anchor,
  Badge,
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
  Modal,
  mergeThemeOverrides,
  Notification,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Primary palette "kooperacja": a dark institutional blue. Shade 7 (#1c5a9e) is the filled shade,
 * 7.0:1 against white text; shade 8 is its hover. Checked in theme.test.ts (WCAG 2.1 AA ≥ 4.5:1).
 */
export const kooperacjaBlue: MantineColorsTuple = [
  '#e9f1fa',
  '#d3e2f3',
  '#a6c4e8',
  '#76a4dc',
  '#4f89d1',
  '#3677ca',
  '#2868b8',
  '#1c5a9e',
  '#154a84',
  '#0e3a69',
];

export const PRIMARY_SHADE = 7;

/** Text colours overriding Mantine's light-scheme defaults that fail AA on white. */
export const textColors = {
  /** Mantine's gray-6 (#868e96) is only 3.32:1. */
  dimmed: '#555e6b',
  anchor: kooperacjaBlue[PRIMARY_SHADE],
  /** Mantine's red-6 (#fa5252) is 3.3:1. */
  error: '#c62828',
  /** Mantine's teal-8 is 3.9:1. */
  success: '#1b6e3c',
  /** Mantine's gray-5 (#adb5bd) is 2.1:1. */
  placeholder: '#636b77',
  disabledColor: '#6b7280',
} as const;

/** Contrast ratio of a #rrggbb colour against white (WCAG relative luminance). */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

/** The colour, darkened in small steps until white text on it (or it as text on white) reaches `ratio`. */
export function darkEnough(hex: string, ratio = 4.6): string {
  let c = hex;
  for (let i = 0; i < 20 && contrastWithWhite(c) < ratio; i++) {
    c = `#${[0, 1, 2]
      .map((k) =>
        Math.round(Number.parseInt(c.slice(1 + 2 * k, 3 + 2 * k), 16) * 0.92)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  }
  return c;
}

/**
 * Whatever colour a feature picks, badges and buttons stay at WCAG AA: filled ones (white text) get
 * their background darkened until white reads at 4.5:1 (Mantine's red, orange, green… are below it),
 * light ones (pale background, coloured text) get their text darkened.
 */
export const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const palette = input.theme.colors[parsed.color];
  if (!palette) return colors;
  if (input.variant === 'light') return { ...colors, color: darken(palette[9], 0.4) };
  if (input.variant === 'filled') {
    const shade = parsed.shade ?? PRIMARY_SHADE;
    const background = darkEnough(palette[shade] ?? palette[PRIMARY_SHADE]);
    return { ...colors, background, hover: darken(background, 0.1), color: '#fff' };
  }
  return colors;
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'kooperacja',
  primaryShade: { light: PRIMARY_SHADE, dark: 5 },
  colors: { kooperacja: kooperacjaBlue },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: 'sm',
  // Keyboard users must always see where focus is; mouse clicks do not show the ring.
  focusRing: 'auto',
  cursorType: 'pointer',
  headings: { fontWeight: '650' },
  other: { textColors },
  components: {
    // Links inside text must be recognisable without colour (WCAG 1.4.1): always underlined.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A table wider than the screen scrolls sideways: keyboard users must reach the scroll too
    // (WCAG 2.1.1; axe scrollable-region-focusable), so the native scroll box takes focus.
    TableScrollContainer: { defaultProps: { type: 'native', tabIndex: 0 } },
    // A badge says a status in words ("Wysłane", "W realizacji"): it never shrinks to "Wysł…" in a
    // narrow table column; the column (which scrolls) makes room for it instead.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
});

/**
 * The theme with the texts Mantine has none of: the close buttons of dialogs and notifications and
 * the clear buttons of inputs show only an icon, so they get a name (read by screen readers) in the
 * UI language. Without it axe reports them as buttons without a name.
 */
export function localisedTheme(texts: { close: string; clear: string }): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': texts.close };
  return mergeThemeOverrides(theme, {
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      InputClearButton: { defaultProps: { 'aria-label': texts.clear } },
    },
  });
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': textColors.dimmed,
    '--mantine-color-anchor': textColors.anchor,
    '--mantine-color-error': textColors.error,
    '--mantine-color-success': textColors.success,
    '--mantine-color-placeholder': textColors.placeholder,
    '--mantine-color-disabled-color': textColors.disabledColor,
  },
  dark: {},
});
