import { afterEach, describe, expect, it, vi } from "vitest";

const original = { ...process.env };
const KEY = `k1:${Buffer.alloc(32, 7).toString("base64url")}`;

async function loadEnv(overrides: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    return await import("./env");
  } finally {
    stderr.mockRestore();
  }
}

afterEach(() => {
  process.env = { ...original };
});

describe("environment validation", () => {
  it("accepts the embedded default with nothing set", async () => {
    const { env } = await loadEnv({ DATABASE_URL: undefined, APP_ENCRYPTION_KEYS: undefined, DATA_DIR: undefined });
    expect(env.DATA_DIR).toBe(".data");
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.SESSION_ABSOLUTE_HOURS).toBe(12);
  });

  it("names every bad variable and what is wrong with it", async () => {
    const failure = await loadEnv({
      DATABASE_URL: "mysql://x",
      LOG_LEVEL: "loud",
      SESSION_IDLE_MINUTES: "-5",
      METRICS_TOKEN: "short",
    }).catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(Error);
    const lines = (failure as Error).message.split("\n");
    expect(lines[0]).toBe("Invalid environment configuration:");
    expect(lines).toContain("  - DATABASE_URL: must be a postgres:// or postgresql:// URL");
    for (const name of ["LOG_LEVEL", "SESSION_IDLE_MINUTES", "METRICS_TOKEN"]) {
      expect(lines.some((line) => line.startsWith(`  - ${name}: `))).toBe(true);
    }
  });

  it("requires production secrets when DATABASE_URL is set, never generating them", async () => {
    const attempt = loadEnv({
      DATABASE_URL: "postgres://app@db.example.com:5432/app",
      APP_ENCRYPTION_KEYS: undefined,
      APP_URL: undefined,
    });
    await expect(attempt).rejects.toThrow(/APP_ENCRYPTION_KEYS: required when DATABASE_URL is set/);
    await expect(attempt).rejects.toThrow(/APP_URL: required when DATABASE_URL is set/);
  });

  it("wants a chat model with an AI endpoint, and an http(s) endpoint", async () => {
    await expect(loadEnv({ AI_BASE_URL: "http://127.0.0.1:11434/v1", AI_CHAT_MODEL: undefined })).rejects.toThrow(
      /AI_CHAT_MODEL: required when AI_BASE_URL is set/,
    );
    await expect(loadEnv({ AI_BASE_URL: "ftp://models.example", AI_CHAT_MODEL: "m" })).rejects.toThrow(
      /AI_BASE_URL: must be an http:\/\/ or https:\/\/ URL/,
    );
    const { env } = await loadEnv({ AI_BASE_URL: "http://127.0.0.1:11434/v1", AI_CHAT_MODEL: "llama3.1" });
    expect([env.AI_BASE_URL, env.AI_CHAT_MODEL, env.AI_API_KEY]).toEqual([
      "http://127.0.0.1:11434/v1",
      "llama3.1",
      undefined,
    ]);
  });

  it("accepts only `id:base64url-of-32-bytes` keys, newest first", async () => {
    const older = `k0:${Buffer.alloc(32, 1).toString("base64url")}`;
    const { env } = await loadEnv({ APP_ENCRYPTION_KEYS: `${KEY}, ${older}` });
    expect(env.APP_ENCRYPTION_KEYS).toEqual([KEY, older]);
    for (const bad of [
      "k1:" + Buffer.alloc(32).toString("hex"),
      Buffer.alloc(32).toString("base64url"),
      "k1:" + Buffer.alloc(16).toString("base64url"),
    ]) {
      await expect(loadEnv({ APP_ENCRYPTION_KEYS: bad })).rejects.toThrow(/APP_ENCRYPTION_KEYS: /);
    }
  });
});
