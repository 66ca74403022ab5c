import { AppError } from "@/server/errors";
import { log } from "@/server/observability/logger";
import type { AuthAdapter, AuthCall } from "../adapter";
import { memoryCookieJar, type CookieJar } from "../cookie-jar";
import { CONFIRM_EMAIL_CHANGE_PATH } from "../email-change-link";
import { invalidCredentials, invalidEmailChangeLink, invalidResetLink, wrongCurrentPassword } from "../errors";
import { RESET_PASSWORD_CONFIRM_PATH } from "../reset-link";
import type { SessionUser } from "../session-user";
import { verifyAccessToken } from "./access-token";
import { deleteSupabaseUser } from "./admin";
import { clearSupabaseCookies, supabaseFor } from "./client";
import { fromSupabaseError } from "./errors";
import { sessionProfile } from "./session-profile";
import { deleteSupabaseSession, listSupabaseSessions } from "./sessions";

function nameFromMetadata(metadata: Record<string, unknown> | undefined, email: string): string {
  const candidate = [metadata?.display_name, metadata?.full_name, metadata?.name].find(
    (value): value is string => typeof value === "string" && value.trim() !== "",
  );
  return (candidate ?? email.split("@")[0] ?? email).trim().slice(0, 120);
}

const TAKEN_EMAIL_CODES = new Set(["user_already_exists", "email_exists"]);

/** The GoTrue session the request's access token belongs to (null when there is none). */
async function currentSessionId(cookies: CookieJar): Promise<string | null> {
  const { data } = await supabaseFor(cookies).auth.getSession();
  if (!data.session) return null;
  return (await verifyAccessToken(data.session.access_token))?.sessionId ?? null;
}

/**
 * Checks the account's current password with a sign-in whose session never reaches the browser (a jar
 * in memory) and is signed out at once. A wrong password changes nothing.
 */
async function verifyCurrentPassword(user: SessionUser, password: string, call: AuthCall): Promise<void> {
  const probe = supabaseFor(memoryCookieJar(call.cookies.secure), call.client);
  const { data, error } = await probe.auth.signInWithPassword({ email: user.email, password });
  if (data.session) await probe.auth.signOut({ scope: "local" });
  if (!error) return;
  const answer = fromSupabaseError(error);
  throw answer.code === "unauthorized" ? wrongCurrentPassword() : answer;
}

/** Supabase Auth through @supabase/ssr cookies; tokens verified locally, refreshed by supabase-js. */
export const supabaseAuth: AuthAdapter = {
  capabilities: { googleSignIn: true, sessionList: true, cancelEmailChange: false, userRecords: "provider" },

  async currentUser(cookies) {
    // getSession reads the cookies and refreshes an expired token (the new cookies go back through the jar).
    const { data, error } = await supabaseFor(cookies).auth.getSession();
    if (error || !data.session) return null;
    const claims = await verifyAccessToken(data.session.access_token);
    if (!claims) return null;
    const profile = await sessionProfile(claims.sub, claims.sessionId, claims.email);
    if (!profile.live) return null;
    return {
      id: claims.sub,
      email: profile.email,
      displayName: profile.displayName,
      ...(claims.sessionId ? { sessionKey: claims.sessionId } : {}),
    };
  },

  async signUp({ email, password, displayName }, call) {
    const { data, error } = await supabaseFor(call.cookies, call.client).auth.signUp({
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
    const { data, error } = await supabaseFor(call.cookies, call.client).auth.signInWithPassword({
      email,
      password,
    });
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
    const { data, error } = await supabaseFor(call.cookies, call.client).auth.exchangeCodeForSession(code);
    if (error) throw fromSupabaseError(error);
    const email = data.user.email ?? "";
    return { id: data.user.id, email, suggestedDisplayName: nameFromMetadata(data.user.user_metadata, email) };
  },

  async listSessions(user, call) {
    return listSupabaseSessions(user.id, await currentSessionId(call.cookies));
  },

  async revokeSession(user, sessionId) {
    return deleteSupabaseSession(user.id, sessionId);
  },

  async revokeOtherSessions(_user, call) {
    const { error } = await supabaseFor(call.cookies).auth.signOut({ scope: "others" });
    if (error) throw fromSupabaseError(error);
  },

  async changePassword(user, { currentPassword, newPassword }, call, acceptPassword) {
    await verifyCurrentPassword(user, currentPassword, call);
    await acceptPassword();
    const client = supabaseFor(call.cookies);
    const updated = await client.auth.updateUser({ password: newPassword });
    if (updated.error) throw fromSupabaseError(updated.error);
    const others = await client.auth.signOut({ scope: "others" });
    if (others.error) throw fromSupabaseError(others.error);
  },

  async requestEmailChange(user, { newEmail, currentPassword }, call) {
    await verifyCurrentPassword(user, currentPassword, call);
    const { error } = await supabaseFor(call.cookies).auth.updateUser(
      { email: newEmail },
      { emailRedirectTo: `${call.appOrigin}${CONFIRM_EMAIL_CHANGE_PATH}` },
    );
    // A taken address is answered like a free one (GoTrue mails nothing then), so the answer does not tell.
    if (error && !TAKEN_EMAIL_CODES.has(error.code ?? "")) throw fromSupabaseError(error);
    return null;
  },

  async pendingEmailChange(_user, call) {
    const { data, error } = await supabaseFor(call.cookies).auth.getUser();
    if (error) throw fromSupabaseError(error);
    const newEmail = data.user.new_email;
    if (!newEmail) return null;
    const sentAt = data.user.email_change_sent_at;
    return { newEmail, requestedAt: sentAt ? new Date(sentAt).toISOString() : null };
  },

  async cancelEmailChange() {
    throw new AppError(
      "bad_request",
      "A pending email change cannot be withdrawn with Supabase Auth: its link expires on its own, and a new request replaces it.",
    );
  },

  async confirmEmailChange(token, call) {
    const client = supabaseFor(memoryCookieJar(call.cookies.secure));
    const { data, error } = await client.auth.verifyOtp({ type: "email_change", token_hash: token });
    if (error || !data.user) throw invalidEmailChangeLink();
    // GoTrue opens a session when it verifies the link; it never reaches a browser.
    if (data.session) await client.auth.signOut({ scope: "local" });
    // GoTrue does not say the previous address; its own "email changed" notice goes there.
    return { id: data.user.id, previousEmail: null, email: data.user.email ?? "" };
  },

  async deleteUserRecords() {
    // auth.users and everything under it belong to GoTrue, which deletes them in deleteUser.
    return 0;
  },

  async deleteUser(userId) {
    await deleteSupabaseUser(userId);
  },
};
