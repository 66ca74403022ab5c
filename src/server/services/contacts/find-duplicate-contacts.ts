import { sql } from "drizzle-orm";
import { z } from "@/lib/zod";
import { withUserDb, type DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "./context";

/** Email and phone of clients about to be added (a form, or the rows of an import). */
export const findDuplicateContactsInput = z.object({
  candidates: z
    .array(z.object({ email: z.string().max(320).nullish(), phone: z.string().max(40).nullish() }))
    .max(10_000),
});

export type DuplicateCandidate = z.output<typeof findDuplicateContactsInput>["candidates"][number];

export interface DuplicateMatch {
  /** Position of the candidate in the input. */
  index: number;
  duplicateId: string;
  matchedOn: "email" | "phone";
}

/**
 * Existing clients with the same normalised email (preferred) or phone digits as each candidate,
 * normalised by the same expressions as the generated columns, inside an open transaction.
 */
export async function duplicatesIn(
  tx: DbTransaction,
  userId: string,
  candidates: DuplicateCandidate[],
): Promise<DuplicateMatch[]> {
  const wanted = candidates.map((candidate) => ({ email: candidate.email ?? null, phone: candidate.phone ?? null }));
  if (!wanted.some((candidate) => candidate.email || candidate.phone)) return [];
  const rows = resultRows<{ index: number; duplicate_id: string; matched_on: "email" | "phone" }>(
    await tx.execute(sql`
      with candidate as materialized (
        select (ord - 1)::int as index,
               nullif(lower(btrim(value ->> 'email')), '') as email,
               nullif(regexp_replace(value ->> 'phone', '[^0-9]', '', 'g'), '') as phone
          from jsonb_array_elements(${JSON.stringify(wanted)}::jsonb) with ordinality as input (value, ord)
      )
      select candidate.index, match.id as duplicate_id, match.matched_on
        from candidate
        cross join lateral (
          select c.id, case when c.email_normalized = candidate.email then 'email' else 'phone' end as matched_on
            from public.contacts c
           where c.user_id = ${userId}
             and (c.email_normalized = candidate.email or c.phone_normalized = candidate.phone)
           order by (c.email_normalized = candidate.email) is true desc, c.created_at, c.id
           limit 1
        ) as match
       order by candidate.index`),
  );
  return rows.map((row) => ({ index: Number(row.index), duplicateId: row.duplicate_id, matchedOn: row.matched_on }));
}

/** For CSV import: which of the rows would duplicate a client the practitioner already has. */
export async function findDuplicateContacts(
  context: UserContext,
  input: z.output<typeof findDuplicateContactsInput>,
): Promise<DuplicateMatch[]> {
  return withUserDb(context.userId, (tx) => duplicatesIn(tx, context.userId, input.candidates));
}
