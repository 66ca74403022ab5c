import { sql } from "drizzle-orm";
import { resultRows } from "@/server/db/result-rows";
import type { AuthAdapter, AuthCall } from "../adapter";
import { CONFIRM_EMAIL_CHANGE_PATH } from "../email-change-link";
import {
  googleSignInUnavailable,
  invalidCredentials,
  invalidEmailChangeLink,
  invalidResetLink,
  wrongCurrentPassword,
} from "../errors";
import { RESET_PASSWORD_CONFIRM_PATH } from "../reset-link";
import type { SessionUser } from "../session-user";
import {
  createAccount,
  findCredentials,
  findCredentialsById,
  replacePasswordHash,
  setPasswordKeepingSession,
} from "./accounts";
import { findPendingEmailChange, issueEmailChange, spendEmailChange, withdrawEmailChanges } from "./email-changes";
import { hashPassword, needsRehash, verifyPassword, DUMMY_PASSWORD_HASH } from "./password";
import { isLivePasswordReset, issuePasswordResetFor, spendPasswordReset } from "./password-resets";
import { forgetSessionsOf } from "./session-cache";
import { clearSessionCookie, readSessionCookie, sessionTransport, writeSessionCookie } from "./session-cookie";
import {
  closeAllSessions,
  closeOtherSessions,
  closeSession,
  closeUserSession,
  findSessionUser,
  listUserSessions,
  openSession,
} from "./session-store";
import { hashToken, isWellFormedToken } from "./tokens";

async function startSession(userId: string, call: AuthCall): Promise<void> {
  const ip = call.client.ip === "unknown" ? null : call.client.ip;
  const token = await openSession(userId, { ip, userAgent: call.client.userAgent }, sessionTransport(call.cookies));
  writeSessionCookie(call.cookies, token);
}

/**
 * Verifies the account's current password (one scrypt verification whatever happens) and returns its
 * credentials; a wrong password, or an account without a password, changes nothing.
 */
async function verifiedCredentials(user: SessionUser, currentPassword: string) {
  const account = await findCredentialsById(user.id);
  const matches = await verifyPassword(currentPassword, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!account || !matches) throw wrongCurrentPassword();
  return account;
}

/** Built-in email + password accounts: users and sessions in the app's own database. */
export const embeddedAuth: AuthAdapter = {
  capabilities: { googleSignIn: false, sessionList: true, cancelEmailChange: true, userRecords: "app" },

  async currentUser(cookies) {
    const token = readSessionCookie(cookies);
    return token ? findSessionUser(token) : null;
  },

  async signUp({ email, password }, call) {
    // The password is hashed either way, so a taken email costs what a new account costs.
    const created = await createAccount(email, await hashPassword(password));
    if (!created.created) return { outcome: "email_taken", email };
    await startSession(created.userId, call);
    return { outcome: "created", account: { id: created.userId, email, signedIn: true } };
  },

  async signIn({ email, password }, call) {
    const account = await findCredentials(email);
    // Exactly one scrypt verification either way: an unknown email costs what a wrong password costs.
    const matches = await verifyPassword(password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!account || !matches) throw invalidCredentials();
    if (needsRehash(account.passwordHash)) await replacePasswordHash(account.userId, await hashPassword(password));
    await startSession(account.userId, call);
    return { id: account.userId, email: account.email };
  },

  async refuseSignIn({ email, password }) {
    const account = await findCredentials(email);
    await verifyPassword(password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
    throw invalidCredentials();
  },

  async signOut(call) {
    const token = readSessionCookie(call.cookies);
    if (token) await closeSession(token);
    clearSessionCookie(call.cookies);
  },

  async signOutEverywhere(user, call) {
    await closeAllSessions(user.id);
    clearSessionCookie(call.cookies);
  },

  async requestPasswordReset(email, call) {
    const issued = await issuePasswordResetFor(email);
    if (!issued) return null;
    return { to: issued.email, link: `${call.appOrigin}${RESET_PASSWORD_CONFIRM_PATH}?token=${issued.token}` };
  },

  async confirmPasswordReset(token, password, call, acceptPassword) {
    // The token first: an anonymous caller with a made-up token must not get a password judged or hashed.
    if (!isWellFormedToken(token) || !(await isLivePasswordReset(token))) throw invalidResetLink();
    await acceptPassword();
    const account = await spendPasswordReset(token, await hashPassword(password));
    if (!account) throw invalidResetLink();
    forgetSessionsOf(account.id);
    clearSessionCookie(call.cookies);
    return account;
  },

  async googleSignInUrl() {
    throw googleSignInUnavailable();
  },

  async completeOAuthSignIn() {
    throw googleSignInUnavailable();
  },

  async listSessions(user, call) {
    return listUserSessions(user.id, readSessionCookie(call.cookies));
  },

  async revokeSession(user, sessionId) {
    return closeUserSession(user.id, sessionId);
  },

  async revokeOtherSessions(user, call) {
    await closeOtherSessions(user.id, readSessionCookie(call.cookies));
  },

  async changePassword(user, { currentPassword, newPassword }, call, acceptPassword) {
    await verifiedCredentials(user, currentPassword);
    await acceptPassword();
    const token = readSessionCookie(call.cookies);
    await setPasswordKeepingSession(
      user.id,
      await hashPassword(newPassword),
      token ? hashToken(token) : Buffer.alloc(0),
    );
    forgetSessionsOf(user.id);
  },

  async requestEmailChange(user, { newEmail, currentPassword }, call) {
    await verifiedCredentials(user, currentPassword);
    const issued = await issueEmailChange(user.id, newEmail);
    // A taken address gets a note instead of a link; the caller's answer is the same either way.
    if (!issued.issued) return { to: newEmail, link: null };
    return { to: newEmail, link: `${call.appOrigin}${CONFIRM_EMAIL_CHANGE_PATH}?token=${issued.token}` };
  },

  async pendingEmailChange(user) {
    return findPendingEmailChange(user.id);
  },

  async cancelEmailChange(user) {
    await withdrawEmailChanges(user.id);
  },

  async confirmEmailChange(token) {
    if (!isWellFormedToken(token)) throw invalidEmailChangeLink();
    const changed = await spendEmailChange(token);
    // Sessions stay signed in; the ones cached in memory re-read the new address.
    forgetSessionsOf(changed.id);
    return changed;
  },

  async deleteUserRecords(tx, userId) {
    return resultRows(await tx.execute(sql`delete from auth.users where id = ${userId} returning 1`)).length;
  },

  async deleteUser(userId) {
    forgetSessionsOf(userId);
  },
};
