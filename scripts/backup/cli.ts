/** Exit codes shared by the database commands, so CI and cron can tell a usage slip from a real failure. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  pending: 3,
  historyBroken: 4,
} as const;

export class UsageError extends Error {
  override name = "UsageError";
}

/** A result the command wants to end with, other than success. */
export class ExitWith extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "ExitWith";
  }
}

export function print(line = ""): void {
  process.stdout.write(`${line}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Renders rows as a plain, aligned text table (stable for logs and CI output). */
export function formatTable(rows: Record<string, unknown>[], columns?: string[]): string {
  const keys = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (keys.length === 0) return "(no rows)";
  const cells = rows.map((row) => keys.map((key) => cellText(row[key])));
  const widths = keys.map((key, index) => Math.max(key.length, ...cells.map((line) => line[index]?.length ?? 0)));
  const render = (line: string[]) =>
    line
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join("  ")
      .trimEnd();
  const lines = [render(keys), render(widths.map((width) => "-".repeat(width))), ...cells.map(render)];
  if (rows.length === 0) lines.push("(no rows)");
  return lines.join("\n");
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/**
 * Runs a command's main function and turns its outcome into an exit code: usage errors print the
 * help (2), `ExitWith` its own code, anything else 1 after `onFailure` (alerts) has run.
 */
export async function runCommand(
  main: () => Promise<void>,
  options: { help: string; onFailure?: (error: Error) => Promise<void> },
): Promise<void> {
  try {
    await main();
    process.exitCode = EXIT.ok;
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    if (error instanceof UsageError) {
      printError(`${error.message}\n\n${options.help}`);
      process.exitCode = EXIT.usage;
      return;
    }
    if (error instanceof ExitWith) {
      printError(error.message);
      process.exitCode = error.code;
      return;
    }
    printError(`error: ${error.message}`);
    if (options.onFailure) {
      await options.onFailure(error).catch((alertError: unknown) => {
        printError(`alert failed too: ${alertError instanceof Error ? alertError.message : String(alertError)}`);
      });
    }
    process.exitCode = EXIT.failed;
  }
}
