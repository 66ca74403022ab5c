import { describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import { decryptWith, encryptWith, envelopeKeyId, isEnvelope } from "./envelope";
import { generateKeyEntry, parseKeyring } from "./key-material";

const oldEntry = generateKeyEntry(new Date("2024-01-01T00:00:00Z"));
const newEntry = generateKeyEntry(new Date("2025-06-01T12:30:00Z"));
const rotated = parseKeyring([newEntry, oldEntry]);
const oldOnly = parseKeyring([oldEntry]);

function decryptionFailure(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected decryption to fail");
}

describe("AES-256-GCM envelopes", () => {
  it("writes v<keyId>:<iv>:<ciphertext>:<tag> with the newest key and reads it back", () => {
    const envelope = encryptWith(rotated, "ya29.access-token");
    expect(envelope).toMatch(/^vk20250601123000:[\w-]{16}:[\w-]+:[\w-]{22}$/);
    expect(envelopeKeyId(envelope)).toBe("k20250601123000");
    expect(decryptWith(rotated, envelope)).toBe("ya29.access-token");
  });

  it("uses a fresh IV every time, so equal plaintexts give different envelopes", () => {
    expect(encryptWith(rotated, "same")).not.toBe(encryptWith(rotated, "same"));
  });

  it("round-trips empty and multi-byte plaintexts", () => {
    for (const plaintext of ["", "é漢字🙂", "x".repeat(10_000)]) {
      expect(decryptWith(rotated, encryptWith(rotated, plaintext))).toBe(plaintext);
    }
  });

  it("decrypts an envelope written with an older key by choosing the key from its id", () => {
    const fromOldKey = encryptWith(oldOnly, "refresh-token");
    expect(envelopeKeyId(fromOldKey)).toBe(oldEntry.split(":")[0]);
    expect(decryptWith(rotated, fromOldKey)).toBe("refresh-token");
  });

  it("fails with a 500 AppError naming the key id, never the key, when the key is not in the keyring", () => {
    const failure = decryptionFailure(() => decryptWith(oldOnly, encryptWith(rotated, "secret")));
    expect(failure.status).toBe(500);
    expect(failure.message).toContain("k20250601123000");
    expect(failure.message).toContain("not in APP_ENCRYPTION_KEYS");
    expect(failure.message).not.toContain(newEntry.split(":")[1]);
  });

  it("rejects a tampered ciphertext, tag or key id", () => {
    const envelope = encryptWith(rotated, "a secret worth protecting");
    const [version, iv, ciphertext, tag] = envelope.split(":") as [string, string, string, string];
    const flip = (part: string) => `${part[0] === "A" ? "B" : "A"}${part.slice(1)}`;
    const tampered = [
      [version, iv, flip(ciphertext), tag],
      [version, iv, ciphertext, flip(tag)],
      [version, flip(iv), ciphertext, tag],
      [`v${oldEntry.split(":")[0]}`, iv, ciphertext, tag],
    ];
    for (const parts of tampered) {
      const failure = decryptionFailure(() => decryptWith(rotated, parts.join(":")));
      expect(failure.status).toBe(500);
      expect(failure.message).toMatch(/wrong key or tampered data/);
      expect(failure.message).not.toContain("a secret worth protecting");
    }
  });

  it("binds the context: an envelope moved to another row or column does not decrypt", () => {
    const envelope = encryptWith(rotated, "token", { context: "public.user_integrations.access_token_enc:row-1" });
    expect(decryptWith(rotated, envelope, { context: "public.user_integrations.access_token_enc:row-1" })).toBe(
      "token",
    );
    for (const context of [undefined, "public.user_integrations.access_token_enc:row-2"]) {
      expect(decryptionFailure(() => decryptWith(rotated, envelope, { context })).status).toBe(500);
    }
  });

  it("recognises envelopes and refuses anything else as malformed", () => {
    expect(isEnvelope(encryptWith(rotated, "x"))).toBe(true);
    for (const value of ["plain-token", "v1:abc", "", "vk1:AAAAAAAAAAAAAAAA::short"]) {
      expect(isEnvelope(value)).toBe(false);
      expect(decryptionFailure(() => decryptWith(rotated, value)).message).toMatch(/not an encryption envelope/);
    }
  });
});
