/** How long a password reset link works (Supabase: set the same "Email OTP expiration" in the project). */
export const RESET_LINK_MINUTES = 60;

/** The page the reset mail links to; the UI reads `token` from it and posts it to the confirm route. */
export const RESET_PASSWORD_CONFIRM_PATH = "/reset-password/confirm";
