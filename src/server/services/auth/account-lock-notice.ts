import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { sendMail } from "@/server/mail";
import { RATE_LIMIT_POLICIES } from "@/server/security/rate-limit";

const RESET_PASSWORD_PATH = "/reset-password";

function lockMessage(to: string, unlocksAt: Date, appOrigin: string) {
  const minutes = Math.round(RATE_LIMIT_POLICIES.signInAccountFailures.windowSeconds / 60);
  const attempts = RATE_LIMIT_POLICIES.signInAccountFailures.limit;
  const until = `${unlocksAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const text = [
    `Someone tried to sign in to your OmniCRM account with a wrong password ${attempts} times within ${minutes} minutes.`,
    `To protect it, sign-in is paused until ${until}, even with the right password.`,
    "",
    "If this was you, wait until then, or reset your password now, which also ends the pause:",
    `${appOrigin}${RESET_PASSWORD_PATH}`,
    "",
    "If it was not you, your password has not been accepted. Resetting it to a new, unique one is a good idea.",
  ].join("\n");
  return { to, subject: "Sign-in to your OmniCRM account is paused", text };
}

/** Mails the owner of the account with this email, if there is one (an unknown email locks but mails nobody). */
export async function mailLockNotice(email: string, unlocksAtMs: number, appOrigin: string): Promise<void> {
  const [account] = await withSystemDb("auth:lock-notice", async (tx) =>
    resultRows<{ email: string }>(
      // Emails are stored lowercased by both adapters, so the unique index answers this.
      await tx.execute(sql`select email from auth.users where email = ${email.trim().toLowerCase()} limit 1`),
    ),
  );
  if (account) await sendMail(lockMessage(account.email, new Date(unlocksAtMs), appOrigin));
}
