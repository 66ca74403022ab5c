/** The advisories in an `npm audit --json` report (audit report version 2, npm 7 and later). */
import { z } from "zod";

export const SEVERITIES = ["info", "low", "moderate", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One advisory against one installed package: what an allowlist entry accepts. */
export interface Advisory {
  /** The GitHub advisory id (GHSA-…) when the advisory links one, else npm's numeric advisory id. */
  id: string;
  package: string;
  severity: Severity;
  title: string;
  url: string;
  range: string;
}

// A `via` entry is either an advisory against this package (an object) or the name of a vulnerable dependency it pulls in.
const advisoryVia = z.object({
  source: z.number(),
  name: z.string(),
  title: z.string(),
  url: z.string(),
  severity: z.enum(SEVERITIES),
  range: z.string(),
});

const report = z.object({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(z.string(), z.object({ via: z.array(z.union([z.string(), advisoryVia])) })),
});

const failure = z.object({
  message: z.string().optional(),
  error: z.object({ summary: z.string(), detail: z.string() }),
});

/** Every advisory in the report, once each. Throws when npm reported an error (e.g. the audit endpoint refused). */
export function advisoriesOf(json: string): Advisory[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`npm audit did not print JSON: ${json.trim().slice(0, 200) || "(nothing)"}`);
  }
  const error = failure.safeParse(parsed);
  if (error.success) {
    const { message, error: detail } = error.data;
    throw new Error(`npm audit failed: ${[detail.summary, detail.detail, message].filter(Boolean).join(" — ")}`);
  }
  const result = report.safeParse(parsed);
  if (!result.success) throw new Error(`npm audit printed a report this check does not know: ${result.error.message}`);
  const advisories = new Map<string, Advisory>();
  for (const { via } of Object.values(result.data.vulnerabilities)) {
    for (const entry of via) {
      if (typeof entry === "string") continue;
      const id = /\/advisories\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})$/.exec(entry.url)?.[1] ?? String(entry.source);
      const advisory = {
        id,
        package: entry.name,
        severity: entry.severity,
        title: entry.title,
        url: entry.url,
        range: entry.range,
      };
      advisories.set(`${id} ${entry.name}`, advisory);
    }
  }
  return [...advisories.values()];
}
