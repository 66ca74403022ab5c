import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "../..");

interface Workflow {
  jobs: Record<string, { needs?: string[]; if?: string; steps?: { run?: string; if?: string }[] }>;
}

const workflow = parse(fs.readFileSync(path.join(root, ".github/workflows/ci.yml"), "utf8")) as Workflow;
const localGates = /cat <<'TABLE'\n([\s\S]*?)\nTABLE\n/.exec(fs.readFileSync(path.join(root, ".ci/run"), "utf8"))?.[1];

/** The npm invocation each gate of .ci/run stands on (`npm test`, `npm run lint`, …). */
function npmCommands(): string[] {
  return (localGates ?? "")
    .split("\n")
    .map((row) => /\bnpm (test|run [\w:-]+)/.exec(row.split("|").slice(3).join("|"))?.[0])
    .filter((command): command is string => command !== undefined);
}

describe(".github/workflows/ci.yml", () => {
  it("runs every gate that .ci/run runs", () => {
    const runs = Object.values(workflow.jobs)
      .flatMap((job) => job.steps ?? [])
      .map((step) => step.run ?? "");
    const commands = npmCommands();
    expect(commands.length).toBeGreaterThan(5);
    for (const command of commands) {
      expect(
        runs.some((run) => new RegExp(`${command.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|$)`).test(run)),
        command,
      ).toBe(true);
    }
  });

  it("audits production dependencies once, even after another step failed; .ci/run cannot reach the audit endpoint", () => {
    const audits = Object.values(workflow.jobs)
      .flatMap((job) => job.steps ?? [])
      .filter((step) => step.run === "npm run audit:dependencies");
    expect(audits).toHaveLength(1);
    expect(audits[0]?.if).toContain("!cancelled()");
    expect(localGates).not.toContain("audit:dependencies");
  });

  it("ends in one required job that needs every other job and runs even when they fail", () => {
    const { "ci-ok": verdict, ...gates } = workflow.jobs;
    expect(verdict?.needs?.sort()).toEqual(Object.keys(gates).sort());
    expect(verdict?.if).toContain("always()");
    expect(verdict?.steps?.map((step) => step.run).join("\n")).toContain('.result == "success"');
  });

  it("pins every action to a commit", () => {
    const source = fs.readFileSync(path.join(root, ".github/workflows/ci.yml"), "utf8");
    const uses = [...source.matchAll(/uses:\s*(\S+)/g)].map((match) => match[1] ?? "");
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((action) => !/@[0-9a-f]{40}$/.test(action))).toEqual([]);
  });
});
