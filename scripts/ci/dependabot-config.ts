/**
 * Checks `.github/dependabot.yml`: its shape (the keys GitHub documents for version 2, so a misspelt
 * key fails instead of being ignored) and the project's policy: npm and GitHub Actions are both
 * watched, and npm minor and patch updates come grouped. Part of `npm run lint:workflows`.
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { Finding } from "./findings";

const ECOSYSTEMS = [
  "bun", "bundler", "cargo", "composer", "devcontainers", "docker", "docker-compose", "dotnet-sdk", "elm",
  "gitsubmodule", "github-actions", "gomod", "gradle", "helm", "maven", "mix", "npm", "nuget", "pip", "pub",
  "swift", "terraform", "uv",
] as const; // prettier-ignore
const UPDATE_TYPES = z.array(z.enum(["major", "minor", "patch"])).min(1);

const schedule = z.strictObject({
  interval: z.enum(["daily", "weekly", "monthly", "quarterly", "semiannually", "yearly", "cron"]),
  day: z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]).optional(),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time HH:MM")
    .optional(),
  timezone: z.string().min(1).optional(),
  cronjob: z.string().min(1).optional(),
});

const group = z.strictObject({
  "applies-to": z.enum(["version-updates", "security-updates"]).optional(),
  "dependency-type": z.enum(["development", "production"]).optional(),
  patterns: z.array(z.string()).optional(),
  "exclude-patterns": z.array(z.string()).optional(),
  "update-types": UPDATE_TYPES.optional(),
});

const dependencyRule = z.strictObject({
  "dependency-name": z.string().optional(),
  "dependency-type": z.enum(["direct", "indirect", "all", "production", "development"]).optional(),
  versions: z.array(z.string()).optional(),
  "update-types": z.array(z.string()).optional(),
});

const update = z.strictObject({
  "package-ecosystem": z.enum(ECOSYSTEMS),
  directory: z.string().startsWith("/").optional(),
  directories: z.array(z.string().startsWith("/")).min(1).optional(),
  schedule,
  allow: z.array(dependencyRule).optional(),
  ignore: z.array(dependencyRule).optional(),
  groups: z.record(z.string(), group).optional(),
  "open-pull-requests-limit": z.number().int().min(0).optional(),
  "commit-message": z
    .strictObject({
      prefix: z.string(),
      "prefix-development": z.string().optional(),
      include: z.literal("scope").optional(),
    })
    .optional(),
  labels: z.array(z.string()).optional(),
  assignees: z.array(z.string()).optional(),
  milestone: z.number().int().optional(),
  "pull-request-branch-name": z.strictObject({ separator: z.enum(["-", "_", "/"]) }).optional(),
  "rebase-strategy": z.enum(["auto", "disabled"]).optional(),
  "target-branch": z.string().optional(),
  "versioning-strategy": z.enum(["auto", "increase", "increase-if-necessary", "lockfile-only", "widen"]).optional(),
  "exclude-paths": z.array(z.string()).optional(),
  cooldown: z.record(z.string(), z.union([z.number(), z.array(z.string())])).optional(),
});

const config = z.strictObject({
  version: z.literal(2),
  updates: z.array(
    update.refine(
      (entry) => (entry.directory === undefined) !== (entry.directories === undefined),
      "directory or directories, one of them",
    ),
  ),
  registries: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  "enable-beta-ecosystems": z.boolean().optional(),
});

/** The ecosystems this repository has, each watched from the root. */
const WATCHED = ["npm", "github-actions"] as const;

export function checkDependabotConfig(source: string, file: string): Finding[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  if (document.errors.length > 0) {
    return document.errors.map((error) => ({
      file,
      line: error.linePos?.[0].line ?? 0,
      tool: "dependabot",
      message: error.message,
    }));
  }
  const lineOf = (at: PropertyKey[]): number => {
    for (let length = at.length; length > 0; length -= 1) {
      const node: unknown = document.getIn(at.slice(0, length), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const parsed = config.safeParse(document.toJS());
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const at = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
      return {
        file,
        line: lineOf(at),
        tool: "dependabot",
        message: `${issue.path.join(".") || "(top)"}: ${issue.message}`,
      };
    });
  }
  const findings: Finding[] = [];
  const { updates } = parsed.data;
  for (const ecosystem of WATCHED) {
    if (
      !updates.some(
        (entry) => entry["package-ecosystem"] === ecosystem && (entry.directory ?? entry.directories?.[0]) === "/",
      )
    ) {
      findings.push({
        file,
        line: lineOf(["updates"]),
        tool: "dependabot",
        message: `no update entry for ${ecosystem} in /: nothing would watch it`,
      });
    }
  }
  updates.forEach((entry, index) => {
    if (entry["package-ecosystem"] !== "npm") return;
    const grouped = Object.values(entry.groups ?? {}).some(
      (candidate) => candidate["update-types"]?.includes("minor") && candidate["update-types"].includes("patch"),
    );
    if (!grouped) {
      findings.push({
        file,
        line: lineOf(["updates", index]),
        tool: "dependabot",
        message: "npm minor and patch updates are not grouped: one pull request each",
      });
    }
  });
  return findings;
}
