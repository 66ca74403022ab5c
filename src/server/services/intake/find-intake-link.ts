import { sql } from "drizzle-orm";
import { z } from "@/lib/zod";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { tokenHashOrNull } from "./intake-token";

export const findIntakeLinkInput = z.object({ token: z.string() });

/** What the public form may know about a live link. */
export interface OpenIntakeLink {
  linkId: string;
  userId: string;
  /** The business name, else the practitioner's display name. */
  practitionerName: string;
  expiresAt: string;
}

/**
 * Resolves a token for the public form, or null when it is unknown, expired, used up or revoked
 * (deliberately indistinguishable). Runs as `anon`, which can reach nothing but
 * `app_intake.link_for_token`: the function answers only for a live link and only these fields.
 */
export async function findIntakeLink(input: { token: string }): Promise<OpenIntakeLink | null> {
  const tokenHash = tokenHashOrNull(input.token);
  if (!tokenHash) return null;
  const [row] = await withSystemDb("intake-link-lookup", async (tx) => {
    await tx.execute(sql`select set_config('role', 'anon', true)`);
    return resultRows<{
      link_id: string;
      user_id: string;
      business_name: string | null;
      display_name: string | null;
      expires_at: string;
    }>(
      await tx.execute(sql`
        select link_id, user_id, business_name, display_name, expires_at::text
          from app_intake.link_for_token(${tokenHash})`),
    );
  });
  if (!row) return null;
  return {
    linkId: row.link_id,
    userId: row.user_id,
    practitionerName: row.business_name?.trim() || row.display_name?.trim() || "Your practitioner",
    expiresAt: row.expires_at,
  };
}
