import { randomUUID } from "node:crypto";
import type { SqlClient } from "../../../src/server/db/sql-client";
import { decryptWith, encryptWith } from "../../../src/server/crypto/envelope";
import { ENCRYPTED_COLUMNS, columnContext } from "../../../src/server/crypto/encrypted-columns";
import type { Keyring } from "../../../src/server/crypto/key-material";

export interface SeededIntegration {
  id: string;
  accessToken: string;
  refreshToken: string;
}

const { userIntegrationAccessToken: accessColumn, userIntegrationRefreshToken: refreshColumn } = ENCRYPTED_COLUMNS;

/** `count` practitioners, each with a Google integration whose tokens are encrypted with `keyring`. */
export async function seedIntegrations(sql: SqlClient, keyring: Keyring, count: number): Promise<SeededIntegration[]> {
  const seeded = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    userId: randomUUID(),
    accessToken: `ya29.access-${index}-${randomUUID()}`,
    refreshToken: `1//refresh-${index}-${randomUUID()}`,
  }));
  const rows = seeded.map((row) => ({
    id: row.id,
    user_id: row.userId,
    access: encryptWith(keyring, row.accessToken, { context: columnContext(accessColumn, row.id) }),
    refresh: encryptWith(keyring, row.refreshToken, { context: columnContext(refreshColumn, row.id) }),
  }));
  await sql.query(
    `insert into auth.users (id, email)
     select user_id, 'practitioner-' || user_id || '@example.test' from jsonb_to_recordset($1::jsonb) as r(user_id uuid)`,
    [JSON.stringify(rows.map(({ user_id }) => ({ user_id })))],
  );
  await sql.query(
    `insert into public.user_integrations (id, user_id, provider, access_token_enc, refresh_token_enc, scopes)
     select id, user_id, 'google', access, refresh, array['https://www.googleapis.com/auth/gmail.readonly']
       from jsonb_to_recordset($1::jsonb) as r(id uuid, user_id uuid, access text, refresh text)`,
    [JSON.stringify(rows)],
  );
  return seeded.map(({ id, accessToken, refreshToken }) => ({ id, accessToken, refreshToken }));
}

export interface StoredIntegration {
  id: string;
  accessKeyId: string;
  refreshKeyId: string;
  accessToken: string;
  refreshToken: string;
}

/** Every stored integration with the key id of each envelope and its decrypted value. */
export async function readIntegrations(sql: SqlClient, keyring: Keyring): Promise<StoredIntegration[]> {
  const rows = await sql.query<{ id: string; access: string; refresh: string }>(
    "select id::text as id, access_token_enc as access, refresh_token_enc as refresh from public.user_integrations order by id",
  );
  return rows.map((row) => ({
    id: row.id,
    accessKeyId: row.access.slice(1, row.access.indexOf(":")),
    refreshKeyId: row.refresh.slice(1, row.refresh.indexOf(":")),
    accessToken: decryptWith(keyring, row.access, { context: columnContext(accessColumn, row.id) }),
    refreshToken: decryptWith(keyring, row.refresh, { context: columnContext(refreshColumn, row.id) }),
  }));
}

/** The seeded rows as `readIntegrations` should return them once every value is on `keyId`. */
export function expectedIntegrations(seeded: SeededIntegration[], keyId: string): StoredIntegration[] {
  return [...seeded]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((row) => ({ ...row, accessKeyId: keyId, refreshKeyId: keyId }));
}
