import type { TFunction } from 'i18next';

/** The server's minimum (domain `PASSWORD_MIN_LENGTH`); kept here so the web bundle needs no zod. */
export const PASSWORD_MIN_LENGTH = 12;

/** The password policy, shown as the description of a new-password field. */
export function passwordPolicyText(t: TFunction): string {
  return t('auth.passwordPolicy', { min: PASSWORD_MIN_LENGTH });
}

/** Client-side checks of a new password and its repetition; the server also refuses common passwords. */
export function newPasswordErrors(
  password: string,
  confirm: string,
  t: TFunction,
): { password?: string; confirm?: string } {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { password: t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) };
  if (password !== confirm) return { confirm: t('auth.passwordMismatch') };
  return {};
}
