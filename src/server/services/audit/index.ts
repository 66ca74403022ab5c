export { auditEventValues, auditInsertFrom, recordAuditEvent, type AuditEventInput } from "./record-audit-event";
export { listAuditEvents, listAuditEventsInput } from "./list-audit-events";
export { exportAuditEvents, exportAuditEventsInput } from "./export-audit-events";
export { pruneAuditEvents } from "./prune-audit-events";
export { recordAuthEvent, recordSignInFailure } from "./record-auth-event";
