import type { ReactNode } from "react";
import { TagBadge } from "@/components/tags/tag-badge";
import { FormattedDate } from "@/components/format/practitioner-format";
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
    cell: (contact) => <FormattedDate iso={contact.lastVisitAt} />,
  },
  {
    id: "created",
    label: "Added",
    sort: "created",
    col: "w-0 xl:w-30",
    visibility: "max-xl:invisible max-xl:px-0",
    cell: (contact) => <FormattedDate iso={contact.createdAt} />,
  },
  {
    id: "updated",
    label: "Updated",
    sort: "updated",
    col: "w-0 xl:w-30",
    visibility: "max-xl:invisible max-xl:px-0",
    cell: (contact) => <FormattedDate iso={contact.updatedAt} />,
  },
];

/** Characters of tag names the list's tag column shows before the rest become "+N" (a chip's dot and padding count as 4). */
const TAG_CHARACTER_BUDGET = 22;

function tagsThatFit(tags: ContactSummary["tags"]): ContactSummary["tags"] {
  const widths = tags.map((tag) => tag.name.length + 4);
  return tags.filter(
    (_, index) => index === 0 || widths.slice(0, index + 1).reduce((a, b) => a + b, 0) <= TAG_CHARACTER_BUDGET,
  );
}

/** The tags whose names fit the column whole (always at least one), then how many more. */
export function TagList({ tags, limit = 2 }: { tags: ContactSummary["tags"]; limit?: number }) {
  if (tags.length === 0) return <span className="text-muted-foreground">—</span>;
  const shown = tagsThatFit(tags.slice(0, limit));
  const hidden = tags.length - shown.length;
  return (
    <span className="flex min-w-0 items-center gap-1 overflow-hidden">
      {shown.map((tag) => (
        <TagBadge key={tag.id} name={tag.name} color={tag.color} />
      ))}
      {hidden > 0 && (
        <span className="shrink-0 text-xs text-muted-foreground" title={tags.map((tag) => tag.name).join(", ")}>
          +{hidden}
        </span>
      )}
    </span>
  );
}
