import { eq } from "drizzle-orm";
import { withUserDb } from "@/server/db";
import { profiles } from "@/server/db/schema";

export interface Profile {
  userId: string;
  displayName: string;
  businessName: string | null;
  timeZone: string;
}

/** The signed-in practitioner's own profile (row level security hides everyone else's). */
export async function getProfile(userId: string): Promise<Profile | null> {
  const rows = await withUserDb(userId, (tx) =>
    tx
      .select({
        userId: profiles.userId,
        displayName: profiles.displayName,
        businessName: profiles.businessName,
        timeZone: profiles.timeZone,
      })
      .from(profiles)
      .where(eq(profiles.userId, userId)),
  );
  return rows[0] ?? null;
}
