export { enqueueJob, enqueueJobInUserTransaction, type EnqueueOptions } from "./queue";
export { processDueJobs, type ProcessSummary } from "./process-due-jobs";
export { startJobRunner, type JobRunner } from "./runner";
export { JobWorker } from "./worker";
export { registerJobMetrics } from "./job-metrics";
export { JOB_KINDS, type JobKindName } from "./registry";
