import { describe, expect, it } from "vitest";
import { encryptionKeysSchema } from "@/server/config/schema";
import { generateKeyEntry, parseKeyring } from "./key-material";

describe("keyring", () => {
  it("generates entries the env schema accepts: a dated id and 32 random bytes", () => {
    const entry = generateKeyEntry(new Date("2025-03-04T05:06:07Z"));
    expect(entry).toMatch(/^k20250304050607:[\w-]{43}$/);
    expect(encryptionKeysSchema.parse(entry)).toEqual([entry]);
    expect(Buffer.from(entry.split(":")[1] as string, "base64url")).toHaveLength(32);
    expect(generateKeyEntry().split(":")[1]).not.toBe(generateKeyEntry().split(":")[1]);
  });

  it("takes the first entry as the newest and keeps every key by id", () => {
    const newest = generateKeyEntry(new Date("2025-01-01T00:00:00Z"));
    const older = generateKeyEntry(new Date("2024-01-01T00:00:00Z"));
    const keyring = parseKeyring([newest, older]);
    expect(keyring.newest.id).toBe("k20250101000000");
    expect([...keyring.byId.keys()]).toEqual(["k20250101000000", "k20240101000000"]);
  });

  it("refuses duplicate ids, malformed entries and an empty keyring", () => {
    const entry = generateKeyEntry();
    expect(() => parseKeyring([entry, entry])).toThrow(/appears twice/);
    expect(() => parseKeyring(["k1:not-base64url-of-32-bytes"])).toThrow(/base64url of 32 bytes/);
    expect(() => parseKeyring([])).toThrow(/at least one key/);
  });
});
