"use client";

import { useQuery } from "@tanstack/react-query";
import { usePractitionerFormat, FormattedDate } from "@/components/format/practitioner-format";
import { apiRequest } from "@/lib/api-client";
import { aiUsageResponse, type AiUsage } from "@/lib/contracts/ai";
import { formatCalendarMonth, formatCount } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";

/** Settings → AI: this month's tokens against the allowance, and the months before. */
export function AiUsageHistory({ initial }: { initial: AiUsage }) {
  const { settings } = usePractitionerFormat();
  const { data: usage } = useQuery({
    queryKey: queryKeys.ai.usage,
    queryFn: ({ signal }) => apiRequest("/api/ai/usage", { schema: aiUsageResponse, signal }),
    initialData: initial,
  });
  const share = usage.quota === 0 ? 100 : Math.min(100, Math.round((usage.used / usage.quota) * 100));
  return (
    <section aria-labelledby="ai-usage-heading" className="grid max-w-2xl gap-4">
      <h2 id="ai-usage-heading" className="text-base font-semibold">
        Usage
      </h2>
      <div className="grid gap-2">
        <p className="text-sm">
          This month: <strong>{formatCount(usage.used)}</strong> of {formatCount(usage.quota)} tokens used (
          {formatCount(usage.remaining)} left). The count starts again on <FormattedDate iso={usage.resetsAt} />.
        </p>
        <div
          role="meter"
          aria-label="Share of this month's allowance used"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={share}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary" style={{ width: `${share}%` }} />
        </div>
      </div>
      {usage.history.length === 0 ? (
        <p className="text-sm text-muted-foreground">No AI requests yet. Each summary you make is counted here.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">AI usage by month</caption>
          <thead>
            <tr className="border-b text-left text-muted-foreground">
              <th scope="col" className="py-2 pr-3 font-medium">
                Month
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Requests
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                Tokens
              </th>
            </tr>
          </thead>
          <tbody>
            {usage.history.map((month) => (
              <tr key={month.month} className="border-b last:border-0">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  {formatCalendarMonth(month.month, settings)}
                </th>
                <td className="py-2 pr-3 text-right tabular-nums">{formatCount(month.calls)}</td>
                <td className="py-2 text-right tabular-nums">{formatCount(month.totalTokens)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
