import type { MailMessage } from "@/server/mail";

/** Tells an account's owner that someone tried to create an account with their address (perhaps they forgot). */
export function signUpAttemptMail(to: string, appOrigin: string): MailMessage {
  const lines = [
    "Someone (perhaps you) tried to create an OmniCRM account with this email address, which already has one.",
    "Nothing was changed and no one was signed in.",
    "",
    "If it was you, sign in here:",
    `${appOrigin}/sign-in`,
    "",
    "Forgotten your password? Choose a new one here:",
    `${appOrigin}/reset-password`,
    "",
    "If it was not you, you can ignore this message: your account and its password stay as they are.",
  ];
  return { to, subject: "You already have an OmniCRM account", text: lines.join("\n") };
}
