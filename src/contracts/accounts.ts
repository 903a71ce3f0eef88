/** Response schemas of accounts, sign-in and the audit log (账号、登录与审计). */
import { z } from 'zod';

/** 管理员 admin, 组织者 organiser, 计票员 clerk, 单位查看 viewer (a county or township that sees its own units only). */
export const roleSchema = z.enum(['admin', 'organiser', 'clerk', 'viewer']);
export type Role = z.output<typeof roleSchema>;

/** The fields of an account that leave the server (never a password hash). */
export const accountViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** viewer only: the unit whose subtree the account may see. */
  unitId: z.string().nullable(),
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type AccountView = z.output<typeof accountViewSchema>;

/** A new account's secrets, shown once: its access token, and the password when one was generated. */
export const credentialsSchema = z.object({
  accountId: z.string(),
  username: z.string(),
  role: roleSchema,
  unitId: z.string().nullable(),
  accessToken: z.string(),
  /** Only when generated here. */
  password: z.string().optional(),
});
export type Credentials = z.output<typeof credentialsSchema>;

/** A reset password: the generated one, shown once; empty when the admin gave it. */
export const passwordResetSchema = z.object({ password: z.string().optional() });
export type PasswordReset = z.output<typeof passwordResetSchema>;

/** Who is calling, and how: a password login (cookie) or an access token (bearer). */
export const currentUserSchema = z.object({
  user: z.object({ id: z.string(), username: z.string().nullable(), displayName: z.string() }),
  role: roleSchema,
  unitId: z.string().nullable(),
  /** Send back as x-csrf-token on every POST/PUT/PATCH/DELETE made with the cookie; null for bearer tokens. */
  csrfToken: z.string().nullable(),
  authenticatedBy: z.enum(['session', 'token']),
});
export type CurrentUser = z.output<typeof currentUserSchema>;

/** 审计日志: one recorded action, oldest first. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  /** role:accountId, system or anonymous. */
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** What the action recorded about itself (JSON, by action). */
  detail: z.unknown(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

/** 登录锁定: failed passwords from one address on one username typed (existing or not). */
export const loginLockSchema = z.object({
  username: z.string(),
  address: z.string(),
  failures: z.number().int(),
  lastFailedAt: z.string(),
  /** While in the future, this address may not log in as this username (the right password included). */
  lockedUntil: z.string().nullable(),
  locked: z.boolean(),
});
export type LoginLock = z.output<typeof loginLockSchema>;

export const liftLoginLockSchema = z.object({
  username: z.string().trim().min(1).max(100),
  /** One address; absent: every address of the username. */
  address: z.string().trim().min(1).max(100).optional(),
});
export const liftedSchema = z.object({ lifted: z.number().int() });
