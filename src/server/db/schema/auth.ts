import { pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The slice of Supabase's `auth` schema the app relies on (the bootstrap migration creates it elsewhere). */
export const authSchema = pgSchema("auth");

export const authUsers = authSchema.table("users", {
  id: uuid("id").primaryKey(),
  email: text("email"),
  createdAt: timestamp("created_at", { withTimezone: true }),
});
