/**
 * shellcheck over every shell script in the repository: `*.sh`/`*.bash` files, files whose shebang
 * names sh or bash (e.g. `.ci/run`), and the git hooks (POSIX sh without a shebang). Any finding fails.
 * Usage: `npm run lint:shell`.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Finding, isFinding, parseColonFormat, printFindings, runTool } from "./findings";

const shebang = /^#!\s*(?:\/usr\/bin\/env\s+)?(?:\/\S*\/)?(bash|sh|dash)\b/;

/** Which shell a file is written for, or undefined when it is not a shell script. */
export function shellOf(file: string, firstLine: string): "bash" | "sh" | undefined {
  const declared = shebang.exec(firstLine)?.[1];
  if (declared) return declared === "bash" ? "bash" : "sh";
  if (/\.(sh|bash)$/.test(file)) return file.endsWith(".bash") ? "bash" : "sh";
  if (/^\.husky\/[^/_][^/]*$/.test(file)) return "sh";
  return undefined;
}

export function shellScripts(files: string[], readFirstLine: (file: string) => string): Map<string, "bash" | "sh"> {
  const scripts = new Map<string, "bash" | "sh">();
  for (const file of files) {
    const shell = shellOf(file, readFirstLine(file));
    if (shell) scripts.set(file, shell);
  }
  return scripts;
}

export function shellcheck(scripts: Map<string, "bash" | "sh">): Finding[] {
  const findings: Finding[] = [];
  for (const shell of ["bash", "sh"] as const) {
    const files = [...scripts].filter(([, kind]) => kind === shell).map(([file]) => file);
    if (files.length === 0) continue;
    // -x follows `source`d files; -s only applies to files without a shebang (the git hooks).
    const run = runTool("shellcheck", ["-f", "gcc", "-x", "-s", shell, ...files]);
    if (isFinding(run)) return [run];
    findings.push(...parseColonFormat(run.stdout, "shellcheck"));
    if (run.status !== 0 && findings.length === 0) {
      findings.push({ file: "-", line: 0, tool: "shellcheck", message: run.stderr.trim() });
    }
  }
  return findings;
}

function repositoryFiles(): string[] {
  const listing = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    encoding: "utf8",
  });
  return listing.split("\0").filter((file) => file !== "" && fs.existsSync(file) && fs.statSync(file).isFile());
}

function firstLine(file: string): string {
  const handle = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(128);
    const length = fs.readSync(handle, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString("utf8").split("\n")[0] ?? "";
  } finally {
    fs.closeSync(handle);
  }
}

function main(): void {
  const scripts = shellScripts(repositoryFiles(), firstLine);
  if (scripts.size === 0) {
    console.error("No shell script found: .ci/run at least should be here.");
    process.exit(1);
  }
  const findings = shellcheck(scripts);
  printFindings(findings, `${scripts.size} shell script(s)`);
  process.exit(findings.length === 0 ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) main();
