import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { registerJobMetrics } from "@/server/jobs/job-metrics";
import { metricsRegistry } from "@/server/observability/metrics";

const root = path.resolve(import.meta.dirname, "../../..");
const docs = path.join(root, "docs/monitoring");

interface CatalogEntry {
  name: string;
  type: "counter" | "gauge" | "histogram";
  source: string;
}
const catalog = JSON.parse(fs.readFileSync(path.join(docs, "metrics.json"), "utf8")) as {
  sources: Record<string, string>;
  metrics: CatalogEntry[];
};

const KEYWORDS = new Set([
  "and",
  "or",
  "unless",
  "by",
  "without",
  "on",
  "ignoring",
  "bool",
  "offset",
  "group_left",
  "group_right",
  "inf",
  "nan",
]);

/** The metric names a PromQL expression reads (functions, labels, keywords and durations removed). */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ");
  const names = [...stripped.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter((match) => !match[2] && !KEYWORDS.has(match[1] as string))
    .map((match) => match[1] as string);
  return [...new Set(names)];
}

function documented(name: string): boolean {
  return catalog.metrics.some(
    (entry) =>
      entry.name === name ||
      (entry.type === "histogram" && ["_bucket", "_sum", "_count"].some((suffix) => name === `${entry.name}${suffix}`)),
  );
}

interface Panel {
  id: number;
  type: string;
  title: string;
  targets?: { expr: string; refId: string; datasource: { uid: string } }[];
}
const dashboard = JSON.parse(fs.readFileSync(path.join(docs, "grafana-dashboard.json"), "utf8")) as {
  uid: string;
  title: string;
  panels: Panel[];
};

interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: string };
  annotations: { summary: string; description: string; runbook: string };
}
const rules = (
  parse(fs.readFileSync(path.join(docs, "alerts.yml"), "utf8")) as { groups: { name: string; rules: Rule[] }[] }
).groups.flatMap((group) => group.rules);

describe("docs/monitoring", () => {
  it("reads metric names out of PromQL", () => {
    expect(
      metricNames(
        'sum by (le, route) (rate(http_request_duration_seconds_bucket{job="x", route=~"a|b"}[5m])) > 0.5 and on (route) up',
      ),
    ).toEqual(["http_request_duration_seconds_bucket", "up"]);
    expect(metricNames("time() - max(omnicrm_backup_last_success_timestamp) > 26 * 3600")).toEqual([
      "omnicrm_backup_last_success_timestamp",
    ]);
  });

  it("accepts a histogram's series and nothing undocumented", () => {
    expect(documented("http_request_duration_seconds_bucket")).toBe(true);
    expect(documented("http_requests_total_bucket")).toBe(false);
    expect(documented("omnicrm_backup_age_seconds")).toBe(false);
  });

  it("the catalog names a known source for every metric, once", () => {
    expect(new Set(catalog.metrics.map((entry) => entry.name)).size).toBe(catalog.metrics.length);
    for (const entry of catalog.metrics) expect(Object.keys(catalog.sources)).toContain(entry.source);
    const readme = fs.readFileSync(path.join(docs, "README.md"), "utf8");
    for (const entry of catalog.metrics) expect(readme).toContain(`\`${entry.name}\``);
  });

  // getSingleMetric reads the registry without collecting, so no database is opened here.
  it("every app metric in the catalog is registered by the app", () => {
    registerJobMetrics();
    for (const entry of catalog.metrics.filter((metric) => metric.source === "app"))
      expect(metricsRegistry.getSingleMetric(entry.name), entry.name).toBeDefined();
  });

  it("every backup metric in the catalog is written by the backup or drill command", () => {
    const writers = ["scripts/db-backup.ts", "scripts/db-restore-drill.ts"]
      .map((file) => fs.readFileSync(path.join(root, file), "utf8"))
      .join("\n");
    for (const entry of catalog.metrics.filter((metric) => metric.source === "backup"))
      expect(writers).toContain(`${entry.name}:`);
  });

  it("the Grafana dashboard parses, has unique panel ids, and queries only documented metrics", () => {
    expect(dashboard.uid).toBe("omnicrm-overview");
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    const targets = dashboard.panels.flatMap((panel) => panel.targets ?? []);
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) {
      expect(target.datasource.uid).toBe("${datasource}");
      const names = metricNames(target.expr);
      expect(names.length, target.expr).toBeGreaterThan(0);
      for (const name of names) expect(documented(name), `${name} in ${target.expr}`).toBe(true);
    }
    const exprs = targets.map((target) => target.expr).join("\n");
    for (const needed of [
      "http_requests_total",
      "http_request_duration_seconds_bucket",
      "pg_stat_database_numbackends",
      "omnicrm_job_queue_depth",
    ])
      expect(exprs).toContain(needed);
    expect(exprs).toMatch(/histogram_quantile\(0\.95, sum by \(le, route\)/);
  });

  it("the alert rules are well formed and query only documented metrics", () => {
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^OmniCRM[A-Za-z]+$/);
      expect(["critical", "warning"]).toContain(rule.labels.severity);
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      expect(rule.annotations.runbook).toMatch(/^docs\/runbooks\/[a-z-]+\.md$/);
      for (const name of metricNames(rule.expr)) expect(documented(name), `${name} in ${rule.alert}`).toBe(true);
    }
  });

  it("alerts on the audit's thresholds: errors > 5% for 5 min, p95 > 500 ms, backup age > 26 h, health failing", () => {
    const rule = (name: string) => rules.find((candidate) => candidate.alert === name) as Rule;
    expect(rule("OmniCRMHighErrorRate").expr).toMatch(/status=~"5\.\."[\s\S]*> 0\.05\s*$/);
    expect(rule("OmniCRMHighErrorRate").for).toBe("5m");
    expect(rule("OmniCRMSlowResponses").expr).toMatch(/histogram_quantile\(0\.95,[\s\S]*> 0\.5\s*$/);
    expect(rule("OmniCRMBackupStale").expr).toContain(
      "time() - max(omnicrm_backup_last_success_timestamp) > 26 * 3600",
    );
    expect(rule("OmniCRMHealthFailing").expr).toContain("probe_success");
  });
});
