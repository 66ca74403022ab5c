import type { ReactNode } from "react";
import { TagBadge } from "@/components/tags/tag-badge";
import { formatDay } from "@/lib/contact-display";
import type { ContactSort } from "@/lib/contracts/contact-list";
import type { ContactSummary } from "@/lib/contracts/contacts";
import { StageBadge } from "../stage-badge";

export interface ContactColumn {
  id: string;
  label: string;
  /** The API sort a click on the header asks for; unsortable columns have none. */
  sort?: ContactSort;
  /** The column's width on its `<col>`: zero below the breakpoint where the column shows. */
  col: string;
  /**
   * Classes on its header and cells that hide them where the column is zero wide. They stay in the
   * table (no `display: none`), or the cells after them would slide into the wrong columns.
   */
  visibility?: string;
  cell: (contact: ContactSummary) => ReactNode;
}

/** Columns after the name; narrower screens drop the later ones (the sort menu still reaches their sorts). */
export const CONTACT_COLUMNS: readonly ContactColumn[] = [
  {
    id: "stage",
    label: "Stage",
    col: "w-32 lg:w-40",
    cell: (contact) => <StageBadge stage={contact.lifecycleStage} />,
  },
  {
    id: "tags",
    label: "Tags",
    col: "w-0 lg:w-44",
    visibility: "max-lg:invisible max-lg:px-0",
    cell: (contact) => <TagList tags={contact.tags} />,
  },
  {
    id: "lastVisit",
    label: "Last visit",
    sort: "lastVisit",
    col: "w-0 md:w-30",
    visibility: "max-md:invisible max-md:px-0",
    cell: (contact) => formatDay(contact.lastVisitAt),
  },
  {
    id: "created",
    label: "Added",
    sort: "created",
    col: "w-0 xl:w-30",
    visibility: "max-xl:invisible max-xl:px-0",
    cell: (contact) => formatDay(contact.createdAt),
  },
  {
    id: "updated",
    label: "Updated",
    sort: "updated",
    col: "w-0 xl:w-30",
    visibility: "max-xl:invisible max-xl:px-0",
    cell: (contact) => formatDay(contact.updatedAt),
  },
];

/** The first two tags, then how many more. */
export function TagList({ tags, limit = 2 }: { tags: ContactSummary["tags"]; limit?: number }) {
  if (tags.length === 0) return <span className="text-muted-foreground">—</span>;
  const hidden = tags.length - limit;
  return (
    <span className="flex min-w-0 items-center gap-1 overflow-hidden">
      {tags.slice(0, limit).map((tag) => (
        <TagBadge key={tag.id} name={tag.name} color={tag.color} className="max-w-[6.5rem]" />
      ))}
      {hidden > 0 && (
        <span className="shrink-0 text-xs text-muted-foreground" title={tags.map((tag) => tag.name).join(", ")}>
          +{hidden}
        </span>
      )}
    </span>
  );
}
