"use client";

import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { CHECK_IN_SCALES, type CheckIn, type CheckInScale } from "@/lib/contracts/check-ins";
import { addDays, daysBetween } from "@/lib/format/practitioner-day";

/** One colour per scale, distinct in light and dark themes (the legend names them too). */
const COLORS: Record<CheckInScale, string> = {
  energy: "#d97706",
  mood: "#2563eb",
  sleep: "#7c3aed",
  stress: "#dc2626",
};

const WIDTH = 300;
const HEIGHT = 120;
const PAD = { left: 16, right: 4, top: 6, bottom: 6 };

/** The day's value of a scale: the mean of its morning and evening answers, or null. */
function dayValue(items: readonly CheckIn[], scale: CheckInScale): number | null {
  const values = items.map((item) => item[scale]).filter((value): value is number => value !== null);
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The last 30 days of check-ins as four lines on a 1–5 scale (a day's morning and evening averaged).
 * Plain SVG: the project has no chart library, and four short lines need none. The picture is one image
 * with a summary for screen readers, and the numbers are in a table under "Show the numbers".
 */
export function CheckInChart({ items, from, to }: { items: readonly CheckIn[]; from: string; to: string }) {
  const { calendarDate } = usePractitionerFormat();
  const span = Math.max(1, daysBetween(from, to));
  const days = Array.from({ length: span + 1 }, (_, index) => addDays(from, index));
  const byDay = new Map(days.map((day) => [day, items.filter((item) => item.day === day)]));
  const x = (index: number) => PAD.left + (index / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + ((5 - value) / 4) * (HEIGHT - PAD.top - PAD.bottom);
  const answered = days.filter((day) => (byDay.get(day) ?? []).length > 0);

  const lines = CHECK_IN_SCALES.map((scale) => {
    // A gap where a day has no answer: the line restarts after it.
    const segments: string[] = [];
    let current: string[] = [];
    days.forEach((day, index) => {
      const value = dayValue(byDay.get(day) ?? [], scale.key);
      if (value === null) {
        if (current.length > 0) segments.push(current.join(" "));
        current = [];
      } else current.push(`${x(index).toFixed(1)},${y(value).toFixed(1)}`);
    });
    if (current.length > 0) segments.push(current.join(" "));
    const values = answered
      .map((day) => dayValue(byDay.get(day) ?? [], scale.key))
      .filter((value): value is number => value !== null);
    const mean = values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
    return { scale, segments, mean };
  });
  const summary =
    answered.length === 0
      ? "No check-ins in the last 30 days"
      : `Check-ins on ${answered.length} of the last ${days.length} days. Averages: ` +
        lines
          .map(({ scale, mean }) => `${scale.label.toLowerCase()} ${mean === null ? "not answered" : mean.toFixed(1)}`)
          .join(", ");

  return (
    <figure className="grid gap-2" data-testid="check-in-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={summary}>
        {[1, 2, 3, 4, 5].map((value) => (
          <g key={value}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(value)}
              y2={y(value)}
              className="stroke-border"
              strokeWidth={0.5}
            />
            <text x={2} y={y(value) + 3} className="fill-muted-foreground" fontSize={8}>
              {value}
            </text>
          </g>
        ))}
        {lines.map(({ scale, segments }) =>
          segments.map((points, index) =>
            points.includes(" ") ? (
              <polyline
                key={`${scale.key}-${index}`}
                points={points}
                fill="none"
                stroke={COLORS[scale.key]}
                strokeWidth={1.5}
                strokeLinejoin="round"
              />
            ) : (
              <circle
                key={`${scale.key}-${index}`}
                cx={points.split(",")[0]}
                cy={points.split(",")[1]}
                r={1.8}
                fill={COLORS[scale.key]}
              />
            ),
          ),
        )}
      </svg>
      <figcaption className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span>
          {calendarDate(from)} – {calendarDate(to)}
        </span>
        <span className="flex flex-wrap gap-3">
          {CHECK_IN_SCALES.map((scale) => (
            <span key={scale.key} className="flex items-center gap-1">
              <span aria-hidden="true" className="h-0.5 w-3" style={{ backgroundColor: COLORS[scale.key] }} />
              {scale.label}
            </span>
          ))}
        </span>
      </figcaption>
      {answered.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground">Show the numbers</summary>
          <table className="mt-2 w-full text-left tabular-nums">
            <thead>
              <tr>
                <th scope="col" className="font-medium">
                  Day
                </th>
                {CHECK_IN_SCALES.map((scale) => (
                  <th key={scale.key} scope="col" className="font-medium">
                    {scale.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answered.map((day) => (
                <tr key={day}>
                  <th scope="row" className="font-normal">
                    {calendarDate(day)}
                  </th>
                  {CHECK_IN_SCALES.map((scale) => {
                    const value = dayValue(byDay.get(day) ?? [], scale.key);
                    return <td key={scale.key}>{value === null ? "–" : value.toFixed(1).replace(/\.0$/, "")}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
