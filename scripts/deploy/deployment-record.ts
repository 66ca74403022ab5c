/** What each deployment outcome says and whether it also goes to the alert channel. */
export const OUTCOMES = {
  success: { icon: "✅", title: "deployed", alert: false },
  "rolled-back": { icon: "⏪", title: "failed its smoke test and was rolled back", alert: true },
  "not-promoted": { icon: "🛑", title: "failed its smoke test before promotion; production unchanged", alert: true },
  failed: { icon: "❌", title: "deployment failed", alert: true },
} as const;

export type DeploymentStatus = keyof typeof OUTCOMES;

export const isDeploymentStatus = (value: string | undefined): value is DeploymentStatus =>
  value !== undefined && Object.hasOwn(OUTCOMES, value);

export interface DeploymentRecord {
  status: DeploymentStatus;
  environment: string;
  version?: string | undefined;
  previous?: string | undefined;
  url?: string | undefined;
  durationSeconds?: number | undefined;
  runUrl?: string | undefined;
  reason?: string | undefined;
}

export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/** The job summary table GitHub shows on the run page. */
export function summaryMarkdown(record: DeploymentRecord): string {
  const outcome = OUTCOMES[record.status];
  const rows: [string, string | undefined][] = [
    ["Outcome", `${outcome.icon} ${outcome.title}`],
    ["Environment", record.environment],
    ["Version", record.version],
    ["Previous version", record.previous],
    ["URL", record.url],
    ["Duration", record.durationSeconds === undefined ? undefined : formatDuration(record.durationSeconds)],
    ["Reason", record.reason],
    ["Run", record.runUrl],
  ];
  const body = rows.filter(([, value]) => value).map(([name, value]) => `| ${name} | ${value} |`);
  return ["### Deployment", "", "| | |", "|---|---|", ...body, ""].join("\n");
}

/** One line for the team channel. */
export function chatMessage(record: DeploymentRecord): string {
  const outcome = OUTCOMES[record.status];
  const parts = [
    ["OmniCRM", record.environment, record.version, outcome.title].filter(Boolean).join(" "),
    record.durationSeconds === undefined ? undefined : `in ${formatDuration(record.durationSeconds)}`,
    record.previous ? `previous: ${record.previous}` : undefined,
    record.url,
    record.reason ? `reason: ${record.reason}` : undefined,
    record.runUrl,
  ];
  return `${outcome.icon} ${parts.filter(Boolean).join(" · ")}`;
}
