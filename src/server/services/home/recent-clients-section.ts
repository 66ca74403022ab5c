import { desc, eq } from "drizzle-orm";
import type { RecentClientsSection } from "@/lib/contracts/home";
import { withUserDb } from "@/server/db";
import { contacts } from "@/server/db/schema";
import type { UserContext } from "../contacts/context";

export const RECENT_CLIENTS_LIMIT = 5;

/** The clients changed most recently (through the `user_id, updated_at` index). */
export async function loadRecentClientsSection(context: UserContext): Promise<RecentClientsSection> {
  const rows = await withUserDb(context.userId, (tx) =>
    tx
      .select({ id: contacts.id, displayName: contacts.displayName, updatedAt: contacts.updatedAt })
      .from(contacts)
      .where(eq(contacts.userId, context.userId))
      .orderBy(desc(contacts.updatedAt), desc(contacts.id))
      .limit(RECENT_CLIENTS_LIMIT),
  );
  return { items: rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })) };
}
