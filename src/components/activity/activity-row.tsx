"use client";

import { ChevronDownIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { PhoneLabel } from "@/components/phone-label";
import { Button } from "@/components/ui/button";
import { AUDIT_ACTIONS, type AuditEvent, type AuditTargetType } from "@/lib/contracts/audit";
import { cn } from "@/lib/utils";
import { deviceSummary } from "./device-summary";

const TARGET_LABELS: Record<AuditTargetType, string> = {
  client: "Client",
  photo: "Photo",
  note: "Note",
  intake_link: "Intake link",
  consent: "Consent",
  consent_document: "Consent document",
  appointment: "Appointment",
  account: "Account",
  email: "Email",
  integration: "Integration",
};

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

/** From 640 px up a table cell; below, a line of the event's card (details down the left, the button top right). */
const CELL = "col-start-1 sm:px-3 sm:py-2.5";

/** One event: the summary row, and on demand a row with the request id, full user agent and details. */
export function ActivityRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const format = usePractitionerFormat();
  const detailsId = `activity-details-${event.id}`;
  const metadata = Object.entries(event.metadata);
  return (
    <>
      <tr className="grid grid-cols-[1fr_auto] gap-x-3 border-t px-3 py-2 align-top sm:table-row sm:p-0">
        <td className={cn(CELL, "font-medium sm:font-normal sm:whitespace-nowrap")}>
          {/* The practitioner's time zone, named, so a row can be compared with the export's UTC. */}
          <time dateTime={event.occurredAt} title={event.occurredAt}>
            {format.dateTime(event.occurredAt, { seconds: true })}{" "}
            <span className="text-muted-foreground">{format.zoneName(event.occurredAt)}</span>
          </time>
        </td>
        <td className={CELL}>{AUDIT_ACTIONS[event.action] ?? event.action}</td>
        <td className={CELL}>
          <Target event={event} />
        </td>
        <td className={cn(CELL, "font-mono text-xs sm:whitespace-nowrap")}>
          <PhoneLabel>IP </PhoneLabel>
          {event.ip ?? "—"}
        </td>
        <td className={CELL}>{deviceSummary(event.userAgent)}</td>
        <td className="col-start-2 row-span-5 row-start-1 text-right sm:px-3 sm:py-1.5">
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
      <tr id={detailsId} hidden={!open} className="block bg-muted/40 sm:table-row">
        <td colSpan={6} className="block px-3 py-3 sm:table-cell">
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
