import { getDatabase } from "@/server/db";
import { clientListVersionSql } from "@/server/db/client-list-version";
import { splicedUuid } from "@/server/db/spliced-uuid";

export { NEVER_WRITTEN } from "@/server/db/client-list-version";

/**
 * The practitioner's clients-list version, read on its own: one parameter-free statement (the id
 * is checked as a uuid and written into the text), so one round trip on Postgres. Requests whose
 * session lookup already read it (see session-store.ts) skip this.
 */
export async function readClientListVersion(userId: string): Promise<string> {
  const id = splicedUuid(userId, "readClientListVersion");
  const { sql } = await getDatabase();
  const rows = await sql.query<{ version: string }>(`select ${clientListVersionSql(`'${id}'::uuid`)} as version`);
  return rows[0]?.version ?? "";
}
