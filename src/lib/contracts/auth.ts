import { estimatePasswordStrength, WEAK_PASSWORD_MESSAGE, type PasswordContext } from "@/lib/password-strength";
import { z } from "@/lib/zod";

/** Contracts for `/api/auth/*`, shared by the route handlers and the browser forms. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254));

export const passwordSchema = z
  .string()
  .min(12, { message: "Use at least 12 characters" })
  .max(200, { message: "Use at most 200 characters" });

/**
 * The strength rule for a contract that sets a new `password`, judged with what the person told us (`context`).
 * Async: the estimator's dictionaries load on first use. A password already refused for its length is not scored.
 */
function strongPassword<T extends { password: string }>(context: (value: T) => PasswordContext) {
  return async (value: T, ctx: z.RefinementCtx<T>) => {
    if (!passwordSchema.safeParse(value.password).success) return;
    if ((await estimatePasswordStrength(value.password, context(value))).acceptable) return;
    ctx.addIssue({ code: "custom", path: ["password"], message: WEAK_PASSWORD_MESSAGE });
  };
}

export const signUpInput = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    displayName: z.string().trim().min(1, { message: "Tell us your name" }).max(120),
  })
  .superRefine(strongPassword(({ email, displayName }) => ({ email, displayName })));

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password" }).max(200),
});

export const resetPasswordInput = z.object({ email: emailSchema });

/** The code in a reset link; the confirm page refuses one of another shape (a link cut short) before asking for a password. */
export const resetTokenSchema = z.string().min(20).max(200);

/**
 * What `POST /api/auth/reset-password/confirm` parses before it looks at the token: shapes only. The
 * strength estimate costs real CPU, so the server runs it only for a live link (`assertStrongPassword`).
 */
export const confirmResetPasswordRequest = z.object({
  token: resetTokenSchema,
  password: passwordSchema,
});

/** The browser form's contract: the same fields with the strength rule (the link's token says nothing about whose account it is, so no context). */
export const confirmResetPasswordInput = confirmResetPasswordRequest.superRefine(strongPassword(() => ({})));

export const accountUser = z.object({ id: z.uuid(), email: z.string(), displayName: z.string() });

/** `GET /api/auth/user` and `POST /api/auth/sign-in`. */
export const authUserResponse = z.object({ user: accountUser });

/** What sign-up answers when it does not sign in: the same words whether the account is new or already existed. */
export const SIGN_UP_CHECK_EMAIL_MESSAGE = "Check your email to continue: we sent a message to the address you gave.";

/**
 * `POST /api/auth/sign-up` (201): signed in at once, or not (the provider wants the email confirmed first, or the
 * email already has an account and its owner was mailed instead): then no user and one fixed message.
 */
export const signUpResponse = z.discriminatedUnion("signedIn", [
  z.object({ signedIn: z.literal(true), user: accountUser }),
  z.object({ signedIn: z.literal(false), message: z.string() }),
]);

/** Sign-out, sign-out of all devices and a completed password reset. */
export const okResponse = z.object({ ok: z.literal(true) });

/** `POST /api/auth/reset-password` (202): the same answer whether or not the email has an account. */
export const resetPasswordResponse = z.object({ ok: z.literal(true), message: z.string() });

/** `GET /auth/callback`: what Supabase sends back after Google sign-in. */
export const oauthCallbackQuery = z.object({
  code: z.string().min(1).max(512).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
export type ConfirmResetPasswordInput = z.infer<typeof confirmResetPasswordInput>;
export type ConfirmResetPasswordRequest = z.infer<typeof confirmResetPasswordRequest>;
export type AccountUser = z.infer<typeof accountUser>;
export type AuthUserResponse = z.infer<typeof authUserResponse>;
export type SignUpResponse = z.infer<typeof signUpResponse>;
export type OkResponse = z.infer<typeof okResponse>;
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponse>;
export type OAuthCallbackQuery = z.infer<typeof oauthCallbackQuery>;
