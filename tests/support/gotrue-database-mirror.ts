import type { FakeGoTrueOptions } from "./fake-gotrue";

type MirrorHooks = Pick<
  FakeGoTrueOptions,
  "onUserCreated" | "onUserDeleted" | "onSessionCreated" | "onSessionsRevoked" | "onUserUpdated"
>;

async function run(statement: string, values: unknown[] = []): Promise<void> {
  const { getDatabase } = await import("@/server/db");
  await (await getDatabase()).sql.query(statement, values);
}

let ready: Promise<void> | undefined;

/**
 * GoTrue's own tables in the project's database, as far as the app reads them: auth.users (created by
 * migration 0000 where Supabase is absent) and auth.sessions with GoTrue's column names, created here
 * for the suite's database only.
 */
function sessionsTable(): Promise<void> {
  ready ??= run(`
    create table if not exists auth.sessions (
      id uuid primary key,
      user_id uuid not null references auth.users (id) on delete cascade,
      created_at timestamptz default now(),
      updated_at timestamptz default now(),
      not_after timestamptz,
      user_agent text,
      ip inet
    )`);
  return ready;
}

/** Hooks that make the fake GoTrue write what the real one writes in the project's database. */
export function gotrueDatabaseMirror(): MirrorHooks {
  ready = undefined;
  return {
    onUserCreated: async (user) => {
      await sessionsTable();
      await run("insert into auth.users (id, email) values ($1, $2)", [user.id, user.email]);
    },
    onUserDeleted: (userId) => run("delete from auth.users where id = $1", [userId]),
    onUserUpdated: (user) => run("update auth.users set email = $2 where id = $1", [user.id, user.email]),
    onSessionCreated: async (session) => {
      await sessionsTable();
      await run("insert into auth.sessions (id, user_id, user_agent, ip) values ($1, $2, $3, $4::inet)", [
        session.id,
        session.userId,
        session.userAgent,
        session.ip,
      ]);
    },
    onSessionsRevoked: async (sessionIds) => {
      for (const id of sessionIds) await run("delete from auth.sessions where id = $1", [id]);
    },
  };
}
