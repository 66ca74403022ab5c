/** A text column holding envelopes, one per row, bound to its row by the row id. */
export interface EncryptedColumn {
  readonly schema: string;
  readonly table: string;
  readonly idColumn: string;
  /** Postgres type of the id column, for keyset paging. */
  readonly idType: "uuid" | "bigint" | "text";
  readonly column: string;
}

/**
 * Every encrypted column in the database. Key rotation re-encrypts exactly these; a test fails when
 * a column named `*_enc` exists in the database without an entry here.
 */
export const ENCRYPTED_COLUMNS = {
  userIntegrationAccessToken: {
    schema: "public",
    table: "user_integrations",
    idColumn: "id",
    idType: "uuid",
    column: "access_token_enc",
  },
  userIntegrationRefreshToken: {
    schema: "public",
    table: "user_integrations",
    idColumn: "id",
    idType: "uuid",
    column: "refresh_token_enc",
  },
  googleAccessToken: {
    schema: "public",
    table: "google_connections",
    idColumn: "id",
    idType: "uuid",
    column: "access_token_enc",
  },
  googleRefreshToken: {
    schema: "public",
    table: "google_connections",
    idColumn: "id",
    idType: "uuid",
    column: "refresh_token_enc",
  },
} as const satisfies Record<string, EncryptedColumn>;

export function columnName(column: EncryptedColumn): string {
  return `${column.schema}.${column.table}.${column.column}`;
}

/** Associated data for one cell: an envelope copied to another row or column no longer decrypts. */
export function columnContext(column: EncryptedColumn, rowId: string): string {
  return `${columnName(column)}:${rowId}`;
}
