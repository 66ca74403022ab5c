export { ensureProfile } from "./ensure-profile";
export { practitionerFormat } from "./format-settings";
export { getProfile, readProfile, type Profile } from "./get-profile";
export { updateProfile, updateProfileInput } from "./update-profile";
export { readDaySettings, type PractitionerDaySettings } from "./day-settings";
