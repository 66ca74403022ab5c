import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

export async function createUser(): Promise<string> {
  const id = randomUUID();
  await withSystemDb("test:user", (tx) =>
    tx.execute(sql`insert into auth.users (id, email) values (${id}, ${`${id}@example.com`})`),
  );
  return id;
}

export async function rows<Row>(query: SQL): Promise<Row[]> {
  return resultRows<Row>(await withSystemDb("test:query", (tx) => tx.execute(query)));
}

export interface JobRow {
  status: string;
  attempts: number;
  last_error: string | null;
  errors: { attempt: number; error: string }[];
  lease_id: string | null;
  run_at_in_seconds: number;
  lease_left_seconds: number | null;
}

export async function jobRow(id: string): Promise<JobRow | undefined> {
  const [row] = await rows<JobRow>(sql`
    select status, attempts, last_error, errors, lease_id,
           extract(epoch from run_at - now())::float8 as run_at_in_seconds,
           extract(epoch from locked_until - now())::float8 as lease_left_seconds
      from app_private.jobs where id = ${id}`);
  return row;
}

export async function insertRawJob(kind: string, maxAttempts: number, userId: string | null = null): Promise<string> {
  const [row] = await rows<{ id: string }>(
    sql`insert into app_private.jobs (kind, max_attempts, user_id) values (${kind}, ${maxAttempts}, ${userId}) returning id`,
  );
  return row!.id;
}

/** Every queued job due now (retries wait for their backoff otherwise). */
export const makeDue = () => rows(sql`update app_private.jobs set run_at = now() where status = 'queued' returning id`);

/** Empties the queue so a test sees only its own jobs. */
export const clearJobs = () => rows(sql`delete from app_private.jobs returning id`);

/** A promise with its resolver, for handlers a test holds open. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}
