import { apiUpload } from "@/lib/api-client";
import { PHOTO_UPLOAD_FIELD, photoUploadResponseSchema } from "@/lib/contracts/photos";

/** The URL the browser shows a client's photo from; `version` changes with every new photo. */
export function clientPhotoUrl(contactId: string, version: string): string {
  return `/api/contacts/${contactId}/photo?v=${encodeURIComponent(version)}`;
}

/** Uploads a photo as multipart/form-data; `onProgress` gets 0–1. Resolves with the new photo's version. */
export async function uploadClientPhoto(
  contactId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<string> {
  const body = new FormData();
  body.append(PHOTO_UPLOAD_FIELD, file, file.name);
  const answer = await apiUpload(`/api/contacts/${contactId}/photo`, {
    method: "PUT",
    body,
    schema: photoUploadResponseSchema,
    onProgress,
  });
  return answer.version;
}
