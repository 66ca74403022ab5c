import nodemailer from "nodemailer";
import { log } from "@/server/observability/logger";
import type { Mailer } from "./mail-message";

/** Delivers through an SMTP server (`smtp://` or `smtps://user:pass@host:port`). */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      log().info({ messageId: info.messageId }, "mail sent over SMTP");
    },
  };
}
