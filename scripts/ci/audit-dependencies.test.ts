import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parseAllowlist } from "./audit-allowlist";

// Each case starts the script under tsx; a busy 2-core machine slows that down.
const SLOW_TEST_MS = 60_000;

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const script = path.join(import.meta.dirname, "audit-dependencies.ts");
const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-audit-"));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function allowlist(entries: object[]): string {
  const file = path.join(scratch, `allowlist-${fs.readdirSync(scratch).length}.json`);
  fs.writeFileSync(file, JSON.stringify({ advisories: entries }));
  return file;
}

async function audit(args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [script, "--today", "2026-12-07", ...args], { cwd: root });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}

const reason = "Fixed upstream in the next minor; reachable only from the admin CLI.";

describe("npm run audit:dependencies", { timeout: SLOW_TEST_MS }, () => {
  it("fails on each high or critical advisory no entry accepts, naming it", async () => {
    const accepted = allowlist([
      { id: "GHSA-9wv6-86v2-598j", package: "path-to-regexp", reason, expires: "2027-01-31" },
    ]);
    const { code, output } = await audit(["--report", fixture("npm-audit-report.json"), "--allowlist", accepted]);
    expect(code).toBe(1);
    expect(output).toContain("FAIL critical GHSA-f82v-jwr5-mffw in next");
    expect(output).toContain("FAIL high GHSA-3xgq-45jj-v275 in cross-spawn");
    expect(output).toContain("accepted until 2027-01-31: high GHSA-9wv6-86v2-598j in path-to-regexp");
    expect(output).toContain("dependency audit failed: 2 problem(s)");
  });

  it("passes when every high and critical advisory is accepted, and fails once an acceptance has expired", async () => {
    const entries = [
      { id: "GHSA-f82v-jwr5-mffw", package: "next", reason, expires: "2027-01-31" },
      { id: "GHSA-9wv6-86v2-598j", package: "path-to-regexp", reason, expires: "2027-01-31" },
      { id: "GHSA-3xgq-45jj-v275", package: "cross-spawn", reason, expires: "2026-12-07" },
    ];
    const report = fixture("npm-audit-report.json");
    const live = await audit(["--report", report, "--allowlist", allowlist(entries)]);
    expect(live.output).toContain("dependency audit passed: 5 advisory(ies), 3 accepted");
    expect(live.code).toBe(0);
    const later = await audit(["--report", report, "--allowlist", allowlist(entries), "--today", "2026-12-08"]);
    expect(later.output).toContain("GHSA-3xgq-45jj-v275 (cross-spawn) expired on 2026-12-07");
    expect(later.code).toBe(1);
  });

  it("fails when npm could not audit at all", async () => {
    const { code, output } = await audit(["--report", fixture("npm-audit-endpoint-error.json")]);
    expect(output).toContain("npm audit failed: 405 Method Not Allowed");
    expect(code).toBe(1);
  });
});

describe(".audit-allowlist.json", () => {
  it("is a valid allowlist", () => {
    const file = path.join(root, ".audit-allowlist.json");
    expect(() => parseAllowlist(fs.readFileSync(file, "utf8"), file)).not.toThrow();
  });
});
