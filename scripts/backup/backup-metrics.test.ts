import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publishGauges, renderGauges } from "./backup-metrics";

const gauges = {
  omnicrm_backup_last_success_timestamp: { help: "Unix time of the last successful backup", value: 1_700_000_000.5 },
};

describe("backup gauges for Prometheus", () => {
  it("renders the text exposition format", () => {
    expect(renderGauges(gauges)).toBe(
      "# HELP omnicrm_backup_last_success_timestamp Unix time of the last successful backup\n# TYPE omnicrm_backup_last_success_timestamp gauge\nomnicrm_backup_last_success_timestamp 1700000000.5\n",
    );
  });

  it("writes a textfile-collector file and PUTs the same text to a Pushgateway group", async () => {
    const received: { method: string; url: string; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push({ method: req.method ?? "", url: req.url ?? "", body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-textfile-")),
      "collector",
      "omnicrm_backup.prom",
    );
    try {
      await publishGauges(gauges, {
        file,
        pushgatewayUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        job: "omnicrm_backup",
      });
    } finally {
      server.close();
    }
    expect(fs.readFileSync(file, "utf8")).toBe(renderGauges(gauges));
    expect(fs.readdirSync(path.dirname(file))).toEqual(["omnicrm_backup.prom"]);
    expect(received).toEqual([{ method: "PUT", url: "/metrics/job/omnicrm_backup", body: renderGauges(gauges) }]);
  });

  it("fails loudly when the Pushgateway refuses", async () => {
    const server = http.createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await expect(
        publishGauges(gauges, {
          file: undefined,
          pushgatewayUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          job: "j",
        }),
      ).rejects.toThrow(/pushgateway answered 500/);
    } finally {
      server.close();
    }
  });
});
