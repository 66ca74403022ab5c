export { getDatabase, useDatabase, closeDatabase, withUserDb, withSystemDb, oneStatementAsUser } from "./client";
export type { Db, DbTransaction, DbExecutor, DatabaseHandle } from "./handle";
export * as schema from "./schema";
