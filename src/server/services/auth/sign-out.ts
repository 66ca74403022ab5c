import type { OkResponse } from "@/lib/contracts/auth";
import { authAdapter, type AuthCall } from "@/server/auth/adapter";
import type { SessionUser } from "@/server/auth/session-user";
import { recordAuthEvent } from "@/server/services/audit";

/** Ends this browser's session (signed out already is fine); the account it belonged to gets an audit event. */
export async function signOut(call: AuthCall): Promise<OkResponse> {
  const adapter = await authAdapter();
  const user = await adapter.currentUser(call.cookies);
  await adapter.signOut(call);
  if (user) await recordAuthEvent(user.id, "auth.signed_out");
  return { ok: true };
}

/** Ends every session of the account, on every device, this one included. */
export async function signOutEverywhere(user: SessionUser, call: AuthCall): Promise<OkResponse> {
  await (await authAdapter()).signOutEverywhere(user, call);
  await recordAuthEvent(user.id, "auth.signed_out_everywhere");
  return { ok: true };
}
