import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes as base64url: the shape of every session and reset token. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a leaked table grants nothing. */
export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

/** Rejects junk before it reaches the database. */
export function isWellFormedToken(value: string | undefined): value is string {
  return value !== undefined && TOKEN_PATTERN.test(value);
}
