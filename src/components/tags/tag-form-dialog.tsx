"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CheckIcon } from "lucide-react";
import { useId } from "react";
import { CONTACTS_QUERY_KEY } from "@/components/clients/list/use-contact-list";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiRequest } from "@/lib/api-client";
import { createTagInput, tagSchema, updateTagInput, type Tag } from "@/lib/contracts/tags";
import { cn } from "@/lib/utils";
import { nextTagColors, TAG_COLOR_PRESETS } from "@/lib/tag-colors";
import { TAGS_QUERY_KEY } from "./use-tags";

/** Creates a tag (`tag` absent) or renames, recolours and recategorises one. */
export function TagFormDialog({
  tag,
  categories,
  colorsInUse,
  open,
  onOpenChange,
}: {
  tag: Tag | null;
  /** Categories already in use, offered as suggestions. */
  categories: readonly string[];
  /** Colours of the practitioner's tags: a new tag starts on the one used least. */
  colorsInUse: readonly string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{tag ? `Edit tag “${tag.name}”` : "New tag"}</DialogTitle>
          <DialogDescription>
            {tag ? "Changes show on every client with this tag." : "Tags group clients you want to find together."}
          </DialogDescription>
        </DialogHeader>
        <TagForm tag={tag} categories={categories} colorsInUse={colorsInUse} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function TagForm({
  tag,
  categories,
  colorsInUse,
  onDone,
}: {
  tag: Tag | null;
  categories: readonly string[];
  colorsInUse: readonly string[];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const listId = useId();
  const colorId = useId();
  const contract = useContractForm(tag ? updateTagInput : createTagInput, {
    defaultValues: {
      name: tag?.name ?? "",
      category: tag?.category ?? "",
      color: tag?.color ?? nextTagColors(colorsInUse)[0] ?? TAG_COLOR_PRESETS[0].value,
    },
    keepPendingOnSuccess: true,
    onSubmit: async (values) => {
      const saved = await apiRequest(tag ? `/api/tags/${tag.id}` : "/api/tags", {
        method: tag ? "PATCH" : "POST",
        body: values,
        schema: tagSchema,
      });
      queryClient.setQueryData<Tag[]>(TAGS_QUERY_KEY, (list = []) =>
        [...list.filter((other) => other.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)),
      );
      // Client rows carry tag names and colours.
      void queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY });
      onDone();
    },
  });
  const { control } = contract.form;

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-4">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={control}
          name="name"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Name</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="off" required />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="category"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Category</FormLabel>
              <FormControl>
                <Input {...field} list={listId} autoComplete="off" />
              </FormControl>
              <FormDescription>Optional, e.g. Health or Marketing</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <datalist id={listId}>
          {categories.map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
        <FormField
          control={control}
          name="color"
          render={({ field }) => (
            <FormItem>
              <fieldset className="grid gap-2">
                <legend className="mb-2 text-sm font-medium">Colour</legend>
                <div className="flex flex-wrap items-center gap-2">
                  {TAG_COLOR_PRESETS.map((preset) => (
                    <button
                      key={preset.value}
                      type="button"
                      aria-label={preset.name}
                      aria-pressed={field.value === preset.value}
                      onClick={() => field.onChange(preset.value)}
                      className="flex size-8 items-center justify-center rounded-full ring-1 ring-foreground/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                      style={{ backgroundColor: preset.value }}
                    >
                      {field.value === preset.value && <CheckIcon aria-hidden="true" className="size-4 text-white" />}
                    </button>
                  ))}
                  <div className="ml-1 flex items-center gap-2">
                    <Label htmlFor={colorId} className="text-muted-foreground">
                      Custom
                    </Label>
                    <input
                      {...field}
                      id={colorId}
                      type="color"
                      className={cn("h-8 w-10 cursor-pointer rounded-md border border-input bg-card p-0.5")}
                    />
                  </div>
                </div>
                <FormMessage />
              </fieldset>
            </FormItem>
          )}
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="outline" disabled={contract.pending} onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={contract.pending}>
            {contract.pending ? "Saving…" : tag ? "Save tag" : "Create tag"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
