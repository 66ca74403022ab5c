import type {
  ConfirmResetPasswordInput,
  OkResponse,
  ResetPasswordInput,
  ResetPasswordResponse,
} from "@/lib/contracts/auth";
import { authAdapter, type AuthCall, type ResetMail } from "@/server/auth/adapter";
import { RESET_LINK_MINUTES } from "@/server/auth/reset-link";
import { sendMail } from "@/server/mail";
import { recordAuthEvent } from "@/server/services/audit";

const RESET_REQUESTED: ResetPasswordResponse = {
  ok: true,
  message: "If an account exists for that email, we sent a link to reset the password. It works once, for one hour.",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function resetMessage({ to, link }: ResetMail) {
  const lines = [
    "Someone (hopefully you) asked to reset the password of your OmniCRM account.",
    "",
    "Choose a new password here:",
    link,
    "",
    `The link works once, for ${RESET_LINK_MINUTES} minutes. If you did not ask for it, ignore this message: your password stays as it is.`,
  ];
  const html = `<p>Someone (hopefully you) asked to reset the password of your OmniCRM account.</p>
<p><a href="${escapeHtml(link)}">Choose a new password</a></p>
<p>The link works once, for ${RESET_LINK_MINUTES} minutes. If you did not ask for it, ignore this message: your password stays as it is.</p>`;
  return { to, subject: "Reset your OmniCRM password", text: lines.join("\n"), html };
}

/** Sends a reset link when the email has an account; the answer is the same either way. */
export async function requestPasswordReset(input: ResetPasswordInput, call: AuthCall): Promise<ResetPasswordResponse> {
  const mail = await (await authAdapter()).requestPasswordReset(input.email, call);
  if (mail) await sendMail(resetMessage(mail));
  return RESET_REQUESTED;
}

/** Sets the new password from a reset link and signs the account out everywhere. */
export async function confirmPasswordReset(input: ConfirmResetPasswordInput, call: AuthCall): Promise<OkResponse> {
  const userId = await (await authAdapter()).confirmPasswordReset(input.token, input.password, call);
  await recordAuthEvent(userId, "auth.password_reset");
  return { ok: true };
}
