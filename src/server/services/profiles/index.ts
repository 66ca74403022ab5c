export { ensureProfile } from "./ensure-profile";
export { formatSettingsOf, type PractitionerFormat } from "./format-settings";
export { getProfile, readProfile, type Profile } from "./get-profile";
export { updateProfile, updateProfileInput } from "./update-profile";
