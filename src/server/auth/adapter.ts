import { runMode } from "@/server/config/mode";
import type { DbTransaction } from "@/server/db";
import type { CookieJar } from "./cookie-jar";
import type { SessionUser } from "./session-user";

/** Who is calling, as recorded beside a session. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/** One auth operation's view of the request: its cookies (and where new ones go), the caller, the app's origin. */
export interface AuthCall {
  cookies: CookieJar;
  client: ClientInfo;
  /** Base of links sent by mail and OAuth redirects: APP_URL, else the request's origin. */
  appOrigin: string;
}

export interface AccountIdentity {
  id: string;
  email: string;
}

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
}

export interface SignedUp extends AccountIdentity {
  /** False when the provider first wants the email confirmed (no session cookie was set). */
  signedIn: boolean;
}

/**
 * What a sign-up did: created an account, or found that the email already has one (then nothing changed and no
 * session was opened; the caller answers as if the account were new, so the answer does not tell).
 */
export type SignUpResult = { outcome: "created"; account: SignedUp } | { outcome: "email_taken"; email: string };

/** A reset mail the app must deliver itself (the embedded adapter); Supabase mails its own. */
export interface ResetMail {
  to: string;
  link: string;
}

export interface OAuthIdentity extends AccountIdentity {
  /** The name the identity provider knows, for a first profile. */
  suggestedDisplayName: string;
}

/** What the running adapter offers, so that nothing outside src/server/auth asks which adapter it is. */
export interface AuthCapabilities {
  /** "Continue with Google" on the sign-in and sign-up pages. */
  googleSignIn: boolean;
  /** The account's sessions can be listed and signed out one by one. */
  sessionList: boolean;
  /** A pending email change can be withdrawn before its link is used. */
  cancelEmailChange: boolean;
  /**
   * Who keeps the account's sign-in records: "app" (rows in this database, deleted in the account
   * deletion's transaction) or "provider" (Supabase Auth owns the `auth` schema and deletes its rows,
   * auth.users included, through its own API once the app's data is gone).
   */
  userRecords: "app" | "provider";
}

/** One signed-in session of the account, as Settings → Security lists it. */
export interface AccountSession {
  id: string;
  /** The session this request is made with. */
  current: boolean;
  /** ISO timestamps. */
  createdAt: string;
  lastSeenAt: string;
  /** The client address recorded when the session was opened (null when unknown). */
  ip: string | null;
  userAgent: string;
}

/**
 * A mail to the new address the app must deliver itself (the embedded adapter; Supabase mails its own):
 * the confirmation link, or, when the address already belongs to an account, no link (a note instead).
 */
export interface EmailChangeMail {
  to: string;
  link: string | null;
}

export interface PendingEmailChange {
  newEmail: string;
  /** ISO timestamp, when known. */
  requestedAt: string | null;
}

export interface ConfirmedEmailChange {
  id: string;
  /** The address the account had, for the app's notice; null when the provider sends that notice itself. */
  previousEmail: string | null;
  email: string;
}

/** One session interface; `runMode.auth` picks the adapter. Errors are `AppError`s. */
export interface AuthAdapter {
  readonly capabilities: AuthCapabilities;
  currentUser(cookies: CookieJar): Promise<SessionUser | null>;
  signUp(account: NewAccount, call: AuthCall): Promise<SignUpResult>;
  signIn(credentials: { email: string; password: string }, call: AuthCall): Promise<AccountIdentity>;
  /**
   * Does the work of a sign-in attempt (the same lookups and password check) but opens no session and
   * always fails as a wrong password does: what a locked account answers, so the lock cannot be told apart.
   */
  refuseSignIn(credentials: { email: string; password: string }, call: AuthCall): Promise<never>;
  signOut(call: AuthCall): Promise<void>;
  signOutEverywhere(user: SessionUser, call: AuthCall): Promise<void>;
  requestPasswordReset(email: string, call: AuthCall): Promise<ResetMail | null>;
  /**
   * Returns the account whose password was reset. `acceptPassword` runs once the token is known to be
   * live and before the password is hashed or set; it throws to refuse the password.
   */
  confirmPasswordReset(
    token: string,
    password: string,
    call: AuthCall,
    acceptPassword: () => Promise<void>,
  ): Promise<AccountIdentity>;
  googleSignInUrl(call: AuthCall): Promise<string>;
  completeOAuthSignIn(code: string, call: AuthCall): Promise<OAuthIdentity>;

  /** The account's live sessions, newest first, the caller's own marked `current`. */
  listSessions(user: SessionUser, call: AuthCall): Promise<AccountSession[]>;
  /** Signs out one session of this account; false when the id is not a live session of this account. */
  revokeSession(user: SessionUser, sessionId: string, call: AuthCall): Promise<boolean>;
  /** Signs out every session of the account but the caller's own. */
  revokeOtherSessions(user: SessionUser, call: AuthCall): Promise<void>;
  /**
   * Verifies the current password, then sets the new one; every other session is signed out, the
   * caller's stays. `acceptPassword` runs after the current password is verified and before the new
   * one is hashed or sent; it throws to refuse the new password. A wrong current password changes nothing.
   */
  changePassword(
    user: SessionUser,
    passwords: { currentPassword: string; newPassword: string },
    call: AuthCall,
    acceptPassword: () => Promise<void>,
  ): Promise<void>;
  /**
   * Verifies the current password and starts a change to `newEmail`: the confirmation goes to the new
   * address and nothing changes until its link is used. Returns the mail the app must send, or null
   * when the provider mails it.
   */
  requestEmailChange(
    user: SessionUser,
    input: { newEmail: string; currentPassword: string },
    call: AuthCall,
  ): Promise<EmailChangeMail | null>;
  pendingEmailChange(user: SessionUser, call: AuthCall): Promise<PendingEmailChange | null>;
  /** Withdraws a pending change (only when `capabilities.cancelEmailChange`). */
  cancelEmailChange(user: SessionUser, call: AuthCall): Promise<void>;
  /** Applies the change a confirmation link stands for; the link works once. */
  confirmEmailChange(token: string, call: AuthCall): Promise<ConfirmedEmailChange>;

  /**
   * Account deletion, inside its transaction: removes the account's sign-in rows the app keeps (the
   * embedded auth.users row; nothing with Supabase). Returns the rows removed.
   */
  deleteUserRecords(tx: DbTransaction, userId: string): Promise<number>;
  /**
   * Account deletion, after its transaction committed: the provider deletes the user (Supabase's admin
   * API), and nothing of the account's sessions stays trusted in memory. Idempotent.
   */
  deleteUser(userId: string): Promise<void>;
}

const loaders: Record<typeof runMode.auth, () => Promise<AuthAdapter>> = {
  embedded: async () => (await import("./embedded/adapter")).embeddedAuth,
  supabase: async () => (await import("./supabase/adapter")).supabaseAuth,
};

let active: Promise<AuthAdapter> | undefined;

/** The adapter serving this process, loaded once (Supabase's SDK stays unloaded in embedded mode). */
export function authAdapter(): Promise<AuthAdapter> {
  active ??= loaders[runMode.auth]().catch((error: unknown) => {
    active = undefined;
    throw error;
  });
  return active;
}

/** What the running adapter offers (Google sign-in, session lists, …), for pages and services that adapt to it. */
export async function authCapabilities(): Promise<AuthCapabilities> {
  return (await authAdapter()).capabilities;
}
