import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

/** The compose file's Postgres settings, tried on this machine's Postgres 15 (the same major as the image). */
const BIN = "/usr/lib/postgresql/15/bin";
const PORT = "3173";
const runnable = existsSync(`${BIN}/initdb`) && process.getuid?.() === 0;

const compose = parse(readFileSync("docker-compose.yml", "utf8")) as {
  services: { postgres: { entrypoint: string[] } };
};
const script = compose.services.postgres.entrypoint.at(-1) ?? "";
const initSql = /echo '([^']+)'/.exec(script)?.[1] ?? "";
const serverOptions = [...script.matchAll(/-c (\S+)/g)].map((match) => match[1]!);

let dir = "";
const asPostgres = (command: string, args: string[]) =>
  execFileSync("runuser", ["-u", "postgres", "--", `${BIN}/${command}`, ...args], { encoding: "utf8" });
const psql = (sql: string) =>
  execFileSync("psql", ["-h", "127.0.0.1", "-p", PORT, "-U", "postgres", "-d", "postgres", "-tAc", sql], {
    encoding: "utf8",
  }).trim();

// Under CI the test must run: a machine without Postgres 15 or root fails it rather than skipping.
describe.skipIf(!runnable && process.env.CI !== "true")("docker-compose.yml Postgres settings", () => {
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "omnicrm-compose-pg-"));
    chownSync(dir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), 0);
    asPostgres("initdb", ["-D", `${dir}/data`, "--auth=trust", "-U", "postgres"]);
    const options = [
      ...serverOptions.map((option) => `-c ${option}`),
      `-p ${PORT}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
    ];
    asPostgres("pg_ctl", ["-D", `${dir}/data`, "-l", `${dir}/log`, "-o", options.join(" "), "-w", "start"]);
  }, 120_000);

  afterAll(() => {
    if (existsSync(`${dir}/data/postmaster.pid`))
      asPostgres("pg_ctl", ["-D", `${dir}/data`, "-m", "fast", "-w", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("preload pg_stat_statements, and the init script makes its view queryable", () => {
    expect(serverOptions).toContain("shared_preload_libraries=pg_stat_statements");
    expect(psql("show shared_preload_libraries")).toBe("pg_stat_statements");
    psql(initSql);
    psql("select 1 as compose_probe");
    expect(Number(psql("select count(*) from pg_stat_statements where query like '%compose_probe%'"))).toBeGreaterThan(
      0,
    );
  });
});
