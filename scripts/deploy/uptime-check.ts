import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { healthProblem, nextState, parseState } from "./uptime-state";
import { postToWebhooks, webhooksFrom } from "./webhook";

const HELP = `Usage: tsx scripts/deploy/uptime-check.ts --url <base-url> --state <file> [options]

Probes <base-url>/api/health (HTTP 200, JSON, "status": "ok") and keeps the count of consecutive
failures in the state file. At --threshold consecutive failures (default 2) it posts one alert to
ALERT_WEBHOOK_URL; when the service answers again after an alert it posts a recovery notice.
Exits 1 when this probe failed, 0 when it passed.

  --url <url>          deployment to probe (or UPTIME_URL)
  --state <file>       JSON state carried between runs (created when missing)
  --threshold <n>      consecutive failures that raise the alert (default 2)
  --timeout <ms>       probe timeout (default 10000)
  --help`;

async function probe(url: URL, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "user-agent": "omnicrm-uptime" },
    });
    return healthProblem(response.status, await response.text());
  } catch (error) {
    const cause = (error as Error).cause;
    return `unreachable: ${cause instanceof Error ? cause.message : (error as Error).message}`;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      state: { type: "string" },
      threshold: { type: "string", default: "2" },
      timeout: { type: "string", default: "10000" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const base = values.url ?? process.env.UPTIME_URL;
  const threshold = Number(values.threshold);
  if (!base || !URL.canParse(base) || !values.state || !(threshold >= 1)) {
    process.stderr.write(`--url, --state and a positive --threshold are required\n\n${HELP}\n`);
    process.exit(2);
  }
  const target = new URL("/api/health", base);
  const previous = parseState(existsSync(values.state) ? readFileSync(values.state, "utf8") : undefined);
  const problem = await probe(target, Number(values.timeout));
  const { state, action } = nextState(previous, problem, threshold, new Date());
  mkdirSync(path.dirname(path.resolve(values.state)), { recursive: true });
  writeFileSync(values.state, `${JSON.stringify(state, null, 2)}\n`);

  process.stdout.write(
    problem === undefined
      ? `UP    ${target.href}\n`
      : `DOWN  ${target.href}: ${problem} (${state.consecutiveFailures} consecutive failure(s), alert at ${threshold})\n`,
  );
  const messages = {
    none: undefined,
    alert: `🚨 OmniCRM is DOWN: ${target.href} failed ${state.consecutiveFailures} checks in a row. Last problem: ${problem}`,
    recovered: `✅ OmniCRM has recovered: ${target.href} answers healthy again.`,
  };
  const message = messages[action];
  if (message) {
    process.stdout.write(`${message}\n`);
    const failures = await postToWebhooks(webhooksFrom(process.env, ["ALERT_WEBHOOK_URL"]), message);
    for (const failure of failures) process.stdout.write(`::error title=Alert not delivered::${failure}\n`);
  }
  if (problem !== undefined) process.exitCode = 1;
}

await main();
