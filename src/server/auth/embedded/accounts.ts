import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

export interface Credentials {
  userId: string;
  email: string;
  passwordHash: string;
}

const UNIQUE_VIOLATION = "23505";

export function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

/** A new user's id, or not created when the (already normalised) email has an account: then nothing was written. */
export type CreatedAccount = { created: true; userId: string } | { created: false };

/** Creates the user and its password in one transaction; the email is already normalised. */
export async function createAccount(email: string, passwordHash: string): Promise<CreatedAccount> {
  try {
    const userId = await withSystemDb("auth:create-account", async (tx) => {
      const [row] = resultRows<{ id: string }>(
        await tx.execute(sql`insert into auth.users (id, email) values (gen_random_uuid(), ${email}) returning id`),
      );
      const userId = (row as { id: string }).id;
      await tx.execute(
        sql`insert into app_private.local_credentials (user_id, password_hash) values (${userId}, ${passwordHash})`,
      );
      return userId;
    });
    return { created: true, userId };
  } catch (error) {
    if (isUniqueViolation(error)) return { created: false };
    throw error;
  }
}

export async function findCredentials(email: string): Promise<Credentials | null> {
  const rows = await withSystemDb("auth:find-credentials", async (tx) =>
    resultRows<{ user_id: string; email: string; password_hash: string }>(
      await tx.execute(sql`
        select u.id as user_id, u.email, c.password_hash
          from auth.users u join app_private.local_credentials c on c.user_id = u.id
         where u.email = ${email}`),
    ),
  );
  const row = rows[0];
  return row ? { userId: row.user_id, email: row.email, passwordHash: row.password_hash } : null;
}

export async function replacePasswordHash(userId: string, passwordHash: string): Promise<void> {
  await withSystemDb("auth:replace-password", (tx) =>
    tx.execute(sql`
      update app_private.local_credentials set password_hash = ${passwordHash}, updated_at = now()
       where user_id = ${userId}`),
  );
}

/** The credentials of an account by its id (the email may have changed since the session began). */
export async function findCredentialsById(userId: string): Promise<Credentials | null> {
  const rows = await withSystemDb("auth:find-credentials-by-id", async (tx) =>
    resultRows<{ user_id: string; email: string; password_hash: string }>(
      await tx.execute(sql`
        select u.id as user_id, u.email, c.password_hash
          from auth.users u join app_private.local_credentials c on c.user_id = u.id
         where u.id = ${userId}`),
    ),
  );
  const row = rows[0];
  return row ? { userId: row.user_id, email: row.email, passwordHash: row.password_hash } : null;
}

/**
 * Sets a new password hash and signs out every other session of the account (the one whose token hash
 * is `keepTokenHash` stays), and kills pending reset links, in one transaction.
 */
export async function setPasswordKeepingSession(
  userId: string,
  passwordHash: string,
  keepTokenHash: Buffer,
): Promise<void> {
  await withSystemDb("auth:change-password", async (tx) => {
    await tx.execute(sql`
      update app_private.local_credentials set password_hash = ${passwordHash}, updated_at = now()
       where user_id = ${userId}`);
    await tx.execute(sql`
      update app_private.password_resets set used_at = now() where user_id = ${userId} and used_at is null`);
    await tx.execute(sql`
      delete from app_private.sessions where user_id = ${userId} and token_hash <> ${keepTokenHash}`);
  });
}
