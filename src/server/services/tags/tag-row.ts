import { sql } from "drizzle-orm";
import type { Tag } from "@/lib/contracts/tags";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

interface TagRow {
  id: string;
  name: string;
  color: string;
  category: string | null;
  created_at: Date | string;
  usage_count: number | string;
}

/** The user's tags (or one of them) with how many clients carry each, inside an open transaction. */
export async function selectTags(tx: DbTransaction, userId: string, id?: string): Promise<Tag[]> {
  const rows = resultRows<TagRow>(
    await tx.execute(sql`
      select t.id, t.name, t.color, t.category, t.created_at,
             (select count(*) from public.contact_tags ct where ct.user_id = t.user_id and ct.tag_id = t.id)::int
               as usage_count
        from public.tags t
       where t.user_id = ${userId} ${id === undefined ? sql`` : sql`and t.id = ${id}`}
       order by lower(t.name), t.id`),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    color: row.color,
    category: row.category,
    createdAt: (row.created_at instanceof Date ? row.created_at : new Date(row.created_at)).toISOString(),
    usageCount: Number(row.usage_count),
  }));
}
