export {
  computeSlots,
  type BookedAppointment,
  type BusyInterval,
  type DateOverride,
  type EngineSlot,
  type SlotEngineInput,
} from "./slot-engine";
