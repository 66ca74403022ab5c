/**
 * Client photos. The upload route and the client page use `storeClientPhoto`, `removeClientPhoto`
 * and `openClientPhoto`. Intake, which stores a photo inside its own submission transaction, calls:
 *
 *   const photo = await preparePhoto({ userId, contactId, bytes }); // 415/413/422 AppErrors; no I/O
 *   await writePhotoObject(photo);                                  // before the transaction
 *   await db.transaction(async (tx) => { ...insert the contact with id contactId...;
 *     await attachPhoto(tx, { userId, contactId, path: photo.path }); });
 *   // if the transaction fails: await deletePhotoObject(photo.path)
 */
export { processPhoto, processPhotoInput, type ProcessedPhoto } from "./process-photo";
export { preparePhoto, preparePhotoInput, type PreparedPhoto } from "./prepare-photo";
export { writePhotoObject } from "./write-photo-object";
export { deletePhotoObject } from "./delete-photo-object";
export { copyPhotoObject } from "./copy-photo-object";
export { attachPhoto, attachPhotoInput } from "./attach-photo";
export { storeClientPhoto, storeClientPhotoInput } from "./store-client-photo";
export { removeClientPhoto, removeClientPhotoInput } from "./remove-client-photo";
export { openClientPhoto, openClientPhotoInput } from "./open-client-photo";
export { contactPhotoFolder } from "./photo-path";
export { PHOTO_UPLOAD } from "./photo-upload";
export { detectPhotoType, type PhotoType } from "./detect-photo-type";
