import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientSchema, serverSchema } from "@/server/config/schema";
import { compareEnvExample, configurationSources, runCheckEnv } from "./check-env";

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-check-env-"));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheckEnv(
    argv,
    (text) => out.push(text),
    (text) => err.push(text),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The real .env.example without SUPABASE_STORAGE_BUCKET (and its comment), plus an undocumented extra. */
function exampleWithDrift(): string {
  const lines = fs.readFileSync(".env.example", "utf8").split("\n");
  const at = lines.indexOf("SUPABASE_STORAGE_BUCKET=");
  let start = at;
  while (lines[start - 1]?.startsWith("#")) start -= 1;
  lines.splice(start, at - start + 1);
  lines.push("# An API key the app stopped reading two releases ago.", "LEGACY_API_KEY=");
  const file = path.join(workDir, "drifted.env.example");
  fs.writeFileSync(file, lines.join("\n"));
  return file;
}

describe("check-env", () => {
  it("passes on the repository's .env.example, which documents every schema variable", () => {
    const result = run([]);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(/^\.env\.example documents all \d+ variables\.$/);
    const text = fs.readFileSync(".env.example", "utf8");
    for (const name of [...Object.keys(serverSchema), ...Object.keys(clientSchema)]) {
      expect(text).toMatch(new RegExp(`^${name}=`, "m"));
    }
  });

  it("fails with a diff naming a missing and an extra variable", () => {
    const file = exampleWithDrift();
    const result = run(["--file", file]);
    expect(result.code).toBe(1);
    expect(result.err.split("\n")).toEqual([
      `${file} and the configuration schemas disagree:`,
      `  + SUPABASE_STORAGE_BUCKET: missing from ${file} (read by app (src/server/config/schema.ts))`,
      `  - LEGACY_API_KEY: ${file}:${fs.readFileSync(file, "utf8").split("\n").length} lists it, but nothing reads it`,
    ]);
  });

  it("exits 1 from the command line too, and 0 with --help", () => {
    const file = exampleWithDrift();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/check-env.ts", ...args], { encoding: "utf8" });
    const failed = cli("--file", file);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("+ SUPABASE_STORAGE_BUCKET");
    const help = cli("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run check-env");
    expect(cli("--bogus").status).toBe(2);
  });

  it("flags undocumented, duplicated and malformed lines", () => {
    const sources = [{ name: "app", variables: ["A", "B", "C"] }];
    const report = compareEnvExample("# about A\nA=\nB=1\n# about C\nC=\n# again\nA=2\nexport D=4\n", sources);
    expect(report.undocumented).toEqual([{ name: "B", line: 3 }]);
    expect(report.duplicated).toEqual([{ name: "A", line: 7 }]);
    expect(report.malformed).toEqual([{ line: 8, text: "export D=4" }]);
    expect(report.missing).toEqual([]);
    expect(report.unread).toEqual([]);
  });

  it("reads the app schema, the backup commands and docker-compose.yml as sources", () => {
    const byName = Object.fromEntries(configurationSources().map((source) => [source.name, source.variables]));
    expect(byName["app (src/server/config/schema.ts)"]).toContain("APP_ENCRYPTION_KEYS");
    expect(byName["backup commands (scripts/backup/config.ts)"]).toContain("BACKUP_ENCRYPTION_KEY");
    expect(byName["docker-compose.yml"]).toContain("POSTGRES_PASSWORD");
  });
});
