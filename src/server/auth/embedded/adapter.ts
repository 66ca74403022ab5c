import type { AuthAdapter, AuthCall } from "../adapter";
import { googleSignInUnavailable, invalidCredentials, invalidResetLink } from "../errors";
import { RESET_PASSWORD_CONFIRM_PATH } from "../reset-link";
import { createAccount, findCredentials, replacePasswordHash } from "./accounts";
import { hashPassword, needsRehash, verifyPassword, DUMMY_PASSWORD_HASH } from "./password";
import { isLivePasswordReset, issuePasswordResetFor, spendPasswordReset } from "./password-resets";
import { forgetSessionsOf } from "./session-cache";
import { clearSessionCookie, readSessionCookie, sessionTransport, writeSessionCookie } from "./session-cookie";
import { closeAllSessions, closeSession, findSessionUser, openSession } from "./session-store";
import { isWellFormedToken } from "./tokens";

async function startSession(userId: string, call: AuthCall): Promise<void> {
  const ip = call.client.ip === "unknown" ? null : call.client.ip;
  const token = await openSession(userId, { ip, userAgent: call.client.userAgent }, sessionTransport(call.cookies));
  writeSessionCookie(call.cookies, token);
}

/** Built-in email + password accounts: users and sessions in the app's own database. */
export const embeddedAuth: AuthAdapter = {
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
};
