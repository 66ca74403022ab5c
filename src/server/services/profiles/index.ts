export { ensureProfile } from "./ensure-profile";
export { getProfile, type Profile } from "./get-profile";
