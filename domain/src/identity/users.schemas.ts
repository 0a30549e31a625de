import { z } from 'zod';
import { type Role, roles } from './roles.js';

export const roleKeys = Object.keys(roles) as [Role, ...Role[]];
export const RoleKey = z.enum(roleKeys);

export const userStatuses = ['active', 'blocked'] as const;
export const UserStatus = z.enum(userStatuses);
export type UserStatus = z.infer<typeof UserStatus>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'email.invalid' }).max(254));

export const PASSWORD_MIN_LENGTH = 12;
/** Length only; the server also refuses common passwords (a bundled list). */
export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(200);

export const Membership = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  institutionType: z.string(),
  roles: z.array(RoleKey),
  active: z.boolean(),
});
export type Membership = z.infer<typeof Membership>;

export const UserAbilities = z.object({
  update: z.boolean(),
  block: z.boolean(),
  manageMemberships: z.boolean(),
  sendPasswordReset: z.boolean(),
  resetTwoFactor: z.boolean(),
});
export type UserAbilities = z.infer<typeof UserAbilities>;

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: UserStatus,
  twoFactorEnabled: z.boolean(),
  hasPassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  memberships: z.array(Membership),
  version: z.number().int(),
  abilities: UserAbilities,
});
export type User = z.infer<typeof User>;

export const UserSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  institutionId: z.uuid().optional(),
  role: RoleKey.optional(),
  status: UserStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserSearchQuery = z.infer<typeof UserSearchQuery>;

export const UserList = z.object({
  total: z.number().int(),
  items: z.array(User),
  abilities: z.object({ create: z.boolean() }),
});
export type UserList = z.infer<typeof UserList>;

export const MembershipInput = z.object({
  institutionId: z.uuid(),
  roles: z.array(RoleKey).min(1).max(10),
});
export type MembershipInput = z.infer<typeof MembershipInput>;

/** A new user gets an invitation e-mail with a one-time link to set their password. */
export const UserCreateInput = z.object({
  email: Email,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  membership: MembershipInput,
});
export type UserCreateInput = z.input<typeof UserCreateInput>;

export const UserUpdateInput = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  status: UserStatus,
  version: z.number().int(),
});
export type UserUpdateInput = z.input<typeof UserUpdateInput>;

/* ---- authentication ---- */

export const LoginInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SecondFactorInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: 'totp.format' })
      .optional(),
    recoveryCode: z.string().trim().min(8).max(40).optional(),
  })
  .refine((v) => !!v.code !== !!v.recoveryCode, { message: 'totp.codeOrRecovery', path: ['code'] });
export type SecondFactorInput = z.infer<typeof SecondFactorInput>;

export const SessionInfo = z.object({
  /** Send it in the X-CSRF-Token header of every state-changing request. */
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number().int(),
  expiresAt: z.string(),
});

export const Me = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    twoFactorEnabled: z.boolean(),
  }),
  memberships: z.array(Membership),
  activeInstitutionId: z.uuid().nullable(),
  roles: z.array(RoleKey),
  permissions: z.array(z.string()),
  /** An administrator without a second factor must set it up before anything else (REQUIRE_ADMIN_2FA). */
  twoFactorSetupRequired: z.boolean(),
  session: SessionInfo,
});
export type Me = z.infer<typeof Me>;

export const LoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), me: Me }),
  /** The password was right; the second factor comes next (POST /api/auth/login/second-factor). */
  z.object({ status: z.literal('second_factor_required'), csrfToken: z.string() }),
]);
export type LoginResult = z.infer<typeof LoginResult>;

export const SwitchInstitutionInput = z.object({ institutionId: z.uuid() });

export const TotpSetup = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code. */
  qrSvg: z.string(),
});
export type TotpSetup = z.infer<typeof TotpSetup>;

export const TotpEnableInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'totp.format' }),
});
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const PasswordForgotInput = z.object({ email: z.string().trim().toLowerCase().min(3).max(254) });
export const PasswordResetInput = z.object({
  token: z.string().min(20).max(200),
  password: Password,
});
export const PasswordChangeInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const OutboxMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  /** Shown only while no SMTP server is configured (the demo): the body may hold one-time links. */
  body: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxList = z.object({
  smtpConfigured: z.boolean(),
  total: z.number().int(),
  items: z.array(OutboxMessage),
});
export type OutboxList = z.infer<typeof OutboxList>;
