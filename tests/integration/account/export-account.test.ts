import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { expectError } from "../auth/fixtures";
import { systemRows, type ClientRecordsApi } from "../contacts/client-records-api";
import { catalogTables, loadAccountApi, seedAccountExtras, seedClient, signUp } from "./account-app";
import { readZip } from "./read-zip";

let api: ClientRecordsApi;

beforeAll(async () => {
  api = await loadAccountApi();
});

async function download(practitioner: Awaited<ReturnType<typeof signUp>>): Promise<Response> {
  return practitioner.browser.call("GET", "/api/account/export");
}

describe("GET /api/account/export", () => {
  it("streams one ZIP with every table's rows, clients.csv, the photos and a manifest; no secrets, nobody else's data", async () => {
    const owner = await signUp(api, "Exporter");
    const other = await signUp(api, "Neighbour");
    const client = await seedClient(owner, "Ada Export");
    await seedAccountExtras(owner);
    await seedClient(other, "Other Client");

    const response = await download(owner);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="omnicrm-export-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const zip = readZip(Buffer.from(await response.arrayBuffer()));

    const manifest = JSON.parse(zip.get("manifest.json")!.toString("utf8")) as {
      tables: { table: string; file: string; rows: number; excludedColumns: Record<string, string> }[];
      notExported: { table: string; reason: string }[];
      files: { path: string }[];
    };
    // Every catalog table is in the manifest, exported or listed with its reason.
    const listed = [...manifest.tables.map((t) => t.table), ...manifest.notExported.map((t) => t.table)];
    expect(listed).toEqual(expect.arrayContaining(await catalogTables()));
    for (const table of manifest.tables) {
      const rows = JSON.parse(zip.get(table.file)!.toString("utf8")) as Record<string, unknown>[];
      expect(rows, table.file).toHaveLength(table.rows);
      for (const row of rows) {
        if ("user_id" in row) expect(row.user_id).toBe(owner.id);
        for (const column of Object.keys(table.excludedColumns)) expect(row).not.toHaveProperty(column);
      }
    }
    const count = (table: string) => manifest.tables.find((t) => t.table === table)?.rows;
    expect(count("public.contacts")).toBe(1);
    expect(count("public.notes")).toBe(1);
    expect(count("app_private.sessions")).toBeGreaterThanOrEqual(1);
    expect(count("auth.users")).toBe(1);

    // The manifest names the excluded columns; the data itself must not hold them or their values.
    const text = [...zip.entries()]
      .filter(([name]) => name !== "manifest.json")
      .map(([, bytes]) => bytes.toString("latin1"))
      .join("\n");
    for (const secret of [
      "password_hash",
      "token_hash",
      "access_token_enc",
      "v1:access-ciphertext",
      "scrypt$",
      "Other Client",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(zip.get("clients.csv")!.toString("utf8")).toContain("Ada Export");
    expect(zip.get(`files/${client.photoPath}`)!.toString("utf8")).toBe("photo of Ada Export");
    expect(zip.get("README.txt")!.toString("utf8")).toMatch(/data export/);

    const events = await systemRows(
      sql`select metadata from public.audit_events where user_id = ${owner.id} and action = 'account.exported'`,
    );
    expect(events).toHaveLength(1);
  });

  it("aborts the download (never a valid-looking partial ZIP) when a file cannot be read mid-stream", async () => {
    const practitioner = await signUp(api, "Broken");
    await seedClient(practitioner, "Broken Photo");
    const storage = (await import("@/server/storage")).getObjectStorage();
    const getObject = vi.spyOn(storage, "getObject").mockRejectedValue(new Error("storage down"));
    try {
      const response = await download(practitioner);
      expect(response.status).toBe(200);
      await expect(response.arrayBuffer()).rejects.toThrow();
    } finally {
      getObject.mockRestore();
    }
    const again = await download(practitioner);
    expect(readZip(Buffer.from(await again.arrayBuffer())).has("manifest.json")).toBe(true);
  });

  it("needs a session and is rate limited per user", async () => {
    const practitioner = await signUp(api, "Limited");
    const signedOut = await api.auth.user(new Request("http://localhost:3000/api/auth/user"));
    expect(signedOut.status).toBe(401);
    let last: Response | undefined;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      last = await download(practitioner);
      if (last.status === 200) await last.arrayBuffer();
    }
    await expectError(last!, 429);
  });
});
