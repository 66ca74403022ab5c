import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import { createLocalStorage } from "../../../src/server/storage/local-storage";
import { objectBytes, type ObjectStorage } from "../../../src/server/storage/object-storage";
import { createSupabaseStorage } from "../../../src/server/storage/supabase-storage";
import { startFakeSupabaseStorage, type FakeSupabaseStorage } from "../../support/fake-supabase-storage";

const SECRET_KEY = "sb_secret_test_storage_key";
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-storage-"));
let fake: FakeSupabaseStorage;

beforeAll(async () => {
  fake = await startFakeSupabaseStorage({ secretKey: SECRET_KEY });
});

afterAll(async () => {
  await fake.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const adapters: [string, () => ObjectStorage][] = [
  ["local", () => createLocalStorage(fs.mkdtempSync(path.join(workDir, "local-")))],
  [
    "supabase",
    () => createSupabaseStorage({ url: fake.url, secretKey: SECRET_KEY, bucket: `bucket-${fake.buckets.size + 1}` }),
  ],
];

async function failureOf(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected the storage call to fail");
}

const text = (value: string) => new TextEncoder().encode(value);

describe.each(adapters)("%s object storage", (_, create) => {
  let storage: ObjectStorage;
  beforeAll(async () => {
    storage = create();
    await storage.ping();
  });

  it("stores bytes with their content type and reads them back; a second put replaces them", async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    await storage.putObject("user-1/intake/form-1.pdf", pdf, "application/pdf");
    const stored = await storage.getObject("user-1/intake/form-1.pdf");
    expect(stored.contentType).toBe("application/pdf");
    expect(stored.size).toBe(7);
    expect(await objectBytes(stored)).toEqual(pdf);

    await storage.putObject("user-1/intake/form-1.pdf", text("second version"), "text/plain; charset=utf-8");
    const replaced = await storage.getObject("user-1/intake/form-1.pdf");
    expect(replaced.contentType).toMatch(/^text\/plain; ?charset=utf-8$/);
    expect(new TextDecoder().decode(await objectBytes(replaced))).toBe("second version");
  });

  it("answers 404 for a missing object, and deleting twice is fine", async () => {
    expect(await failureOf(storage.getObject("user-1/photos/missing.jpg"))).toEqual({
      status: 404,
      message: "File not found",
    });
    await storage.putObject("user-1/photos/a.jpg", text("jpeg"), "image/jpeg");
    await storage.deleteObject("user-1/photos/a.jpg");
    await storage.deleteObject("user-1/photos/a.jpg");
    expect((await failureOf(storage.getObject("user-1/photos/a.jpg"))).status).toBe(404);
  });

  it("deletes every object under a folder, and nothing beside it", async () => {
    const paths = ["user-2/a.txt", "user-2/notes/b.txt", "user-2/notes/deep/c.txt", "user-20/d.txt", "user-2x"];
    for (const objectPath of paths) await storage.putObject(objectPath, text(objectPath), "text/plain");
    expect(await storage.deletePrefix("user-2/")).toBe(3);
    for (const objectPath of paths.slice(0, 3)) {
      expect((await failureOf(storage.getObject(objectPath))).status).toBe(404);
    }
    for (const objectPath of paths.slice(3)) {
      expect(new TextDecoder().decode(await objectBytes(await storage.getObject(objectPath)))).toBe(objectPath);
    }
    expect(await storage.deletePrefix("user-2")).toBe(0);
    expect(await storage.deletePrefix("user-2x")).toBe(0);
    expect((await storage.getObject("user-2x")).size).toBe(7);
  });

  it("refuses any path that is not a plain server-chosen key, before touching storage", async () => {
    const badPaths = [
      "../secrets.json",
      "user-1/../../etc/passwd",
      "/etc/passwd",
      "user-1//a",
      "user-1/",
      "",
      ".hidden",
      "user-1/.",
      "user-1\\..\\x",
      "user-1/%2e%2e/x",
      "a b",
      `${"a/".repeat(20)}x`,
    ];
    for (const badPath of badPaths) {
      expect(await failureOf(storage.putObject(badPath, text("x"), "text/plain"))).toEqual({
        status: 400,
        message: "Invalid file path",
      });
      expect((await failureOf(storage.getObject(badPath))).status).toBe(400);
      expect((await failureOf(storage.deleteObject(badPath))).status).toBe(400);
    }
    for (const badPrefix of ["", "/", "..", "user-1/../.."]) {
      expect((await failureOf(storage.deletePrefix(badPrefix))).status).toBe(400);
    }
    expect((await failureOf(storage.putObject("user-1/x", text("x"), "not a type\r\nx: y"))).status).toBe(400);
  });
});

describe("local object storage on disk", () => {
  it("keeps every file inside its root, written owner-only", async () => {
    const root = fs.mkdtempSync(path.join(workDir, "root-"));
    const storage = createLocalStorage(path.join(root, "storage"));
    await storage.putObject("user-1/photo.png", text("png"), "image/png");
    await storage.putObject("../escape", text("x"), "text/plain").catch(() => undefined);
    const files = fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
      .sort();
    expect(files).toEqual(["storage/meta/user-1/photo.png.json", "storage/objects/user-1/photo.png"]);
    expect(fs.statSync(path.join(root, "storage/objects/user-1/photo.png")).mode & 0o777).toBe(0o600);
  });

  it("answers 409 when an object and a folder would share a path, 404 for a folder, octet-stream without a type", async () => {
    const root = fs.mkdtempSync(path.join(workDir, "root-"));
    const storage = createLocalStorage(root);
    await storage.putObject("user-1/a", text("file"), "text/plain");
    expect((await failureOf(storage.putObject("user-1/a/b", text("x"), "text/plain"))).status).toBe(409);
    await storage.putObject("user-1/c/d", text("x"), "text/plain");
    expect((await failureOf(storage.putObject("user-1/c", text("x"), "text/plain"))).status).toBe(409);
    expect((await failureOf(storage.getObject("user-1/c"))).status).toBe(404);
    await storage.deleteObject("user-1/c");
    expect((await storage.getObject("user-1/c/d")).size).toBe(1);
    fs.rmSync(path.join(root, "meta/user-1/a.json"));
    expect((await storage.getObject("user-1/a")).contentType).toBe("application/octet-stream");
    expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
  });

  it("fails its ping when the storage directory cannot be written", async () => {
    const blocker = path.join(workDir, "not-a-directory");
    fs.writeFileSync(blocker, "");
    await expect(createLocalStorage(blocker).ping()).rejects.toThrow();
  });
});

describe("Supabase Storage adapter", () => {
  it("creates its bucket private on first use and speaks the Storage API through supabase-js", async () => {
    const storage = createSupabaseStorage({ url: fake.url, secretKey: SECRET_KEY, bucket: "client-files" });
    const before = fake.requests.length;
    await storage.putObject("user-9/consent.pdf", text("%PDF"), "application/pdf");
    expect(fake.buckets.get("client-files")?.public).toBe(false);
    expect(fake.buckets.get("client-files")?.objects.get("user-9/consent.pdf")?.contentType).toBe("application/pdf");
    expect(fake.requests.slice(before)).toEqual([
      "GET /storage/v1/bucket/client-files",
      "POST /storage/v1/bucket",
      "POST /storage/v1/object/client-files/user-9/consent.pdf",
    ]);
  });

  it("refuses a public bucket", async () => {
    fake.buckets.set("public-files", { public: true, objects: new Map() });
    const storage = createSupabaseStorage({ url: fake.url, secretKey: SECRET_KEY, bucket: "public-files" });
    const failure = await failureOf(storage.putObject("user-1/a.txt", text("a"), "text/plain"));
    expect(failure).toEqual({ status: 503, message: expect.stringContaining("is public") as string });
    expect(fake.buckets.get("public-files")?.objects.size).toBe(0);
    expect((await failureOf(storage.ping())).status).toBe(503);
  });

  it("reports 503 without leaking details when the key is wrong or the service is down", async () => {
    const wrongKey = createSupabaseStorage({ url: fake.url, secretKey: "sb_secret_wrong", bucket: "client-files" });
    expect(await failureOf(wrongKey.ping())).toEqual({
      status: 503,
      message: "File storage is unavailable. Try again shortly.",
    });
    const down = createSupabaseStorage({ url: "http://127.0.0.1:9", secretKey: SECRET_KEY, bucket: "client-files" });
    expect((await failureOf(down.getObject("user-1/a.txt"))).status).toBe(503);
  });
});
