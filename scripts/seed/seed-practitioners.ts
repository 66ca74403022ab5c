import { hashPassword } from "@/server/auth/embedded/password";
import type { SqlClient } from "@/server/db/sql-client";

/** The password of every seeded practitioner: development data only. */
export const SEED_PASSWORD = "omnicrm-seed-password";

export interface SeedPractitioner {
  id: string;
  email: string;
}

/** seed-1@example.test … seed-N@example.test, created with a password and a profile when missing. */
export async function ensureSeedPractitioners(sql: SqlClient, count: number): Promise<SeedPractitioner[]> {
  const passwordHash = await hashPassword(SEED_PASSWORD);
  const practitioners: SeedPractitioner[] = [];
  for (let index = 1; index <= count; index += 1) {
    const email = `seed-${index}@example.test`;
    const id = await sql.transaction(async (tx) => {
      const [existing] = await tx.query<{ id: string }>("select id from auth.users where email = $1", [email]);
      if (existing) return existing.id;
      const [created] = await tx.query<{ id: string }>(
        "insert into auth.users (id, email) values (gen_random_uuid(), $1) returning id",
        [email],
      );
      const userId = (created as { id: string }).id;
      await tx.query("insert into app_private.local_credentials (user_id, password_hash) values ($1, $2)", [
        userId,
        passwordHash,
      ]);
      await tx.query("insert into public.profiles (user_id, display_name) values ($1, $2)", [
        userId,
        `Seed Practitioner ${index}`,
      ]);
      return userId;
    });
    practitioners.push({ id, email });
  }
  return practitioners;
}
