"use client";

import { ArrowDownUpIcon, DownloadIcon, UploadIcon, UserPlusIcon, UsersIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { Button } from "@/components/ui/button";
import type { ContactSort } from "@/lib/contracts/contact-list";
import { NativeSelect } from "../field-controls";
import { apiListQuery, effectiveSort, type ListParams } from "./list-params";

/** Every sort and order as one choice, for screens where the table's headers are not shown. */
const SORT_CHOICES: { sort: ContactSort; order: "asc" | "desc"; label: string }[] = [
  { sort: "relevance", order: "asc", label: "Best match" },
  { sort: "name", order: "asc", label: "Name A–Z" },
  { sort: "name", order: "desc", label: "Name Z–A" },
  { sort: "lastVisit", order: "desc", label: "Last visit, recent first" },
  { sort: "lastVisit", order: "asc", label: "Last visit, longest ago first" },
  { sort: "created", order: "desc", label: "Newest first" },
  { sort: "created", order: "asc", label: "Oldest first" },
  { sort: "updated", order: "desc", label: "Recently updated" },
  { sort: "updated", order: "asc", label: "Least recently updated" },
];

/** "New client" (also `n`), import and export of the filtered set; the search box sits beside them. */
export function ClientsActions({ onNewClient }: { onNewClient: () => void }) {
  return (
    <>
      <Button variant="outline" asChild>
        <Link href="/clients/import">
          <UploadIcon aria-hidden="true" />
          Import
        </Link>
      </Button>
      <Button onClick={onNewClient} aria-keyshortcuts="n">
        <UserPlusIcon aria-hidden="true" />
        New client
      </Button>
    </>
  );
}

/** A link to `GET /api/contacts/export` with the list's search, filters and sort: a CSV of what the list shows. */
export function ExportLink({ params, children }: { params: ListParams; children?: ReactNode }) {
  const query = apiListQuery(params, usePractitionerFormat().settings.timeZone).toString();
  return (
    <Button variant="outline" asChild>
      <a href={`/api/contacts/export${query ? `?${query}` : ""}`} download>
        <DownloadIcon aria-hidden="true" />
        {children ?? "Export"}
      </a>
    </Button>
  );
}

/** To the likely duplicate pairs across every client. */
export function FindDuplicatesLink() {
  return (
    <Button variant="outline" asChild>
      <Link href="/clients/duplicates">
        <UsersIcon aria-hidden="true" />
        Find duplicates
      </Link>
    </Button>
  );
}

/** The sort as one menu, for screens where the table headers are hidden. */
export function SortSelect({ params, onChange }: { params: ListParams; onChange: (next: ListParams) => void }) {
  const current = effectiveSort(params);
  const searching = params.q.trim() !== "";
  const choices = SORT_CHOICES.filter((choice) => choice.sort !== "relevance" || searching);
  return (
    <label className="relative flex min-w-0 items-center">
      <span className="sr-only">Sort by</span>
      <ArrowDownUpIcon
        aria-hidden="true"
        className="pointer-events-none absolute left-3 size-4 text-muted-foreground"
      />
      <NativeSelect
        value={`${current.sort}:${current.order}`}
        onChange={(event) => {
          const [sort, order] = event.target.value.split(":") as [ContactSort, "asc" | "desc"];
          onChange({ ...params, sort, order });
        }}
        className="h-10 w-full pl-9"
      >
        {choices.map((choice) => (
          <option key={`${choice.sort}:${choice.order}`} value={`${choice.sort}:${choice.order}`}>
            {choice.label}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}
