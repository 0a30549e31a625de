/**
 * Fixed colours of status badges (filled, white text) and of the neutral outline badge (coloured
 * text on white). Mantine's default greens and reds fail WCAG AA with white; these pass, as
 * badgeColors.test.ts checks.
 */
export const badgeColors = {
  success: '#1b6e3c',
  danger: '#b3261e',
  warning: '#8a4b00',
  neutral: '#495057',
} as const;

export type BadgeTone = keyof typeof badgeColors;
