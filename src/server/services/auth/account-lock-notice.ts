import { sql } from "drizzle-orm";
import { formatDateTime } from "@/lib/format/dates";
import { practitionerFormatOf, type FormatPreferences } from "@/lib/format/settings";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { sendMail } from "@/server/mail";
import { RATE_LIMIT_POLICIES } from "@/server/security/rate-limit";

const RESET_PASSWORD_PATH = "/reset-password";

function lockMessage(to: string, unlocksAt: Date, appOrigin: string, preferences: FormatPreferences | null) {
  const minutes = Math.round(RATE_LIMIT_POLICIES.signInAccountFailures.windowSeconds / 60);
  const attempts = RATE_LIMIT_POLICIES.signInAccountFailures.limit;
  // In the practitioner's own zone and locale, named, since mail is read wherever they are.
  const until = formatDateTime(unlocksAt, practitionerFormatOf(preferences), { zone: true });
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
    resultRows<{ email: string; profile: FormatPreferences | null }>(
      // Emails are stored lowercased by both adapters, so the unique index answers this.
      await tx.execute(sql`
        select u.email,
          case when p.user_id is null then null else json_build_object(
            'locale', p.locale, 'timeZone', p.time_zone, 'hourCycle', p.hour_cycle, 'weekStart', p.week_start
          ) end as profile
        from auth.users u left join public.profiles p on p.user_id = u.id
        where u.email = ${email.trim().toLowerCase()} limit 1`),
    ),
  );
  if (account) await sendMail(lockMessage(account.email, new Date(unlocksAtMs), appOrigin, account.profile));
}
