import { ApiError } from "@/lib/api-client";
import { errorBodySchema } from "@/lib/contracts/errors";
import { PHOTO_UPLOAD_FIELD, photoUploadResponseSchema } from "@/lib/contracts/photos";

const NETWORK_MESSAGE = "We couldn't reach OmniCRM. Check your connection and try again.";
const GENERIC_MESSAGE = "The photo could not be saved. Try again, and contact support if it keeps happening.";

/** The URL the browser shows a client's photo from; `version` changes with every new photo. */
export function clientPhotoUrl(contactId: string, version: string): string {
  return `/api/contacts/${contactId}/photo?v=${encodeURIComponent(version)}`;
}

/** The API's error answer, phrased for the practitioner (its message already is). */
function failure(status: number, text: string): ApiError {
  let payload: unknown;
  try {
    payload = JSON.parse(text) as unknown;
  } catch {
    payload = undefined;
  }
  const parsed = errorBodySchema.safeParse(payload);
  if (!parsed.success) return new ApiError({ status, code: "internal", message: GENERIC_MESSAGE });
  const { code, message, requestId } = parsed.data.error;
  return new ApiError({ status, code, message, requestId });
}

/**
 * Uploads a photo as multipart/form-data with XMLHttpRequest, because fetch reports no upload
 * progress; `onProgress` gets 0–1. Resolves with the new photo's version.
 */
export function uploadClientPhoto(
  contactId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<string> {
  const form = new FormData();
  form.append(PHOTO_UPLOAD_FIELD, file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", `/api/contacts/${contactId}/photo`);
    request.setRequestHeader("accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError({ status: 0, code: "network", message: NETWORK_MESSAGE }));
    request.onload = () => {
      if (request.status !== 200) return reject(failure(request.status, request.responseText));
      try {
        resolve(photoUploadResponseSchema.parse(JSON.parse(request.responseText)).version);
      } catch {
        reject(new ApiError({ status: request.status, code: "internal", message: GENERIC_MESSAGE }));
      }
    };
    request.send(form);
  });
}
