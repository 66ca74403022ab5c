import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Creating a new PGlite database runs Postgres' initdb inside WebAssembly: one synchronous call that
 * held the event loop for 8–20 s on a 2-core machine, during which `next dev` could neither answer
 * nor start compiling the first page. This runs it in a worker thread instead and leaves a closed,
 * empty cluster in `dbDir`, which the caller then opens (~1 s) and migrates as usual.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { PGlite } = require(workerData.pglite);
PGlite.create({ dataDir: workerData.dbDir })
  .then((pg) => pg.close())
  .then(() => parentPort.postMessage("created"));
`;

/**
 * Creates the cluster in `dbDir` off the main thread when it does not exist yet. Returns false when
 * it did nothing (the directory holds a database, or the worker could not load PGlite, as in a
 * bundle without node_modules): the caller then creates it in process, as before.
 */
export async function initdbOffThread(dbDir: string): Promise<boolean> {
  if (fs.existsSync(path.join(dbDir, "PG_VERSION"))) return false;
  let pglite: string;
  try {
    const projectRequire = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
    pglite = projectRequire.resolve("@electric-sql/pglite");
  } catch {
    return false;
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pglite, dbDir } });
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", (code) =>
        reject(new Error(`initdb worker exited with ${code} before creating the database`)),
      );
    });
    return true;
  } catch {
    // A half-made cluster would fail to open: the directory was new, so starting again in process loses nothing.
    fs.rmSync(dbDir, { recursive: true, force: true });
    return false;
  }
}
