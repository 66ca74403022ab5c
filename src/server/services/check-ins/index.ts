export { checkInRangeQuery, listCheckIns } from "./list-check-ins";
export { checkInParams, putCheckIn, putCheckInInput } from "./put-check-in";
