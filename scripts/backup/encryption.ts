import { createCipheriv, createDecipheriv, createHash, randomBytes, type DecipherGCM } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

/** Encrypted backup layout: MAGIC | 12-byte IV | AES-256-GCM ciphertext | 16-byte tag. */
const MAGIC = Buffer.from("OMNIBAK1");
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;

export const ENCRYPTION_ALGORITHM = "aes-256-gcm";

/** Names a key without revealing it, so a restore can say "wrong key" before decrypting anything. */
export function keyFingerprint(key: Buffer): string {
  return createHash("sha256").update("omnicrm-backup-key").update(key).digest("hex").slice(0, 16);
}

/** Streams plaintext in and the encrypted layout out; the tag is appended when the input ends. */
export function encryptStream(key: Buffer): Transform {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ENCRYPTION_ALGORITHM, key, iv);
  let headerSent = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!headerSent) {
        this.push(Buffer.concat([MAGIC, iv]));
        headerSent = true;
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback: TransformCallback) {
      if (!headerSent) this.push(Buffer.concat([MAGIC, iv]));
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
}

/**
 * Streams the encrypted layout in and plaintext out. The trailing tag is held back and checked at
 * the end, so the output must be treated as untrusted until the stream finishes without error.
 */
export function decryptStream(key: Buffer): Transform {
  let header = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  let tail = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      let data = chunk;
      if (!decipher) {
        header = Buffer.concat([header, data]);
        if (header.length < HEADER_BYTES) return callback();
        if (!header.subarray(0, MAGIC.length).equals(MAGIC))
          return callback(new Error("Not an encrypted OmniCRM backup (bad header)"));
        decipher = createDecipheriv(ENCRYPTION_ALGORITHM, key, header.subarray(MAGIC.length, HEADER_BYTES));
        data = header.subarray(HEADER_BYTES);
      }
      const buffered = Buffer.concat([tail, data]);
      const cut = Math.max(0, buffered.length - TAG_BYTES);
      tail = buffered.subarray(cut);
      callback(null, decipher.update(buffered.subarray(0, cut)));
    },
    flush(callback: TransformCallback) {
      if (!decipher || tail.length !== TAG_BYTES) return callback(new Error("Encrypted backup is truncated"));
      decipher.setAuthTag(tail);
      try {
        callback(null, decipher.final());
      } catch {
        callback(new Error("Backup decryption failed: wrong BACKUP_ENCRYPTION_KEY or the file was altered"));
      }
    },
  });
}

/** Passes bytes through while counting and hashing them. */
export function digestStream(): Transform & { result(): { sha256: string; bytes: number } } {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  let digest: string | undefined;
  return Object.assign(stream, {
    result: () => ({ sha256: (digest ??= hash.digest("hex")), bytes }),
  });
}
