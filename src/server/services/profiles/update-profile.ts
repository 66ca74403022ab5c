import { eq, sql } from "drizzle-orm";
import { updateProfileInput, type ProfileResponse, type UpdateProfileInput } from "@/lib/contracts/profile";
import { forgetSessionsOf } from "@/server/auth/embedded/session-cache";
import { runMode } from "@/server/config/mode";
import { withUserDb } from "@/server/db";
import { profiles } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { profileBody, selectProfile, type Profile } from "./get-profile";

export { updateProfileInput };

type ProfileField = keyof UpdateProfileInput;

/**
 * Changes the fields sent that differ from what is stored, and records "profile.updated" naming those
 * fields (never their values) in the same transaction. Sending what is already stored changes nothing.
 */
export async function updateProfile(context: UserContext, input: UpdateProfileInput): Promise<ProfileResponse> {
  const { profile, changed } = await withUserDb(context.userId, async (tx) => {
    const current = await selectProfile(tx, context.userId, true);
    if (!current) throw AppError.notFound("Profile");
    const changes = Object.fromEntries(
      Object.entries(input).filter(([field, value]) => value !== undefined && current[field as ProfileField] !== value),
    ) as Partial<UpdateProfileInput>;
    const fields = Object.keys(changes).sort();
    if (fields.length === 0) return { profile: current, changed: fields };
    await tx
      .update(profiles)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(profiles.userId, context.userId));
    await recordAuditEvent(tx, {
      userId: context.userId,
      action: "profile.updated",
      target: { type: "account", id: context.userId },
      metadata: { fields: fields.join(",") },
    });
    // `changes` holds only the defined values sent, so every field of the result is set.
    return { profile: { ...current, ...changes } as Profile, changed: fields };
  });
  // The signed-in pages show the name from the session lookup: let the next one read the new name.
  if (changed.includes("displayName") && runMode.auth !== "supabase") forgetSessionsOf(context.userId);
  return profileBody(profile);
}
