import { z } from "zod";

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

export const signUpInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1, { message: "Tell us your name" }).max(120),
});

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password" }).max(200),
});

export const resetPasswordInput = z.object({ email: emailSchema });

export const confirmResetPasswordInput = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

export const authUserResponse = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
});

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;
export type AuthUserResponse = z.infer<typeof authUserResponse>;
