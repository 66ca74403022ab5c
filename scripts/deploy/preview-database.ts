import { parseArgs } from "node:util";
import postgres from "postgres";

const HELP = `Usage: tsx scripts/deploy/preview-database.ts <create|drop> <pull-request-number> [--admin-url <url>]

Gives each pull request's preview deployment a database of its own on the preview Postgres server,
so a preview never reads or writes production (or another pull request's) data.

  create   creates omnicrm_preview_pr_<n> when missing and prints its connection URL on stdout
  drop     drops it (closing its connections first); dropping a missing database succeeds

The server comes from --admin-url or PREVIEW_DATABASE_ADMIN_URL: a role allowed to CREATE DATABASE.
The printed URL is the admin URL with the database name replaced.`;

/** Digits only: the number becomes part of a quoted identifier in CREATE/DROP DATABASE. */
const PULL_REQUEST_NUMBER = /^[1-9]\d{0,8}$/;

const previewDatabaseName = (pullRequest: string) => `omnicrm_preview_pr_${pullRequest}`;

function previewDatabaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

async function createPreviewDatabase(adminUrl: string, name: string): Promise<boolean> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const existing = await sql`select 1 from pg_database where datname = ${name}`;
    if (existing.length > 0) return false;
    await sql.unsafe(`create database "${name}"`);
    return true;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function dropPreviewDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "admin-url": { type: "string" }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const [action, pullRequest] = positionals;
  const adminUrl = values["admin-url"] ?? process.env.PREVIEW_DATABASE_ADMIN_URL;
  if ((action !== "create" && action !== "drop") || !pullRequest || !adminUrl) {
    process.stderr.write(`${HELP}\n`);
    process.exit(2);
  }
  if (!PULL_REQUEST_NUMBER.test(pullRequest)) {
    process.stderr.write(`Not a pull request number: ${pullRequest}\n`);
    process.exit(2);
  }
  const name = previewDatabaseName(pullRequest);
  if (action === "drop") {
    await dropPreviewDatabase(adminUrl, name);
    process.stderr.write(`Dropped ${name}\n`);
    return;
  }
  const created = await createPreviewDatabase(adminUrl, name);
  process.stderr.write(`${created ? "Created" : "Reusing"} ${name}\n`);
  process.stdout.write(`${previewDatabaseUrl(adminUrl, name)}\n`);
}

await main();
