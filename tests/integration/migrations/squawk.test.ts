import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-squawk-"));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs squawk with the project's config over one scratch migration; returns the rules it reported. */
function lint(sql: string): Promise<{ code: number; rules: string[] }> {
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.sql`);
  fs.writeFileSync(file, sql);
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/squawk"),
      ["--config", path.join(root, ".squawk.toml"), "--reporter", "gcc", file],
      { cwd: root },
      (error, stdout) => {
        const rules = [...stdout.matchAll(/warning: ([a-z-]+) /g)].map((match) => match[1] as string);
        resolve({ code: error ? Number(error.code ?? 1) : 0, rules });
      },
    );
  });
}

describe("squawk over migrations (npm run lint:migrations)", () => {
  const unsafe: Record<string, string> = {
    "adding-required-field": "alter table public.profiles add column pronouns text not null;",
    "require-concurrent-index-creation": "create index profiles_name_idx on public.profiles (display_name);",
    "changing-column-type": "alter table public.profiles alter column display_name type varchar(200);",
    "constraint-missing-not-valid":
      "alter table public.profiles add constraint profiles_tz_check check (time_zone <> '');",
    "ban-drop-column": "alter table public.profiles drop column business_name;",
  };

  for (const [rule, sql] of Object.entries(unsafe)) {
    it(`fails on ${rule}`, async () => {
      const result = await lint(sql);
      expect(result.code).not.toBe(0);
      expect(result.rules).toContain(rule);
    });
  }

  it("passes the safe form, and a justified inline exception", async () => {
    expect(await lint("alter table public.profiles add column pronouns text;")).toEqual({ code: 0, rules: [] });
    const justified = [
      "-- Safe: nothing has read business_name since the contract step of 0042.",
      "-- squawk-ignore ban-drop-column",
      "alter table public.profiles drop column business_name;",
    ].join("\n");
    expect(await lint(justified)).toEqual({ code: 0, rules: [] });
  });
});
