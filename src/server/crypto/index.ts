export { encrypt, decrypt, encryptColumnValue, decryptColumnValue } from "./encrypt";
export { getKeyring } from "./keyring";
export { parseKeyring, generateKeyEntry, type Keyring, type EncryptionKey } from "./key-material";
export { isEnvelope, envelopeKeyId, type CryptoOptions } from "./envelope";
export { ENCRYPTED_COLUMNS, columnContext, type EncryptedColumn } from "./encrypted-columns";
export { rotateKeys, type RotationReport, type ColumnRotation } from "./rotate-keys";
