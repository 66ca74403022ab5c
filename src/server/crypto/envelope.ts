import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@/server/errors";
import type { Keyring } from "./key-material";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** `v<keyId>:<iv>:<ciphertext>:<tag>`, every part base64url; the ciphertext is empty for an empty plaintext. */
const ENVELOPE_PATTERN = /^v([A-Za-z0-9]{1,16}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]*):([A-Za-z0-9_-]{22})$/;

export interface CryptoOptions {
  /** Associated data bound to the ciphertext (e.g. table, column and row id): decrypting needs the same value. */
  readonly context?: string | undefined;
}

const FAILURES = {
  malformed: "the stored value is not an encryption envelope",
  unknownKey: "it was encrypted with a key that is not in APP_ENCRYPTION_KEYS",
  rejected: "the key, the context or the data does not match (wrong key or tampered data)",
} as const;

function decryptionError(reason: keyof typeof FAILURES, keyId?: string): AppError {
  const key = keyId === undefined ? "" : ` (key id "${keyId}")`;
  return new AppError("internal", `A stored secret could not be decrypted${key}: ${FAILURES[reason]}.`, {
    details: { reason },
  });
}

/** True when the value has the envelope shape; says nothing about whether it decrypts. */
export function isEnvelope(value: string): boolean {
  return ENVELOPE_PATTERN.test(value);
}

/** The id of the key an envelope was written with, or undefined when the value is not an envelope. */
export function envelopeKeyId(value: string): string | undefined {
  return ENVELOPE_PATTERN.exec(value)?.[1];
}

/** The prefix every envelope written with this key starts with (`v<keyId>:`). */
export function envelopePrefix(keyId: string): string {
  return `v${keyId}:`;
}

export function encryptWith(keyring: Keyring, plaintext: string, options: CryptoOptions = {}): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyring.newest.key, iv, { authTagLength: TAG_BYTES });
  if (options.context !== undefined) cipher.setAAD(Buffer.from(options.context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"));
  return `${envelopePrefix(keyring.newest.id)}${parts.join(":")}`;
}

export function decryptWith(keyring: Keyring, envelope: string, options: CryptoOptions = {}): string {
  const match = ENVELOPE_PATTERN.exec(envelope);
  if (!match) throw decryptionError("malformed");
  const [, keyId, iv, ciphertext, tag] = match as unknown as [string, string, string, string, string];
  const key = keyring.byId.get(keyId);
  if (!key) throw decryptionError("unknownKey", keyId);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    if (options.context !== undefined) decipher.setAAD(Buffer.from(options.context, "utf8"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw decryptionError("rejected", keyId);
  }
}
