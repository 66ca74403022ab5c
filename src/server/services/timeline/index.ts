export { listTimeline } from "./list-timeline";
export { readEmail } from "./read-email";
