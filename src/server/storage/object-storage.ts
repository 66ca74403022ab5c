/** A stored file as read back: its bytes as a stream, with the content type it was stored with. */
export interface StoredObject {
  contentType: string;
  size: number;
  body: ReadableStream<Uint8Array>;
}

/**
 * Private file storage keyed by server-chosen paths (`<userId>/<kind>/<id>`); never a user-supplied
 * file name. One interface, two adapters: a local directory and a private Supabase Storage bucket.
 */
export interface ObjectStorage {
  putObject(path: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Throws AppError not_found (404) when there is no such object. */
  getObject(path: string): Promise<StoredObject>;
  /** Succeeds when the object is already gone. */
  deleteObject(path: string): Promise<void>;
  /** Deletes every object under the folder `prefix` (e.g. all of one practitioner's files); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Resolves when storage can serve reads and writes; throws otherwise (health check). */
  ping(): Promise<void>;
}

/** Reads a stored object's whole body. */
export async function objectBytes(object: StoredObject): Promise<Uint8Array> {
  return new Uint8Array(await new Response(object.body).arrayBuffer());
}
