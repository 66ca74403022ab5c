import fs from "node:fs";
import path from "node:path";
import { decodeQuotedPrintable, signedUpBrowser } from "../auth/fixtures";
import { Practitioner } from "../contacts/client-records-api";
import { loadIntakeApi, type IntakeApi } from "../intake/intake-api";

/** The intake harness on a data directory of the suite's own; the notification routes resolve by URL. */
export async function loadNotificationsApi(): Promise<IntakeApi> {
  return loadIntakeApi();
}

export async function signUp(api: IntakeApi, name: string): Promise<Practitioner & { email: string }> {
  const { browser, id, email } = await signedUpBrowser(api.auth, name);
  return Object.assign(new Practitioner(api, browser, id), { email });
}

/** The decoded text of every message in the embedded outbox addressed to `email`. */
export function mailTo(email: string): string[] {
  const dir = path.join(process.env.DATA_DIR ?? "", "mail");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((file) => decodeQuotedPrintable(fs.readFileSync(path.join(dir, file), "utf8")))
    .filter((message) => new RegExp(`^To: ${email.replace(/[.+]/g, "\\$&")}\\r?$`, "m").test(message));
}
