import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface MigrationFile {
  version: string;
  name: string;
  up: string;
  down: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function migrationsRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "supabase");
}

/** Reads `migrations/NNNN_name.sql` with their paired `rollbacks/NNNN_name.down.sql`, in order. */
export function loadMigrationFiles(root: string = migrationsRoot()): MigrationFile[] {
  const upDir = path.join(root, "migrations");
  const downDir = path.join(root, "rollbacks");
  const names = fs
    .readdirSync(upDir)
    .filter((file) => file.endsWith(".sql"))
    .sort();
  const seen = new Set<string>();
  return names.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`Migration file ${file} must be named NNNN_snake_case_name.sql`);
    const [, version, name] = match as unknown as [string, string, string];
    if (seen.has(version)) throw new Error(`Two migrations share version ${version}`);
    seen.add(version);
    const downPath = path.join(downDir, `${version}_${name}.down.sql`);
    if (!fs.existsSync(downPath))
      throw new Error(`Migration ${file} has no rollback at ${path.relative(root, downPath)}`);
    const up = fs.readFileSync(path.join(upDir, file), "utf8").replace(/\r\n/g, "\n");
    return {
      version,
      name,
      up,
      down: fs.readFileSync(downPath, "utf8"),
      checksum: createHash("sha256").update(up).digest("hex"),
    };
  });
}
