import { log } from "@/server/observability/logger";
import type { AuthAdapter } from "../adapter";
import { memoryCookieJar } from "../cookie-jar";
import { invalidCredentials, invalidResetLink } from "../errors";
import { RESET_PASSWORD_CONFIRM_PATH } from "../reset-link";
import { verifyAccessToken } from "./access-token";
import { clearSupabaseCookies, supabaseFor } from "./client";
import { displayNameFor } from "./display-name";
import { fromSupabaseError } from "./errors";

function nameFromMetadata(metadata: Record<string, unknown> | undefined, email: string): string {
  const candidate = [metadata?.display_name, metadata?.full_name, metadata?.name].find(
    (value): value is string => typeof value === "string" && value.trim() !== "",
  );
  return (candidate ?? email.split("@")[0] ?? email).trim().slice(0, 120);
}

const TAKEN_EMAIL_CODES = new Set(["user_already_exists", "email_exists"]);

/** Supabase Auth through @supabase/ssr cookies; tokens verified locally, refreshed by supabase-js. */
export const supabaseAuth: AuthAdapter = {
  async currentUser(cookies) {
    // getSession reads the cookies and refreshes an expired token (the new cookies go back through the jar).
    const { data, error } = await supabaseFor(cookies).auth.getSession();
    if (error || !data.session) return null;
    const claims = await verifyAccessToken(data.session.access_token);
    if (!claims) return null;
    return { id: claims.sub, email: claims.email, displayName: await displayNameFor(claims.sub, claims.email) };
  },

  async signUp({ email, password, displayName }, call) {
    const { data, error } = await supabaseFor(call.cookies).auth.signUp({
      email,
      password,
      options: { data: { display_name: displayName }, emailRedirectTo: `${call.appOrigin}/auth/callback` },
    });
    // With email confirmation off, Supabase refuses an existing email; with it on, it answers with a user that
    // has no identities (and mails nothing: telling the owner is the caller's job).
    if (error && TAKEN_EMAIL_CODES.has(error.code ?? "")) return { outcome: "email_taken", email };
    if (error) throw fromSupabaseError(error);
    if (!data.user || data.user.identities?.length === 0) return { outcome: "email_taken", email };
    return {
      outcome: "created",
      account: { id: data.user.id, email: data.user.email ?? email, signedIn: data.session !== null },
    };
  },

  async signIn({ email, password }, call) {
    const { data, error } = await supabaseFor(call.cookies).auth.signInWithPassword({ email, password });
    if (error) throw fromSupabaseError(error);
    return { id: data.user.id, email: data.user.email ?? email };
  },

  async refuseSignIn({ email, password }, call) {
    // The same round trip as a real attempt, into a jar that never reaches the browser; a session it
    // opens (the right password) is revoked at once. Only an unreachable GoTrue answers differently.
    const client = supabaseFor(memoryCookieJar(call.cookies.secure));
    const { data, error } = await client.auth.signInWithPassword({ email, password });
    if (data.session) await client.auth.signOut({ scope: "local" });
    const answer = error ? fromSupabaseError(error) : invalidCredentials();
    throw answer.status === 503 ? answer : invalidCredentials();
  },

  async signOut(call) {
    const { error } = await supabaseFor(call.cookies).auth.signOut({ scope: "local" });
    if (error) log().warn({ err: error }, "supabase sign-out failed; clearing the session cookies anyway");
    clearSupabaseCookies(call.cookies);
  },

  async signOutEverywhere(_user, call) {
    const { error } = await supabaseFor(call.cookies).auth.signOut({ scope: "global" });
    if (error) throw fromSupabaseError(error);
    clearSupabaseCookies(call.cookies);
  },

  async requestPasswordReset(email, call) {
    // The PKCE verifier it would store is never needed (the link carries a token hash), so it stays in memory.
    const client = supabaseFor(memoryCookieJar(call.cookies.secure));
    const { error } = await client.auth.resetPasswordForEmail(email, {
      redirectTo: `${call.appOrigin}${RESET_PASSWORD_CONFIRM_PATH}`,
    });
    // The caller always gets the same answer; a failure here is for the operator.
    if (error) log().error({ err: error }, "supabase password reset request failed");
    return null;
  },

  async confirmPasswordReset(token, password, call, acceptPassword) {
    const recovery = supabaseFor(memoryCookieJar(call.cookies.secure));
    const verified = await recovery.auth.verifyOtp({ type: "recovery", token_hash: token });
    if (verified.error || !verified.data.session) throw invalidResetLink();
    // GoTrue spends the link when it verifies it: a refused password here needs a new link (the browser
    // form checks strength with the same rule before sending, so only a direct API caller gets here).
    await acceptPassword();
    const updated = await recovery.auth.updateUser({ password });
    if (updated.error) throw fromSupabaseError(updated.error);
    const revoked = await recovery.auth.signOut({ scope: "global" });
    if (revoked.error) throw fromSupabaseError(revoked.error);
    clearSupabaseCookies(call.cookies);
    const { user } = verified.data.session;
    return { id: user.id, email: user.email ?? "" };
  },

  async googleSignInUrl(call) {
    const { data, error } = await supabaseFor(call.cookies).auth.signInWithOAuth({
      provider: "google",
      options: { redirectTo: `${call.appOrigin}/auth/callback`, skipBrowserRedirect: true },
    });
    if (error) throw fromSupabaseError(error);
    return data.url;
  },

  async completeOAuthSignIn(code, call) {
    const { data, error } = await supabaseFor(call.cookies).auth.exchangeCodeForSession(code);
    if (error) throw fromSupabaseError(error);
    const email = data.user.email ?? "";
    return { id: data.user.id, email, suggestedDisplayName: nameFromMetadata(data.user.user_metadata, email) };
  },
};
