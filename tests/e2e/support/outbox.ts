import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";

function outboxDir(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is set by playwright.config.ts");
  return path.join(dataDir, "mail");
}

/** Quoted-printable soft line breaks and escapes, as nodemailer writes long lines. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The newest message in the embedded outbox addressed to `to` (file names sort by time). */
export async function newestMailTo(to: string): Promise<string> {
  let found: string | undefined;
  await expect(async () => {
    const files = (await readdir(outboxDir()).catch(() => [])).filter((name) => name.endsWith(".eml")).sort();
    for (const name of files.reverse()) {
      const message = decodeQuotedPrintable(await readFile(path.join(outboxDir(), name), "utf8"));
      if (message.includes(`To: ${to}`)) {
        found = message;
        return;
      }
    }
    throw new Error(`no mail to ${to} yet`);
  }).toPass({ timeout: 10_000 });
  return found as string;
}

/** The path and query of the reset link in a message, to open against the test server. */
export function resetLinkPath(message: string): string {
  const match = /https?:\/\/[^\s"<>]+(\/reset-password\/confirm\?token=[^\s"<>]+)/.exec(message);
  if (!match?.[1]) throw new Error("the message holds no reset link");
  return match[1].replace(/&amp;/g, "&");
}
