import { eq } from "drizzle-orm";
import type { ProfileDto, ProfileResponse } from "@/lib/contracts/profile";
import { withUserDb, type DbExecutor } from "@/server/db";
import { profiles } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";

export interface Profile extends ProfileDto {
  userId: string;
}

const columns = {
  userId: profiles.userId,
  displayName: profiles.displayName,
  businessName: profiles.businessName,
  locale: profiles.locale,
  timeZone: profiles.timeZone,
  weekStart: profiles.weekStart,
  hourCycle: profiles.hourCycle,
  dayStartHour: profiles.dayStartHour,
};

/** The profile row as the contract types it (the migration's checks hold the same values). */
export async function selectProfile(tx: DbExecutor, userId: string, forUpdate = false): Promise<Profile | null> {
  const query = tx.select(columns).from(profiles).where(eq(profiles.userId, userId));
  const rows = forUpdate ? await query.for("update") : await query;
  return (rows[0] as Profile | undefined) ?? null;
}

/** The signed-in practitioner's own profile (row level security hides everyone else's). */
export async function getProfile(userId: string): Promise<Profile | null> {
  return withUserDb(userId, (tx) => selectProfile(tx, userId));
}

/** What the API sends: the profile's fields, without the owner's id. */
export function profileBody({ userId: _userId, ...fields }: Profile): ProfileResponse {
  return { profile: fields };
}

/** `GET /api/profile`. */
export async function readProfile(context: UserContext): Promise<ProfileResponse> {
  const profile = await getProfile(context.userId);
  if (!profile) throw AppError.notFound("Profile");
  return profileBody(profile);
}
