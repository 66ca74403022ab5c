"use client";

import { ChevronDownIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { AUDIT_ACTIONS, type AuditEvent, type AuditTargetType } from "@/lib/contracts/audit";
import { deviceSummary } from "./device-summary";

const TARGET_LABELS: Record<AuditTargetType, string> = {
  client: "Client",
  photo: "Photo",
  note: "Note",
  intake_link: "Intake link",
  consent: "Consent",
  consent_document: "Consent document",
  account: "Account",
};

/** The reader's own time zone, with the zone named so an export in UTC can be compared. */
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const zoneFormat = new Intl.DateTimeFormat(undefined, { timeZoneName: "short" });
const zoneOf = (date: Date) => zoneFormat.formatToParts(date).find((part) => part.type === "timeZoneName")?.value;

function Target({ event }: { event: AuditEvent }) {
  if (!event.targetType || !event.targetId) return <span className="text-muted-foreground">—</span>;
  const label = TARGET_LABELS[event.targetType] ?? event.targetType;
  if (event.targetType === "client" && event.targetExists) {
    return (
      <Link
        href={`/clients/${event.targetId}`}
        className="font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        Open client
      </Link>
    );
  }
  return (
    <span>
      {label}
      {event.targetType === "client" && event.targetExists === false ? " (no longer on file)" : ""}
    </span>
  );
}

/** One event: the summary row, and on demand a row with the request id, full user agent and details. */
export function ActivityRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const at = new Date(event.occurredAt);
  const detailsId = `activity-details-${event.id}`;
  const metadata = Object.entries(event.metadata);
  return (
    <>
      <tr className="border-t align-top">
        <td className="px-3 py-2.5 whitespace-nowrap">
          <time dateTime={event.occurredAt} title={event.occurredAt}>
            {timeFormat.format(at)} <span className="text-muted-foreground">{zoneOf(at)}</span>
          </time>
        </td>
        <td className="px-3 py-2.5">{AUDIT_ACTIONS[event.action] ?? event.action}</td>
        <td className="px-3 py-2.5">
          <Target event={event} />
        </td>
        <td className="px-3 py-2.5 font-mono text-xs whitespace-nowrap">{event.ip ?? "—"}</td>
        <td className="px-3 py-2.5">{deviceSummary(event.userAgent)}</td>
        <td className="px-3 py-1.5 text-right">
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((value) => !value)}
          >
            <ChevronDownIcon
              aria-hidden="true"
              className={open ? "rotate-180 transition-transform" : "transition-transform"}
            />
            Details<span className="sr-only"> of {AUDIT_ACTIONS[event.action] ?? event.action}</span>
          </Button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open} className="bg-muted/40">
        <td colSpan={6} className="px-3 py-3">
          <dl className="grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-[9rem_1fr]">
            <dt className="text-muted-foreground">Request id</dt>
            <dd className="font-mono text-xs break-all">{event.requestId ?? "—"}</dd>
            <dt className="text-muted-foreground">User agent</dt>
            <dd className="font-mono text-xs break-all">{event.userAgent ?? "—"}</dd>
            <dt className="text-muted-foreground">Action code</dt>
            <dd className="font-mono text-xs">{event.action}</dd>
            {event.targetId && (
              <>
                <dt className="text-muted-foreground">Record id</dt>
                <dd className="font-mono text-xs break-all">{event.targetId}</dd>
              </>
            )}
            {metadata.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-muted-foreground">{name}</dt>
                <dd className="font-mono text-xs break-all">
                  {Array.isArray(value) ? value.join(", ") : String(value)}
                </dd>
              </div>
            ))}
          </dl>
        </td>
      </tr>
    </>
  );
}
