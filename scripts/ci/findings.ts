import { spawnSync } from "node:child_process";

/** One problem a linter reported, located in the repository. */
export interface Finding {
  file: string;
  line: number;
  tool: string;
  message: string;
}

export interface ToolRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a linter binary; a missing binary is a finding of its own (CI must install it, never skip it). */
export function runTool(command: string, args: string[], input?: string): ToolRun | Finding {
  const result = spawnSync(command, args, { encoding: "utf8", input, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    return { file: "-", line: 0, tool: command, message: `cannot run ${command}: ${result.error.message}` };
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

export function isFinding(value: ToolRun | Finding): value is Finding {
  return "message" in value;
}

/** `file:line:col: severity: message` lines, as shellcheck and yamllint print them in their gcc/parsable formats. */
export function parseColonFormat(output: string, tool: string, rename?: (file: string) => string): Finding[] {
  const findings: Finding[] = [];
  for (const line of output.split("\n")) {
    const match = /^(.+?):(\d+):(\d+): (.*)$/.exec(line.trim());
    if (!match) continue;
    const [, file = "", lineNumber = "0", , message = ""] = match;
    findings.push({ file: rename ? rename(file) : file, line: Number(lineNumber), tool, message });
  }
  return findings;
}

export function printFindings(findings: Finding[], checked: string): void {
  for (const { file, line, tool, message } of findings) {
    console.error(`${file}:${line}: [${tool}] ${message}`);
  }
  const verdict = findings.length === 0 ? "no findings" : `${findings.length} finding(s)`;
  console.log(`${checked}: ${verdict}`);
}
