import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { afterResponse } from "@/server/lifecycle/after-response";
import { sendMail } from "@/server/mail";
import { kindDefinition } from "./notification-kinds";
import { wantsEmail } from "./notification-settings";
import type { PostedNotification } from "./notify";

/**
 * Emails a posted notification once the response has gone, when its kind emails and the practitioner
 * has not turned that off. Call it after the transaction that posted it has committed: a rolled-back
 * change must not have told anyone. `appOrigin` makes the link absolute.
 */
export function emailNotificationAfterResponse(posted: PostedNotification, appOrigin: string): void {
  afterResponse("notifications:email", () => emailNotification(posted, appOrigin));
}

async function emailNotification(posted: PostedNotification, appOrigin: string): Promise<void> {
  const definition = kindDefinition(posted.kind);
  if (!definition.email) return;
  const to = await withSystemDb("notifications:email", async (tx) => {
    if (!(await wantsEmail(tx, posted.userId, posted.kind))) return null;
    const [account] = resultRows<{ email: string }>(
      await tx.execute(sql`select email from auth.users where id = ${posted.userId}`),
    );
    return account?.email ?? null;
  });
  if (!to) return;
  const href = definition.href(posted.data, posted.contactId);
  await sendMail({ to, ...definition.email.message(posted.data, href === null ? null : `${appOrigin}${href}`) });
}
