import { env } from "@/server/config/env";
import { ensureEmbeddedSecrets } from "@/server/config/embedded-secrets";
import { encryptionKeysSchema } from "@/server/config/schema";
import { parseKeyring, type Keyring } from "./key-material";

const slot = globalThis as { omnicrmKeyring?: Keyring };

/**
 * The process keyring: APP_ENCRYPTION_KEYS when set, else (embedded mode only) the keys in
 * `<dataDir>/secrets.json`, generated on first use. With DATABASE_URL set and no keys it throws.
 */
export function getKeyring(): Keyring {
  if (slot.omnicrmKeyring) return slot.omnicrmKeyring;
  const entries = env.APP_ENCRYPTION_KEYS ?? encryptionKeysSchema.parse(ensureEmbeddedSecrets().APP_ENCRYPTION_KEYS);
  slot.omnicrmKeyring = parseKeyring(entries);
  return slot.omnicrmKeyring;
}
