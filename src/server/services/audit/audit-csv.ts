import { stringify } from "csv-stringify/sync";
import { AUDIT_ACTIONS, type AuditEvent } from "@/lib/contracts/audit";
import { neutraliseFormula } from "@/server/services/contact-csv/csv-cells";

/** RFC 4180: CRLF between records, quotes doubled, and any value holding a line break quoted. */
const RFC_4180 = { record_delimiter: "windows", quoted_match: /[\r\n]/ } as const;

/** Lets spreadsheet apps recognise UTF-8; the same as the client export. */
export const BYTE_ORDER_MARK = "\ufeff";

const COLUMNS: ReadonlyArray<{ header: string; value: (event: AuditEvent) => string }> = [
  { header: "Time (UTC)", value: (event) => event.occurredAt },
  { header: "Action", value: (event) => event.action },
  { header: "Description", value: (event) => AUDIT_ACTIONS[event.action] ?? event.action },
  { header: "Target type", value: (event) => event.targetType ?? "" },
  { header: "Target id", value: (event) => event.targetId ?? "" },
  { header: "IP address", value: (event) => event.ip ?? "" },
  { header: "User agent", value: (event) => event.userAgent ?? "" },
  { header: "Request id", value: (event) => event.requestId ?? "" },
  {
    header: "Details",
    value: (event) => (Object.keys(event.metadata).length > 0 ? JSON.stringify(event.metadata) : ""),
  },
];

export function auditCsvHeaderLine(): string {
  return stringify([COLUMNS.map((column) => column.header)], RFC_4180);
}

/** One record per event; a cell a spreadsheet would run as a formula (a crafted user agent) is neutralised. */
export function auditCsvLines(events: readonly AuditEvent[]): string {
  return stringify(
    events.map((event) => COLUMNS.map((column) => neutraliseFormula(column.value(event)))),
    RFC_4180,
  );
}
