import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateKeyEntry } from "../../../src/server/crypto/key-material";
import { startFakeSupabaseStorage, type FakeSupabaseStorage } from "../../support/fake-supabase-storage";

const SECRET_KEY = "sb_secret_active_storage";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-active-storage-"));
let fake: FakeSupabaseStorage;

beforeAll(async () => {
  fake = await startFakeSupabaseStorage({ secretKey: SECRET_KEY });
});

afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as { omnicrmObjectStorage?: unknown }).omnicrmObjectStorage;
});

afterAll(async () => {
  await fake.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The storage module as the app loads it under the given configuration. */
async function storageModuleWith(variables: Record<string, string>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("../../../src/server/storage");
}

describe("the process storage adapter", () => {
  it("is the local directory <dataDir>/storage in embedded mode", async () => {
    const storage = await storageModuleWith({ DATA_DIR: dataDir });
    await storage.pingStorage();
    await storage.putObject("user-1/note.txt", new TextEncoder().encode("hello"), "text/plain");
    expect(fs.readFileSync(path.join(dataDir, "storage/objects/user-1/note.txt"), "utf8")).toBe("hello");
    expect(await storage.objectBytes(await storage.getObject("user-1/note.txt"))).toEqual(
      new TextEncoder().encode("hello"),
    );
    expect(await storage.deletePrefix("user-1")).toBe(1);
    await storage.deleteObject("user-1/note.txt");
  });

  it("is the private Supabase bucket named by SUPABASE_STORAGE_BUCKET when Supabase is configured", async () => {
    const storage = await storageModuleWith({
      DATA_DIR: dataDir,
      NEXT_PUBLIC_SUPABASE_URL: fake.url,
      NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_test",
      SUPABASE_SECRET_KEY: SECRET_KEY,
      SUPABASE_STORAGE_BUCKET: "practice-files",
      DATABASE_URL: "postgres://app@127.0.0.1:5432/app",
      APP_URL: "http://127.0.0.1:3131",
      APP_ENCRYPTION_KEYS: generateKeyEntry(),
    });
    await storage.pingStorage();
    await storage.putObject("user-1/note.txt", new TextEncoder().encode("hello"), "text/plain");
    expect(fake.buckets.get("practice-files")?.public).toBe(false);
    expect(fake.buckets.get("practice-files")?.objects.has("user-1/note.txt")).toBe(true);
  });
});
