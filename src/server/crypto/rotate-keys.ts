import type { SqlClient } from "@/server/db/sql-client";
import { decryptWith, encryptWith, envelopePrefix } from "./envelope";
import { ENCRYPTED_COLUMNS, columnContext, columnName, type EncryptedColumn } from "./encrypted-columns";
import type { Keyring } from "./key-material";

export const DEFAULT_BATCH_SIZE = 500;

export interface RotationFailure {
  rowId: string;
  reason: string;
}

export interface ColumnRotation {
  column: string;
  /** Envelopes per key version (`v<keyId>`) before the run. */
  before: Record<string, number>;
  rotated: number;
  failures: RotationFailure[];
  /** Values still not on the newest key after the run (in a dry run: those that would be re-encrypted). */
  remaining: number;
}

export interface RotationReport {
  newestKeyId: string;
  dryRun: boolean;
  columns: ColumnRotation[];
}

export interface BatchProgress {
  column: string;
  batch: number;
  rotated: number;
  failed: number;
}

export interface RotateKeysOptions {
  sql: SqlClient;
  keyring: Keyring;
  batchSize?: number;
  dryRun?: boolean;
  columns?: readonly EncryptedColumn[];
  /** Called after each batch has committed. */
  onBatch?: (progress: BatchProgress) => void;
}

interface Cell {
  id: string;
  envelope: string;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function columnSql(column: EncryptedColumn) {
  const table = `${quote(column.schema)}.${quote(column.table)}`;
  const id = quote(column.idColumn);
  const value = quote(column.column);
  return {
    countByVersion: `select split_part(${value}, ':', 1) as version, count(*)::int as rows
      from ${table} where ${value} is not null group by 1 order by 1`,
    remaining: `select count(*)::int as rows from ${table} where ${value} is not null and not starts_with(${value}, $1)`,
    // Keyset paging by id; `for update` waits for a concurrent writer and re-checks its new value.
    batch: (after: boolean) => `select ${id}::text as id, ${value} as envelope from ${table}
      where ${value} is not null and not starts_with(${value}, $1) ${after ? `and ${id} > $3::${column.idType}` : ""}
      order by ${id} limit $2 for update`,
    update: `update ${table} as target set ${value} = changed.envelope
      from jsonb_to_recordset($1::jsonb) as changed(id text, previous text, envelope text)
      where target.${id} = changed.id::${column.idType} and target.${value} = changed.previous
      returning target.${id}`,
  };
}

async function countByVersion(sql: SqlClient, column: EncryptedColumn): Promise<Record<string, number>> {
  const rows = await sql.query<{ version: string; rows: number }>(columnSql(column).countByVersion);
  return Object.fromEntries(rows.map((row) => [row.version, Number(row.rows)]));
}

async function countRemaining(sql: SqlClient, column: EncryptedColumn, prefix: string): Promise<number> {
  const [row] = await sql.query<{ rows: number }>(columnSql(column).remaining, [prefix]);
  return Number(row?.rows ?? 0);
}

async function assertTablesExist(sql: SqlClient, columns: readonly EncryptedColumn[]): Promise<void> {
  for (const table of new Set(columns.map((column) => `${quote(column.schema)}.${quote(column.table)}`))) {
    const [row] = await sql.query<{ found: boolean }>("select to_regclass($1) is not null as found", [table]);
    if (!row?.found) throw new Error(`Table ${table} does not exist: apply the migrations first (npm run db:migrate).`);
  }
}

function reencrypt(keyring: Keyring, column: EncryptedColumn, cell: Cell): string {
  const context = columnContext(column, cell.id);
  return encryptWith(keyring, decryptWith(keyring, cell.envelope, { context }), { context });
}

/** One batch in one transaction: lock the next rows not on the newest key, re-encrypt, write back. */
async function rotateBatch(
  sql: SqlClient,
  keyring: Keyring,
  column: EncryptedColumn,
  batchSize: number,
  after: string | undefined,
) {
  const statements = columnSql(column);
  const prefix = envelopePrefix(keyring.newest.id);
  return sql.transaction(async (tx) => {
    await tx.query("select set_config('application_name', 'omnicrm:rotate-keys', true)");
    const params = after === undefined ? [prefix, batchSize] : [prefix, batchSize, after];
    const cells = await tx.query<Cell>(statements.batch(after !== undefined), params);
    const changes: { id: string; previous: string; envelope: string }[] = [];
    const failures: RotationFailure[] = [];
    for (const cell of cells) {
      try {
        changes.push({ id: cell.id, previous: cell.envelope, envelope: reencrypt(keyring, column, cell) });
      } catch (error) {
        failures.push({ rowId: cell.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    const written = changes.length === 0 ? [] : await tx.query(statements.update, [JSON.stringify(changes)]);
    return { rotated: written.length, failures, lastId: cells.at(-1)?.id, full: cells.length === batchSize };
  });
}

async function rotateColumn(options: Required<Omit<RotateKeysOptions, "columns">>, column: EncryptedColumn) {
  const { sql, keyring, batchSize, onBatch } = options;
  const name = columnName(column);
  let rotated = 0;
  const failures: RotationFailure[] = [];
  let after: string | undefined;
  for (let batch = 1; ; batch += 1) {
    const result = await rotateBatch(sql, keyring, column, batchSize, after);
    rotated += result.rotated;
    failures.push(...result.failures);
    if (result.lastId !== undefined) {
      onBatch({ column: name, batch, rotated: result.rotated, failed: result.failures.length });
    }
    if (!result.full || result.lastId === undefined) break;
    after = result.lastId;
  }
  return { rotated, failures };
}

/**
 * Re-encrypts every registered encrypted value that is not on the newest key. Each batch commits on
 * its own, so a crash loses nothing and a second run simply continues with the values still on an
 * older key. Values that cannot be decrypted are reported and left as they are.
 */
export async function rotateKeys(options: RotateKeysOptions): Promise<RotationReport> {
  const settings = {
    sql: options.sql,
    keyring: options.keyring,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    dryRun: options.dryRun ?? false,
    onBatch: options.onBatch ?? (() => {}),
  };
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) {
    throw new Error(`batch size must be a positive whole number, got ${settings.batchSize}`);
  }
  const prefix = envelopePrefix(settings.keyring.newest.id);
  const registered = options.columns ?? Object.values(ENCRYPTED_COLUMNS);
  await assertTablesExist(settings.sql, registered);
  const columns: ColumnRotation[] = [];
  for (const column of registered) {
    const before = await countByVersion(settings.sql, column);
    const { rotated, failures } = settings.dryRun ? { rotated: 0, failures: [] } : await rotateColumn(settings, column);
    const remaining = await countRemaining(settings.sql, column, prefix);
    columns.push({ column: columnName(column), before, rotated, failures, remaining });
  }
  return { newestKeyId: settings.keyring.newest.id, dryRun: settings.dryRun, columns };
}
