import {
  isAuthError,
  isAuthRetryableFetchError,
  isAuthSessionMissingError,
  type AuthError,
} from "@supabase/supabase-js";
import { AppError } from "@/server/errors";
import { emailTaken, invalidCredentials } from "../errors";

const tooManyAttempts = () => new AppError("rate_limited", "Too many attempts. Wait a few minutes and try again.");
const sessionEnded = () => new AppError("unauthorized", "Your session has ended. Sign in again.");
const oauthIncomplete = () =>
  new AppError("unauthorized", "Google sign-in did not complete. Start again from the sign-in page.");

/** Supabase Auth error codes the practitioner can act on, and what we answer for each. */
const ANSWERS: Record<string, (error: AuthError) => AppError> = {
  invalid_credentials: invalidCredentials,
  user_already_exists: emailTaken,
  email_exists: emailTaken,
  email_not_confirmed: () => new AppError("forbidden", "Confirm your email address first: we sent you a link."),
  weak_password: (error) =>
    new AppError("validation_failed", "Choose a stronger password.", {
      details: [{ path: "password", message: error.message }],
    }),
  same_password: () =>
    new AppError("validation_failed", "Choose a password you have not used before.", {
      details: [{ path: "password", message: "Choose a password you have not used before." }],
    }),
  email_address_invalid: () =>
    new AppError("validation_failed", "Enter a valid email address.", {
      details: [{ path: "email", message: "Enter a valid email address." }],
    }),
  signup_disabled: () => new AppError("forbidden", "New accounts are not accepted at the moment."),
  user_banned: invalidCredentials,
  over_request_rate_limit: tooManyAttempts,
  over_email_send_rate_limit: tooManyAttempts,
  flow_state_not_found: oauthIncomplete,
  flow_state_expired: oauthIncomplete,
  bad_code_verifier: oauthIncomplete,
  bad_oauth_state: oauthIncomplete,
  bad_oauth_callback: oauthIncomplete,
  pkce_code_verifier_not_found: oauthIncomplete,
  refresh_token_not_found: sessionEnded,
  refresh_token_already_used: sessionEnded,
  session_not_found: sessionEnded,
  session_expired: sessionEnded,
};

/** Maps anything supabase-js returned as an error to the one error type; unknown failures stay 5xx. */
export function fromSupabaseError(error: unknown): AppError {
  if (isAuthRetryableFetchError(error)) {
    return new AppError("unavailable", "The sign-in service cannot be reached. Try again shortly.", { cause: error });
  }
  if (isAuthSessionMissingError(error)) return sessionEnded();
  if (isAuthError(error) && error.code && ANSWERS[error.code])
    return (ANSWERS[error.code] as (e: AuthError) => AppError)(error);
  return new AppError(
    "internal",
    "Something went wrong on our side. Try again, and contact support if it keeps happening.",
    {
      cause: error,
    },
  );
}
