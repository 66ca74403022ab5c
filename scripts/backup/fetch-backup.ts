import fs from "node:fs";
import path from "node:path";
import { listBackups, readStoredManifest } from "./catalog";
import { MANIFEST_SUFFIX, parseManifest, type BackupManifest } from "./manifest";
import type { BackupStore } from "./store";

export interface FetchedBackup {
  manifest: BackupManifest;
  file: string;
  origin: string;
}

const stripExtensions = (name: string) => name.replace(MANIFEST_SUFFIX, "").replace(/\.(dump|tar\.gz)(\.enc)?$/, "");

/**
 * Finds a backup by local path (its file or manifest), by name in the configured store, or as
 * `latest` (the newest complete backup in the store), and brings both pieces into `workDir`.
 */
export async function fetchBackup(reference: string, store: BackupStore, workDir: string): Promise<FetchedBackup> {
  if (fs.existsSync(reference)) {
    const dir = path.dirname(path.resolve(reference));
    const manifestPath = path.join(dir, `${stripExtensions(path.basename(reference))}${MANIFEST_SUFFIX}`);
    if (!fs.existsSync(manifestPath)) throw new Error(`No manifest beside ${reference} (expected ${manifestPath})`);
    const manifest = parseManifest(await fs.promises.readFile(manifestPath, "utf8"), manifestPath);
    return { manifest, file: path.join(dir, manifest.file), origin: dir };
  }
  const name = reference === "latest" ? await latestName(store) : stripExtensions(reference);
  const manifest = await readStoredManifest(store, name, path.join(workDir, `${name}${MANIFEST_SUFFIX}`));
  const file = path.join(workDir, manifest.file);
  await store.get(manifest.file, file);
  return { manifest, file, origin: store.location };
}

async function latestName(store: BackupStore): Promise<string> {
  const latest = (await listBackups(store)).find((backup) => backup.hasManifest);
  if (!latest) throw new Error(`No backup found in ${store.location}`);
  return latest.name;
}
