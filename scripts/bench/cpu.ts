import fs from "node:fs";

/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ). */
const MS_PER_TICK = 10;

export interface CpuReading {
  /** CPU time of every process in the app's process group (the standalone server and its children), ms. */
  appMs: number;
  /** CPU time of the Postgres backends serving the benchmark's database, ms. */
  databaseMs: number;
  /** CPU ticks so far of each process counted above, by pid (what cpuSince compares). */
  ticksByPid?: Record<string, { kind: "app" | "database"; ticks: number }>;
}

function processStats(): { pid: string; groupId: number; ticks: number }[] {
  if (!fs.existsSync("/proc/self/stat")) return [];
  const stats = [];
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after "(comm)": state ppid pgrp … utime (12th) stime (13th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.push({ pid, groupId: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we were reading.
    }
  }
  return stats;
}

function isBackendOf(pid: string, databaseName: string): boolean {
  try {
    // A backend's title: "postgres: [<cluster name>: ]<user> <database> <host(port) or [local]> <state>".
    const title = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    if (!title.startsWith("postgres: ")) return false;
    const words = title.split(" ");
    const client = words.findIndex((word) => /^\S+\(\d+\)$|^\[local\]$/.test(word));
    return client > 0 && words[client - 1] === databaseName;
  } catch {
    return false;
  }
}

/**
 * CPU used so far by the app and by the database's backends (when Postgres runs on this machine).
 * The difference of two readings around a load round says where each request's time went,
 * which the machine's background load disturbs far less than requests per second.
 */
export function readCpu(appGroupId: number, databaseName: string | undefined): CpuReading {
  const ticksByPid: NonNullable<CpuReading["ticksByPid"]> = {};
  for (const { pid, groupId, ticks } of processStats()) {
    if (groupId === appGroupId) ticksByPid[pid] = { kind: "app", ticks };
    else if (databaseName && isBackendOf(pid, databaseName)) ticksByPid[pid] = { kind: "database", ticks };
  }
  return { ...totals(Object.values(ticksByPid)), ticksByPid };
}

function totals(processes: { kind: "app" | "database"; ticks: number }[]): CpuReading {
  const sum = (kind: "app" | "database") =>
    processes.filter((process) => process.kind === kind).reduce((total, process) => total + process.ticks, 0);
  return { appMs: sum("app") * MS_PER_TICK, databaseMs: sum("database") * MS_PER_TICK };
}

/**
 * CPU spent between two readings, process by process: a backend that started in between counts
 * from zero, and one that ended (an idle pool connection closing) is left out rather than
 * subtracting its whole life from the total.
 */
export function cpuSince(before: CpuReading, after: CpuReading): CpuReading {
  if (!before.ticksByPid || !after.ticksByPid)
    return { appMs: after.appMs - before.appMs, databaseMs: after.databaseMs - before.databaseMs };
  const earlier = before.ticksByPid;
  return totals(
    Object.entries(after.ticksByPid).map(([pid, { kind, ticks }]) => ({
      kind,
      ticks: ticks - (earlier[pid]?.ticks ?? 0),
    })),
  );
}
