import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { getDatabase, useDatabase } from "@/server/db";
import { migrate, rollback } from "@/server/db/migrator";
import { openTestDatabase } from "../../support/open-test-database";

const ready = () => GET(new Request("http://localhost/api/ready"));

describe("GET /api/ready", () => {
  it("answers 200 when the database answers and every migration is applied", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ready: true });
  });

  it("answers 503 migrations_pending while a migration this build ships is not applied", async () => {
    const { sql } = await getDatabase();
    const [rolledBack] = await rollback(sql, 1);
    expect(rolledBack).toBeDefined();
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ready: false, reason: "migrations_pending" });
    } finally {
      expect(await migrate(sql)).toEqual([rolledBack]);
    }
    expect((await ready()).status).toBe(200);
  });

  it("answers 503 database_unavailable when the database does not answer, without saying why", async () => {
    const working = await getDatabase();
    const closed = await openTestDatabase();
    await closed.close();
    useDatabase(closed);
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ready: false, reason: "database_unavailable" });
    } finally {
      useDatabase(working);
    }
  });
});
