import { getDatabase } from "@/server/db";
import { clientListVersionSql } from "@/server/db/client-list-version";

export { NEVER_WRITTEN } from "@/server/db/client-list-version";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The practitioner's clients-list version, read on its own: one parameter-free statement (the id
 * is checked as a uuid and written into the text), so one round trip on Postgres. Requests whose
 * session lookup already read it (see session-store.ts) skip this.
 */
export async function readClientListVersion(userId: string): Promise<string> {
  if (!UUID.test(userId)) throw new Error("readClientListVersion needs the user's id (a uuid)");
  const { sql } = await getDatabase();
  const rows = await sql.query<{ version: string }>(`select ${clientListVersionSql(`'${userId}'::uuid`)} as version`);
  return rows[0]?.version ?? "";
}
