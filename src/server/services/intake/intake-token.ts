import { createHash, randomBytes } from "node:crypto";
import { intakeTokenSchema } from "@/lib/contracts/intake";

/** 256 random bits, base64url: shown to the practitioner once, never stored. */
export function newIntakeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashIntakeToken(token) };
}

/** What the database stores and looks up: base64url of SHA-256 (43 characters). */
export function hashIntakeToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** The hash of a well-formed token, or null for text that cannot be one (no lookup needed). */
export function tokenHashOrNull(token: string): string | null {
  return intakeTokenSchema.safeParse(token).success ? hashIntakeToken(token) : null;
}
