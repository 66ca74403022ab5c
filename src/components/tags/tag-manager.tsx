"use client";

import { BackLink } from "@/components/back-link";
import { PencilIcon, PlusIcon, TagsIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { countOf } from "@/lib/contact-display";
import type { Tag } from "@/lib/contracts/tags";
import { useFocusAfterClose } from "@/components/use-focus-after-close";
import { DeleteTagDialog } from "./delete-tag-dialog";
import { TagSwatch } from "./tag-badge";
import { TagFormDialog } from "./tag-form-dialog";
import { useTags } from "./use-tags";

type Editing = { tag: Tag | null } | null;

/** Settings → Tags: every tag with its colour, category and how many clients carry it. */
export function TagManager({ initialTags }: { initialTags: Tag[] }) {
  const tags = useTags(initialTags);
  const list = tags.data ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  // After a deletion the row's button is gone: focus moves to "New tag".
  const {
    fallback: newTagButton,
    rememberOpener: rememberDeleteOpener,
    onCloseAutoFocus: focusAfterDelete,
  } = useFocusAfterClose<HTMLButtonElement>();
  const categories = [...new Set(list.map((tag) => tag.category).filter((c): c is string => Boolean(c)))].sort();

  return (
    <>
      <BackLink href="/settings" className="mb-6">
        Settings
      </BackLink>
      <PageHeader
        title="Tags"
        description="Label clients to find and group them; the colour shows wherever the tag does."
        actions={
          <Button ref={newTagButton} onClick={() => setEditing({ tag: null })}>
            <PlusIcon aria-hidden="true" />
            New tag
          </Button>
        }
      />
      {list.length === 0 ? (
        <EmptyState
          icon={TagsIcon}
          title="No tags yet"
          description="Create tags such as “VIP”, “Prenatal” or “Newsletter”, then add them to clients from the list or a client's page."
        />
      ) : (
        <ul aria-label="Tags" className="divide-y rounded-xl border bg-card shadow-xs">
          {list.map((tag) => (
            <li key={tag.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 sm:flex-nowrap">
              <TagSwatch color={tag.color} className="size-4" />
              <div className="grid min-w-0 flex-1">
                <span className="truncate font-medium">{tag.name}</span>
                <span className="truncate text-sm text-muted-foreground">{tag.category ?? "No category"}</span>
              </div>
              <Link
                href={`/clients?tag=${tag.id}`}
                className="order-last w-full pl-8 text-sm text-muted-foreground tabular-nums underline-offset-4 hover:text-foreground hover:underline sm:order-none sm:w-32 sm:pl-0 sm:text-right"
              >
                {countOf(tag.usageCount, "client")}
              </Link>
              <div className="flex gap-1">
                <Button variant="ghost" size="icon" aria-label={`Edit ${tag.name}`} onClick={() => setEditing({ tag })}>
                  <PencilIcon aria-hidden="true" />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Delete ${tag.name}`}
                  className="text-destructive hover:text-destructive"
                  onClick={(event) => {
                    rememberDeleteOpener(event.currentTarget);
                    setDeleting(tag);
                  }}
                >
                  <Trash2Icon aria-hidden="true" />
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <TagFormDialog
        key={editing?.tag?.id ?? "new"}
        tag={editing?.tag ?? null}
        categories={categories}
        colorsInUse={list.map((tag) => tag.color)}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
      <DeleteTagDialog tag={deleting} onClose={() => setDeleting(null)} onCloseAutoFocus={focusAfterDelete} />
    </>
  );
}
