import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateKeyEntry } from "./key-material";

const directories: string[] = [];

afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as { omnicrmKeyring?: unknown }).omnicrmKeyring;
  for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

/** The crypto module as the app loads it under the given configuration. */
async function cryptoWith(variables: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-keyring-"));
  directories.push(dataDir);
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("LOG_LEVEL", "silent");
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return { crypto: await import("./index"), dataDir };
}

describe("the process keyring", () => {
  it("uses APP_ENCRYPTION_KEYS when set, newest first, and never writes a secrets file", async () => {
    const newest = generateKeyEntry(new Date("2025-02-02T00:00:00Z"));
    const older = generateKeyEntry(new Date("2024-02-02T00:00:00Z"));
    const { crypto, dataDir } = await cryptoWith({ APP_ENCRYPTION_KEYS: `${newest},${older}` });
    const envelope = crypto.encrypt("refresh-token");
    expect(crypto.envelopeKeyId(envelope)).toBe("k20250202000000");
    expect(crypto.decrypt(envelope)).toBe("refresh-token");
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("in embedded mode without keys, generates them into the data directory once and keeps using them", async () => {
    const { crypto, dataDir } = await cryptoWith({});
    const column = crypto.ENCRYPTED_COLUMNS.userIntegrationRefreshToken;
    const envelope = crypto.encryptColumnValue(column, "row-1", "1//refresh");
    expect(fs.statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as Record<string, string>;
    expect(crypto.envelopeKeyId(envelope)).toBe(saved.APP_ENCRYPTION_KEYS?.split(":")[0]);

    delete (globalThis as { omnicrmKeyring?: unknown }).omnicrmKeyring;
    vi.resetModules();
    const restarted = await import("./index");
    expect(restarted.decryptColumnValue(column, "row-1", envelope)).toBe("1//refresh");
    expect(() => restarted.decryptColumnValue(column, "row-2", envelope)).toThrow(/could not be decrypted/);
  });
});
