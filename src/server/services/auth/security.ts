import type { OkResponse } from "@/lib/contracts/auth";
import { estimatePasswordStrength, WEAK_PASSWORD_MESSAGE } from "@/lib/password-strength";
import {
  SAME_PASSWORD_MESSAGE,
  type ChangePasswordRequest,
  type ConfirmEmailChangeRequest,
  type EmailChangeConfirmedResponse,
  type EmailChangeRequest,
  type EmailChangeRequestedResponse,
  type EmailChangeStatusResponse,
  type SessionsResponse,
} from "@/lib/contracts/security";
import { authAdapter, type AuthCall, type EmailChangeMail } from "@/server/auth/adapter";
import { EMAIL_CHANGE_LINK_HOURS } from "@/server/auth/email-change-link";
import type { SessionUser } from "@/server/auth/session-user";
import { AppError } from "@/server/errors";
import { afterResponse } from "@/server/lifecycle/after-response";
import { sendMail } from "@/server/mail";
import { recordAuthEvent } from "@/server/services/audit";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function fieldError(path: string, message: string): AppError {
  return new AppError("validation_failed", message, { details: [{ path, message }] });
}

/** The live sessions of the account, the caller's own marked. */
export async function listSessions(user: SessionUser, call: AuthCall): Promise<SessionsResponse> {
  return { sessions: await (await authAdapter()).listSessions(user, call) };
}

/** Signs out one session of the account; another account's session id is answered like an unknown one (404). */
export async function revokeSession(user: SessionUser, sessionId: string, call: AuthCall): Promise<OkResponse> {
  if (!(await (await authAdapter()).revokeSession(user, sessionId, call))) throw AppError.notFound("Session");
  await recordAuthEvent(user.id, "auth.session_revoked");
  return { ok: true };
}

/** Signs out every session of the account but this one. */
export async function revokeOtherSessions(user: SessionUser, call: AuthCall): Promise<OkResponse> {
  await (await authAdapter()).revokeOtherSessions(user, call);
  await recordAuthEvent(user.id, "auth.other_sessions_revoked");
  return { ok: true };
}

/**
 * Changes the password after verifying the current one; the other sessions are signed out, this one
 * stays. The new password's strength is estimated only once the current password proved right.
 */
export async function changePassword(
  user: SessionUser,
  input: ChangePasswordRequest,
  call: AuthCall,
): Promise<OkResponse> {
  if (input.newPassword === input.currentPassword) throw fieldError("newPassword", SAME_PASSWORD_MESSAGE);
  const acceptPassword = async () => {
    const strength = await estimatePasswordStrength(input.newPassword, {
      email: user.email,
      displayName: user.displayName,
    });
    if (!strength.acceptable) throw fieldError("newPassword", WEAK_PASSWORD_MESSAGE);
  };
  await (await authAdapter()).changePassword(user, input, call, acceptPassword);
  await recordAuthEvent(user.id, "auth.password_changed");
  afterResponse("auth:password-changed-notice", () => sendMail(passwordChangedNotice(user.email)));
  return { ok: true };
}

function passwordChangedNotice(to: string) {
  const text =
    "The password of your OmniCRM account was just changed, and every other device was signed out.\n\n" +
    "If this was not you, reset your password from the sign-in page at once.";
  return {
    to,
    subject: "Your OmniCRM password was changed",
    text,
    html: `<p>${text.split("\n\n").map(escapeHtml).join("</p><p>")}</p>`,
  };
}

function emailChangeMessage({ to, link }: EmailChangeMail) {
  if (link === null) {
    const text =
      "Someone signed in to OmniCRM asked to move their account to this address, but this address already has an OmniCRM account, so nothing changed.\n\n" +
      "If you did not expect this, you can ignore this message.";
    return {
      to,
      subject: "This address already has an OmniCRM account",
      text,
      html: `<p>${text.split("\n\n").map(escapeHtml).join("</p><p>")}</p>`,
    };
  }
  const lines = [
    "You asked to use this address for your OmniCRM account.",
    "",
    "Confirm the change here:",
    link,
    "",
    `The link works once, for ${EMAIL_CHANGE_LINK_HOURS} hours. Until it is used, your account keeps its current address. If you did not ask for this, ignore this message.`,
  ];
  const html = `<p>You asked to use this address for your OmniCRM account.</p>
<p><a href="${escapeHtml(link)}">Confirm the new address</a></p>
<p>The link works once, for ${EMAIL_CHANGE_LINK_HOURS} hours. Until it is used, your account keeps its current address. If you did not ask for this, ignore this message.</p>`;
  return { to, subject: "Confirm your new OmniCRM email address", text: lines.join("\n"), html };
}

function emailChangedNotice(to: string) {
  const text =
    "The email address of your OmniCRM account was just changed, and this address no longer signs in.\n\n" +
    "If this was not you, contact support at once.";
  return {
    to,
    subject: "Your OmniCRM email address was changed",
    text,
    html: `<p>${text.split("\n\n").map(escapeHtml).join("</p><p>")}</p>`,
  };
}

/** The change waiting for its link. */
export async function emailChangeStatus(user: SessionUser, call: AuthCall): Promise<EmailChangeStatusResponse> {
  const adapter = await authAdapter();
  return { pending: await adapter.pendingEmailChange(user, call), canCancel: adapter.capabilities.cancelEmailChange };
}

/**
 * Verifies the current password and sends a confirmation link to the new address; nothing changes until
 * the link is used. The answer is the same whether or not the address already has an account (its owner
 * gets a note instead of a link), and the mail goes out after the response.
 */
export async function requestEmailChange(
  user: SessionUser,
  input: EmailChangeRequest,
  call: AuthCall,
): Promise<EmailChangeRequestedResponse> {
  if (input.newEmail === user.email.toLowerCase()) {
    throw fieldError("newEmail", "This is already your email address.");
  }
  const adapter = await authAdapter();
  const mail = await adapter.requestEmailChange(user, input, call);
  if (mail) afterResponse("auth:email-change-mail", () => sendMail(emailChangeMessage(mail)));
  await recordAuthEvent(user.id, "auth.email_change_requested");
  return {
    ok: true,
    message: `We sent a link to ${input.newEmail}. Your address changes when you open it.`,
    pending: { newEmail: input.newEmail, requestedAt: new Date().toISOString() },
    canCancel: adapter.capabilities.cancelEmailChange,
  };
}

export async function cancelEmailChange(user: SessionUser, call: AuthCall): Promise<OkResponse> {
  await (await authAdapter()).cancelEmailChange(user, call);
  await recordAuthEvent(user.id, "auth.email_change_cancelled");
  return { ok: true };
}

/** Applies the change a confirmation link stands for, and tells the previous address. */
export async function confirmEmailChange(
  input: ConfirmEmailChangeRequest,
  call: AuthCall,
): Promise<EmailChangeConfirmedResponse> {
  const changed = await (await authAdapter()).confirmEmailChange(input.token, call);
  await recordAuthEvent(changed.id, "auth.email_change_confirmed");
  const previous = changed.previousEmail;
  if (previous) afterResponse("auth:email-changed-notice", () => sendMail(emailChangedNotice(previous)));
  return { ok: true, email: changed.email };
}
