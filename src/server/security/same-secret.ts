import { createHash, timingSafeEqual } from "node:crypto";

/** Constant-time secret comparison: hashing first gives equal lengths, so neither content nor length leaks. */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
