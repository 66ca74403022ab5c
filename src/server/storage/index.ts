export { getObjectStorage, putObject, getObject, deleteObject, deletePrefix, pingStorage } from "./active-storage";
export { objectBytes, type ObjectStorage, type StoredObject } from "./object-storage";
export { createLocalStorage } from "./local-storage";
export { createSupabaseStorage, type SupabaseStorageConfig } from "./supabase-storage";
