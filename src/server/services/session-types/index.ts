export { listSessionTypes } from "./list-session-types";
export { createSessionType, createSessionTypeInput } from "./create-session-type";
export { updateSessionType, updateSessionTypeInput, updateSessionTypeParams } from "./update-session-type";
export { deleteSessionType, deleteSessionTypeInput } from "./delete-session-type";
