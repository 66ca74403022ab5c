"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon, PlusIcon } from "lucide-react";
import { useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { apiRequest, isApiError } from "@/lib/api-client";
import { createTagInput, tagSchema, type Tag } from "@/lib/contracts/tags";
import { TagSwatch } from "./tag-badge";
import { TAGS_QUERY_KEY, useTags } from "./use-tags";

/**
 * Tick tags from the practitioner's list, narrowed by typing; a name not on the list can be created
 * on the spot (checked with the API's contract) and is ticked at once.
 */
export function TagPicker({
  selected,
  onToggle,
  legend,
}: {
  selected: ReadonlySet<string>;
  onToggle: (tag: Pick<Tag, "id" | "name" | "color">, checked: boolean) => void;
  legend: string;
}) {
  const queryClient = useQueryClient();
  const tags = useTags();
  const [filter, setFilter] = useState("");
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const wanted = filter.trim().toLocaleLowerCase();
  const shown = (tags.data ?? []).filter((tag) => tag.name.toLocaleLowerCase().includes(wanted));
  const exact = (tags.data ?? []).some((tag) => tag.name.toLocaleLowerCase() === wanted);

  async function create() {
    const parsed = createTagInput.safeParse({ name: filter });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the name");
      return;
    }
    setCreating(true);
    setError(null);
    try {
      const tag = await apiRequest("/api/tags", { body: parsed.data, schema: tagSchema });
      queryClient.setQueryData<Tag[]>(TAGS_QUERY_KEY, (list) =>
        [...(list ?? []), tag].sort((a, b) => a.name.localeCompare(b.name)),
      );
      setFilter("");
      onToggle(tag, true);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The tag could not be created. Try again.");
    } finally {
      setCreating(false);
    }
  }

  return (
    <fieldset className="grid gap-2">
      <legend className="sr-only">{legend}</legend>
      <Input
        aria-label="Find or create a tag"
        placeholder="Find or create a tag"
        value={filter}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setFilter(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          const [only] = shown;
          if (wanted && !exact) void create();
          else if (only && shown.length === 1) onToggle(only, !selected.has(only.id));
        }}
      />
      {error && (
        <p id={errorId} className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
      <div className="grid max-h-60 gap-0.5 overflow-y-auto">
        {tags.isPending && <p className="px-2 py-2 text-sm text-muted-foreground">Loading tags…</p>}
        {tags.isError && <p className="px-2 py-2 text-sm text-destructive">{tags.error.message}</p>}
        {shown.map((tag) => (
          <label
            key={tag.id}
            className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-2 text-sm hover:bg-accent has-focus-visible:bg-accent"
          >
            <input
              type="checkbox"
              checked={selected.has(tag.id)}
              onChange={(event) => onToggle(tag, event.target.checked)}
              className="size-4 accent-primary"
            />
            <TagSwatch color={tag.color} />
            <span className="min-w-0 flex-1 truncate">{tag.name}</span>
            {tag.category && <span className="truncate text-xs text-muted-foreground">{tag.category}</span>}
          </label>
        ))}
        {tags.data?.length === 0 && !wanted && (
          <p className="px-2 py-2 text-sm text-muted-foreground">No tags yet: type a name to create one.</p>
        )}
        {wanted && !exact && (
          <button
            type="button"
            onClick={() => void create()}
            disabled={creating}
            className="flex items-center gap-2.5 rounded-md px-2 py-2 text-left text-sm hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
          >
            {creating ? (
              <LoaderCircleIcon aria-hidden="true" className="size-4 animate-spin" />
            ) : (
              <PlusIcon aria-hidden="true" className="size-4" />
            )}
            <span className="truncate">Create tag “{filter.trim()}”</span>
          </button>
        )}
      </div>
    </fieldset>
  );
}
