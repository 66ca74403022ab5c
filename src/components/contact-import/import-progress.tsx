import { formatCount } from "@/lib/format/numbers";
import { countOf } from "@/lib/contact-display";

/** The import running: a progress bar fed by the server's progress lines. */
export function ImportProgress({ done, total }: { done: number; total: number }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">Keep this page open until the import is done.</p>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${countOf(done, "client")} of ${formatCount(total)}`}
        className="h-3 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-primary transition-[width] duration-300" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm" aria-live="polite">
        {formatCount(done)} of {formatCount(total)} written ({percent}%)
      </p>
    </div>
  );
}
