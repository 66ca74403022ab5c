import path from "node:path";
import { defineConfig } from "drizzle-kit";

// Migrations are hand-written SQL in supabase/migrations (with rollbacks), applied by `npm run db:migrate`;
// drizzle-kit is used to inspect (`npx drizzle-kit studio`) and to check drift (`npm run db:drift`), never to push.
const databaseUrl = process.env.DATABASE_URL;
const embeddedDb = path.resolve(process.env.DATA_DIR ?? ".data", "db");

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema/index.ts",
  schemaFilter: ["public", "app_private"],
  strict: true,
  verbose: true,
  ...(databaseUrl ? { dbCredentials: { url: databaseUrl } } : { driver: "pglite", dbCredentials: { url: embeddedDb } }),
});
