"use client";

import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TagSwatch } from "@/components/tags/tag-badge";
import { useTags } from "@/components/tags/use-tags";
import { countOf, SOURCE_LABELS } from "@/lib/contact-display";
import { formatCalendarDate } from "@/lib/format/dates";
import type { FormatSettings } from "@/lib/format/settings";
import { CONTACT_SOURCES, LIFECYCLE_STAGES } from "@/lib/contracts/contacts";
import { FilterCheckboxItem, FilterChip, FilterRadioGroup } from "./filter-menu";
import { isFiltered, withoutFilters, type ListParams } from "./list-params";

/** "VIP Client", or "VIP Client +2" when several are chosen. */
function several(labels: readonly string[]): string | null {
  const [first] = labels;
  if (first === undefined) return null;
  return labels.length === 1 ? first : `${first} +${labels.length - 1}`;
}

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((item) => item !== value);
}

/** The yes/no chips ("has email", "has phone", "new from intake"): the field they set and how each choice reads. */
const PRESENCE_FILTERS = [
  { field: "hasEmail", label: "Email", yes: "Has an email", no: "No email" },
  { field: "hasPhone", label: "Phone", yes: "Has a phone", no: "No phone" },
  { field: "newFromIntake", label: "Intake", yes: "New from intake", no: "Opened since" },
] as const;

function rangeLabel(from: string | null, to: string | null, settings: FormatSettings): string | null {
  const day = (value: string) => formatCalendarDate(value, settings);
  if (from && to) return `${day(from)} – ${day(to)}`;
  if (from) return `from ${day(from)}`;
  if (to) return `until ${day(to)}`;
  return null;
}

/** Filter chips and how many clients match them. */
export function FilterBar({
  params,
  onChange,
  count,
}: {
  params: ListParams;
  onChange: (next: ListParams) => void;
  count: number | undefined;
}) {
  const tags = useTags();
  const format = usePractitionerFormat();
  const tagName = params.tag ? (tags.data?.find((tag) => tag.id === params.tag)?.name ?? "a tag") : null;
  const set = (changes: Partial<ListParams>) => onChange({ ...params, ...changes });

  return (
    <div className="flex flex-wrap items-center gap-2">
      <FilterChip label="Stage" value={several(params.stages)} onClear={() => set({ stages: [] })}>
        {LIFECYCLE_STAGES.map((stage) => (
          <FilterCheckboxItem
            key={stage}
            checked={params.stages.includes(stage)}
            onCheckedChange={(on) =>
              set({ stages: LIFECYCLE_STAGES.filter((s) => toggled(params.stages, stage, on).includes(s)) })
            }
          >
            {stage}
          </FilterCheckboxItem>
        ))}
      </FilterChip>
      <FilterChip label="Tag" value={tagName} onClear={() => set({ tag: null })}>
        {tags.data?.length === 0 && <p className="px-2 py-2 text-sm text-muted-foreground">No tags yet.</p>}
        {tags.isError && <p className="px-2 py-2 text-sm text-destructive">{tags.error.message}</p>}
        <FilterRadioGroup
          value={params.tag ?? ""}
          onValueChange={(tag) => set({ tag: tag || null })}
          options={[
            { value: "", label: "Any tag" },
            ...(tags.data ?? []).map((tag) => ({
              value: tag.id,
              label: (
                <span className="flex min-w-0 items-center gap-2">
                  <TagSwatch color={tag.color} />
                  <span className="truncate">{tag.name}</span>
                </span>
              ),
            })),
          ]}
        />
      </FilterChip>
      <FilterChip
        label="Source"
        value={several(params.sources.map((source) => SOURCE_LABELS[source]))}
        onClear={() => set({ sources: [] })}
      >
        {CONTACT_SOURCES.map((source) => (
          <FilterCheckboxItem
            key={source}
            checked={params.sources.includes(source)}
            onCheckedChange={(on) =>
              set({ sources: CONTACT_SOURCES.filter((s) => toggled(params.sources, source, on).includes(s)) })
            }
          >
            {SOURCE_LABELS[source]}
          </FilterCheckboxItem>
        ))}
      </FilterChip>
      {PRESENCE_FILTERS.map(({ field, label, yes, no }) => (
        <FilterChip
          key={field}
          label={label}
          value={params[field] === null ? null : params[field] ? yes : no}
          onClear={() => set({ [field]: null })}
        >
          <FilterRadioGroup
            value={params[field] === null ? "" : String(params[field])}
            onValueChange={(value) => set({ [field]: value === "" ? null : value === "true" })}
            options={[
              { value: "", label: "Any" },
              { value: "true", label: yes },
              { value: "false", label: no },
            ]}
          />
        </FilterChip>
      ))}
      <FilterChip
        label="Added"
        value={rangeLabel(params.createdFrom, params.createdTo, format.settings)}
        onClear={() => set({ createdFrom: null, createdTo: null })}
        popover
      >
        <p className="text-sm font-medium">Added between</p>
        <div className="grid grid-cols-2 gap-3">
          <div className="grid gap-1.5">
            <Label htmlFor="created-from">From</Label>
            <Input
              id="created-from"
              type="date"
              value={params.createdFrom ?? ""}
              max={params.createdTo ?? undefined}
              onChange={(event) => set({ createdFrom: event.target.value || null })}
            />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="created-to">To</Label>
            <Input
              id="created-to"
              type="date"
              value={params.createdTo ?? ""}
              min={params.createdFrom ?? undefined}
              onChange={(event) => set({ createdTo: event.target.value || null })}
            />
          </div>
        </div>
      </FilterChip>
      {isFiltered(params) && (
        <Button variant="ghost" size="sm" onClick={() => onChange(withoutFilters(params))}>
          Clear filters
        </Button>
      )}
      <p aria-live="polite" className="ml-auto text-sm text-muted-foreground tabular-nums">
        {count === undefined
          ? "\u00a0"
          : isFiltered(params)
            ? `${countOf(count, "match", "matches")}`
            : countOf(count, "client")}
      </p>
    </div>
  );
}
