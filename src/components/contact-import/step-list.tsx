import { cn } from "@/lib/utils";

export const IMPORT_STEPS = [
  { id: "upload", label: "Upload" },
  { id: "map", label: "Match columns" },
  { id: "review", label: "Review" },
  { id: "import", label: "Import" },
  { id: "result", label: "Done" },
] as const;

export type ImportStepId = (typeof IMPORT_STEPS)[number]["id"];

/** Where the practitioner is in the import; the current step is announced as such. */
export function StepList({ current }: { current: ImportStepId }) {
  const currentIndex = IMPORT_STEPS.findIndex((step) => step.id === current);
  return (
    <ol aria-label="Import steps" className="mb-6 flex flex-wrap gap-x-4 gap-y-2 text-sm">
      {IMPORT_STEPS.map((step, index) => (
        <li
          key={step.id}
          aria-current={index === currentIndex ? "step" : undefined}
          className={cn(
            "flex items-center gap-2",
            index === currentIndex ? "font-semibold text-foreground" : "text-muted-foreground",
          )}
        >
          <span
            aria-hidden="true"
            className={cn(
              "flex size-6 items-center justify-center rounded-full border text-xs",
              index <= currentIndex && "border-primary bg-primary text-primary-foreground",
            )}
          >
            {index + 1}
          </span>
          {step.label}
          {index < currentIndex && <span className="sr-only"> (done)</span>}
        </li>
      ))}
    </ol>
  );
}
