import { sql } from "drizzle-orm";
import type { AddBlocklistInput, BlocklistEntry } from "@/lib/contracts/google";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";

const iso = (value: string | Date) => new Date(value).toISOString();

/** `GET /api/integrations/google/blocklist`: addresses and domains whose mail is never imported. */
export async function listBlocklist(userId: string): Promise<{ items: BlocklistEntry[] }> {
  return withUserDb(userId, async (tx) => {
    const rows = resultRows<{ id: string; pattern: string; created_at: string }>(
      await tx.execute(sql`
        select id, pattern, created_at from public.email_blocklist where user_id = ${userId} order by pattern`),
    );
    return { items: rows.map((row) => ({ id: row.id, pattern: row.pattern, createdAt: iso(row.created_at) })) };
  });
}

/**
 * `POST /api/integrations/google/blocklist`: blocks an address or a domain and, in the same
 * transaction, purges the stored mail it matches (any participant) and its sender suggestion.
 */
export async function addToBlocklist(userId: string, input: AddBlocklistInput): Promise<BlocklistEntry> {
  const { pattern } = input;
  const domain = pattern.startsWith("@");
  return withUserDb(userId, async (tx) => {
    const inserted = resultRows<{ id: string; created_at: string }>(
      await tx.execute(sql`
        insert into public.email_blocklist (user_id, pattern) values (${userId}, ${pattern})
        on conflict (user_id, pattern) do nothing returning id, created_at`),
    )[0];
    if (!inserted) throw new AppError("conflict", "That address or domain is already blocked");
    const matches = (column: ReturnType<typeof sql>) =>
      domain
        ? sql`lower(${column}) like ${`%${pattern.replace(/[\\%_]/g, "\\$&")}`}`
        : sql`lower(${column}) = ${pattern}`;
    const purged = resultRows(
      await tx.execute(sql`
        delete from public.email_messages m
         where m.user_id = ${userId}
           and (${matches(sql`m.from_email`)}
                or exists (select 1 from jsonb_array_elements(m.to_addresses || m.cc_addresses) p
                            where ${matches(sql`(p ->> 'email')`)}))
        returning m.id`),
    ).length;
    await tx.execute(
      sql`delete from public.email_sender_suggestions s where s.user_id = ${userId} and ${matches(sql`s.email`)}`,
    );
    await recordAuditEvent(tx, {
      userId,
      action: "email.blocklist_added",
      metadata: { domain, purgedMessages: purged },
    });
    return { id: inserted.id, pattern, createdAt: iso(inserted.created_at) };
  });
}

/** `DELETE /api/integrations/google/blocklist/:id`: mail from it is imported again from the next sync on. */
export async function removeFromBlocklist(userId: string, id: string): Promise<void> {
  await withUserDb(userId, async (tx) => {
    const removed = resultRows(
      await tx.execute(sql`delete from public.email_blocklist where user_id = ${userId} and id = ${id} returning id`),
    );
    if (removed.length === 0) throw AppError.notFound("Blocked address");
    await recordAuditEvent(tx, { userId, action: "email.blocklist_removed" });
  });
}
