import { INTAKE_BODY_MAX_BYTES, INTAKE_PHOTO_MAX_BYTES } from "@/lib/contracts/intake";
import { AppError } from "@/server/errors";
import type { FormOf, MultipartSpec } from "@/server/uploads/multipart";

const MEGABYTE = 1024 * 1024;

/** The public form's submission: its answers as JSON text in `payload` and an optional `photo` file. */
export const INTAKE_UPLOAD = {
  files: {
    photo: {
      maxBytes: INTAKE_PHOTO_MAX_BYTES,
      tooLarge: `The photo is larger than ${INTAKE_PHOTO_MAX_BYTES / MEGABYTE} MB`,
    },
  },
  fields: {
    payload: {
      maxBytes: INTAKE_BODY_MAX_BYTES - INTAKE_PHOTO_MAX_BYTES,
      required: "The form is missing its answers",
      tooLarge: "The form's answers are too long",
    },
  },
  unsupported: "Send the intake form as multipart/form-data",
} as const satisfies MultipartSpec;

/** The parts of a submission as the service takes them: the answers (still to validate) and the photo. */
export interface IntakeBody {
  payload: unknown;
  photo: Uint8Array<ArrayBuffer> | null;
}

export function intakeBodyOf(form: FormOf<typeof INTAKE_UPLOAD>): IntakeBody {
  const photo = form.files.photo;
  return {
    payload: parseJson(form.fields.payload),
    photo: photo && photo.bytes.byteLength > 0 ? new Uint8Array(photo.bytes) : null,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The form answers are not valid JSON");
  }
}
