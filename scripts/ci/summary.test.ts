import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPlaywright, countSuite, countVitest, parseResults, summarise } from "./summary";

let scratch = "";

const vitestReport = {
  testResults: [
    {
      name: "/repo/a.test.ts",
      status: "failed",
      assertionResults: [
        { fullName: "a works", status: "passed" },
        { fullName: "a breaks", status: "failed" },
        { fullName: "a later", status: "skipped" },
      ],
    },
    { name: "/repo/b.test.ts", status: "failed", message: "Cannot find module x\nstack", assertionResults: [] },
    { name: "/repo/c.test.ts", status: "passed", assertionResults: [{ fullName: "c", status: "passed" }] },
    // The same file in a second project: "a later" still ran nowhere, "c" ran in the first project.
    {
      name: "/repo/c.test.ts",
      status: "passed",
      assertionResults: [{ fullName: "c", status: "skipped" }],
    },
    { name: "/repo/a.test.ts", status: "passed", assertionResults: [{ fullName: "a later", status: "skipped" }] },
  ],
};

const playwrightReport = {
  stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 0 },
  errors: [{ message: "webServer exited early\n..." }],
};

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-summary-"));
  fs.writeFileSync(path.join(scratch, "tests.json"), JSON.stringify(vitestReport));
  fs.writeFileSync(path.join(scratch, "e2e.json"), JSON.stringify(playwrightReport));
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("countVitest", () => {
  it("counts tests, a file that failed to load as one failure, and a test skipped in every project", () => {
    expect(countVitest(vitestReport)).toEqual({
      passed: 2,
      failed: 2,
      skipped: 1,
      notes: [
        "failed: a breaks",
        "failed to run: /repo/b.test.ts (Cannot find module x)",
        "skipped in every project: a later",
      ],
    });
  });
});

describe("countPlaywright", () => {
  it("counts flaky as passed and global errors as failed", () => {
    expect(countPlaywright(playwrightReport)).toEqual({
      passed: 4,
      failed: 2,
      skipped: 0,
      notes: ["error: webServer exited early"],
    });
  });
});

describe("countSuite", () => {
  it("counts a missing report as one failed test", () => {
    const count = countSuite("vitest", path.join(scratch, "absent.json"));
    expect([count.passed, count.failed]).toEqual([0, 1]);
  });
});

describe("summarise", () => {
  it("adds every suite, counting skipped tests as failed, after a table of gates", () => {
    const gates = parseResults(
      [
        "lint\tpassed\t12\t-\t-",
        `tests\tfailed\t95\tvitest\t${path.join(scratch, "tests.json")}`,
        `e2e\tpassed\t61\tplaywright\t${path.join(scratch, "e2e.json")}`,
        "build\tskipped\t0\t-\t-",
        "",
      ].join("\n"),
    );
    const { lines, passed, failed } = summarise(gates);
    expect([passed, failed]).toEqual([6, 5]);
    expect(lines[0]).toMatch(/^gate\s+status\s+time\s+tests$/);
    expect(lines[2]).toMatch(/^tests\s+failed\s+1m35s\s+2 passed, 2 failed, 1 skipped$/);
    expect(lines[4]).toMatch(/^build\s+skipped\s+0s/);
    expect(lines).toContain("2 of 4 gates passed (a skipped gate, or a test that ran in no project, counts as failed)");
  });

  it("never reports success for an empty run", () => {
    expect(summarise([]).failed).toBe(1);
  });
});
