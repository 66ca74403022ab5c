import { env } from "@/server/config/env";
import { AppError } from "@/server/errors";
import { supabaseServiceClient } from "@/server/supabase/client-factory";
import { supabaseUrl } from "./client";

/** GoTrue's admin API with the project's secret key: server-only, never bound to a request's session. */
function adminAuth() {
  const secretKey = env.SUPABASE_SECRET_KEY;
  if (!secretKey) throw new Error("SUPABASE_SECRET_KEY is not set: the Supabase admin API is not available");
  return supabaseServiceClient(supabaseUrl(), secretKey).auth.admin;
}

/**
 * Deletes the Supabase Auth user (`DELETE /admin/users/{id}`, a hard delete): GoTrue removes its own
 * rows (identities, sessions, refresh tokens) and auth.users, whose foreign keys cascade. A user
 * already gone counts as deleted, so a retry after a partial failure succeeds.
 */
export async function deleteSupabaseUser(userId: string): Promise<void> {
  const { error } = await adminAuth().deleteUser(userId, false);
  if (!error || error.status === 404) return;
  throw new AppError("unavailable", "Your sign-in could not be removed just now. Try again shortly.", {
    cause: error,
  });
}
