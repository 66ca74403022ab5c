"use client";

import type { CheckInListResponse } from "@/lib/contracts/check-ins";
import { CheckInChart } from "./check-in-chart";
import { CheckInForm } from "./check-in-form";
import { useCheckIns } from "./use-check-ins";

/** The habits page's check-in: today's form and the last 30 days. */
export function CheckInPanel({ initial }: { initial: CheckInListResponse }) {
  const { data = initial } = useCheckIns(initial);
  return (
    <section aria-labelledby="check-in-heading" className="grid gap-6 rounded-xl border bg-card p-4 sm:p-6">
      <div className="grid gap-1">
        <h2 id="check-in-heading" className="text-lg font-semibold">
          Today&apos;s check-in
        </h2>
        <p className="text-sm text-muted-foreground">
          How you are doing, in a few taps. You can change it until your day ends.
        </p>
      </div>
      <CheckInForm initial={data} />
      <div className="grid gap-2">
        <h3 className="text-sm font-medium">Last 30 days</h3>
        <CheckInChart items={data.items} from={data.from} to={data.to} />
      </div>
    </section>
  );
}
