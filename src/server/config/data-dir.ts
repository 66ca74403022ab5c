import path from "node:path";
import { env } from "./env";

/** Absolute path of the embedded data directory (`.data/` unless DATA_DIR names another). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATA_DIR);
}

export function dataPath(...parts: string[]): string {
  return path.join(dataDir(), ...parts);
}
