import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A tag as a pill: its colour as a dot, its name in the page's text colour so it always reads. */
export function TagBadge({
  name,
  color,
  className,
  wrap = false,
  children,
}: {
  name: string;
  color: string;
  className?: string;
  /** Show the whole name, on more than one line if it must, instead of cutting it short with an ellipsis. */
  wrap?: boolean;
  /** Extra content after the name (e.g. a remove button). */
  children?: ReactNode;
}) {
  return (
    <span
      title={name}
      className={cn(
        "inline-flex max-w-full min-w-0 items-center gap-1.5 rounded-full border bg-card px-2 py-0.5 text-xs font-medium",
        className,
      )}
    >
      <TagSwatch color={color} className="size-2" />
      <span className={wrap ? "min-w-0" : "truncate"}>{name}</span>
      {children}
    </span>
  );
}

/** The tag's colour as a round swatch; decorative (the name always sits beside it). */
export function TagSwatch({ color, className }: { color: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn("inline-block size-3 shrink-0 rounded-full ring-1 ring-foreground/15", className)}
      style={{ backgroundColor: color }}
    />
  );
}
