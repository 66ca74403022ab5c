import { randomBytes } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { decryptStream, digestStream, encryptStream, keyFingerprint } from "./encryption";

async function collect(source: Buffer[], ...transforms: NodeJS.ReadWriteStream[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await pipeline([Readable.from(source), ...transforms, sink]);
  return Buffer.concat(chunks);
}

describe("backup encryption (AES-256-GCM, streaming)", () => {
  const key = randomBytes(32);
  const plain = randomBytes(200_000);
  const chunks = [plain.subarray(0, 7), plain.subarray(7, 70_001), plain.subarray(70_001)];

  it("round-trips data split across arbitrary chunk boundaries", async () => {
    const encrypted = await collect(chunks, encryptStream(key));
    expect(encrypted.subarray(0, 8).toString()).toBe("OMNIBAK1");
    expect(encrypted.includes(plain.subarray(1000, 1064))).toBe(false);
    const pieces = [
      encrypted.subarray(0, 3),
      encrypted.subarray(3, 25),
      encrypted.subarray(25, encrypted.length - 5),
      encrypted.subarray(encrypted.length - 5),
    ];
    expect((await collect(pieces, decryptStream(key))).equals(plain)).toBe(true);
  });

  it("encrypts an empty input into a valid envelope", async () => {
    const encrypted = await collect([], encryptStream(key));
    expect((await collect([encrypted], decryptStream(key))).length).toBe(0);
  });

  it("refuses a wrong key, a flipped byte and a truncated file", async () => {
    const encrypted = await collect(chunks, encryptStream(key));
    await expect(collect([encrypted], decryptStream(randomBytes(32)))).rejects.toThrow(/wrong BACKUP_ENCRYPTION_KEY/);
    const flipped = Buffer.from(encrypted);
    flipped[5000] = (flipped[5000] ?? 0) ^ 1;
    await expect(collect([flipped], decryptStream(key))).rejects.toThrow(/altered/);
    await expect(collect([encrypted.subarray(0, 22)], decryptStream(key))).rejects.toThrow();
    await expect(collect([Buffer.from("PGDMP-not-encrypted-at-all")], decryptStream(key))).rejects.toThrow(
      /bad header/,
    );
  });

  it("fingerprints keys stably and distinctly, and hashes what passes through", async () => {
    expect(keyFingerprint(key)).toBe(keyFingerprint(Buffer.from(key)));
    expect(keyFingerprint(key)).not.toBe(keyFingerprint(randomBytes(32)));
    const digest = digestStream();
    await collect([Buffer.from("abc")], digest);
    expect(digest.result()).toEqual({
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      bytes: 3,
    });
  });
});
