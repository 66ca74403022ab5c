import { execFile } from "node:child_process";
import path from "node:path";
import { index, pgTable, smallint, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../src/server/db/handle";
import * as schema from "../../../src/server/db/schema";
import { compareModels } from "../../../scripts/db-drift-compare";
import { drizzleModel } from "../../../scripts/db-drift-drizzle";
import { databaseModel } from "../../../scripts/db-drift-model";
import { openTestDatabase, testDbKind } from "../../support/open-test-database";

const root = path.resolve(import.meta.dirname, "../../..");
let db: DatabaseHandle & { url?: string };

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

async function drift(drizzleSchema: Record<string, unknown> = schema): Promise<string[]> {
  return compareModels(await databaseModel(db.sql), drizzleModel(drizzleSchema));
}

/** A scratch edit of the profiles table in Drizzle: same name, different declaration. */
function scratchProfiles(options: { sortedIndex?: boolean; narrowName?: boolean }) {
  return pgTable(
    "profiles",
    {
      userId: uuid("user_id")
        .primaryKey()
        .references(() => schema.authUsers.id, { onDelete: "cascade" }),
      displayName: options.narrowName
        ? varchar("display_name", { length: 120 }).notNull()
        : text("display_name").notNull(),
      businessName: text("business_name"),
      timeZone: text("time_zone"),
      locale: text("locale"),
      weekStart: text("week_start").notNull().default("monday"),
      hourCycle: text("hour_cycle"),
      dayStartHour: smallint("day_start_hour").notNull().default(0),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    },
    (table) => (options.sortedIndex ? [index("profiles_time_zone_idx").on(table.timeZone.desc())] : []),
  );
}

function runDriftCli(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["scripts/db-drift.ts", ...args],
      { cwd: root, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe(`drift check on ${testDbKind()}`, () => {
  it("finds no drift between the Drizzle schema and the migrations", async () => {
    expect(await drift()).toEqual([]);
  });

  it("reports a column a migration added that Drizzle does not declare", async () => {
    await db.sql.exec("alter table public.profiles add column pronouns text");
    try {
      expect(await drift()).toEqual(["public.profiles.pronouns: column in the migrations but not in Drizzle"]);
    } finally {
      await db.sql.exec("alter table public.profiles drop column pronouns");
    }
  });

  it("reports a type changed in Drizzle only, and an index only one side has", async () => {
    const changed = drizzleModel({ ...schema, profiles: scratchProfiles({ narrowName: true, sortedIndex: true }) });
    expect(compareModels(await databaseModel(db.sql), changed)).toEqual([
      "public.profiles.display_name: type differs: migrations text, Drizzle character varying(120)",
      "public.profiles: index profiles_time_zone_idx differs: migrations (missing), Drizzle btree (time_zone desc nulls last)",
    ]);
  });

  // Drizzle's .desc() means DESC NULLS LAST; Postgres's bare DESC means NULLS FIRST.
  it("treats the same index written on both sides as agreement, and a different null order as drift", async () => {
    await db.sql.exec("create index profiles_time_zone_idx on public.profiles (time_zone desc nulls last)");
    try {
      expect(await drift({ ...schema, profiles: scratchProfiles({ sortedIndex: true }) })).toEqual([]);
      expect(await drift()).toEqual([
        "public.profiles: index profiles_time_zone_idx differs: migrations btree (time_zone desc nulls last), Drizzle (missing)",
      ]);
      await db.sql.exec("drop index public.profiles_time_zone_idx");
      await db.sql.exec("create index profiles_time_zone_idx on public.profiles (time_zone desc)");
      expect(await drift({ ...schema, profiles: scratchProfiles({ sortedIndex: true }) })).toEqual([
        "public.profiles: index profiles_time_zone_idx differs: migrations btree (time_zone desc), Drizzle btree (time_zone desc nulls last)",
      ]);
    } finally {
      await db.sql.exec("drop index public.profiles_time_zone_idx");
    }
  });

  it("reports a foreign key whose delete rule differs, and a table missing from Drizzle", async () => {
    const { profiles: _profiles, ...withoutProfiles } = schema;
    const differences = compareModels(await databaseModel(db.sql), drizzleModel(withoutProfiles));
    expect(differences).toEqual([
      "public.profiles: table created by the migrations but missing from the Drizzle schema",
    ]);
    await db.sql.exec(`alter table app_private.sessions drop constraint sessions_user_id_fkey;
      alter table app_private.sessions add constraint sessions_user_id_fkey foreign key (user_id) references auth.users (id) on delete set null`);
    expect((await drift()).join("\n")).toContain(
      "foreign key in the migrations but not in Drizzle: (user_id) references auth.users(id) on delete set null",
    );
  });
});

describe.runIf(testDbKind() === "pglite")("npm run db:drift", () => {
  it("passes on the current tree (fresh database from every migration)", async () => {
    const result = await runDriftCli([]);
    expect(result.output).toContain("No drift");
    expect(result.code).toBe(0);
  }, 180_000); // a child process builds a fresh PGlite from every migration
});

describe.runIf(testDbKind() === "postgres")("npm run db:drift -- --database-url", () => {
  it("fails with the list of differences against a live database that drifted", async () => {
    await db.sql.exec("alter table public.profiles add column pronouns text");
    const result = await runDriftCli(["--database-url", db.url as string]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("public.profiles.pronouns: column in the migrations but not in Drizzle");
  });
});
