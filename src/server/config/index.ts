export { env, type Env } from "./env";
export { runMode, isEmbedded } from "./mode";
export { dataDir, dataPath } from "./data-dir";
