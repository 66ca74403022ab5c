import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/server/db/handle";
import { openPostgres } from "../../src/server/db/postgres-driver";
import { listBackups } from "../../scripts/backup/catalog";
import { DEFAULT_BACKUP_SCHEMAS, type BackupConfig } from "../../scripts/backup/config";
import { createBackup } from "../../scripts/backup/create-backup";
import { fetchBackup } from "../../scripts/backup/fetch-backup";
import { restoreBackup } from "../../scripts/backup/restore-backup";
import { s3Store } from "../../scripts/backup/s3-store";
import { startFakeS3, type FakeS3 } from "../support/fake-s3";
import { openTestDatabase } from "../support/open-test-database";
import { emptyDatabase, seedPractitioners, tableDigests, testBackupConfig } from "./backup-fixtures";

const SCHEMAS = DEFAULT_BACKUP_SCHEMAS;
let s3: FakeS3;
let source: DatabaseHandle & { url?: string };
let workDir: string;

function s3Config(overrides: Partial<NonNullable<BackupConfig["s3"]>> = {}): NonNullable<BackupConfig["s3"]> {
  return {
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    prefix: "production/",
    region: "eu-central-1",
    forcePathStyle: true,
    ...overrides,
  };
}

beforeAll(async () => {
  s3 = await startFakeS3();
  s3.pageSize = 3; // so listing needs several pages
  process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
  source = await openTestDatabase("postgres");
  await seedPractitioners(source.sql, 120);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-s3-test-"));
});

afterAll(async () => {
  await source.close();
  await s3.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("backups in an S3-compatible bucket (real AWS SDK)", () => {
  it("uploads the dump and its manifest, prunes old backups there, and restores from the bucket", async () => {
    const old = (daysAgo: number) =>
      `omnicrm-postgres-${new Date(Date.now() - daysAgo * 86_400_000).toISOString().replace(/[:.]/g, "-")}`;
    const olds = [40, 41, 42, 43].map(old);
    for (const name of olds) {
      s3.objects.set(`production/${name}.dump`, { body: Buffer.from("old"), modified: new Date() });
      s3.objects.set(`production/${name}.manifest.json`, { body: Buffer.from("{}"), modified: new Date() });
    }
    s3.objects.set("elsewhere/omnicrm-postgres-2020-01-01T00-00-00-000Z.dump", {
      body: Buffer.from("x"),
      modified: new Date(),
    });

    const config = testBackupConfig({
      databaseUrl: source.url as string,
      s3: s3Config(),
      retention: { daily: 3, weekly: 0, monthly: 0 },
    });
    const { manifest, location, pruned } = await createBackup(config);
    expect(location).toBe(`s3://${s3.bucket}/production/`);
    expect(pruned).toEqual([olds[2], olds[3]]);
    expect(s3.objects.get(`production/${manifest.file}`)?.body.subarray(0, 5).toString()).toBe("PGDMP");
    expect(JSON.parse(s3.objects.get(`production/${manifest.name}.manifest.json`)?.body.toString() ?? "{}")).toEqual(
      manifest,
    );
    expect([...s3.objects.keys()].filter((key) => key.startsWith("production/"))).toHaveLength(6);
    expect(s3.objects.has("elsewhere/omnicrm-postgres-2020-01-01T00-00-00-000Z.dump")).toBe(true);

    const store = s3Store(s3Config());
    expect((await listBackups(store)).map((backup) => backup.name)[0]).toBe(manifest.name);
    const fetched = await fetchBackup("latest", store, workDir);
    expect(fetched.manifest).toEqual(manifest);
    const target = await emptyDatabase();
    try {
      await restoreBackup(
        fetched.manifest,
        fetched.file,
        { kind: "postgres", url: target.url },
        { force: false, encryptionKey: undefined, workDir },
      );
      const restored = openPostgres({ url: target.url, max: 1 });
      try {
        expect(await tableDigests(restored.sql, SCHEMAS)).toEqual(await tableDigests(source.sql, SCHEMAS));
      } finally {
        await restored.close();
      }
    } finally {
      await target.drop();
    }
  });

  it("the fake bucket also takes the SDK's default streaming uploads (aws-chunked with a trailing checksum)", async () => {
    const client = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: "eu-central-1" });
    const body = Buffer.from("x".repeat(100_000));
    await client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: "chunked/probe",
        Body: Readable.from([body]),
        ContentLength: body.length,
      }),
    );
    expect(s3.objects.get("chunked/probe")?.body.equals(body)).toBe(true);
    const got = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "chunked/probe" }));
    expect(
      Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()).equals(
        body,
      ),
    ).toBe(true);
  });

  it("fails when the bucket refuses the credentials", async () => {
    const store = s3Store(s3Config());
    process.env.AWS_ACCESS_KEY_ID = "AKIAWRONGKEY";
    try {
      await expect(store.list()).rejects.toThrow(/Access Key Id/);
    } finally {
      process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
    }
  });
});
