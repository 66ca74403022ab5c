import type { SignUpInput, SignUpResponse } from "@/lib/contracts/auth";
import { authAdapter, type AuthCall } from "@/server/auth/adapter";
import { ensureProfile } from "@/server/services/profiles";

/** Creates the account and its profile, and signs in (unless the provider first wants the email confirmed). */
export async function signUp(input: SignUpInput, call: AuthCall): Promise<SignUpResponse> {
  const account = await (await authAdapter()).signUp(input, call);
  await ensureProfile(account.id, input.displayName);
  return { user: { id: account.id, email: account.email, displayName: input.displayName }, signedIn: account.signedIn };
}
