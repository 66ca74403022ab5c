import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "@/server/errors";
import { assertContentType, normalizePrefix, objectPathSegments } from "./object-path";
import type { ObjectStorage, StoredObject } from "./object-storage";

interface ObjectMeta {
  contentType: string;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;
/** Errors meaning "there is no file here" (missing, or a folder where a file would be). */
const NOT_A_FILE = new Set(["ENOENT", "ENOTDIR", "EISDIR", "ERR_FS_EISDIR"]);

/** Errors meaning an object path runs into a folder or a folder path into an object. */
const PATH_CONFLICT = new Set(["EISDIR", "ENOTDIR", "EEXIST"]);

async function removeFile(target: string): Promise<void> {
  await fs.rm(target, { force: true }).catch((error: unknown) => {
    if (!NOT_A_FILE.has(errorCode(error) ?? "")) throw error;
  });
}

/**
 * Files on disk under `<root>/objects/<path>`, each with its content type in `<root>/meta/<path>.json`.
 * Writes go through `<root>/tmp` and a rename, so a reader never sees half a file.
 */
export function createLocalStorage(root: string): ObjectStorage {
  const base = path.resolve(/*turbopackIgnore: true*/ root);

  // Segments are validated; the containment check is a second wall should that ever change.
  function inside(tree: "objects" | "meta", segments: string[], suffix = ""): string {
    const treeRoot = path.join(/*turbopackIgnore: true*/ base, tree);
    const target = path.join(/*turbopackIgnore: true*/ treeRoot, ...segments) + suffix;
    if (!target.startsWith(treeRoot + path.sep)) throw new AppError("bad_request", "Invalid file path");
    return target;
  }

  async function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
    const temporary = path.join(base, "tmp", `${randomBytes(8).toString("hex")}.tmp`);
    await fs.mkdir(path.dirname(temporary), { recursive: true });
    await fs.writeFile(temporary, data, { mode: 0o600 });
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      if (PATH_CONFLICT.has(errorCode(error) ?? "")) {
        throw new AppError("conflict", "A file and a folder cannot share a path");
      }
      throw error;
    }
  }

  async function isDirectory(target: string): Promise<boolean> {
    return fs.stat(target).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
  }

  return {
    async putObject(objectPath, bytes, contentType) {
      const segments = objectPathSegments(objectPath);
      assertContentType(contentType);
      const meta: ObjectMeta = { contentType };
      // The object first: a path conflict is found before anything is written, and a crash in
      // between leaves readable bytes (typed application/octet-stream), never a stray type.
      await writeAtomically(inside("objects", segments), bytes);
      await writeAtomically(inside("meta", segments, ".json"), JSON.stringify(meta));
    },

    async getObject(objectPath): Promise<StoredObject> {
      const segments = objectPathSegments(objectPath);
      let file: fs.FileHandle;
      try {
        file = await fs.open(inside("objects", segments), "r");
      } catch (error) {
        if (NOT_A_FILE.has(errorCode(error) ?? "")) throw AppError.notFound("File");
        throw error;
      }
      const [stats, meta] = await Promise.all([
        file.stat(),
        fs
          .readFile(inside("meta", segments, ".json"), "utf8")
          .then((text) => JSON.parse(text) as ObjectMeta)
          .catch(() => ({ contentType: "application/octet-stream" })),
      ]);
      if (!stats.isFile()) {
        await file.close();
        throw AppError.notFound("File");
      }
      // The open handle keeps the bytes readable even if the object is deleted meanwhile.
      const body = Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>;
      return { contentType: meta.contentType, size: stats.size, body };
    },

    async deleteObject(objectPath) {
      const segments = objectPathSegments(objectPath);
      await removeFile(inside("objects", segments));
      await removeFile(inside("meta", segments, ".json"));
    },

    async deletePrefix(prefix) {
      const segments = normalizePrefix(prefix).split("/");
      const folder = inside("objects", segments);
      // A prefix names a folder: an object stored at exactly that path is not under it.
      if (!(await isDirectory(folder))) return 0;
      const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
      const deleted = entries.filter((entry) => entry.isFile()).length;
      await fs.rm(folder, { recursive: true, force: true });
      await fs.rm(inside("meta", segments), { recursive: true, force: true });
      return deleted;
    },

    async ping() {
      const probe = path.join(base, "tmp", `ping-${randomBytes(4).toString("hex")}`);
      await fs.mkdir(path.dirname(probe), { recursive: true });
      await fs.writeFile(probe, "ok");
      await fs.rm(probe, { force: true });
    },
  };
}
