/** The pieces of the Upstash REST protocol that do not depend on a socket: parsing and encoding. */

export type RedisCommand = [string, ...string[]];
export type RedisReply = string | number | null | RedisReply[];
export interface UpstashAnswer {
  result?: RedisReply;
  error?: string;
}

/** A JSON command array (`["SET","k",1]`) as Redis arguments; numbers and booleans become strings. */
export function parseCommand(value: unknown): RedisCommand {
  if (!Array.isArray(value) || value.length === 0) throw new Error("ERR a command is a non-empty JSON array");
  const parts = value.map((part) => {
    if (typeof part === "string") return part;
    if (typeof part === "number" || typeof part === "boolean") return String(part);
    throw new Error("ERR command arguments must be strings, numbers or booleans");
  });
  return parts as RedisCommand;
}

export function parseCommandList(value: unknown): RedisCommand[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error("ERR a pipeline is a non-empty array of commands");
  return value.map(parseCommand);
}

/** `GET /set/key/value`: the path form of a command, as Upstash also accepts. */
export function commandFromPath(pathname: string): RedisCommand {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  return parseCommand(parts);
}

/** With `Upstash-Encoding: base64` every string in a result is base64, except the bare status `OK`. */
export function encodeReply(reply: RedisReply, base64: boolean): RedisReply {
  if (!base64) return reply;
  if (Array.isArray(reply)) return reply.map((item) => encodeReply(item, true));
  if (typeof reply === "string" && reply !== "OK") return Buffer.from(reply, "utf8").toString("base64");
  return reply;
}

/** Converts whatever the Redis client returned (Buffers, bigints…) into JSON-safe replies. */
export function normaliseReply(value: unknown): RedisReply {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  if (Array.isArray(value)) return value.map(normaliseReply);
  throw new Error(`ERR unexpected reply type ${typeof value}`);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
