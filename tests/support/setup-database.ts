import { afterAll, beforeAll } from "vitest";
import { closeDatabase, useDatabase } from "../../src/server/db/client";
import { openTestDatabase } from "./open-test-database";

// Each integration test file gets its own migrated database as the process database.
beforeAll(async () => {
  useDatabase(await openTestDatabase());
});

afterAll(async () => {
  await closeDatabase();
});
