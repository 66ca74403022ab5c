import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const CONTROL =
  "w-full min-w-0 rounded-md border border-input bg-card px-3 py-2 text-base shadow-xs transition-colors outline-none disabled:cursor-not-allowed disabled:opacity-55 sm:text-sm focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/30 aria-invalid:border-destructive aria-invalid:ring-destructive/20";

/** A native select styled like the kit's inputs (native: the phone's own picker, full keyboard support). */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(CONTROL, "h-10 pr-8", className)} {...props} />;
}

/** A multi-line text field styled like the kit's inputs. */
export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea className={cn(CONTROL, "min-h-20 resize-y placeholder:text-muted-foreground", className)} {...props} />
  );
}
