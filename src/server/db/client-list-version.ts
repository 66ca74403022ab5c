/**
 * A practitioner's clients-list version (migration 0010) as a select expression: it changes in the
 * same commit as any client, tag, tag link or note of theirs. `userIdSql` is SQL naming their id.
 * Both the clients list and the Postgres session lookup (which reads it in the same statement, so
 * the list needs no round trip of its own) use this one definition.
 */
export function clientListVersionSql(userIdSql: string): string {
  return `coalesce((select v.version::text from app_private.client_list_versions v where v.user_id = ${userIdSql}), '${NEVER_WRITTEN}')`;
}

/** The version of a practitioner who never wrote a client, tag or note: their list has not changed since it was empty. */
export const NEVER_WRITTEN = "none";
