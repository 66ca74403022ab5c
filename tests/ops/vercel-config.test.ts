import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

interface VercelConfig {
  framework?: string;
  regions?: string[];
  functions?: Record<string, { maxDuration?: number; memory?: number }>;
  crons?: { path: string; schedule: string }[];
  headers?: { source: string; headers: { key: string; value: string }[] }[];
  env?: unknown;
  build?: unknown;
}

const config = JSON.parse(readFileSync("vercel.json", "utf8")) as VercelConfig;
const sourceFiles = readdirSync("src", { recursive: true, encoding: "utf8" }).map((file) =>
  path.posix.join("src", file.split(path.sep).join("/")),
);

/** Vercel's function globs: `**` crosses folders, `*` stays inside one. */
function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === "**/" ? "(?:.*/)?" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${pattern}$`);
}

const headerValue = (source: string, key: string): string | undefined =>
  config.headers
    ?.find((rule) => rule.source === source)
    ?.headers.find((header) => header.key.toLowerCase() === key.toLowerCase())?.value;

describe("vercel.json", () => {
  it("names the framework and pins the functions to a region", () => {
    expect(config.framework).toBe("nextjs");
    expect(config.regions?.length).toBeGreaterThan(0);
    for (const region of config.regions ?? []) expect(region).toMatch(/^[a-z]{3}\d$/);
  });

  it("sizes functions whose globs match real route files", () => {
    const entries = Object.entries(config.functions ?? {});
    expect(entries.length).toBeGreaterThan(0);
    for (const [glob, settings] of entries) {
      const matched = sourceFiles.filter((file) => globToRegExp(glob).test(file));
      expect(matched, `${glob} matches no file (Vercel refuses the deployment)`).not.toEqual([]);
      expect(settings.maxDuration).toBeGreaterThanOrEqual(10);
      expect(settings.maxDuration).toBeLessThanOrEqual(300);
      expect(settings.memory).toBeGreaterThanOrEqual(128);
      expect(settings.memory).toBeLessThanOrEqual(3009);
    }
  });

  it("sends the API security headers", () => {
    expect(headerValue("/api/(.*)", "X-Frame-Options")).toBe("DENY");
    expect(headerValue("/api/(.*)", "X-Content-Type-Options")).toBe("nosniff");
    expect(headerValue("/api/(.*)", "Referrer-Policy")).toBeTruthy();
    expect(headerValue("/(.*)", "Strict-Transport-Security")).toMatch(/max-age=(\d{8,})/);
  });

  it("schedules only cron routes that exist, and answer GET", () => {
    expect(config.crons?.length).toBeGreaterThan(0);
    for (const cron of config.crons ?? []) {
      expect(cron.path, "a path on this deployment, never a hard-coded URL").toMatch(/^\/api\/cron\/[a-z0-9/-]+$/);
      expect(cron.schedule.split(" ")).toHaveLength(5);
      const route = path.join("src/app", cron.path, "route.ts");
      expect(existsSync(route), `${route} is missing`).toBe(true);
      const source = readFileSync(route, "utf8");
      expect(source, "Vercel Cron calls GET").toMatch(/export\s+(const|async function)\s+GET\b/);
    }
  });

  it("carries no environment values: URLs and secrets are per-environment project settings", () => {
    expect(config.env).toBeUndefined();
    expect(config.build).toBeUndefined();
    expect(JSON.stringify(config)).not.toMatch(/https?:\/\/(?!openapi\.vercel\.sh)/);
  });
});
