import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { cpuSince, readCpu } from "./cpu";
import type { LoadResult } from "./load";
import { report } from "./report";

function result(requestsPerSecond: number, p95: number): LoadResult {
  const responses = requestsPerSecond * 10;
  return { requestsPerSecond, p50: p95 / 2, p95, p99: p95, responses, failures: 0, statuses: {}, errors: {} };
}

const rows = {
  trivial: "ping",
  signedIn: "user",
  list: "list",
  searchAtFewConnections: { label: "search@10", connections: 10 },
};

describe("report", () => {
  it("prints CPU per request and judges each goal against the trivial route of the same run", () => {
    const lines = report(
      [
        { label: "ping", result: result(1000, 100), cpu: { appMs: 7000, databaseMs: 0 } },
        { label: "user", result: result(800, 120) },
        { label: "list", result: result(650, 160), cpu: { appMs: 6500, databaseMs: 13000 } },
        { label: "search@10", result: result(300, 49) },
      ],
      rows,
    );
    expect(lines.find((line) => line.startsWith("ping"))).toMatch(/0\.70\s+0\.00$/);
    expect(lines.find((line) => line.startsWith("list"))).toMatch(/1\.00\s+2\.00$/);
    expect(lines.find((line) => line.startsWith("user"))).toMatch(/–\s+–$/);
    expect(lines).toContain("signed-in / trivial throughput: 0.80 (goal ≥ 0.75: goal met)");
    expect(lines).toContain("clients list (page cache) / trivial throughput: 0.65 (goal ≥ 0.6: goal met)");
    expect(lines).toContain("clients list (page cache) p95 / trivial p95: 1.60 (goal ≤ 2: goal met)");
    expect(lines).toContain("search p95 (page cache) at 10 connections: 49 ms (goal < 50 ms: goal met)");
  });

  it("judges the list and search of the instance without the page cache by the same goals, when they ran", () => {
    const lines = report(
      [
        { label: "ping", result: result(1000, 100) },
        { label: "list", result: result(800, 120) },
        { label: "search@10", result: result(300, 20) },
        { label: "ping@10", result: result(900, 12) },
        { label: "list uncached", result: result(400, 300) },
        { label: "search@10 uncached", result: result(200, 45) },
      ],
      {
        ...rows,
        trivialAtFewConnections: "ping@10",
        uncachedList: "list uncached",
        uncachedSearchAtFewConnections: "search@10 uncached",
      },
    );
    expect(lines).toContain("clients list (page cache) / trivial throughput: 0.80 (goal ≥ 0.6: goal met)");
    expect(lines).toContain("trivial p95 at 10 connections (the floor under the search's): 12 ms");
    expect(lines).toContain("clients list built in Postgres / trivial throughput: 0.40 (goal ≥ 0.6: below the goal)");
    expect(lines).toContain("clients list built in Postgres p95 / trivial p95: 3.00 (goal ≤ 2: below the goal)");
    expect(lines).toContain("search p95 built in Postgres at 10 connections: 45 ms (goal < 50 ms: goal met)");
  });

  it("judges the trivial route against the bare Next route, the client record against the trivial one, and every tail", () => {
    const tail = (requestsPerSecond: number, p95: number, p99: number) => ({ ...result(requestsPerSecond, p95), p99 });
    const lines = report(
      [
        { label: "bare", result: tail(2000, 50, 80) },
        { label: "ping", result: tail(1500, 60, 170) },
        { label: "user", result: result(1200, 70) },
        { label: "record", result: tail(800, 90, 400) },
      ],
      { ...rows, reference: "bare", contact: "record" },
    );
    expect(lines).toContain("trivial / bare Next throughput: 0.75 (goal ≥ 0.8: below the goal)");
    expect(lines).toContain("trivial p99 / bare Next p99: 2.13 (goal ≤ 2: below the goal)");
    expect(lines).toContain("client record / trivial throughput: 0.53 (goal ≥ 0.6: below the goal)");
    expect(lines).toContain("p99 over 3× p95 (below the goal): record 4.4×");
  });

  it("leaves the client goals out when the client routes did not run", () => {
    const lines = report([{ label: "ping", result: result(1000, 100) }], rows);
    expect(lines.some((line) => line.includes("clients list"))).toBe(false);
  });
});

describe("cpuSince", () => {
  it("compares process by process: a backend that ended is left out, one that started counts from zero", () => {
    const before = {
      appMs: 0,
      databaseMs: 0,
      ticksByPid: {
        "10": { kind: "app" as const, ticks: 100 },
        "20": { kind: "database" as const, ticks: 500 },
        "21": { kind: "database" as const, ticks: 50 },
      },
    };
    const after = {
      appMs: 0,
      databaseMs: 0,
      ticksByPid: {
        "10": { kind: "app" as const, ticks: 130 },
        "21": { kind: "database" as const, ticks: 60 },
        "22": { kind: "database" as const, ticks: 5 },
      },
    };
    expect(cpuSince(before, after)).toEqual({ appMs: 300, databaseMs: 150 });
  });
});

describe.runIf(fs.existsSync("/proc/self/stat"))("readCpu", () => {
  it("counts the CPU this process's group spends", () => {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const groupId = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
    const before = readCpu(groupId, undefined);
    // Spin for 300 ms of this process's own CPU time (wall time says little on a busy machine).
    const start = process.cpuUsage();
    const spent = () => process.cpuUsage(start).user + process.cpuUsage(start).system;
    let spin = 0;
    while (spent() < 300_000) spin += 1;
    const used = cpuSince(before, readCpu(groupId, undefined));
    expect(spin).toBeGreaterThan(0);
    expect(used.appMs).toBeGreaterThanOrEqual(200);
    expect(used.databaseMs).toBe(0);
  }, 30_000);
});
