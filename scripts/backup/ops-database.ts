import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { serverSchema } from "@/server/config/schema";
import type { DatabaseHandle } from "@/server/db/handle";
import { openPglite } from "@/server/db/pglite-driver";
import { openPostgres } from "@/server/db/postgres-driver";

/**
 * The two variables the database commands need, validated with the app's own rules but without
 * the rest of the app's configuration, so a backup job needs nothing but its database.
 */
const opsDatabaseSchema = z.object({
  DATABASE_URL: serverSchema.DATABASE_URL,
  DATA_DIR: serverSchema.DATA_DIR,
});

export type OpsDatabaseEnv = z.infer<typeof opsDatabaseSchema>;

export function readOpsDatabaseEnv(source: NodeJS.ProcessEnv = process.env): OpsDatabaseEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = opsDatabaseSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function resolveDataDir(env: Pick<OpsDatabaseEnv, "DATA_DIR">): string {
  return path.resolve(process.cwd(), env.DATA_DIR);
}

export interface OpsDatabase {
  handle: DatabaseHandle;
  /** Where it is, for messages: `postgres://host:port/db` (no credentials) or the data directory. */
  label: string;
}

export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/**
 * Opens the configured database without migrating it (unlike the app's `getDatabase()`, which
 * migrates the embedded database on open), so status and rollback see the real state.
 */
export async function openOpsDatabase(env: OpsDatabaseEnv): Promise<OpsDatabase> {
  if (env.DATABASE_URL) {
    return { handle: openPostgres({ url: env.DATABASE_URL, max: 2 }), label: describeUrl(env.DATABASE_URL) };
  }
  const dir = resolveDataDir(env);
  return { handle: await openPglite(dir), label: `embedded database in ${path.join(dir, "db")}` };
}

/** True when the embedded data directory holds a database cluster (PGlite writes PG_VERSION). */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "db", "PG_VERSION"));
}
