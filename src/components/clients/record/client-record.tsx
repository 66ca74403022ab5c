"use client";

import { BackLink } from "@/components/back-link";
import { useState, type ReactNode } from "react";
import { SOURCE_LABELS } from "@/lib/contact-display";
import type { Contact } from "@/lib/contracts/contacts";
import { ClientPhotoEditor } from "../client-photo-editor";
import { FormattedDate } from "@/components/format/practitioner-format";
import { ClientTags } from "./client-tags";
import { DeleteClientButton } from "./delete-client";
import { DETAIL_SECTIONS } from "./detail-fields";
import { DetailsSection } from "./details-section";
import { StagePicker } from "./stage-picker";

/** A client's page: header (photo, name, stage, tags), the editable details, then the notes. */
export function ClientRecord({
  initialContact,
  notes,
}: {
  initialContact: Contact;
  /** The notes timeline, rendered by the notes feature for this client. */
  notes?: ReactNode;
}) {
  const [contact, setContact] = useState(initialContact);
  // Each piece moves to the next line whole (a phone number must not wrap in the middle); only a piece
  // wider than the whole line, such as a very long email, breaks, anywhere.
  const reachParts = [contact.pronouns, contact.email, contact.phone].filter((part): part is string => Boolean(part));

  return (
    <>
      <BackLink href="/clients" className="mb-6">
        Clients
      </BackLink>
      <header className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-start sm:gap-6">
        <div className="flex min-w-0 flex-1 items-start gap-4 sm:gap-6">
          <ClientPhotoEditor contact={contact} />
          {/* grid-cols-1 is minmax(0, 1fr): an auto column would grow to its widest unbreakable child. */}
          <div className="grid min-w-0 flex-1 grid-cols-1 gap-2">
            <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{contact.displayName}</h1>
            <p className="text-sm text-muted-foreground">
              {reachParts.map((part, index) => (
                <span key={part} className="inline-block max-w-full">
                  {index > 0 && " · "}
                  {part}
                </span>
              ))}
              {reachParts.length > 0 && <br />}
              Added <FormattedDate iso={contact.createdAt} /> · {SOURCE_LABELS[contact.source]}
              {contact.lastVisitAt && (
                <>
                  {" "}
                  · Last visit <FormattedDate iso={contact.lastVisitAt} />
                </>
              )}
            </p>
            <div className="mt-1 flex flex-wrap items-start gap-x-3 gap-y-2">
              <StagePicker contact={contact} onChange={setContact} />
              <ClientTags contact={contact} onChange={setContact} />
            </div>
          </div>
        </div>
        <DeleteClientButton contact={contact} />
      </header>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        {([1, 2] as const).map((column) => (
          <div key={column} className="grid gap-6">
            {DETAIL_SECTIONS.filter((section) => section.column === column).map((section) => (
              <DetailsSection key={section.id} section={section} contact={contact} onSaved={setContact} />
            ))}
          </div>
        ))}
      </div>
      {notes && <div className="mt-10">{notes}</div>}
    </>
  );
}
