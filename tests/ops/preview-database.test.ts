import { execFile } from "node:child_process";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const adminUrl = process.env.TEST_DATABASE_URL;
const pullRequest = String(90_000 + (process.pid % 9_999));
const name = `omnicrm_preview_pr_${pullRequest}`;

async function previewDatabase(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/deploy/preview-database.ts", ...args], {
      env: { ...process.env, PREVIEW_DATABASE_ADMIN_URL: adminUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe.skipIf(!adminUrl)("preview databases (one per pull request)", () => {
  const admin = postgres(adminUrl ?? "", { max: 1, onnotice: () => {} });
  const exists = async () => (await admin`select 1 from pg_database where datname = ${name}`).length === 1;

  afterAll(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("creates the pull request's own database and prints a URL that connects to it", async () => {
    const created = await previewDatabase("create", pullRequest);
    expect(created.code).toBe(0);
    expect(created.stderr).toContain(`Created ${name}`);
    const url = created.stdout.trim();
    expect(new URL(url).pathname).toBe(`/${name}`);
    const preview = postgres(url, { max: 1 });
    const [row] = await preview<{ current_database: string }[]>`select current_database()`;
    await preview.end();
    expect(row?.current_database).toBe(name);
  });

  it("reuses it on the next push and drops it when the pull request closes", async () => {
    const again = await previewDatabase("create", pullRequest);
    expect(again.stderr).toContain(`Reusing ${name}`);
    expect((await previewDatabase("drop", pullRequest)).code).toBe(0);
    expect(await exists()).toBe(false);
    expect((await previewDatabase("drop", pullRequest)).code).toBe(0);
  });

  it("refuses anything but a pull request number as the name", async () => {
    const refused = await previewDatabase("create", "1; drop database postgres");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Not a pull request number");
  });
});
