import { cn } from "@/lib/utils";

/** A consent document's text as the client reads it: plain text, line breaks and blank lines kept. */
export function ConsentText({ body, className }: { body: string; className?: string }) {
  return <div className={cn("text-sm leading-relaxed whitespace-pre-wrap", className)}>{body}</div>;
}
