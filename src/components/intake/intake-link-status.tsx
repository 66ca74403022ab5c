import type { IntakeLinkStatus } from "@/lib/contracts/intake";
import { cn } from "@/lib/utils";

const STATUS_STYLES: Record<IntakeLinkStatus, { label: string; className: string }> = {
  active: {
    label: "Active",
    className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100",
  },
  used_up: { label: "Used up", className: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100" },
  expired: { label: "Expired", className: "bg-muted text-muted-foreground" },
  revoked: { label: "Revoked", className: "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-100" },
};

export function IntakeLinkStatusBadge({ status }: { status: IntakeLinkStatus }) {
  const { label, className } = STATUS_STYLES[status];
  return (
    <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", className)}>
      {label}
    </span>
  );
}
