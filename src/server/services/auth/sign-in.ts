import type { AuthUserResponse, SignInInput } from "@/lib/contracts/auth";
import { authAdapter, type AuthCall } from "@/server/auth/adapter";
import { recordAuthEvent, recordSignInFailure } from "@/server/services/audit";
import { getProfile } from "@/server/services/profiles";

/** Checks the password and opens a session; every failure is the same 401. Both outcomes are audited. */
export async function signIn(input: SignInInput, call: AuthCall): Promise<AuthUserResponse> {
  const account = await (await authAdapter()).signIn(input, call).catch(async (error: unknown) => {
    await recordSignInFailure(input.email, error);
    throw error;
  });
  await recordAuthEvent(account.id, "auth.sign_in.succeeded", { method: "password" });
  const profile = await getProfile(account.id);
  const displayName = profile?.displayName ?? account.email.split("@")[0] ?? account.email;
  return { user: { id: account.id, email: account.email, displayName } };
}
