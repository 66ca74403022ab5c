import { estimatePasswordStrength, WEAK_PASSWORD_MESSAGE, type PasswordContext } from "@/lib/password-strength";
import { z } from "@/lib/zod";
import { emailSchema, passwordSchema } from "./auth";

/** Contracts of Settings → Security: password and email changes, and the account's sessions. */

export const SAME_PASSWORD_MESSAGE = "Choose a password different from the current one.";

const currentPasswordSchema = z
  .string()
  .min(1, { message: "Enter your current password" })
  .max(200, { message: "Use at most 200 characters" });

/**
 * What `POST /api/auth/password` parses: shapes only. The server estimates the new password's strength
 * once the current password is verified (it costs real CPU); the browser form uses `changePasswordInput`.
 */
export const changePasswordRequest = z.object({
  currentPassword: currentPasswordSchema,
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

/** The browser form's contract: the same fields, with the strength rule judged with what we know of the person. */
export function changePasswordInput(context: PasswordContext) {
  return changePasswordRequest.superRefine(async (value, ctx) => {
    if (value.newPassword !== "" && value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: SAME_PASSWORD_MESSAGE });
      return;
    }
    if (!passwordSchema.safeParse(value.newPassword).success) return;
    if ((await estimatePasswordStrength(value.newPassword, context)).acceptable) return;
    ctx.addIssue({ code: "custom", path: ["newPassword"], message: WEAK_PASSWORD_MESSAGE });
  });
}

/** `POST /api/auth/email-change`: the new address and the current password. */
export const emailChangeRequest = z.object({
  newEmail: emailSchema,
  currentPassword: currentPasswordSchema,
});
export type EmailChangeRequest = z.infer<typeof emailChangeRequest>;

/** `POST /api/auth/email-change/confirm`: the token of the link mailed to the new address. */
export const confirmEmailChangeRequest = z.object({ token: z.string().min(20).max(200) });
export type ConfirmEmailChangeRequest = z.infer<typeof confirmEmailChangeRequest>;

export const pendingEmailChange = z.object({ newEmail: z.string(), requestedAt: z.string().nullable() });
export type PendingEmailChange = z.infer<typeof pendingEmailChange>;

/** `GET /api/auth/email-change`: the change waiting for its link, and whether it can be withdrawn. */
export const emailChangeStatusResponse = z.object({
  pending: pendingEmailChange.nullable(),
  canCancel: z.boolean(),
});
export type EmailChangeStatusResponse = z.infer<typeof emailChangeStatusResponse>;

/** `POST /api/auth/email-change` (202). */
export const emailChangeRequestedResponse = z.object({
  ok: z.literal(true),
  message: z.string(),
  pending: pendingEmailChange,
  canCancel: z.boolean(),
});
export type EmailChangeRequestedResponse = z.infer<typeof emailChangeRequestedResponse>;

/** `POST /api/auth/email-change/confirm`. */
export const emailChangeConfirmedResponse = z.object({ ok: z.literal(true), email: z.string() });
export type EmailChangeConfirmedResponse = z.infer<typeof emailChangeConfirmedResponse>;

export const accountSession = z.object({
  id: z.uuid(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string(),
});
export type AccountSession = z.infer<typeof accountSession>;

/** `GET /api/auth/sessions`. */
export const sessionsResponse = z.object({ sessions: z.array(accountSession) });
export type SessionsResponse = z.infer<typeof sessionsResponse>;

/** `DELETE /api/auth/sessions/{id}`. */
export const sessionIdParams = z.object({ id: z.uuid({ message: "Not a session id" }) });
