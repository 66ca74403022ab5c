import fs from "node:fs";
import path from "node:path";

export type GaugeSet = Record<string, { help: string; value: number }>;

/** Prometheus text exposition of a few gauges. */
export function renderGauges(gauges: GaugeSet): string {
  return Object.entries(gauges)
    .map(([name, gauge]) => `# HELP ${name} ${gauge.help}\n# TYPE ${name} gauge\n${name} ${gauge.value}\n`)
    .join("");
}

/**
 * Publishes the gauges where Prometheus can read them: a node_exporter textfile-collector file
 * (written atomically) and/or a Pushgateway group named after `job`.
 */
export async function publishGauges(
  gauges: GaugeSet,
  target: { file: string | undefined; pushgatewayUrl: string | undefined; job: string },
): Promise<void> {
  const body = renderGauges(gauges);
  if (target.file) {
    await fs.promises.mkdir(path.dirname(target.file), { recursive: true });
    const partial = `${target.file}.${process.pid}.tmp`;
    await fs.promises.writeFile(partial, body);
    await fs.promises.rename(partial, target.file);
  }
  if (target.pushgatewayUrl) {
    const url = `${target.pushgatewayUrl.replace(/\/$/, "")}/metrics/job/${encodeURIComponent(target.job)}`;
    const response = await fetch(url, {
      method: "PUT",
      headers: { "content-type": "text/plain; version=0.0.4" },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`pushgateway answered ${response.status}`);
  }
}
