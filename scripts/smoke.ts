import { parseArgs } from "node:util";
import { SMOKE_CHECKS } from "./smoke/checks";
import { formatReport, runSmokeWithRetries } from "./smoke/run-smoke";

const HELP = `Usage: npm run smoke -- <url> [options]

Checks that a running OmniCRM deployment is healthy and safe to keep:
${SMOKE_CHECKS.map((check) => `  - ${check.name} (${check.path})`).join("\n")}

Prints one line per check and exits 1 when any check fails (2 on bad usage).

Options:
  --timeout <ms>        per-request timeout (default 10000)
  --retries <n>         re-run the checks up to n more times while any fails (default 0)
  --retry-delay <ms>    wait between attempts (default 5000)
  --header "Name: v"    extra request header, repeatable (e.g. x-vercel-protection-bypass)
  --help                show this help

The URL may also come from SMOKE_URL.`;

function usageError(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}\n`);
  process.exit(2);
}

function toNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) usageError(`--${name} must be a whole number, got ${value}`);
  return number;
}

function parseHeaders(values: string[]): Record<string, string> {
  return Object.fromEntries(
    values.map((value) => {
      const colon = value.indexOf(":");
      if (colon < 1) usageError(`--header must look like "Name: value", got ${value}`);
      return [value.slice(0, colon).trim(), value.slice(colon + 1).trim()];
    }),
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      timeout: { type: "string" },
      retries: { type: "string" },
      "retry-delay": { type: "string" },
      header: { type: "string", multiple: true, default: [] },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const target = positionals[0] ?? process.env.SMOKE_URL;
  if (!target) usageError("Missing the deployment URL.");
  if (!URL.canParse(target)) usageError(`Not a URL: ${target}`);

  const baseUrl = new URL(target);
  const options = {
    baseUrl,
    timeoutMs: toNumber(values.timeout, 10_000, "timeout"),
    headers: parseHeaders(values.header),
  };
  const retries = toNumber(values.retries, 0, "retries");
  const results = await runSmokeWithRetries(
    options,
    retries,
    toNumber(values["retry-delay"], 5_000, "retry-delay"),
    (attempt, failed) => {
      const count = failed.filter((result) => result.problems.length > 0).length;
      process.stdout.write(`Attempt ${attempt} of ${retries + 1}: ${count} check(s) failing, retrying…\n`);
    },
  );
  process.stdout.write(`${formatReport(baseUrl, results)}\n`);
  if (results.some((result) => result.problems.length > 0)) process.exitCode = 1;
}

await main();
