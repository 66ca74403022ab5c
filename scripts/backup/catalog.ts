import { MANIFEST_SUFFIX, parseManifest, type BackupManifest } from "./manifest";
import { planRetention, type RetentionPolicy } from "./retention";
import type { BackupStore } from "./store";

const NAME = /^(omnicrm-(postgres|pglite)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z)(\..+)?$/;

export interface StoredBackup {
  name: string;
  kind: "postgres" | "pglite";
  createdAt: Date;
  keys: string[];
  hasManifest: boolean;
}

/** The backups in a store, newest first, grouped by name (a data file and its manifest). */
export async function listBackups(store: BackupStore): Promise<StoredBackup[]> {
  const byName = new Map<string, StoredBackup>();
  for (const key of await store.list()) {
    const match = NAME.exec(key);
    if (!match) continue;
    const [, name = "", kind, day, hours, minutes, seconds, millis] = match;
    const entry = byName.get(name) ?? {
      name,
      kind: kind as StoredBackup["kind"],
      createdAt: new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`),
      keys: [],
      hasManifest: false,
    };
    entry.keys.push(key);
    entry.hasManifest ||= key.endsWith(MANIFEST_SUFFIX);
    byName.set(name, entry);
  }
  return [...byName.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export async function readStoredManifest(store: BackupStore, name: string, file: string): Promise<BackupManifest> {
  await store.get(`${name}${MANIFEST_SUFFIX}`, file);
  const { readFile } = await import("node:fs/promises");
  return parseManifest(await readFile(file, "utf8"), `${store.location}/${name}${MANIFEST_SUFFIX}`);
}

/** Applies the retention policy to complete backups of each kind; the manifest goes first so no half backup looks whole. */
export async function pruneBackups(store: BackupStore, policy: RetentionPolicy): Promise<string[]> {
  const complete = (await listBackups(store)).filter((backup) => backup.hasManifest);
  const pruned: string[] = [];
  for (const kind of ["postgres", "pglite"] as const) {
    const ofKind = complete.filter((backup) => backup.kind === kind);
    const plan = planRetention(ofKind, policy);
    for (const name of plan.prune) {
      const backup = ofKind.find((candidate) => candidate.name === name);
      const keys = backup?.keys ?? [];
      const manifestFirst = [
        ...keys.filter((key) => key.endsWith(MANIFEST_SUFFIX)),
        ...keys.filter((key) => !key.endsWith(MANIFEST_SUFFIX)),
      ];
      for (const key of manifestFirst) await store.remove(key);
      pruned.push(name);
    }
  }
  return pruned;
}
