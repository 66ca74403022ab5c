import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shellcheck, shellScripts } from "./lint-shell";

// Runs the real shellcheck (a system tool: `npm run test:tools`); a busy 2-core machine slows it down.
const SLOW_TEST_MS = 60_000;

let scratch = "";

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-shell-"));
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("shellcheck", { timeout: SLOW_TEST_MS }, () => {
  it("passes clean scripts and reports each finding with its line", () => {
    const clean = path.join(scratch, "clean");
    const sloppy = path.join(scratch, "sloppy");
    fs.writeFileSync(clean, '#!/usr/bin/env bash\nset -euo pipefail\necho "$HOME"\n');
    fs.writeFileSync(sloppy, "#!/bin/sh\necho starting\nrm -rf $TARGET/*\n");
    const scripts = shellScripts([clean, sloppy], (file) => fs.readFileSync(file, "utf8").split("\n")[0] ?? "");
    const findings = shellcheck(scripts);
    expect(findings.map(({ file, line, message }) => [file, line, /\[(SC\d+)\]/.exec(message)?.[1]])).toEqual([
      [sloppy, 3, "SC2115"],
      [sloppy, 3, "SC2086"],
    ]);
  });
});
