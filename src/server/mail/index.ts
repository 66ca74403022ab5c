import { env } from "@/server/config/env";
import { dataPath } from "@/server/config/data-dir";
import { runMode } from "@/server/config/mode";
import { createFileMailer } from "./file-mailer";
import type { MailMessage, Mailer } from "./mail-message";
import { createSmtpMailer } from "./smtp-mailer";

export type { MailMessage, Mailer } from "./mail-message";

const mailers: Record<typeof runMode.mail, () => Mailer> = {
  smtp: () => createSmtpMailer(env.SMTP_URL as string, env.MAIL_FROM),
  file: () => createFileMailer(dataPath("mail"), env.MAIL_FROM),
};

let mailer: Mailer | undefined;

/** Sends one message through SMTP when `SMTP_URL` is set, else into `<dataDir>/mail/`. */
export async function sendMail(message: MailMessage): Promise<void> {
  mailer ??= mailers[runMode.mail]();
  await mailer.send(message);
}
