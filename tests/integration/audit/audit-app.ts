import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { AuditEventsPage } from "@/lib/contracts/audit";
import { systemRows, type Practitioner } from "../contacts/client-records-api";
import { loadCsvApp, type CsvApp } from "../contact-csv/csv-app";
import { callerAddressHeaders } from "../../support/caller-address";

type Handler = (request: Request, next?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface AuditApp extends CsvApp {
  auditExport: Handler;
}

/** The client-record and CSV harness, plus the audit export handler for tests that stream it. */
export async function loadAuditApp(): Promise<AuditApp> {
  const app = await loadCsvApp();
  const { GET: auditExport } = await import("@/app/api/audit-events/export/route");
  return { ...app, auditExport };
}

/** Headers a proxy would set for a known caller; each test checks they reach the stored event. */
export interface Caller {
  ip: string;
  userAgent: string;
  requestId: string;
}

let callerCount = 0;

export function caller(): Caller {
  callerCount += 1;
  return {
    ip: `203.0.113.${callerCount % 250}`,
    userAgent: `Mozilla/5.0 (Macintosh) AuditTest/${callerCount}`,
    requestId: `audit-test-${process.pid}-${callerCount}`,
  };
}

export function callerHeaders(from: Caller): Record<string, string> {
  return { ...callerAddressHeaders(from.ip), "user-agent": from.userAgent, "x-request-id": from.requestId };
}

/** Calls a route as the practitioner from a given caller (IP, user agent, request id); returns the response. */
export async function sendAs(
  practitioner: Practitioner,
  from: Caller,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  body?: unknown,
): Promise<Response> {
  return practitioner.browser.call(method, url, {
    headers: callerHeaders(from),
    ...(body === undefined ? {} : { body }),
  });
}

export interface StoredEvent {
  id: string;
  user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  metadata: Record<string, unknown>;
}

/** Every stored event of one request (privileged read: includes events filed under no account). */
export async function eventsOfRequest(requestId: string): Promise<StoredEvent[]> {
  return systemRows<StoredEvent>(sql`
    select id, user_id, action, target_type, target_id, host(ip) as ip, user_agent, request_id, metadata
      from public.audit_events where request_id = ${requestId} order by occurred_at, id`);
}

/** Asserts the request left exactly one event, with the caller's network details, and returns it. */
export async function onlyEventOf(from: Caller): Promise<StoredEvent> {
  const events = await eventsOfRequest(from.requestId);
  expect(events.map((event) => event.action)).toHaveLength(1);
  const [event] = events as [StoredEvent];
  expect(event).toMatchObject({ ip: from.ip, user_agent: from.userAgent, request_id: from.requestId });
  return event;
}

export async function listEvents(practitioner: Practitioner, query = ""): Promise<AuditEventsPage> {
  return practitioner.expect<AuditEventsPage>(200, "GET", `/api/audit-events${query}`);
}

/** Inserts an event directly (privileged), e.g. with a chosen time, for retention and paging tests. */
export async function insertEvent(userId: string | null, action: string, occurredAt: string): Promise<string> {
  const [row] = await systemRows<{ id: string }>(sql`
    insert into public.audit_events (user_id, action, occurred_at)
    values (${userId}, ${action}, ${occurredAt}::timestamptz) returning id`);
  return row?.id ?? "";
}

/** The database's own message, under drizzle's "Failed query" wrapper. */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const messages: string[] = [];
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) messages.push(cause.message);
    return messages.join(" | ");
  }
  throw new Error("the statement was not refused");
}
