import { decryptWith, encryptWith, type CryptoOptions } from "./envelope";
import { columnContext, type EncryptedColumn } from "./encrypted-columns";
import { getKeyring } from "./keyring";

/** Encrypts with the newest key of the process keyring. */
export function encrypt(plaintext: string, options: CryptoOptions = {}): string {
  return encryptWith(getKeyring(), plaintext, options);
}

/** Decrypts with the key the envelope names; throws an AppError (500) on a wrong key or tampered data. */
export function decrypt(envelope: string, options: CryptoOptions = {}): string {
  return decryptWith(getKeyring(), envelope, options);
}

/** Encrypts one cell of a registered encrypted column, bound to its row id. */
export function encryptColumnValue(column: EncryptedColumn, rowId: string, plaintext: string): string {
  return encrypt(plaintext, { context: columnContext(column, rowId) });
}

export function decryptColumnValue(column: EncryptedColumn, rowId: string, envelope: string): string {
  return decrypt(envelope, { context: columnContext(column, rowId) });
}
