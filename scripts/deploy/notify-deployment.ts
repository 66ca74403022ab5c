import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chatMessage, isDeploymentStatus, OUTCOMES, summaryMarkdown, type DeploymentRecord } from "./deployment-record";
import { postToWebhooks, webhooksFrom } from "./webhook";

const HELP = `Usage: tsx scripts/deploy/notify-deployment.ts --status <status> [options]

Records a deployment: appends a summary table to $GITHUB_STEP_SUMMARY (when set), prints one line,
and posts it to DEPLOY_WEBHOOK_URL — and, unless it succeeded, to ALERT_WEBHOOK_URL as well.

  --status <s>        ${Object.keys(OUTCOMES).join(" | ")}
  --environment <e>   production, preview… (default production)
  --version <v>       the deployed commit or version
  --previous <v>      the version that served before this deployment
  --url <url>         the deployment URL
  --started-at <s>    Unix time (seconds) the deployment started; the duration is measured from it
  --run-url <url>     link to the pipeline run
  --reason <text>     why it failed or was rolled back
  --help

A webhook that cannot be reached is reported as a warning; it never fails the deployment.`;

function main(): Promise<void> | void {
  const { values } = parseArgs({
    options: {
      status: { type: "string" },
      environment: { type: "string", default: "production" },
      version: { type: "string" },
      previous: { type: "string" },
      url: { type: "string" },
      "started-at": { type: "string" },
      "run-url": { type: "string" },
      reason: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!isDeploymentStatus(values.status)) {
    process.stderr.write(`--status must be one of ${Object.keys(OUTCOMES).join(", ")}\n\n${HELP}\n`);
    process.exit(2);
  }
  const startedAt = Number(values["started-at"]);
  const record: DeploymentRecord = {
    status: values.status,
    environment: values.environment,
    version: values.version,
    previous: values.previous,
    url: values.url,
    durationSeconds: startedAt > 0 ? Math.max(0, Math.round(Date.now() / 1000 - startedAt)) : undefined,
    runUrl: values["run-url"],
    reason: values.reason,
  };
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${summaryMarkdown(record)}\n`);
  const message = chatMessage(record);
  process.stdout.write(`${message}\n`);
  const channels = OUTCOMES[record.status].alert ? ["DEPLOY_WEBHOOK_URL", "ALERT_WEBHOOK_URL"] : ["DEPLOY_WEBHOOK_URL"];
  return postToWebhooks(webhooksFrom(process.env, channels), message).then((failures) => {
    for (const failure of failures) process.stdout.write(`::warning title=Notification not delivered::${failure}\n`);
  });
}

await main();
