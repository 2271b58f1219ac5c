import { z } from "zod";
import { currencySchema } from "../money/currency.ts";
import { timeZoneSchema } from "../time/zone.ts";
import { actions, assignableRoles, passwordPolicy } from "./rules.ts";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address is at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

export const passwordSchema = z
  .string()
  .min(passwordPolicy.minLength, `Use at least ${passwordPolicy.minLength} characters`)
  .max(passwordPolicy.maxLength, `Use at most ${passwordPolicy.maxLength} characters`);

export const personNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(120, "A name is at most 120 characters");

const secretTokenSchema = z.string().min(20).max(200);
const idSchema = z.uuid();
export const idParams = z.strictObject({ id: idSchema });

export const roleSchema = z.enum(["owner", "manager", "contractor"]);
export const assignableRoleSchema = z.enum(assignableRoles);
export const actionSchema = z.enum(actions);

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
});

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  timeZone: z.string(),
});

export const meSchema = z.object({
  user: userSchema,
  workspace: workspaceSchema,
  permissions: z.array(actionSchema),
});

export const setupStatusSchema = z.object({
  needed: z.boolean().meta({ description: "True until the first workspace is created" }),
});

export const setupInput = z.strictObject({
  workspaceName: z.string().trim().min(1, "Name your workspace").max(120),
  ownerName: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  currency: currencySchema,
  timeZone: timeZoneSchema,
});

export const signInInput = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(passwordPolicy.maxLength),
  remember: z.boolean().default(false),
});

export const passwordResetRequestInput = z.strictObject({ email: emailSchema });

export const passwordResetConfirmInput = z.strictObject({
  token: secretTokenSchema,
  password: passwordSchema,
});

export const profileInput = z
  .strictObject({ name: personNameSchema, timeZone: timeZoneSchema })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "Change at least one field");

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password").max(passwordPolicy.maxLength),
  newPassword: passwordSchema,
});

export const sessionSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  remember: z.boolean(),
  userAgent: z.string(),
  ip: z.string(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int(),
  expiresAt: z.number().int(),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
});

export const createTokenInput = z.strictObject({
  name: z.string().trim().min(1, "Name the token").max(80),
});

export const createdTokenSchema = z.object({
  apiToken: apiTokenSchema,
  token: z.string().meta({ description: "Shown once; store it now" }),
});

export const workspaceUpdateInput = z
  .strictObject({
    name: z.string().trim().min(1, "Name your workspace").max(120),
    currency: currencySchema,
    timeZone: timeZoneSchema,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "Change at least one field");

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  timeZone: z.string(),
  active: z.boolean(),
  createdAt: z.number().int(),
});

export const roleChangeInput = z.strictObject({ role: assignableRoleSchema });

export const inviteStatusSchema = z.enum(["pending", "accepted", "revoked", "expired"]);

export const inviteSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: assignableRoleSchema,
  status: inviteStatusSchema,
  invitedBy: z.string(),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
});

export const createInviteInput = z.strictObject({
  email: emailSchema,
  role: assignableRoleSchema,
});

export const issuedInviteSchema = z.object({
  invite: inviteSchema,
  link: z.string().meta({ description: "Single-use link to send to the person" }),
  emailed: z.boolean().meta({ description: "True when an email is on its way via SMTP" }),
});

export const inviteTokenInput = z.strictObject({ token: secretTokenSchema });

export const invitePreviewSchema = z.object({
  email: z.string(),
  role: assignableRoleSchema,
  workspaceName: z.string(),
  expiresAt: z.number().int(),
});

export const acceptInviteInput = z.strictObject({
  token: secretTokenSchema,
  name: personNameSchema,
  password: passwordSchema,
  timeZone: timeZoneSchema,
});

export type Me = z.infer<typeof meSchema>;
export type Workspace = z.infer<typeof workspaceSchema>;
export type SessionView = z.infer<typeof sessionSchema>;
export type ApiTokenView = z.infer<typeof apiTokenSchema>;
export type Person = z.infer<typeof personSchema>;
export type InviteView = z.infer<typeof inviteSchema>;
export type IssuedInvite = z.infer<typeof issuedInviteSchema>;
export type InvitePreview = z.infer<typeof invitePreviewSchema>;
export type SetupInput = z.infer<typeof setupInput>;
export type SignInInput = z.infer<typeof signInInput>;
