import type { OAuthCallbackQuery } from "@/lib/contracts/auth";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/next-path";
import { authAdapter, type AuthCall } from "@/server/auth/adapter";
import { log } from "@/server/observability/logger";
import { recordAuthEvent } from "@/server/services/audit";
import { ensureProfile } from "@/server/services/profiles";

/** Where Google sign-in sends the practitioner back when it did not complete. */
export const GOOGLE_SIGN_IN_FAILED_PATH = "/sign-in?error=google";

/** The provider URL that starts Google sign-in (Supabase Auth only). */
export async function startGoogleSignIn(call: AuthCall): Promise<string> {
  return (await authAdapter()).googleSignInUrl(call);
}

/**
 * Exchanges the code Supabase sent back for a session and makes sure a profile exists.
 * Returns the absolute URL to send the browser to next, whatever happened.
 */
export async function finishGoogleSignIn(query: OAuthCallbackQuery, call: AuthCall): Promise<string> {
  if (!query.code) {
    log().warn({ providerError: query.error }, "google sign-in came back without a code");
    return `${call.appOrigin}${GOOGLE_SIGN_IN_FAILED_PATH}`;
  }
  try {
    const identity = await (await authAdapter()).completeOAuthSignIn(query.code, call);
    await ensureProfile(identity.id, identity.suggestedDisplayName);
    await recordAuthEvent(identity.id, "auth.sign_in.succeeded", { method: "google" });
    return `${call.appOrigin}${DEFAULT_SIGNED_IN_PATH}`;
  } catch (error) {
    log().warn({ err: error }, "google sign-in did not complete");
    return `${call.appOrigin}${GOOGLE_SIGN_IN_FAILED_PATH}`;
  }
}
