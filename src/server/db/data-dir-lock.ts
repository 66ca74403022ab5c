import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { AppError } from "@/server/errors";

export interface DataDirLock {
  release(): Promise<void>;
}

const INFO_FILE = "db.lock";

/**
 * An exclusive, kernel-held lock on a data directory: a listening Unix socket. On Linux it lives
 * in the abstract namespace (named by the directory's real path), so it vanishes with the process
 * and can never go stale; elsewhere it is a socket file in the directory, probed before reuse.
 */
export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  fs.mkdirSync(dir, { recursive: true });
  const real = fs.realpathSync(dir);
  const address =
    process.platform === "linux"
      ? `\0omnicrm-pglite-${createHash("sha256").update(real).digest("hex")}`
      : path.join(real, ".lock.sock");

  const server = net.createServer((socket) => socket.end());
  server.unref();
  try {
    await listen(server, address);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    if (process.platform === "linux" || (await isHeld(address))) throw lockedError(real);
    fs.rmSync(address, { force: true });
    await listen(server, address);
  }
  fs.writeFileSync(path.join(real, INFO_FILE), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  return {
    release: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

function listen(server: net.Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(address, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function isHeld(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(address);
    probe.once("connect", () => {
      probe.destroy();
      resolve(true);
    });
    probe.once("error", () => resolve(false));
  });
}

function lockedError(dir: string): AppError {
  let holder = "another process";
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dir, INFO_FILE), "utf8")) as { pid?: number };
    if (info.pid) holder = `process ${info.pid}`;
  } catch {
    // The info file is advisory; the socket is the lock.
  }
  return new AppError(
    "unavailable",
    `The embedded database in ${dir} is in use by ${holder}. Stop it, or set DATA_DIR to another directory to run a second instance.`,
  );
}
