import { sql } from "drizzle-orm";

/** Validated ids as one `uuid[]` parameter (rather than hundreds of placeholders). */
export function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
