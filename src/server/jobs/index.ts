export { enqueueJob } from "./queue";
export { processDueJobs, type ProcessSummary } from "./process-due-jobs";
export { startJobRunner, type JobRunner } from "./runner";
export { registerQueueDepthMetric } from "./queue-depth-metric";
export { JOB_KINDS, type JobKindName } from "./registry";
