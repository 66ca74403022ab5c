import { sql } from "drizzle-orm";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/** The colour of each of the practitioner's tags (one entry per tag), for picking a new tag's colour. */
export async function tagColorsInUse(tx: DbTransaction, userId: string): Promise<string[]> {
  const rows = resultRows<{ color: string }>(
    await tx.execute(sql`select color from public.tags where user_id = ${userId}`),
  );
  return rows.map((row) => row.color);
}
