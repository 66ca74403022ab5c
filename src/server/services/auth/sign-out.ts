import type { OkResponse } from "@/lib/contracts/auth";
import { authAdapter, type AuthCall } from "@/server/auth/adapter";
import type { SessionUser } from "@/server/auth/session-user";

/** Ends this browser's session (signed out already is fine). */
export async function signOut(call: AuthCall): Promise<OkResponse> {
  await (await authAdapter()).signOut(call);
  return { ok: true };
}

/** Ends every session of the account, on every device, this one included. */
export async function signOutEverywhere(user: SessionUser, call: AuthCall): Promise<OkResponse> {
  await (await authAdapter()).signOutEverywhere(user, call);
  return { ok: true };
}
