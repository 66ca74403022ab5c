import { z } from "zod";
import { AppError } from "@/server/http/app-error";

/** Position after the last event of a page: its time (microseconds kept, as text) and id. */
const cursorSchema = z.strictObject({ at: z.iso.datetime({ offset: true }), id: z.uuid() });

export type AuditCursor = z.infer<typeof cursorSchema>;

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

export function decodeAuditCursor(value: string): AuditCursor {
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
