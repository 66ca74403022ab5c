import fs from "node:fs";
import path from "node:path";
import type { BackupStore } from "./store";

export function localStore(dir: string): BackupStore {
  const resolve = (key: string) => {
    if (key !== path.basename(key)) throw new Error(`Backup names are plain file names, got ${key}`);
    return path.join(dir, key);
  };
  return {
    location: dir,
    async put(key, file) {
      await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
      const partial = `${resolve(key)}.partial`;
      await fs.promises.copyFile(file, partial);
      await fs.promises.chmod(partial, 0o600);
      await fs.promises.rename(partial, resolve(key));
    },
    async get(key, file) {
      await fs.promises.copyFile(resolve(key), file);
    },
    async list() {
      if (!fs.existsSync(dir)) return [];
      return (await fs.promises.readdir(dir)).filter((name) => !name.endsWith(".partial")).sort();
    },
    async remove(key) {
      await fs.promises.rm(resolve(key), { force: true });
    },
  };
}
