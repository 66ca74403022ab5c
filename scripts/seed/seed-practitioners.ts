import { hashPassword } from "@/server/auth/embedded/password";
import type { SqlClient } from "@/server/db/sql-client";

/** The password of every seeded practitioner: development data only. */
export const SEED_PASSWORD = "omnicrm-seed-password";

export interface SeedPractitioner {
  id: string;
  email: string;
}

/** A practitioner who can sign in with `password` (embedded accounts), with a profile. */
export async function createPractitioner(
  sql: SqlClient,
  account: { email: string; passwordHash: string; displayName: string },
): Promise<string> {
  return sql.transaction(async (tx) => {
    const [created] = await tx.query<{ id: string }>(
      "insert into auth.users (id, email) values (gen_random_uuid(), $1) returning id",
      [account.email],
    );
    const userId = (created as { id: string }).id;
    await tx.query("insert into app_private.local_credentials (user_id, password_hash) values ($1, $2)", [
      userId,
      account.passwordHash,
    ]);
    await tx.query("insert into public.profiles (user_id, display_name) values ($1, $2)", [
      userId,
      account.displayName,
    ]);
    return userId;
  });
}

/** seed-1@example.test … seed-N@example.test, created with a password and a profile when missing. */
export async function ensureSeedPractitioners(sql: SqlClient, count: number): Promise<SeedPractitioner[]> {
  const passwordHash = await hashPassword(SEED_PASSWORD);
  const practitioners: SeedPractitioner[] = [];
  for (let index = 1; index <= count; index += 1) {
    const email = `seed-${index}@example.test`;
    const [existing] = await sql.query<{ id: string }>("select id from auth.users where email = $1", [email]);
    const id =
      existing?.id ??
      (await createPractitioner(sql, { email, passwordHash, displayName: `Seed Practitioner ${index}` }));
    practitioners.push({ id, email });
  }
  return practitioners;
}
