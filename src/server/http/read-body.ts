import { byteSizeText } from "@/lib/byte-size";
import { env } from "@/server/config/env";
import { AppError } from "@/server/errors";
import { readCappedBytes } from "@/server/uploads/capped-body";

/** Reads a JSON body with the size cap enforced on the bytes actually received. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > env.BODY_LIMIT_BYTES) throw tooLarge();
  const text = await readCapped(request);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}

async function readCapped(request: Request): Promise<string> {
  if (!request.body) return "";
  return (await readCappedBytes(request.body, env.BODY_LIMIT_BYTES, tooLarge)).toString("utf8");
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", `The request is larger than ${byteSizeText(env.BODY_LIMIT_BYTES)}`);
}
