"use client";

import { useQueryClient } from "@tanstack/react-query";
import { PlusIcon, XIcon } from "lucide-react";
import * as Popover from "radix-ui/popover";
import { useState } from "react";
import { TagBadge } from "@/components/tags/tag-badge";
import { TagPicker } from "@/components/tags/tag-picker";
import { TAGS_QUERY_KEY } from "@/components/tags/use-tags";
import { Button } from "@/components/ui/button";
import { apiRequest, isApiError } from "@/lib/api-client";
import { bulkTagContactsInput } from "@/lib/contracts/contact-selection";
import type { Contact } from "@/lib/contracts/contacts";
import { CONTACTS_QUERY_KEY } from "../list/use-contact-list";

type ContactTag = Contact["tags"][number];

/** The client's tags: removed with their ×, added from a picker; shown at once, put back if the server refuses. */
export function ClientTags({ contact, onChange }: { contact: Contact; onChange: (contact: Contact) => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);

  async function setTag(tag: ContactTag, on: boolean) {
    const before = contact;
    const tags = on
      ? [...contact.tags.filter((t) => t.id !== tag.id), tag].sort((a, b) => a.name.localeCompare(b.name))
      : contact.tags.filter((t) => t.id !== tag.id);
    setError(null);
    onChange({ ...contact, tags });
    try {
      const body = bulkTagContactsInput.parse({ ids: [contact.id], tagIds: [tag.id], action: on ? "add" : "remove" });
      await apiRequest("/api/contacts/bulk-tag", { body });
      void queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: TAGS_QUERY_KEY });
    } catch (caught) {
      onChange(before);
      setError(isApiError(caught) ? caught.message : "The tags could not be changed. Try again.");
    }
  }

  return (
    <div className="grid gap-1">
      <ul aria-label="Tags" className="flex flex-wrap items-center gap-1.5">
        {contact.tags.map((tag) => (
          <li key={tag.id} className="max-w-full min-w-0">
            <TagBadge name={tag.name} color={tag.color} wrap className="py-0.5 pr-0.5 text-sm">
              <button
                type="button"
                onClick={() => void setTag(tag, false)}
                className="rounded-full p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
              >
                <XIcon aria-hidden="true" className="size-3.5" />
                <span className="sr-only">Remove tag {tag.name}</span>
              </button>
            </TagBadge>
          </li>
        ))}
        <li>
          <Popover.Root>
            <Popover.Trigger asChild>
              <Button size="sm" variant="outline" className="h-7 rounded-full border-dashed px-2.5">
                <PlusIcon aria-hidden="true" />
                Add tag
              </Button>
            </Popover.Trigger>
            <Popover.Portal>
              <Popover.Content
                align="start"
                sideOffset={6}
                aria-label="Tags for this client"
                className="z-50 w-72 rounded-lg border bg-popover p-3 text-popover-foreground shadow-lg data-[state=open]:animate-pop-in"
              >
                <TagPicker
                  legend={`Tags for ${contact.displayName}`}
                  selected={new Set(contact.tags.map((tag) => tag.id))}
                  onToggle={(tag, checked) => void setTag(tag, checked)}
                />
              </Popover.Content>
            </Popover.Portal>
          </Popover.Root>
        </li>
      </ul>
      {error && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
