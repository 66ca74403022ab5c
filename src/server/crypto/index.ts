import { decryptWith, encryptWith, type CryptoOptions } from "./envelope";
import { getKeyring } from "./keyring";

export { getKeyring } from "./keyring";
export { parseKeyring, generateKeyEntry, type Keyring, type EncryptionKey } from "./key-material";
export { isEnvelope, envelopeKeyId, type CryptoOptions } from "./envelope";
export { ENCRYPTED_COLUMNS, columnContext, encryptColumnValue, decryptColumnValue } from "./encrypted-columns";
export type { EncryptedColumn } from "./encrypted-columns";

/** Encrypts with the newest key of the process keyring. */
export function encrypt(plaintext: string, options: CryptoOptions = {}): string {
  return encryptWith(getKeyring(), plaintext, options);
}

/** Decrypts with the key the envelope names; throws an AppError (500) on a wrong key or tampered data. */
export function decrypt(envelope: string, options: CryptoOptions = {}): string {
  return decryptWith(getKeyring(), envelope, options);
}
