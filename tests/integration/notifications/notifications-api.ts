import fs from "node:fs";
import path from "node:path";
import { decodeQuotedPrintable, signedUpBrowser } from "../auth/fixtures";
import { Practitioner } from "../contacts/client-records-api";
import { loadIntakeApi, type IntakeApi } from "../intake/intake-api";

/** The intake, contacts and notification routes in one module graph, on a data directory of the suite's own. */
export async function loadNotificationsApi(): Promise<IntakeApi> {
  const api = await loadIntakeApi();
  const [list, read, settings, merge] = await Promise.all([
    import("@/app/api/notifications/route"),
    import("@/app/api/notifications/read/route"),
    import("@/app/api/notifications/settings/route"),
    import("@/app/api/contacts/[id]/merge/route"),
  ]);
  // Before the /api/contacts/:id pattern, which would also match.
  api.routes.unshift({ pattern: /^\/api\/contacts\/(?<id>[^/]+)\/merge$/, module: merge });
  api.routes.push(
    { pattern: /^\/api\/notifications$/, module: list },
    { pattern: /^\/api\/notifications\/read$/, module: read },
    { pattern: /^\/api\/notifications\/settings$/, module: settings },
  );
  return api;
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
