import { createHash } from "node:crypto";

/**
 * The store never sees who is calling: the key (`ip:…|email`) is hashed, so Redis and the logs
 * hold no email or address, yet one caller's hits still land on one counter.
 */
export function limiterIdentifier(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 32);
}

/** What the key is made of, for logs: `ip+email`, `user`, … — never the values themselves. */
export function keyKind(key: string): string {
  return key
    .split("|")
    .map((part) => /^([a-z]+):/.exec(part)?.[1] ?? (part.includes("@") ? "email" : "value"))
    .join("+");
}
