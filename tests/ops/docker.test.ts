import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lintCompose, lintDockerfile } from "../../scripts/docker/lint-docker-files";
import { readStages } from "./support/dockerfile";

const dockerfile = readFileSync("Dockerfile.prod", "utf8");
const stages = readStages(dockerfile);
const runner = stages.at(-1)!;
const builder = stages.find((stage) => stage.name === "builder")!;

interface ComposeService {
  image?: string;
  build?: { dockerfile?: string; target?: string };
  entrypoint?: string[];
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
}
const compose = parse(readFileSync("docker-compose.yml", "utf8")) as { services: Record<string, ComposeService> };

describe("Dockerfile.prod", () => {
  it("passes the Dockerfile linter with every optional check as an error", () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  it("the linter catches a broken Dockerfile", () => {
    const findings = lintDockerfile("FROM node:20\nworkdir app\nHEALTHCHECK --interval=5 CMD\n");
    expect(findings.map((finding) => finding.line)).toEqual(expect.arrayContaining([2, 3]));
  });

  it("builds in stages on Node 20 slim with npm ci and telemetry off", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.image).toMatch(/^node:20(\.\d+)*-[a-z]+-slim$/);
    expect(stages.flatMap((stage) => stage.runs).join("\n")).toMatch(/\bnpm ci\b/);
    expect(builder.env.NEXT_TELEMETRY_DISABLED).toBe("1");
    expect(runner.env.NEXT_TELEMETRY_DISABLED).toBe("1");
    expect(runner.env.NODE_ENV).toBe("production");
  });

  it("runs the standalone server as a non-root user with a health check on /api/health", () => {
    expect(runner.user).toBeDefined();
    expect(["root", "0"]).not.toContain(runner.user);
    expect(runner.cmd).toEqual(["node", "server.js"]);
    expect(runner.healthcheck?.join(" ")).toContain("/api/health");
    const copied = runner.copies.flatMap((copy) => copy.sources);
    expect(copied).toEqual(
      expect.arrayContaining(["/app/.next/standalone", "/app/.next/static", "/app/public", "/app/supabase"]),
    );
  });
});

describe("docker-compose.yml", () => {
  it("is valid against the Compose Specification", () => {
    expect(lintCompose(readFileSync("docker-compose.yml", "utf8"))).toEqual([]);
    expect(lintCompose("services:\n  app:\n    imagee: x\n")).not.toEqual([]);
  });

  it("runs the production image against Postgres 15 with pg_stat_statements preloaded", () => {
    const { app, postgres, migrate } = compose.services;
    expect(app?.build?.dockerfile).toBe("Dockerfile.prod");
    expect(postgres?.image).toMatch(/^postgres:15\b/);
    expect(postgres?.entrypoint?.join(" ")).toContain("shared_preload_libraries=pg_stat_statements");
    expect(postgres?.entrypoint?.join(" ")).toContain("create extension if not exists pg_stat_statements");
    expect(app?.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(app?.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(migrate?.command).toEqual(["npm", "run", "db:migrate"]);
    expect(migrate?.build?.target).toBe("builder");
    expect(app?.depends_on?.migrate?.condition).toBe("service_completed_successfully");
  });

  it("gives the app Redis through an Upstash-REST-compatible proxy sharing one token", () => {
    const { app, "redis-rest": rest, redis } = compose.services;
    expect(redis?.image).toMatch(/^redis:7/);
    expect(rest?.image).toMatch(/^hiett\/serverless-redis-http:\d/);
    expect(rest?.environment?.SRH_CONNECTION_STRING).toBe("redis://redis:6379");
    expect(app?.environment?.UPSTASH_REDIS_REST_URL).toBe("http://redis-rest:80");
    expect(app?.environment?.UPSTASH_REDIS_REST_TOKEN).toBe(rest?.environment?.SRH_TOKEN);
  });

  it("takes every secret from the environment, never from the file", () => {
    const app = compose.services.app!;
    for (const name of ["APP_ENCRYPTION_KEYS", "UPSTASH_REDIS_REST_TOKEN"]) {
      expect(app.environment?.[name]).toMatch(/^\$\{[A-Z_]+:\?/);
    }
    expect(app.environment?.DATABASE_URL).toContain("${POSTGRES_PASSWORD:?");
  });
});
