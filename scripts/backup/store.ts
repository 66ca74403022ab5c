import type { BackupConfig } from "./config";

/** Where backups live: a local directory or an S3-compatible bucket, behind one interface. */
export interface BackupStore {
  /** For messages: `/var/backups/omnicrm` or `s3://bucket/prefix/`. */
  location: string;
  /** Stores a finished local file under `key` (atomically where the store allows). */
  put(key: string, file: string): Promise<void>;
  /** Copies `key` to the local `file`. */
  get(key: string, file: string): Promise<void>;
  list(): Promise<string[]>;
  remove(key: string): Promise<void>;
}

export async function openBackupStore(config: BackupConfig): Promise<BackupStore> {
  if (config.s3) {
    const { s3Store } = await import("./s3-store");
    return s3Store(config.s3);
  }
  const { localStore } = await import("./local-store");
  return localStore(config.localDir);
}
