export {
  computeSlots,
  type BookedAppointment,
  type BusyInterval,
  type DateOverride,
  type EngineSlot,
  type SlotEngineInput,
} from "./slot-engine";
export { getAvailability } from "./get-availability";
export { updateAvailability, updateAvailabilityInput } from "./update-availability";
export { listOverrides, listOverridesQuery } from "./list-overrides";
export { createOverride, createOverrideInput } from "./create-override";
export { deleteOverride, deleteOverrideParams } from "./delete-override";
export { findBookableSlots, listOwnSlots, slotsQuery, type BookableSlotsRequest } from "./find-slots";
