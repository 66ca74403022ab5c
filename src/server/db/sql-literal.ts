import { isIP } from "node:net";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { splicedUuid } from "./spliced-uuid";

/**
 * Values written into a statement's text, for the parameterless statements that go in one round
 * trip (`oneStatementAsUser`). Each kind is checked or escaped here, never by the caller.
 */

/** A text literal that reads the same whatever `standard_conforming_strings` says: E'…' with `\` and `'` escaped. */
export function textLiteral(value: string | null): string {
  if (value === null) return "null";
  // Postgres text cannot hold NUL; a parameter would be refused for it too.
  const escaped = value.replace(/\0/g, "").replace(/\\/g, "\\\\").replace(/'/g, "\\'");
  return `E'${escaped}'`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function uuidLiteral(value: string, caller: string): string {
  return `'${splicedUuid(value, caller)}'::uuid`;
}

/** An address for an `inet` column, or null when it is not one. */
export function inetLiteral(value: string | null | undefined): string {
  return value && isIP(value) !== 0 ? `'${value}'::inet` : "null";
}

const dialect = new PgDialect();

/** The text of a drizzle SQL fragment that carries no parameters (column lists, expressions); throws if it does. */
export function parameterlessText(fragment: SQL): string {
  const query = dialect.sqlToQuery(fragment);
  if (query.params.length > 0) throw new Error("this SQL fragment carries parameters; it cannot be spliced");
  return query.sql;
}
