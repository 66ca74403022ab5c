"use client";

import { PencilIcon } from "lucide-react";
import { useState } from "react";
import { CheckInForm } from "@/components/check-ins/check-in-form";
import { useCheckIns } from "@/components/check-ins/use-check-ins";
import { Button } from "@/components/ui/button";
import { CHECK_IN_SCALES, type CheckInListResponse } from "@/lib/contracts/check-ins";

/** Home's check-in: today's answers when there are some (with a way to change them), else the form. */
export function HomeCheckIn({ initial }: { initial: CheckInListResponse }) {
  const { data = initial } = useCheckIns(initial);
  const todays = data.items.filter((item) => item.day === data.today);
  const [editing, setEditing] = useState(false);
  if (todays.length === 0 || editing) {
    return (
      <div className="grid gap-3">
        {todays.length === 0 && (
          <p className="text-sm text-muted-foreground">How are you today? It takes a few taps.</p>
        )}
        <CheckInForm initial={data} />
      </div>
    );
  }
  return (
    <div className="grid gap-3">
      <dl className="grid gap-3" data-testid="home-check-in-answers">
        {todays.map((entry) => (
          <div key={entry.period} className="grid gap-1">
            <dt className="text-sm font-medium capitalize">{entry.period}</dt>
            <dd className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted-foreground">
              {CHECK_IN_SCALES.filter((scale) => entry[scale.key] !== null).map((scale) => (
                <span key={scale.key}>
                  {scale.label} <span className="font-medium text-foreground tabular-nums">{entry[scale.key]}</span>/5
                </span>
              ))}
              {entry.note && <span className="w-full text-foreground">“{entry.note}”</span>}
            </dd>
          </div>
        ))}
      </dl>
      <div>
        <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
          <PencilIcon aria-hidden="true" />
          {todays.length < 2 ? "Check in again or change" : "Change"}
        </Button>
      </div>
    </div>
  );
}
