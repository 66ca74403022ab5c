import { z } from "@/lib/zod";
import { AppError } from "@/server/errors";
import { isPostgresTimestamp } from "./postgres-timestamp";

/** Position after the last row of a page: its time (microseconds kept, as text, one Postgres can read) and id. */
const cursorSchema = z.strictObject({ at: z.iso.datetime({ offset: true }).refine(isPostgresTimestamp), id: z.uuid() });

export type KeysetCursor = z.infer<typeof cursorSchema>;

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** The position a client sent back; anything else is a 422 telling it to start from the first page. */
export function decodeKeysetCursor(value: string): KeysetCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success)
    throw new AppError("validation_failed", "The page cursor is not valid", {
      details: [{ path: "cursor", message: "Start again from the first page" }],
    });
  return parsed.data;
}
