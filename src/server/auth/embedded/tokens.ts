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

/**
 * A session token starts with the transport it was issued over (`h.` for the `__Host-` cookie over
 * HTTPS, `p.` for the plain one over HTTP). The mark is inside what is hashed, so it cannot be
 * changed without making the token unknown: a token is good only under the cookie it was set in.
 */
export type SessionTransport = "h" | "p";

export function newSessionToken(transport: SessionTransport): string {
  return `${transport}.${newToken()}`;
}

export function isSessionTokenFor(transport: SessionTransport, value: string | undefined): value is string {
  return value !== undefined && value.startsWith(`${transport}.`) && isWellFormedToken(value.slice(2));
}
