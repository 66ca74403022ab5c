import { describe, expect, it } from "vitest";
import { shellOf, shellScripts } from "./lint-shell";

describe("shellOf", () => {
  it.each([
    [".ci/run", "#!/usr/bin/env bash", "bash"],
    ["scripts/backup", "#!/bin/sh", "sh"],
    ["scripts/restore.sh", "", "sh"],
    ["scripts/tool.bash", "", "bash"],
    [".husky/pre-commit", "# lint staged files", "sh"],
    [".husky/_/h", "#!/usr/bin/env sh", "sh"],
    [".husky/_/husky.sh", "", "sh"],
    ["scripts/bench.ts", "#!/usr/bin/env node", undefined],
    ["README.md", "# OmniCRM", undefined],
  ])("%s (%s) → %s", (file, firstLine, shell) => {
    expect(shellOf(file, firstLine)).toBe(shell);
  });
});

describe("shellScripts", () => {
  it("keeps only the shell scripts, each with its shell", () => {
    const firstLines: Record<string, string> = {
      ".ci/run": "#!/usr/bin/env bash",
      "scripts/bench.ts": "",
      "hook.sh": "",
    };
    const scripts = shellScripts(Object.keys(firstLines), (file) => firstLines[file] ?? "");
    expect([...scripts]).toEqual([
      [".ci/run", "bash"],
      ["hook.sh", "sh"],
    ]);
  });
});
