import type { SessionUser } from "./session-user";

/** Resolves the signed-in user from the request's cookies through the active auth adapter. */
export async function getSessionUser(_request: Request): Promise<SessionUser | null> {
  return null;
}
