import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/** The profile's display name (one primary-key lookup), falling back to the email's local part. */
export async function displayNameFor(userId: string, email: string): Promise<string> {
  const rows = await withSystemDb("auth:session", async (tx) =>
    resultRows<{ display_name: string }>(
      await tx.execute(sql`select display_name from public.profiles where user_id = ${userId}`),
    ),
  );
  return rows[0]?.display_name ?? email.split("@")[0] ?? email;
}
