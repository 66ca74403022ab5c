import { z } from "@/lib/zod";
import { INTAKE_BODY_MAX_BYTES, INTAKE_PHOTO_MAX_BYTES } from "@/lib/contracts/intake";
import { AppError } from "@/server/errors";
import { readCappedBytes } from "@/server/uploads/capped-body";

export const readIntakeBodyInput = z.instanceof(Request);

/** The parts of an intake submission: the form as JSON text (`payload`) and an optional `photo` file. */
export interface IntakeBody {
  payload: unknown;
  photo: Uint8Array<ArrayBuffer> | null;
}

/**
 * Reads a `multipart/form-data` submission with the size cap counted on the bytes received (the
 * proxy does not cap multipart bodies; a declared length is not trusted), then splits its parts.
 */
export async function readIntakeBody(request: Request): Promise<IntakeBody> {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.split(";")[0]?.trim().toLowerCase() !== "multipart/form-data") {
    throw new AppError("unsupported_media_type", "Send the intake form as multipart/form-data");
  }
  if (Number(request.headers.get("content-length") ?? "0") > INTAKE_BODY_MAX_BYTES) throw tooLarge();
  if (!request.body) throw new AppError("bad_request", "The form is empty");
  const bytes = new Uint8Array(await readCappedBytes(request.body, INTAKE_BODY_MAX_BYTES, tooLarge));
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "The form is not valid multipart/form-data");
  }
  const payload = form.get("payload");
  if (typeof payload !== "string") throw new AppError("bad_request", "The form is missing its answers");
  const photo = form.get("photo");
  if (photo !== null && typeof photo === "string") throw new AppError("bad_request", "The photo must be a file");
  if (photo && photo.size > INTAKE_PHOTO_MAX_BYTES) {
    throw new AppError("payload_too_large", `The photo is larger than ${INTAKE_PHOTO_MAX_BYTES / (1024 * 1024)} MB`);
  }
  return {
    payload: parseJson(payload),
    photo: photo && photo.size > 0 ? new Uint8Array(await photo.arrayBuffer()) : null,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The form answers are not valid JSON");
  }
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", `The form is larger than ${INTAKE_BODY_MAX_BYTES / (1024 * 1024)} MB`);
}
