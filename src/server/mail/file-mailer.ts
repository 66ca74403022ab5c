import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { log } from "@/server/observability/logger";
import type { Mailer } from "./mail-message";

/** File name that sorts by time and never collides: `2026-01-31T09-15-00-123Z-<random>.eml`. */
function messageFileName(now: Date): string {
  return `${now.toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
}

/**
 * Embedded mode's outbox: each message becomes a readable RFC 822 file in `dir` (owner-only, as it
 * may hold a reset link), and one log line names the file, never its content.
 */
export function createFileMailer(dir: string, from: string): Mailer {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(message) {
      const info = await composer.sendMail({ from, ...message });
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, messageFileName(new Date()));
      await fs.writeFile(file, info.message, { mode: 0o600 });
      log().info({ file }, "mail written to the local outbox");
    },
  };
}
