import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const script = path.resolve("scripts/check-runbooks.ts");
const tsx = path.resolve("node_modules/.bin/tsx");

const fixtures: string[] = [];
afterAll(() => fixtures.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(scripts: Record<string, string>, runbook: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "runbooks-"));
  fixtures.push(dir);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "fixture", private: true, scripts }));
  mkdirSync(path.join(dir, "docs/runbooks"), { recursive: true });
  writeFileSync(path.join(dir, "docs/runbooks/ops.md"), runbook);
  mkdirSync(path.join(dir, "scripts"));
  writeFileSync(path.join(dir, "scripts/helper.ts"), 'process.stdout.write("usage: helper\\n");\n');
  writeFileSync(path.join(dir, "scripts/echo.mjs"), "console.log(process.argv.slice(2).join(' '));\n");
  writeFileSync(path.join(dir, "scripts/broken.mjs"), "process.exit(3);\n");
  return dir;
}

async function check(cwd: string): Promise<{ code: number; stdout: string }> {
  try {
    return { code: 0, stdout: (await run(tsx, [script], { cwd, timeout: 60_000 })).stdout };
  } catch (error) {
    return error as { code: number; stdout: string };
  }
}

describe("check:runbooks", () => {
  it("fails on a missing script and on a command whose --help fails, naming each", async () => {
    const cwd = project(
      { "db:backup": "node scripts/echo.mjs", "db:restore": "node scripts/broken.mjs" },
      "Run `npm run db:backup` then `npm run db:restore -- latest`, or `npm run db:teleport`.\n",
    );
    const { code, stdout } = await check(cwd);
    expect(code).toBe(1);
    expect(stdout).toMatch(/ok +npm run db:backup/);
    expect(stdout).toMatch(/FAIL +npm run db:restore[\s\S]*--help exited 3/);
    expect(stdout).toMatch(/FAIL +npm run db:teleport[\s\S]*no such script in package.json/);
    expect(stdout).toContain("3 command(s) named in 1 runbook(s), 2 failing");
  }, 60_000);

  it("passes when every named command answers --help, including npx tsx scripts", async () => {
    const cwd = project(
      { smoke: "node scripts/echo.mjs" },
      "```sh\nnpm run smoke -- https://app.example.com\nnpx tsx scripts/helper.ts --flag\n```\n",
    );
    const { code, stdout } = await check(cwd);
    expect(stdout).toContain("2 command(s) named in 1 runbook(s), 0 failing");
    expect(code).toBe(0);
  }, 60_000);
});
