"use client";

import { CheckIcon, ChevronDownIcon, XIcon } from "lucide-react";
import * as Menu from "radix-ui/dropdown-menu";
import * as Popover from "radix-ui/popover";
import type { ReactNode } from "react";
import { DropdownMenuContent } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

const ITEM =
  "relative flex cursor-default items-center gap-2 rounded-md py-2 pr-2 pl-8 text-sm outline-none select-none data-highlighted:bg-accent data-highlighted:text-accent-foreground";

/** A filter chip: a button naming the filter (and its value when set), plus a remove button when set. */
export function FilterChip({
  label,
  value,
  onClear,
  children,
  popover = false,
}: {
  label: string;
  /** What the filter is set to, or null when it is not. */
  value: string | null;
  onClear: () => void;
  /** The menu (or popover) content. */
  children: ReactNode;
  /** A popover holds form fields (a date range); a menu holds choices. */
  popover?: boolean;
}) {
  const active = value !== null;
  const trigger = (
    <button
      type="button"
      aria-label={active ? `${label}: ${value}` : `Filter by ${label.toLowerCase()}`}
      className={cn(
        "inline-flex h-8 max-w-64 items-center gap-1.5 rounded-full border px-3 text-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        active
          ? "border-primary/40 bg-accent text-accent-foreground"
          : "border-dashed border-input bg-card text-muted-foreground hover:bg-accent hover:text-foreground",
        active && "rounded-r-none border-r-0 pr-2",
      )}
    >
      <span className={cn(active && "text-muted-foreground")}>{label}</span>
      {active && <span className="truncate font-medium">{value}</span>}
      <ChevronDownIcon aria-hidden="true" className="size-3.5 shrink-0 opacity-70" />
    </button>
  );
  return (
    <span className="inline-flex">
      {popover ? (
        <Popover.Root>
          <Popover.Trigger asChild>{trigger}</Popover.Trigger>
          <Popover.Portal>
            <Popover.Content
              align="start"
              sideOffset={6}
              className="z-50 grid w-72 gap-3 rounded-lg border bg-popover p-4 text-popover-foreground shadow-lg data-[state=open]:animate-pop-in"
            >
              {children}
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
      ) : (
        <Menu.Root>
          <Menu.Trigger asChild>{trigger}</Menu.Trigger>
          <DropdownMenuContent align="start" className="min-w-52">
            {children}
          </DropdownMenuContent>
        </Menu.Root>
      )}
      {active && (
        <button
          type="button"
          onClick={onClear}
          className="inline-flex h-8 items-center rounded-r-full border border-l-0 border-primary/40 bg-accent pr-2.5 pl-1 text-accent-foreground hover:bg-accent/70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          <XIcon aria-hidden="true" className="size-3.5" />
          <span className="sr-only">Remove {label.toLowerCase()} filter</span>
        </button>
      )}
    </span>
  );
}

/** A choice that can be ticked alongside others (stages, sources); the menu stays open while ticking. */
export function FilterCheckboxItem({
  checked,
  onCheckedChange,
  children,
}: {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Menu.CheckboxItem
      checked={checked}
      onCheckedChange={onCheckedChange}
      onSelect={(event) => event.preventDefault()}
      className={ITEM}
    >
      <Menu.ItemIndicator className="absolute left-2 inline-flex">
        <CheckIcon aria-hidden="true" className="size-4" />
      </Menu.ItemIndicator>
      {children}
    </Menu.CheckboxItem>
  );
}

/** One of several exclusive choices (a tag, "has email"), with "Any" as the empty value. */
export function FilterRadioGroup<T extends string>({
  value,
  onValueChange,
  options,
}: {
  value: T | "";
  onValueChange: (value: T | "") => void;
  options: readonly { value: T | ""; label: ReactNode }[];
}) {
  return (
    <Menu.RadioGroup value={value} onValueChange={(next) => onValueChange(next as T | "")}>
      {options.map((option) => (
        <Menu.RadioItem key={option.value || "any"} value={option.value} className={ITEM}>
          <Menu.ItemIndicator className="absolute left-2 inline-flex">
            <CheckIcon aria-hidden="true" className="size-4" />
          </Menu.ItemIndicator>
          {option.label}
        </Menu.RadioItem>
      ))}
    </Menu.RadioGroup>
  );
}
