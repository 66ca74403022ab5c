import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintWorkflows, runSteps } from "./lint-workflows";

// These tests start real processes (eslint, git, shellcheck, servers); a busy 2-core machine slows them down.
const SLOW_TEST_MS = 60_000;

let scratch = "";

const good = `name: good
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.sha }}"
      - shell: python
        run: print($UNQUOTED)
`;

// Line 4: no runs-on; line 6: unknown context property; line 9: unquoted variable; line 10: trailing spaces.
const bad = [
  "name: bad",
  "on: push",
  "jobs:",
  "  build:",
  "    steps:",
  "      - run: echo ${{ github.nonexistent_property }}",
  "      - run: |",
  "          echo starting",
  "          rm -rf $TARGET_DIR/*",
  "      - name: spaced   ",
  "        run: echo ok",
  "",
].join("\n");

function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-workflows-"));
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("lintWorkflows", { timeout: SLOW_TEST_MS }, () => {
  it("passes a clean workflow (a python step is not shellchecked)", async () => {
    expect(await lintWorkflows([write("good.yml", good)])).toEqual([]);
  });

  it("reports each tool's findings at the workflow's own lines", async () => {
    const file = write("bad.yml", bad);
    const findings = await lintWorkflows([file]);
    const at = (tool: string) => findings.filter((finding) => finding.tool === tool).map(({ line }) => line);
    expect(at("actionlint")).toEqual([4, 6]);
    expect(at("action-validator").length).toBeGreaterThan(0);
    expect(at("shellcheck")).toEqual([9, 9]);
    expect(at("yamllint")).toEqual([10]);
    expect(findings.every((finding) => finding.file === file)).toBe(true);
  });
});

describe("runSteps", () => {
  it("masks expressions and takes the shell from step, job or workflow defaults", () => {
    const steps = runSteps(
      [
        "defaults:",
        "  run:",
        "    shell: sh",
        "jobs:",
        "  a:",
        "    steps:",
        "      - run: echo ${{ secrets.TOKEN }}",
        "      - shell: bash",
        "        run: echo hi",
        "      - shell: pwsh",
        "        run: Write-Output hi",
      ].join("\n"),
    );
    expect(steps).toEqual([
      { script: `echo ${"_".repeat("${{ secrets.TOKEN }}".length)}`, shell: "sh", line: 7 },
      { script: "echo hi", shell: "bash", line: 9 },
    ]);
  });
});
