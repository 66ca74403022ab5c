import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// These tests start real processes (eslint, git, shellcheck, servers); a busy 2-core machine slows them down.
const SLOW_TEST_MS = 60_000;

const root = path.resolve(import.meta.dirname, "../..");
const copied = [".husky/pre-commit", ".husky/pre-push", ".lintstagedrc.json", "eslint.config.mjs", ".prettierrc.json"];

let repo = "";

function sh(command: string, args: string[], env: Record<string, string | undefined> = {}) {
  const { CI: _ci, ...inherited } = process.env;
  return spawnSync(command, args, { cwd: repo, encoding: "utf8", env: { ...inherited, ...env }, timeout: 60_000 });
}

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  fs.writeFileSync(path.join(repo, file), text);
}

beforeEach(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-hooks-"));
  for (const file of copied) write(file, fs.readFileSync(path.join(root, file), "utf8"));
  // No scripts: a hook that tried to run a gate would fail with "Missing script".
  write("package.json", JSON.stringify({ name: "hooks-scratch", private: true, type: "module" }));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(repo, "node_modules"));
  write(".gitignore", "node_modules\n");
  sh("git", ["init", "-q"]);
  sh("git", ["-c", "user.email=ci@example.test", "-c", "user.name=ci", "commit", "-q", "--allow-empty", "-m", "start"]);
}, SLOW_TEST_MS);

afterEach(() => {
  fs.rmSync(repo, { recursive: true, force: true });
});

describe("pre-commit hook (lint-staged)", { timeout: SLOW_TEST_MS }, () => {
  it("formats staged files and re-stages them", () => {
    write("scripts/tidy.mjs", "const  answer=42;export default answer\n");
    sh("git", ["add", "scripts/tidy.mjs"]);
    const hook = sh("sh", ["-e", ".husky/pre-commit"]);
    expect(hook.status, hook.stderr + hook.stdout).toBe(0);
    expect(sh("git", ["show", ":scripts/tidy.mjs"]).stdout).toBe("const answer = 42;\nexport default answer;\n");
  });

  it("refuses a staged file that breaks a lint rule", () => {
    write("src/server/noisy.mjs", 'console.log("hi");\n');
    sh("git", ["add", "src/server/noisy.mjs"]);
    const hook = sh("sh", ["-e", ".husky/pre-commit"]);
    expect(hook.status).not.toBe(0);
    expect(hook.stdout + hook.stderr).toContain("no-console");
  });

  it("does nothing when CI is set", () => {
    write("src/server/noisy.mjs", 'console.log("hi");\n');
    sh("git", ["add", "src/server/noisy.mjs"]);
    expect(sh("sh", ["-e", ".husky/pre-commit"], { CI: "true" }).status).toBe(0);
  });
});

describe("pre-push hook", { timeout: SLOW_TEST_MS }, () => {
  it("runs the gates when CI is unset (here they do not exist, so it fails)", () => {
    const hook = sh("sh", ["-e", ".husky/pre-push"]);
    expect(hook.status).not.toBe(0);
    expect(hook.stderr).toContain("typecheck");
  });

  it("does nothing when CI is set", () => {
    expect(sh("sh", ["-e", ".husky/pre-push"], { CI: "true" }).status).toBe(0);
  });
});
