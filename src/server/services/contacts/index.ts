export type { UserContext } from "./context";
export { listContacts, listContactsInput, listContactsJson } from "./list-contacts";
export { countContacts, countContactsInput } from "./count-contacts";
export { getContact, getContactInput } from "./get-contact";
export { createContact, createContactInput } from "./create-contact";
export { updateContact, updateContactInput, updateContactParams } from "./update-contact";
export { deleteContact, deleteContactInput } from "./delete-contact";
export { bulkDeleteContacts, bulkDeleteContactsInput } from "./bulk-delete-contacts";
export { bulkTagContacts, bulkTagContactsInput } from "./bulk-tag-contacts";
export { mergeContacts, mergeContactsInput } from "./merge-contacts";
export {
  findDuplicateContacts,
  findDuplicateContactsInput,
  duplicatesIn,
  type DuplicateMatch,
} from "./find-duplicate-contacts";
export { findContactDuplicates, findContactDuplicatesInput } from "./find-contact-duplicates";
export { listDuplicatePairs, listDuplicatePairsInput } from "./list-duplicate-pairs";
export { dismissDuplicate, dismissDuplicateInput } from "./dismiss-duplicate";
export { setContactPhoto, setContactPhotoInput } from "./set-contact-photo";
export { filterConditions } from "./contact-query";
export { contactPagePlan, contactCountStatement, type PagePlan } from "./contact-statements";
export { toContact, toContactSummary, CONTACT_COLUMNS, SUMMARY_COLUMNS, type ContactRow } from "./contact-row";
