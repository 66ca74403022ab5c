import { sql } from "drizzle-orm";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { uuidArray } from "@/server/services/contacts/id-list";

export interface ClientBrief {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
}

/** Name, email and phone of some of the caller's clients, to say which client a row duplicates. */
export async function describeClients(
  tx: DbTransaction,
  userId: string,
  ids: readonly string[],
): Promise<Map<string, ClientBrief>> {
  if (ids.length === 0) return new Map();
  const rows = resultRows<{ id: string; display_name: string; email: string | null; phone: string | null }>(
    await tx.execute(sql`select c.id, c.display_name, c.email, c.phone from public.contacts c
                          where c.user_id = ${userId} and c.id = any(${uuidArray([...new Set(ids)])})`),
  );
  return new Map(
    rows.map((row) => [row.id, { id: row.id, displayName: row.display_name, email: row.email, phone: row.phone }]),
  );
}
