import type { LoginResult, Me, TotpSetup } from '@kooperacja/domain';
import { apiFetch } from '../../lib/api';

export const login = (email: string, password: string) =>
  apiFetch<LoginResult>('/auth/login', { method: 'POST', json: { email, password } });

export const loginSecondFactor = (input: { code: string } | { recoveryCode: string }) =>
  apiFetch<LoginResult>('/auth/login/second-factor', { method: 'POST', json: input });

export const logout = () => apiFetch<void>('/auth/logout', { method: 'POST' });

export const logoutEverywhere = () => apiFetch<void>('/auth/logout-everywhere', { method: 'POST' });

export const switchInstitution = (institutionId: string) =>
  apiFetch<Me>('/auth/institution', { method: 'POST', json: { institutionId } });

export const changePassword = (currentPassword: string, newPassword: string) =>
  apiFetch<void>('/auth/password/change', { method: 'POST', json: { currentPassword, newPassword } });

export const forgotPassword = (email: string) =>
  apiFetch<void>('/auth/password/forgot', { method: 'POST', json: { email } });

export const resetPassword = (token: string, password: string) =>
  apiFetch<void>('/auth/password/reset', { method: 'POST', json: { token, password } });

export const startTotpSetup = () => apiFetch<TotpSetup>('/auth/2fa/setup', { method: 'POST' });

export const enableTotp = (code: string) =>
  apiFetch<{ recoveryCodes: string[] }>('/auth/2fa/enable', { method: 'POST', json: { code } });

export const disableTotp = (password: string) =>
  apiFetch<void>('/auth/2fa/disable', { method: 'POST', json: { password } });
