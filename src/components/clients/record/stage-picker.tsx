"use client";

import { ChevronDownIcon } from "lucide-react";
import { useState } from "react";
import { isApiError } from "@/lib/api-client";
import { STAGE_BADGE_CLASSES } from "@/lib/contact-display";
import { LIFECYCLE_STAGES, type Contact, type LifecycleStage } from "@/lib/contracts/contacts";
import { cn } from "@/lib/utils";
import { useContactPatch } from "./use-contact-patch";

/** The client's lifecycle stage, changed in one step: shown at once, put back if the server refuses. */
export function StagePicker({ contact, onChange }: { contact: Contact; onChange: (contact: Contact) => void }) {
  const patch = useContactPatch(contact.id);
  const [error, setError] = useState<string | null>(null);

  async function choose(stage: LifecycleStage) {
    const before = contact;
    setError(null);
    onChange({ ...contact, lifecycleStage: stage });
    try {
      onChange(await patch({ lifecycleStage: stage }));
    } catch (caught) {
      onChange(before);
      setError(isApiError(caught) ? caught.message : "The stage could not be changed. Try again.");
    }
  }

  return (
    <div className="grid gap-1">
      <label className="relative inline-flex w-fit items-center">
        <span className="sr-only">Lifecycle stage</span>
        <select
          value={contact.lifecycleStage}
          onChange={(event) => void choose(event.target.value as LifecycleStage)}
          className={cn(
            "field-sizing-content h-8 cursor-pointer appearance-none rounded-full py-0 pr-8 pl-3 text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
            STAGE_BADGE_CLASSES[contact.lifecycleStage],
          )}
        >
          {LIFECYCLE_STAGES.map((stage) => (
            <option key={stage}>{stage}</option>
          ))}
        </select>
        <ChevronDownIcon aria-hidden="true" className="pointer-events-none absolute right-2.5 size-4" />
      </label>
      {error && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
