import { AppError } from "@/server/errors";
import { supabaseServiceClient } from "@/server/supabase/client-factory";
import { assertContentType, normalizePrefix, objectPathSegments } from "./object-path";
import type { ObjectStorage, StoredObject } from "./object-storage";

export interface SupabaseStorageConfig {
  url: string;
  /** The project's secret (service role) key: storage is reached only from the server. */
  secretKey: string;
  bucket: string;
}

interface StorageFailure {
  message: string;
  status?: number | undefined;
  statusCode?: string | undefined;
}

const LIST_PAGE = 1000;
const REMOVE_CHUNK = 1000;

// Supabase Storage answers a missing object or bucket with HTTP 400 and statusCode "404" in the body.
const isNotFound = (error: StorageFailure) => error.status === 404 || error.statusCode === "404";

function unavailable(error: StorageFailure): AppError {
  return new AppError("unavailable", "File storage is unavailable. Try again shortly.", { cause: error });
}

/** Files in one private Supabase Storage bucket, created private on first use when missing. */
export function createSupabaseStorage(config: SupabaseStorageConfig): ObjectStorage {
  const storage = supabaseServiceClient(config.url, config.secretKey).storage;
  const files = () => storage.from(config.bucket);
  let ready: Promise<void> | undefined;

  /** Resolves when the bucket exists and is private, creating it (private) when missing. */
  async function checkBucket(): Promise<void> {
    const { data, error } = await storage.getBucket(config.bucket);
    if (error && isNotFound(error)) {
      const created = await storage.createBucket(config.bucket, { public: false });
      if (created.error) throw unavailable(created.error);
      return;
    }
    if (error) throw unavailable(error);
    if (data.public) {
      throw new AppError(
        "unavailable",
        `Storage bucket "${config.bucket}" is public; client files need a private bucket.`,
      );
    }
  }

  function bucketReady(): Promise<void> {
    ready ??= checkBucket().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  }

  /** Every object path under a folder, walking sub-folders (list() returns one level; folders have no id). */
  async function listTree(folder: string): Promise<string[]> {
    const found: string[] = [];
    for (let offset = 0; ; offset += LIST_PAGE) {
      const { data, error } = await files().list(folder, { limit: LIST_PAGE, offset });
      if (error) throw unavailable(error);
      for (const entry of data) {
        const child = `${folder}/${entry.name}`;
        if (entry.id === null) found.push(...(await listTree(child)));
        else found.push(child);
      }
      if (data.length < LIST_PAGE) return found;
    }
  }

  return {
    async putObject(path, bytes, contentType) {
      objectPathSegments(path);
      assertContentType(contentType);
      await bucketReady();
      const { error } = await files().upload(path, bytes, { contentType, upsert: true });
      if (error) throw unavailable(error);
    },

    async getObject(path): Promise<StoredObject> {
      objectPathSegments(path);
      await bucketReady();
      const { data, error } = await files().download(path);
      if (error) throw isNotFound(error) ? AppError.notFound("File") : unavailable(error);
      return { contentType: data.type || "application/octet-stream", size: data.size, body: data.stream() };
    },

    async deleteObject(path) {
      objectPathSegments(path);
      await bucketReady();
      const { error } = await files().remove([path]);
      if (error) throw unavailable(error);
    },

    async deletePrefix(prefix) {
      const folder = normalizePrefix(prefix);
      await bucketReady();
      const paths = await listTree(folder);
      for (let start = 0; start < paths.length; start += REMOVE_CHUNK) {
        const { error } = await files().remove(paths.slice(start, start + REMOVE_CHUNK));
        if (error) throw unavailable(error);
      }
      return paths.length;
    },

    ping: checkBucket,
  };
}
