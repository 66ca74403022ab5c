/** How long an email-change confirmation link works (Supabase: the project's "Email OTP expiration" applies). */
export const EMAIL_CHANGE_LINK_HOURS = 24;

/** The page the confirmation mail links to; it reads `token` and posts it to `/api/auth/email-change/confirm`. */
export const CONFIRM_EMAIL_CHANGE_PATH = "/confirm-email";
