import { env } from "@/server/config/env";
import { dataPath } from "@/server/config/data-dir";
import { runMode } from "@/server/config/mode";
import { createLocalStorage } from "./local-storage";
import type { ObjectStorage, StoredObject } from "./object-storage";
import { createSupabaseStorage } from "./supabase-storage";

/** How each storage mode builds its adapter from the configuration. */
const ADAPTERS: Record<(typeof runMode)["storage"], () => ObjectStorage> = {
  local: () => createLocalStorage(dataPath("storage")),
  supabase: () =>
    createSupabaseStorage({
      url: env.NEXT_PUBLIC_SUPABASE_URL as string,
      secretKey: env.SUPABASE_SECRET_KEY as string,
      bucket: env.SUPABASE_STORAGE_BUCKET,
    }),
};

// One adapter per process, kept on globalThis so dev reloads reuse it.
const slot = globalThis as { omnicrmObjectStorage?: ObjectStorage };

export function getObjectStorage(): ObjectStorage {
  return (slot.omnicrmObjectStorage ??= ADAPTERS[runMode.storage]());
}

export const putObject = (path: string, bytes: Uint8Array, contentType: string): Promise<void> =>
  getObjectStorage().putObject(path, bytes, contentType);

export const getObject = (path: string): Promise<StoredObject> => getObjectStorage().getObject(path);

export const deleteObject = (path: string): Promise<void> => getObjectStorage().deleteObject(path);

export const deletePrefix = (prefix: string): Promise<number> => getObjectStorage().deletePrefix(prefix);

/** The health check's storage probe: resolves when files can be written and read. */
export const pingStorage = (): Promise<void> => getObjectStorage().ping();
