/** Messages the sign-in page can show after a redirect (`/sign-in?notice=…`); unknown keys show nothing. */
export const SIGN_IN_NOTICES = {
  "signed-out": "You have signed out.",
  "signed-out-everywhere": "You have been signed out on every device.",
  "password-changed": "Your password has been changed. Sign in with your new password.",
  "session-ended": "Your session has ended. Sign in again to continue.",
  "account-deleted": "Your account and all of its data have been deleted.",
} as const;

/** Problems a redirect back to sign-in reports (`/sign-in?error=…`). */
export const SIGN_IN_PROBLEMS = {
  google: "Google sign-in did not complete. Try again, or sign in with your email and password.",
} as const;

export type SignInNotice = keyof typeof SIGN_IN_NOTICES;

function lookup<T extends Record<string, string>>(table: T, key: string | string[] | undefined): string | undefined {
  const value = Array.isArray(key) ? key[0] : key;
  return value && Object.hasOwn(table, value) ? table[value as keyof T] : undefined;
}

export const signInNoticeText = (key: string | string[] | undefined) => lookup(SIGN_IN_NOTICES, key);
export const signInProblemText = (key: string | string[] | undefined) => lookup(SIGN_IN_PROBLEMS, key);
