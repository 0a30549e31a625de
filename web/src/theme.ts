import {
  Anchor,
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

/**
 * Light badges and buttons (pale background, coloured text) use Mantine's shade 9 for the text, which
 * is below 4.5:1 on the pale background for green, teal, orange, yellow and others: the text is
 * darkened until it passes AA, whatever colour a feature picks.
 */
export const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const base = input.theme.colors[parsed.color]?.[9];
  return base ? { ...colors, color: darken(base, 0.4) } : colors;
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
