import { AppError } from "@/server/errors";

/** The one answer for every failed sign-in, so it never tells whether the email has an account. */
export function invalidCredentials(): AppError {
  return new AppError("unauthorized", "The email or password is incorrect.");
}

export function emailTaken(): AppError {
  return new AppError(
    "conflict",
    "An account with this email already exists. Sign in instead, or reset your password.",
  );
}

export function invalidResetLink(): AppError {
  return new AppError("bad_request", "This reset link is invalid, expired or already used. Ask for a new one.");
}

export function googleSignInUnavailable(): AppError {
  return new AppError("not_found", "Google sign-in is available when OmniCRM runs with Supabase Auth.");
}

export function invalidEmailChangeLink(): AppError {
  return new AppError(
    "bad_request",
    "This confirmation link is invalid, expired, withdrawn or already used. Ask for a new one in Settings → Security.",
  );
}

/** A wrong current password on a signed-in change: a field error, so it never reads as a lost session. */
export function wrongCurrentPassword(): AppError {
  return new AppError("validation_failed", "The current password is incorrect.", {
    details: [{ path: "currentPassword", message: "The current password is incorrect." }],
  });
}
