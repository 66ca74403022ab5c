"use client";

import { ChevronDownIcon, CopyIcon, FilePlusIcon, LoaderCircleIcon } from "lucide-react";
import type { CreateNoteInput } from "@/lib/contracts/notes";
import { NOTE_TEMPLATES } from "@/lib/note-templates";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export interface NewNoteMenuProps {
  /** "Start from my last note" needs an earlier note to copy. */
  hasNotes: boolean;
  pending: boolean;
  onCreate: (input: CreateNoteInput) => void;
}

/** The template picker: a new draft from SOAP, free-form, massage or coaching, or a copy of the last note. */
export function NewNoteMenu({ hasNotes, pending, onCreate }: NewNoteMenuProps) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button disabled={pending}>
          {pending ? (
            <LoaderCircleIcon aria-hidden="true" className="animate-spin" />
          ) : (
            <FilePlusIcon aria-hidden="true" />
          )}
          New note
          <ChevronDownIcon aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72">
        <DropdownMenuLabel className="text-xs font-medium text-muted-foreground">
          Start from a template
        </DropdownMenuLabel>
        {NOTE_TEMPLATES.map((template) => (
          <DropdownMenuItem key={template.id} onSelect={() => onCreate({ template: template.id })}>
            <span className="grid gap-0.5">
              <span className="font-medium">{template.name}</span>
              <span className="text-xs text-muted-foreground">{template.description}</span>
            </span>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem disabled={!hasNotes} onSelect={() => onCreate({ startFromLast: true })}>
          <CopyIcon aria-hidden="true" />
          <span className="grid gap-0.5">
            <span className="font-medium">Start from my last note</span>
            <span className="text-xs text-muted-foreground">
              {hasNotes ? "A new draft with the text of your latest note" : "No earlier note for this client yet"}
            </span>
          </span>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
