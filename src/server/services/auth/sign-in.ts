import type { AuthUserResponse, SignInInput } from "@/lib/contracts/auth";
import { authAdapter, type AuthCall } from "@/server/auth/adapter";
import { recordAuthEvent, recordSignInFailure } from "@/server/services/audit";
import { getProfile } from "@/server/services/profiles";
import { countFailedSignIn, isFailedGuess, isSignInLocked } from "./account-lock";

/**
 * Checks the password and opens a session; every failure is the same 401. A locked account (too many
 * failures, whatever the addresses) does the same work and gives the same 401, even for the right
 * password, so a guesser cannot tell the lock from a miss. Both outcomes are audited.
 */
export async function signIn(input: SignInInput, call: AuthCall): Promise<AuthUserResponse> {
  const adapter = await authAdapter();
  const locked = await isSignInLocked(input.email);
  const attempt = locked ? adapter.refuseSignIn(input, call) : adapter.signIn(input, call);
  const account = await attempt.catch(async (error: unknown) => {
    if (isFailedGuess(error)) await countFailedSignIn(input.email, call.appOrigin);
    await recordSignInFailure(input.email, error);
    throw error;
  });
  await recordAuthEvent(account.id, "auth.sign_in.succeeded", { method: "password" });
  const profile = await getProfile(account.id);
  const displayName = profile?.displayName ?? account.email.split("@")[0] ?? account.email;
  return { user: { id: account.id, email: account.email, displayName } };
}
