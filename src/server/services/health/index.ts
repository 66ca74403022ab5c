export { checkHealth, HEALTH_CHECKS, type HealthReport, type HealthStatus, type HealthCheck } from "./check-health";
export { checkReadiness, type Readiness, type NotReadyReason } from "./check-readiness";
export { buildInfo, type BuildInfo } from "./build-info";
export { CHECK_TIMEOUT_MS, type CheckResult } from "./run-check";
