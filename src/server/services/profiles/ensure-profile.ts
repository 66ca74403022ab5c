import { withUserDb } from "@/server/db";
import { profiles } from "@/server/db/schema";

/** Creates the practitioner's profile on first sign-in; an existing profile is left as it is. */
export async function ensureProfile(userId: string, displayName: string): Promise<void> {
  await withUserDb(userId, (tx) =>
    tx.insert(profiles).values({ userId, displayName }).onConflictDoNothing({ target: profiles.userId }),
  );
}
