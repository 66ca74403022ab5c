import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintDependabot, lintWorkflows } from "./lint-workflows";

// Runs the real shellcheck and yamllint (system tools: `npm run test:tools`); a busy 2-core machine slows them down.
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

describe("lintDependabot", { timeout: SLOW_TEST_MS }, () => {
  it("fails when there is no Dependabot configuration", () => {
    expect(lintDependabot(path.join(scratch, "absent.yml")).map(({ tool }) => tool)).toEqual(["dependabot"]);
  });

  it("reports the schema check's and yamllint's findings at their lines", () => {
    const file = write(
      "dependabot.yml",
      [
        "version: 2",
        "updates:",
        "  - package-ecosystem: npm",
        "    directory: /   ",
        "    schedule:",
        "      interval: weekly",
        "",
      ].join("\n"),
    );
    const findings = lintDependabot(file).map(({ tool, line }) => [tool, line]);
    expect(findings).toEqual(
      expect.arrayContaining([
        ["dependabot", 3],
        ["yamllint", 4],
      ]),
    );
  });
});
