/**
 * `npm run bench [-- --no-build --duration 10 --rounds 2 --warmup 5 --connections 100 --port 3151 --dist-dir .next-bench]`
 * `              [--clients 100000 --other-practitioners 2 --other-clients 20000 --search mar]`
 *
 * Builds the production app into `.next-bench` (unless --no-build), starts it on its own data
 * directory (or DATABASE_URL when set), signs up one user, then loads a trivial JSON route and the
 * signed-in `GET /api/auth/user` with autocannon, `--duration` seconds each split into rounds taken
 * in A-B-B-A order, and prints requests/s, p50/p95/p99, the CPU each request cost the app and the
 * database (read from /proc: Linux, Postgres on this machine) and the throughput ratio (goal ≥ 0.75).
 * With DATABASE_URL it first seeds a practitioner with `--clients` clients (and other practitioners
 * with theirs), loads the clients list, a search and one client in the same rounds, prints the
 * EXPLAIN ANALYZE of the list and search queries, and removes the seeded practitioners afterwards.
 * The list and the search are also loaded on a second instance of the same build started with the
 * clients-list page cache off (`CLIENT_LIST_CACHE_MB=0`, port + 1): every one of its requests builds
 * its page in Postgres, as a first visit or the first request after a write does.
 * A bare Next 16 app with one route handler, built the same way (Turbopack, standalone) in a
 * temporary folder, runs beside them (port + 2) as the reference for the trivial route: what the
 * proxy, `defineRoute`, logging and metrics add to any request is the ratio between the two.
 * Exits non-zero only when requests failed, never for speed.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { signedInCookie } from "./bench/account";
import { explainClientQueries, seedClientData, signInCookie, type ClientData } from "./bench/clients";
import { cpuSince, readCpu, type CpuReading } from "./bench/cpu";
import { combine, measure, type LoadSample } from "./bench/load";
import { report } from "./bench/report";
import { buildReference, type ReferenceApp } from "./bench/reference";
import { buildApp, startApp, tail, type RunningApp } from "./bench/server";

const SEARCH_CONNECTIONS = 10;

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "5" },
    connections: { type: "string", default: "100" },
    port: { type: "string", default: "3151" },
    rounds: { type: "string", default: "2" },
    clients: { type: "string", default: "100000" },
    "other-practitioners": { type: "string", default: "2" },
    "other-clients": { type: "string", default: "20000" },
    search: { type: "string", default: "mar" },
    "dist-dir": { type: "string", default: ".next-bench" },
  },
});

function positive(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
  return number;
}

const settings = {
  durationSeconds: positive("duration", args.duration),
  warmupSeconds: positive("warmup", args.warmup),
  connections: Math.round(positive("connections", args.connections)),
  port: Math.round(positive("port", args.port)),
  rounds: Math.round(positive("rounds", args.rounds)),
  clients: Math.round(positive("clients", args.clients)),
  otherPractitioners: Math.round(Number(args["other-practitioners"])),
  otherClients: Math.round(positive("other-clients", args["other-clients"])),
  search: args.search,
  distDir: args["dist-dir"],
};

/** The server's environment: its own embedded data directory, or the given database with what production mode requires. */
function serverEnv(workDir: string, baseUrl: string): Record<string, string> {
  const env: Record<string, string> = {
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: process.env.APP_URL ?? baseUrl,
    // One practitioner drives every scenario from up to 100 connections: the per-practitioner read
    // limit (1,200 a minute by default) is still counted on every request, it just never refuses.
    RATE_LIMIT_READS_PER_MINUTE: "100000000",
  };
  if (process.env.DATABASE_URL) {
    env.APP_ENCRYPTION_KEYS = process.env.APP_ENCRYPTION_KEYS ?? `bench:${randomBytes(32).toString("base64url")}`;
  } else {
    env.DATA_DIR = path.join(workDir, "data");
  }
  return env;
}

interface Scenario {
  label: string;
  path: string;
  signedIn: boolean;
  /** Runs as the seeded practitioner; only with DATABASE_URL. `{contactId}` in the path is one of their clients. */
  clients?: boolean;
  /** Overrides --connections. */
  connections?: number;
  /** Sent to the instance with the clients-list page cache off, or to the bare Next app. */
  instance?: "uncached" | "reference";
}

const search = encodeURIComponent(settings.search);
const scenarios = {
  reference: {
    label: "bare Next GET /api/ping (reference)",
    path: "/api/ping",
    signedIn: false,
    instance: "reference",
  },
  trivial: { label: "GET /api/ping (trivial)", path: "/api/ping", signedIn: false },
  signedIn: { label: "GET /api/auth/user (signed in)", path: "/api/auth/user", signedIn: true },
  list: { label: "GET /api/contacts (first page)", path: "/api/contacts", signedIn: true, clients: true },
  search: {
    label: `GET /api/contacts?q=${settings.search}`,
    path: `/api/contacts?q=${search}`,
    signedIn: true,
    clients: true,
  },
  contact: { label: "GET /api/contacts/:id", path: "/api/contacts/{contactId}", signedIn: true, clients: true },
  // What any request costs at few connections on this machine: the floor under the search's p95.
  trivialAtFewConnections: {
    label: `GET /api/ping (trivial) @${SEARCH_CONNECTIONS}`,
    path: "/api/ping",
    signedIn: false,
    connections: SEARCH_CONNECTIONS,
  },
  searchAtFewConnections: {
    label: `GET /api/contacts?q=${settings.search} @${SEARCH_CONNECTIONS}`,
    path: `/api/contacts?q=${search}`,
    signedIn: true,
    clients: true,
    connections: SEARCH_CONNECTIONS,
  },
  uncachedList: {
    label: "GET /api/contacts (page cache off)",
    path: "/api/contacts",
    signedIn: true,
    clients: true,
    instance: "uncached",
  },
  uncachedSearchAtFewConnections: {
    label: `GET /api/contacts?q=${settings.search} @${SEARCH_CONNECTIONS} (cache off)`,
    path: `/api/contacts?q=${search}`,
    signedIn: true,
    clients: true,
    connections: SEARCH_CONNECTIONS,
    instance: "uncached",
  },
} satisfies Record<string, Scenario>;
const routes: Scenario[] = Object.values(scenarios).filter(
  (route: Scenario) => !route.clients || Boolean(process.env.DATABASE_URL),
);
const goalRows = {
  trivial: scenarios.trivial.label,
  reference: scenarios.reference.label,
  signedIn: scenarios.signedIn.label,
  contact: scenarios.contact.label,
  list: scenarios.list.label,
  searchAtFewConnections: { label: scenarios.searchAtFewConnections.label, connections: SEARCH_CONNECTIONS },
  trivialAtFewConnections: scenarios.trivialAtFewConnections.label,
  uncachedList: scenarios.uncachedList.label,
  uncachedSearchAtFewConnections: scenarios.uncachedSearchAtFewConnections.label,
};

/** The database's name when Postgres runs on this machine, so its backends' CPU can be read. */
function localDatabaseName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const { hostname, pathname } = new URL(url);
  const local = ["127.0.0.1", "localhost", "[::1]", "::1", ""].includes(hostname);
  return local ? decodeURIComponent(pathname.slice(1)) || undefined : undefined;
}

async function main(): Promise<number> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-bench-"));
  let app: RunningApp | undefined;
  let uncachedApp: RunningApp | undefined;
  let referenceApp: RunningApp | undefined;
  let reference: ReferenceApp | undefined;
  let clientData: ClientData | undefined;
  const cleanUp = async () => {
    await app?.stop();
    await uncachedApp?.stop();
    await referenceApp?.stop();
    reference?.remove();
    await clientData?.remove();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const baseUrl = `http://127.0.0.1:${settings.port}`;
    const env = serverEnv(workDir, baseUrl);
    // next.config validates the environment: with DATABASE_URL the build needs what production mode requires.
    if (process.env.DATABASE_URL) Object.assign(process.env, { ...env, ...process.env });
    if (!args["no-build"]) await buildApp(settings.distDir);
    else if (!fs.existsSync(path.join(settings.distDir, "BUILD_ID")))
      throw new Error(`--no-build needs a build in ${settings.distDir}`);
    console.log("building the reference: a bare Next app with one route handler");
    reference = await buildReference();

    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      console.log(
        `seeding ${settings.clients} clients, and ${settings.otherClients} for each of ${settings.otherPractitioners} others`,
      );
      clientData = await seedClientData({
        url: databaseUrl,
        contacts: settings.clients,
        otherPractitioners: settings.otherPractitioners,
        otherContacts: settings.otherClients,
        log: (line) => console.log(`  ${line}`),
      });
    } else {
      console.log("client scenarios skipped: they run against real Postgres (set DATABASE_URL)");
    }

    app = await startApp({
      distDir: settings.distDir,
      port: settings.port,
      env,
      logFile: path.join(workDir, "server.log"),
    });
    if (clientData)
      uncachedApp = await startApp({
        distDir: settings.distDir,
        port: settings.port + 1,
        env: { ...env, CLIENT_LIST_CACHE_MB: "0" },
        logFile: path.join(workDir, "server-uncached.log"),
      });
    referenceApp = await startApp({
      distDir: settings.distDir,
      port: settings.port + 2,
      env: { NEXT_TELEMETRY_DISABLED: "1" },
      logFile: path.join(workDir, "server-reference.log"),
      script: reference.serverScript,
      readyPath: "/api/ping",
    });
    const cookie = await signedInCookie(app.baseUrl);
    const clientsCookie = clientData ? await signInCookie(app.baseUrl, clientData.email, clientData.password) : "";
    const appOf = (route: Scenario) =>
      (route.instance === "uncached" ? uncachedApp : route.instance === "reference" ? referenceApp : app) as RunningApp;
    const load = (route: Scenario, durationSeconds: number) =>
      measure({
        url: `${appOf(route).baseUrl}${route.path.replace("{contactId}", clientData?.contactId ?? "")}`,
        connections: route.connections ?? settings.connections,
        durationSeconds,
        headers: route.signedIn ? { cookie: route.clients ? clientsCookie : cookie } : {},
      });

    console.log(`warm-up: ${settings.warmupSeconds} s per route`);
    for (const route of routes) await load(route, settings.warmupSeconds);
    // Rounds in A-B-B-A order: drift (JIT warming, the machine's background load) weighs on both routes alike.
    const roundSeconds = settings.durationSeconds / settings.rounds;
    const samples = routes.map(() => [] as LoadSample[]);
    const cpu = routes.map((): CpuReading => ({ appMs: 0, databaseMs: 0 }));
    const databaseName = localDatabaseName(databaseUrl);
    for (let round = 1; round <= settings.rounds; round += 1) {
      const order = round % 2 === 1 ? [...routes.entries()] : [...routes.entries()].reverse();
      for (const [index, route] of order) {
        console.log(
          `round ${round}/${settings.rounds}: ${route.label}, ${route.connections ?? settings.connections} connections, ${roundSeconds} s`,
        );
        const { groupId } = appOf(route);
        const before = readCpu(groupId, databaseName);
        samples[index]?.push(await load(route, roundSeconds));
        const used = cpuSince(before, readCpu(groupId, databaseName));
        const total = cpu[index];
        if (total)
          Object.assign(total, { appMs: total.appMs + used.appMs, databaseMs: total.databaseMs + used.databaseMs });
      }
    }
    const results = routes.map((route, index) => ({
      label: route.label,
      result: combine(samples[index] ?? []),
      cpu: process.platform === "linux" ? cpu[index] : undefined,
    }));
    console.log(`\n${report(results, goalRows).join("\n")}`);
    if (databaseUrl && clientData) {
      console.log(`\n${(await explainClientQueries(databaseUrl, clientData.userId, settings.search)).join("\n")}`);
    }

    const failed = results.filter(({ result }) => result.failures > 0);
    for (const { label, result } of failed) {
      const detail = `statuses ${JSON.stringify(result.statuses)}, errors ${JSON.stringify(result.errors)}`;
      console.error(`${label}: ${result.failures} failed request(s); ${detail}`);
    }
    for (const log of failed.length > 0 ? ["server.log", "server-uncached.log", "server-reference.log"] : [])
      console.error(`${log} (last lines):\n${tail(path.join(workDir, log), 20)}`);
    return failed.length > 0 ? 1 : 0;
  } catch (error) {
    if (app) console.error(`server log (last lines):\n${tail(app.logFile, 20)}`);
    throw error;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
