import { randomBytes } from "node:crypto";
import { ENCRYPTION_KEY_PATTERN } from "@/server/config/schema";

export const KEY_BYTES = 32;

export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The keys that can decrypt, by id; `newest` is the one every new envelope is written with. */
export interface Keyring {
  readonly newest: EncryptionKey;
  readonly byId: ReadonlyMap<string, Buffer>;
}

/** Parses `id:base64url` entries, newest first, as validated by `encryptionKeysSchema`. */
export function parseKeyring(entries: readonly string[]): Keyring {
  const byId = new Map<string, Buffer>();
  for (const entry of entries) {
    if (!ENCRYPTION_KEY_PATTERN.test(entry)) {
      throw new Error("APP_ENCRYPTION_KEYS: each key must be <id>:<base64url of 32 bytes>");
    }
    const [id, encoded] = entry.split(":") as [string, string];
    const key = Buffer.from(encoded, "base64url");
    if (key.length !== KEY_BYTES) throw new Error(`APP_ENCRYPTION_KEYS: key "${id}" is not ${KEY_BYTES} bytes`);
    if (byId.has(id)) throw new Error(`APP_ENCRYPTION_KEYS: key id "${id}" appears twice`);
    byId.set(id, key);
  }
  const first = entries[0];
  if (first === undefined) throw new Error("APP_ENCRYPTION_KEYS: at least one key is required");
  const newestId = first.split(":")[0] as string;
  return { newest: { id: newestId, key: byId.get(newestId) as Buffer }, byId };
}

/** A fresh key entry; the id is the UTC date and time, so ids sort by age and never repeat in practice. */
export function generateKeyEntry(now: Date = new Date()): string {
  const id = `k${now.toISOString().replace(/\D/g, "").slice(0, 14)}`;
  return `${id}:${randomBytes(KEY_BYTES).toString("base64url")}`;
}
