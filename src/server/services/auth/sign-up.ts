import { SIGN_UP_CHECK_EMAIL_MESSAGE, type SignUpInput, type SignUpResponse } from "@/lib/contracts/auth";
import { authAdapter, type AuthCall } from "@/server/auth/adapter";
import { sendMail } from "@/server/mail";
import { ensureProfile } from "@/server/services/profiles";
import { signUpAttemptMail } from "./sign-up-attempt-mail";

const CHECK_EMAIL: SignUpResponse = { signedIn: false, message: SIGN_UP_CHECK_EMAIL_MESSAGE };

/**
 * Creates the account and its profile, and signs in unless the provider first wants the email confirmed. An email
 * that already has an account gets the "check your email" answer a confirmation gets, and its owner a message
 * saying so: no 409 that would tell a stranger the address is a practitioner's.
 */
export async function signUp(input: SignUpInput, call: AuthCall): Promise<SignUpResponse> {
  const result = await (await authAdapter()).signUp(input, call);
  if (result.outcome === "email_taken") {
    await sendMail(signUpAttemptMail(result.email, call.appOrigin));
    return CHECK_EMAIL;
  }
  const { account } = result;
  await ensureProfile(account.id, input.displayName);
  if (!account.signedIn) return CHECK_EMAIL;
  return { signedIn: true, user: { id: account.id, email: account.email, displayName: input.displayName } };
}
