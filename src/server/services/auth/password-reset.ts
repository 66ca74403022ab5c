import type {
  ConfirmResetPasswordRequest,
  OkResponse,
  ResetPasswordInput,
  ResetPasswordResponse,
} from "@/lib/contracts/auth";
import { estimatePasswordStrength, WEAK_PASSWORD_MESSAGE } from "@/lib/password-strength";
import { authAdapter, type AuthCall, type ResetMail } from "@/server/auth/adapter";
import { AppError } from "@/server/errors";
import { RESET_LINK_MINUTES } from "@/server/auth/reset-link";
import { afterResponse } from "@/server/lifecycle/after-response";
import { sendMail } from "@/server/mail";
import { recordAuthEvent } from "@/server/services/audit";
import { clearSignInLock } from "./account-lock";

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

/**
 * Sends a reset link when the email has an account; the answer is the same either way. All the work
 * (finding the account, issuing the token, the provider's call, the mail) runs after the response, so
 * the request does exactly the same, and takes the same time, whether or not the account exists.
 */
export async function requestPasswordReset(input: ResetPasswordInput, call: AuthCall): Promise<ResetPasswordResponse> {
  const adapter = await authAdapter();
  afterResponse("auth:password-reset-request", async () => {
    const mail = await adapter.requestPasswordReset(input.email, call);
    if (mail) await sendMail(resetMessage(mail));
  });
  return RESET_REQUESTED;
}

/** The contract's strength rule, for a password the server judges itself once the link proved live. */
async function assertStrongPassword(password: string): Promise<void> {
  if ((await estimatePasswordStrength(password)).acceptable) return;
  throw new AppError("validation_failed", WEAK_PASSWORD_MESSAGE, {
    details: [{ path: "password", message: WEAK_PASSWORD_MESSAGE }],
  });
}

/**
 * Sets the new password from a reset link and signs the account out everywhere. The adapter checks the
 * token before anything costly: only then is the password's strength estimated and the password hashed,
 * so a made-up token buys an anonymous caller no CPU.
 */
export async function confirmPasswordReset(input: ConfirmResetPasswordRequest, call: AuthCall): Promise<OkResponse> {
  const account = await (
    await authAdapter()
  ).confirmPasswordReset(input.token, input.password, call, () => assertStrongPassword(input.password));
  await clearSignInLock(account.email);
  await recordAuthEvent(account.id, "auth.password_reset");
  return { ok: true };
}
