import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// These tests start real processes (eslint, git, shellcheck, servers); a busy 2-core machine slows them down.
const SLOW_TEST_MS = 60_000;

const root = path.resolve(import.meta.dirname, "../..");
const ciRun = fs.readFileSync(path.join(root, ".ci/run"), "utf8");
const tableBlock = /(cat <<'TABLE'\n)[\s\S]*?(\nTABLE\n)/;
let scratch = "";

/** A copy of .ci/run whose gate table (and optionally time budget) is replaced, run as CI runs it. */
function runWithGates(table: string[], options: { budgetSeconds?: number; withNodeModules?: boolean } = {}) {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-ci-run-"));
  let script = ciRun.replace(tableBlock, (_match, head: string, tail: string) => `${head}${table.join("\n")}${tail}`);
  if (options.budgetSeconds !== undefined) {
    script = script.replace(/^BUDGET_SECONDS=.*$/m, `BUDGET_SECONDS=${options.budgetSeconds}`);
  }
  fs.mkdirSync(path.join(scratch, ".ci"));
  fs.writeFileSync(path.join(scratch, ".ci/run"), script);
  fs.mkdirSync(path.join(scratch, "scripts/ci"), { recursive: true });
  fs.copyFileSync(path.join(root, "scripts/ci/summary.ts"), path.join(scratch, "scripts/ci/summary.ts"));
  if (options.withNodeModules !== false) {
    fs.symlinkSync(path.join(root, "node_modules"), path.join(scratch, "node_modules"));
  }
  const report = {
    testResults: [{ name: "x", status: "passed", assertionResults: [{ fullName: "x", status: "passed" }] }],
  };
  fs.writeFileSync(path.join(scratch, "report.json"), JSON.stringify(report));
  const run = spawnSync("bash", [".ci/run"], {
    cwd: scratch,
    encoding: "utf8",
    input: "",
    timeout: 60_000,
    // The run keeps its reports in a temporary directory: inside the scratch copy, it goes with it.
    env: { ...process.env, TMPDIR: scratch },
  });
  const lines = run.stdout.trimEnd().split("\n");
  return { status: run.status, stdout: run.stdout, lastLine: lines.at(-1) ?? "" };
}

afterEach(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe(".ci/run", { timeout: SLOW_TEST_MS }, () => {
  it("has the gate table this test replaces", () => {
    expect(ciRun).toMatch(tableBlock);
  });

  it("ends with the test count and exits 0 when every gate passes", () => {
    const run = runWithGates(["ok    | 1 | -      | true", 'suite | 1 | vitest | cp report.json "$CI_REPORT"']);
    expect(run.lastLine).toBe("1 passed, 0 failed");
    expect(run.stdout).toMatch(/^suite\s+passed\s+\d+s\s+1 passed, 0 failed, 0 skipped$/m);
    expect(run.status).toBe(0);
  });

  it("runs every gate after a failure and exits non-zero", () => {
    const run = runWithGates(["broken | 1 | -      | false", 'suite  | 1 | vitest | cp report.json "$CI_REPORT"']);
    expect(run.stdout).toMatch(/^broken\s+failed/m);
    expect(run.stdout).toMatch(/^suite\s+passed/m);
    expect(run.lastLine).toBe("1 passed, 0 failed");
    expect(run.status).not.toBe(0);
  });

  it("counts a suite whose report is missing as a failed test", () => {
    const run = runWithGates(["suite | 1 | vitest | true"]);
    expect(run.lastLine).toBe("0 passed, 1 failed");
    expect(run.status).not.toBe(0);
  });

  it("stops a gate at the time budget and counts the gates after it as skipped", () => {
    const run = runWithGates(["slow  | 1 | - | sleep 30", "after | 1 | - | true"], { budgetSeconds: 2 });
    expect(run.stdout).toMatch(/^slow\s+timed-out/m);
    expect(run.stdout).toMatch(/^after\s+skipped/m);
    expect(run.status).not.toBe(0);
  });

  it("still ends with a count line when the summary cannot run", () => {
    const run = runWithGates(["ok | 1 | - | true"], { withNodeModules: false });
    expect(run.lastLine).toBe("0 passed, 1 failed");
    expect(run.status).not.toBe(0);
  });

  it("passes the command's own pipes and quotes through the table", () => {
    const run = runWithGates([`piped | 1 | - | printf 'a|b\\n' | grep -q "a|b"`]);
    expect(run.stdout).toMatch(/^piped\s+passed/m);
  });
});
