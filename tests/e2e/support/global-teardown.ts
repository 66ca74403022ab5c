import { rm } from "node:fs/promises";

/** Removes this run's data directory (database, generated secrets, outbox). */
export default async function globalTeardown(): Promise<void> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
