import { isAppError } from "@/server/errors";
import { afterResponse } from "@/server/lifecycle/after-response";
import { recordAccountLock } from "@/server/observability/metrics";
import { log } from "@/server/observability/logger";
import { clearCount, countEvent, readCount } from "@/server/security/rate-limit";
import { mailLockNotice } from "./account-lock-notice";

/** The per-account policy (see policies.ts): failed sign-ins counted whatever the caller's address. */
const POLICY = "signInAccountFailures";

/** The counter's key: the normalised email, known or not, so a lock never tells whether an account exists. */
const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

/** Whether the account's failed sign-ins have reached the policy's limit in its window. */
export async function isSignInLocked(email: string): Promise<boolean> {
  return !(await readCount(POLICY, accountKey(email))).allowed;
}

/** A wrong password (or a refusal while locked) counts; a 503 or a validation error is not a guess. */
export function isFailedGuess(error: unknown): boolean {
  return isAppError(error) && error.code === "unauthorized";
}

/**
 * Counts one failed sign-in. The failure that reaches the limit starts a lock: counted once in the
 * metric, logged by key hash, and mailed to the owner after the response (so that answer takes no
 * longer than any other wrong password). Later failures in the window find the limit passed and do nothing more.
 */
export async function countFailedSignIn(email: string, appOrigin: string): Promise<void> {
  const state = await countEvent(POLICY, accountKey(email));
  if (!state.allowed || state.remaining > 0) return;
  recordAccountLock();
  log().warn(
    { policy: POLICY, keyKind: "account", unlocksAt: new Date(state.resetAtMs).toISOString() },
    "account locked",
  );
  afterResponse("auth:account-lock-notice", () => mailLockNotice(email, state.resetAtMs, appOrigin));
}

/**
 * A password reset proves the owner: the account's failed sign-ins are forgotten and any lock ends.
 * The new password is already set when this runs, so an unreachable store is logged, not answered
 * as a failure: the lock then lifts with its window.
 */
export async function clearSignInLock(email: string): Promise<void> {
  await clearCount(POLICY, accountKey(email)).catch((error: unknown) => {
    log().warn({ policy: POLICY, keyKind: "account", err: error }, "could not clear the sign-in lock after a reset");
  });
}
