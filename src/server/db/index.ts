export { getDatabase, useDatabase, closeDatabase, withUserDb, withSystemDb } from "./client";
export type { Db, DbTransaction, DbExecutor, DatabaseHandle } from "./handle";
export * as schema from "./schema";
