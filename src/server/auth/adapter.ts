import { runMode } from "@/server/config/mode";
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

/** One session interface; `runMode.auth` picks the adapter. Errors are `AppError`s. */
export interface AuthAdapter {
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
