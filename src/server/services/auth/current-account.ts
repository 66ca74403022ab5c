import type { AuthUserResponse } from "@/lib/contracts/auth";
import type { SessionUser } from "@/server/auth/session-user";

/** The signed-in practitioner as the browser sees it (already resolved with the session: no extra query). */
export function currentAccount(user: SessionUser): AuthUserResponse {
  return { user: { id: user.id, email: user.email, displayName: user.displayName } };
}
