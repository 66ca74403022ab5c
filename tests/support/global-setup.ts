import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../src/server/db/migrator";
import { createPglite, pgliteHandle } from "../../src/server/db/pglite-driver";
import { openPostgres } from "../../src/server/db/postgres-driver";
import { adminSql, databaseUrl } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    runPrefix: string;
  }
}

/** Migrates one template per run: a PGlite data-dir dump, and on real Postgres a template database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runPrefix = `omnicrm_test_${process.pid}_${Date.now().toString(36)}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-test-"));
  const pg = await createPglite();
  await migrate(pgliteHandle(pg).sql);
  const dump = await pg.dumpDataDir("gzip");
  await pg.close();
  const pgliteTemplate = path.join(workDir, "template.tar.gz");
  fs.writeFileSync(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));

  const baseUrl = process.env.TEST_DATABASE_URL;
  let postgresTemplate = "";
  if (baseUrl) {
    postgresTemplate = `${runPrefix}_template`;
    const admin = adminSql(baseUrl);
    await admin.unsafe(`create database "${postgresTemplate}"`);
    await admin.end();
    const handle = openPostgres({ url: databaseUrl(baseUrl, postgresTemplate), max: 1 });
    await migrate(handle.sql);
    await handle.close();
  }

  project.provide("pgliteTemplate", pgliteTemplate);
  project.provide("postgresTemplate", postgresTemplate);
  project.provide("runPrefix", runPrefix);

  return async () => {
    fs.rmSync(workDir, { recursive: true, force: true });
    if (!baseUrl) return;
    const admin = adminSql(baseUrl);
    const rows = await admin<
      { datname: string }[]
    >`select datname from pg_database where datname like ${`${runPrefix}%`}`;
    for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}
