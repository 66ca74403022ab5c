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
    // A split working week (lunch 13:00–14:00, Friday mornings) and a daily limit, as a practice would set it.
    await tx.query("insert into public.availability_settings (user_id, daily_booking_limit) values ($1, 6)", [userId]);
    await tx.query(
      `insert into public.availability_weekly_ranges (user_id, weekday, start_minute, end_minute)
       select $1::uuid, weekday, range[1], range[2]
         from generate_series(1, 4) as weekday, (values (array[540, 780]), (array[840, 1080])) as ranges(range)
       union all select $1::uuid, 5, 540, 780`,
      [userId],
    );
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
