import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  ensureEmbeddedSecrets,
  readEmbeddedSecrets,
  SECRETS_FILE,
  type EmbeddedSecretsOptions,
} from "./embedded-secrets";
import { encryptionKeysSchema } from "./schema";

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

/** Collects every log call as one JSON line, the way the process logger would print it. */
function recordingLogger() {
  const lines: { level: string; line: string }[] = [];
  const record = (level: string) => (fields: object, message: string) => {
    lines.push({ level, line: JSON.stringify({ ...fields, msg: message }) });
  };
  return { lines, logger: { info: record("info"), warn: record("warn") } as EmbeddedSecretsOptions["logger"] };
}

function embeddedOptions(overrides: Partial<EmbeddedSecretsOptions> = {}) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-secrets-"));
  directories.push(base);
  const { lines, logger } = recordingLogger();
  const options: EmbeddedSecretsOptions = {
    dataDir: path.join(base, "nested", "data"),
    databaseUrl: undefined,
    provided: {},
    logger,
    ...overrides,
  };
  return { options, lines, file: path.join(options.dataDir, SECRETS_FILE) };
}

describe("embedded secrets", () => {
  it("generates a keyring on first start into <dataDir>/secrets.json with mode 0600, and says so in one line", () => {
    const { options, lines, file } = embeddedOptions();
    const secrets = ensureEmbeddedSecrets(options);
    const keys = secrets.APP_ENCRYPTION_KEYS as string;
    expect(encryptionKeysSchema.parse(keys)).toHaveLength(1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ APP_ENCRYPTION_KEYS: keys });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe("info");
    expect(lines[0]?.line).toContain(file);
    expect(lines[0]?.line).not.toContain(keys.split(":")[1]);
    expect(fs.readdirSync(options.dataDir)).toEqual([SECRETS_FILE]);
  });

  it("reuses the same keys on later starts without logging again", () => {
    const { options, lines } = embeddedOptions();
    expect(readEmbeddedSecrets(options.dataDir)).toBeUndefined();
    const first = ensureEmbeddedSecrets(options);
    const second = ensureEmbeddedSecrets(options);
    expect(second).toEqual(first);
    expect(readEmbeddedSecrets(options.dataDir)).toEqual(first);
    expect(lines).toHaveLength(1);
  });

  it("generates nothing when the environment provides the keys", () => {
    const { options, lines, file } = embeddedOptions({ provided: { APP_ENCRYPTION_KEYS: ["k1:x"] } });
    expect(ensureEmbeddedSecrets(options)).toEqual({});
    expect(fs.existsSync(file)).toBe(false);
    expect(lines).toHaveLength(0);
  });

  it("refuses to generate in production (DATABASE_URL set) and writes no file", () => {
    const { options, file } = embeddedOptions({ databaseUrl: "postgres://app@db.example.com/app" });
    expect(() => ensureEmbeddedSecrets(options)).toThrow(/APP_ENCRYPTION_KEYS must be set when DATABASE_URL is set/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("stops on a damaged file instead of replacing keys that encrypted data depends on", () => {
    const { options, file } = embeddedOptions();
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ APP_ENCRYPTION_KEYS: "not-a-key" }), { mode: 0o600 });
    expect(() => ensureEmbeddedSecrets(options)).toThrow(/is damaged \(APP_ENCRYPTION_KEYS\)/);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ APP_ENCRYPTION_KEYS: "not-a-key" });
    fs.writeFileSync(file, "{ truncated");
    expect(() => ensureEmbeddedSecrets(options)).toThrow(/is damaged \(not a JSON object of strings\)/);
  });

  it("tightens a secrets file others can read back to 0600 with a warning", () => {
    const { options, lines, file } = embeddedOptions();
    const first = ensureEmbeddedSecrets(options);
    fs.chmodSync(file, 0o644);
    expect(ensureEmbeddedSecrets(options)).toEqual(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lines.map((entry) => entry.level)).toEqual(["info", "warn"]);
  });
});
