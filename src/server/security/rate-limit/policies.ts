import { env } from "@/server/config/env";

/**
 * Named limits, one row per kind of caller. `route.ts` keys each hit by the signed-in user, else the
 * client IP, plus any extra material the route adds (the email on sign-in and reset).
 * `failClosed` policies refuse requests when the limiter cannot be reached: they guard credentials
 * and anonymous endpoints, where an unmetered window is an open door for guessing and spam.
 */
export const RATE_LIMIT_POLICIES = {
  /** Per IP + email: slows password guessing against one account without locking it for everyone. */
  signIn: { limit: 5, windowSeconds: 15 * 60, failClosed: true },
  /** Per IP, whatever the email: one address guessing a password or two at many accounts (spraying). */
  signInIp: { limit: 20, windowSeconds: 15 * 60, failClosed: true },
  /**
   * Per account (the normalised email, known or not), whatever the address: failed sign-ins only.
   * At the limit the account is locked for the rest of the window (the right password is refused
   * like a wrong one) and its owner is mailed once; a password reset unlocks it.
   */
  signInAccountFailures: { limit: 10, windowSeconds: 15 * 60, failClosed: true },
  /** Per IP + email: reset mail is an outbound side effect, so it is as scarce as sign-in. */
  passwordReset: { limit: 5, windowSeconds: 15 * 60, failClosed: true },
  /** Per IP, whatever the email: one address cannot mail reset links to a list of accounts. */
  passwordResetIp: { limit: 10, windowSeconds: 60 * 60, failClosed: true },
  /** Per IP: a household or office behind one address still gets a few accounts an hour. */
  signUp: { limit: env.RATE_LIMIT_SIGN_UPS_PER_HOUR, windowSeconds: 60 * 60, failClosed: true },
  /** Per signed-in user, writes: generous for a busy practitioner, stops a runaway client script. */
  api: { limit: 300, windowSeconds: 60, failClosed: false },
  /**
   * Per signed-in user, reads (the default for GET): pages fetch several resources at once and poll,
   * so it is wider than `api`; a script scraping every record still meets it.
   */
  read: { limit: env.RATE_LIMIT_READS_PER_MINUTE, windowSeconds: 60, failClosed: false },
  /** Per signed-in user: a full data export reads every table and file of the account. */
  accountExport: { limit: 5, windowSeconds: 60 * 60, failClosed: false },
  /** Per signed-in user: typed-confirmation attempts at deleting the account. */
  accountDelete: { limit: 10, windowSeconds: 15 * 60, failClosed: true },
  /** Per account: password changes, each of which verifies the current password (a guess costs one of these). */
  passwordChange: { limit: 5, windowSeconds: 15 * 60, failClosed: true },
  /** Per account: email changes verify the current password and mail the new address. */
  emailChange: { limit: 5, windowSeconds: 60 * 60, failClosed: true },
  /** Per signed-in user: requests that call the AI provider. The monthly token quota bounds cost; this bounds bursts. */
  aiCall: { limit: 20, windowSeconds: 60, failClosed: false },
  /** Per IP: anonymous endpoints such as intake forms. */
  public: { limit: 60, windowSeconds: 60, failClosed: true },
  /** Per IP: intake submissions; a household filling in a few forms fits, a form-spamming script does not. */
  intakeSubmitIp: { limit: 10, windowSeconds: 10 * 60, failClosed: true },
  /** Per intake token: a shared multi-use link still fills steadily, a leaked one cannot be flooded. */
  intakeSubmitToken: { limit: 30, windowSeconds: 10 * 60, failClosed: true },
} as const satisfies Record<string, RateLimitPolicy>;

export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
  failClosed: boolean;
}

export type PolicyName = keyof typeof RATE_LIMIT_POLICIES;

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/**
 * The policy of a route that names none: reads and writes per signed-in user, `public` per address
 * for anonymous callers. A route opts out only with `rateLimit: { none: "<why>" }`.
 */
export function defaultRateLimit(method: string, signedIn: boolean): PolicyName {
  if (!signedIn) return "public";
  return SAFE_METHODS.has(method.toUpperCase()) ? "read" : "api";
}

/** A limiter slower than this counts as unreachable: a request never waits long on its own meter. */
export const LIMITER_TIMEOUT_MS = 1_000;

/** What a fail-closed refusal tells the caller to wait before trying again. */
export const LIMITER_UNAVAILABLE_RETRY_SECONDS = 30;
