import { PHOTO_LIMITS, PHOTO_UPLOAD_FIELD } from "@/lib/contracts/photos";
import type { MultipartSpec } from "@/server/uploads/multipart";

/** The photo route's upload: one file part named `photo`; its type is read from the bytes later. */
export const PHOTO_UPLOAD = {
  files: {
    [PHOTO_UPLOAD_FIELD]: {
      maxBytes: PHOTO_LIMITS.maxBytes,
      required: "Choose a photo to upload",
      tooLarge: `The photo is larger than ${PHOTO_LIMITS.maxBytes / (1024 * 1024)} MB`,
    },
  },
  unsupported: `Upload the photo as multipart/form-data (a file field named “${PHOTO_UPLOAD_FIELD}”)`,
} as const satisfies MultipartSpec;
