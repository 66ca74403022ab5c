import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { openPostgres } from "../../src/server/db/postgres-driver";
import { createBackup } from "../../scripts/backup/create-backup";
import { fetchBackup } from "../../scripts/backup/fetch-backup";
import { localStore } from "../../scripts/backup/local-store";
import { restoreBackup } from "../../scripts/backup/restore-backup";
import { openTestDatabase } from "../support/open-test-database";
import { emptyDatabase, seedPractitioners, testBackupConfig } from "./backup-fixtures";

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-consistency-"));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const COUNTS = `select (select count(*) from auth.users)::int as users, (select count(*) from public.profiles)::int as profiles,
  (select count(*) from app_private.sessions)::int as sessions`;

it("a backup taken while practitioners keep signing up is one consistent snapshot", async () => {
  const live = await openTestDatabase("postgres");
  const target = await emptyDatabase();
  const restored = openPostgres({ url: target.url, max: 1 });
  const writer = openPostgres({ url: live.url as string, max: 3 });
  try {
    await seedPractitioners(live.sql, 20_000);
    let running = true;
    let committed = 0;
    // Each sign-up writes a user, a profile and a session in one transaction: the three counts move together.
    const signUps = async (lane: number) => {
      for (let index = 0; running; index += 1) {
        await writer.sql.transaction(async (tx) => {
          const [user] = await tx.query<{ id: string }>(
            "insert into auth.users (id, email) values (gen_random_uuid(), $1) returning id",
            [`lane${lane}-${index}@example.test`],
          );
          await tx.query("insert into public.profiles (user_id, display_name) values ($1, 'New practitioner')", [
            user?.id,
          ]);
          await tx.query(
            "insert into app_private.sessions (user_id, token_hash, expires_at) values ($1, gen_random_uuid()::text::bytea, now() + interval '1 hour')",
            [user?.id],
          );
        });
        committed += 1;
      }
    };
    const lanes = [signUps(1), signUps(2), signUps(3)];
    while (committed < 20) await new Promise((resolve) => setTimeout(resolve, 10));

    const config = testBackupConfig({ databaseUrl: live.url as string });
    const committedBefore = committed;
    const { manifest } = await createBackup(config);
    const committedDuring = committed - committedBefore;
    running = false;
    await Promise.all(lanes);

    expect(committedDuring).toBeGreaterThan(0);
    const users = manifest.tables["auth.users"];
    expect(manifest.tables["public.profiles"]).toBe(users);
    expect(manifest.tables["app_private.sessions"]).toBe(users);
    const [final] = await live.sql.query<{ users: number }>(COUNTS);
    expect(final?.users).toBeGreaterThan(users ?? 0);
    const fetched = await fetchBackup("latest", localStore(config.localDir), workDir);
    await restoreBackup(
      fetched.manifest,
      fetched.file,
      { kind: "postgres", url: target.url },
      {
        force: false,
        encryptionKey: undefined,
        workDir,
      },
    );
    const [copy] = await restored.sql.query<{ users: number; profiles: number; sessions: number }>(COUNTS);
    expect(copy).toEqual({ users, profiles: users, sessions: users });
    const [orphans] = await restored.sql.query<{ count: number }>(
      "select count(*)::int as count from auth.users u where not exists (select 1 from public.profiles p where p.user_id = u.id)",
    );
    expect(orphans?.count).toBe(0);
  } finally {
    await writer.close();
    await live.close();
    await restored.close();
    await target.drop();
  }
});
