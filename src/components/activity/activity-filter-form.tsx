"use client";

import { XIcon } from "lucide-react";
import { useId } from "react";
import { NativeSelect } from "@/components/clients/field-controls";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  actionsIn,
  AUDIT_ACTIONS,
  AUDIT_CATEGORIES,
  AUDIT_TARGET_TYPES,
  type AuditAction,
  type AuditCategory,
  type AuditTargetType,
} from "@/lib/contracts/audit";
import { isRecordId, NO_FILTERS, rangeIsValid, type ActivityFilters } from "./activity-filters";

const CATEGORY_KEYS = Object.keys(AUDIT_CATEGORIES) as AuditCategory[];
const ALL_ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** Category, action, record and date range; every change applies at once (the list refetches). */
export function ActivityFilterForm({
  filters,
  onChange,
}: {
  filters: ActivityFilters;
  onChange: (next: ActivityFilters) => void;
}) {
  const id = useId();
  const set = <K extends keyof ActivityFilters>(name: K, value: ActivityFilters[K]) =>
    onChange({ ...filters, [name]: value });
  const actions = filters.category ? actionsIn(filters.category) : ALL_ACTIONS;
  const badTarget = filters.targetId.trim() !== "" && !isRecordId(filters.targetId);
  const badRange = !rangeIsValid(filters);
  const active = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <form
      aria-label="Filter activity"
      className="mb-6 grid gap-4 rounded-xl border bg-card p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-3"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-category`}>Category</Label>
        <NativeSelect
          id={`${id}-category`}
          value={filters.category}
          onChange={(event) => onChange({ ...filters, category: event.target.value as AuditCategory | "", action: "" })}
        >
          <option value="">All categories</option>
          {CATEGORY_KEYS.map((key) => (
            <option key={key} value={key}>
              {AUDIT_CATEGORIES[key].label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-action`}>Action</Label>
        <NativeSelect
          id={`${id}-action`}
          value={filters.action}
          onChange={(event) => set("action", event.target.value as AuditAction | "")}
        >
          <option value="">All actions</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {AUDIT_ACTIONS[action]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-target-type`}>Record type</Label>
        <NativeSelect
          id={`${id}-target-type`}
          value={filters.targetType}
          onChange={(event) => set("targetType", event.target.value as AuditTargetType | "")}
        >
          <option value="">Any record</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {type.replace("_", " ")}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-target-id`}>Record id</Label>
        <Input
          id={`${id}-target-id`}
          value={filters.targetId}
          placeholder="e.g. a client's id"
          spellCheck={false}
          aria-invalid={badTarget || undefined}
          aria-describedby={badTarget ? `${id}-target-id-error` : undefined}
          onChange={(event) => set("targetId", event.target.value)}
        />
        {badTarget && (
          <p id={`${id}-target-id-error`} className="text-sm text-destructive">
            Paste a whole record id (36 characters).
          </p>
        )}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-from`}>From</Label>
        <Input
          id={`${id}-from`}
          type="date"
          value={filters.from}
          onChange={(event) => set("from", event.target.value)}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-to`}>To (inclusive)</Label>
        <Input
          id={`${id}-to`}
          type="date"
          value={filters.to}
          aria-invalid={badRange || undefined}
          aria-describedby={badRange ? `${id}-range-error` : undefined}
          onChange={(event) => set("to", event.target.value)}
        />
        {badRange && (
          <p id={`${id}-range-error`} className="text-sm text-destructive">
            Choose an end date on or after the start date.
          </p>
        )}
      </div>
      {active && (
        <div className="sm:col-span-2 lg:col-span-3">
          <Button variant="ghost" size="sm" onClick={() => onChange(NO_FILTERS)}>
            <XIcon aria-hidden="true" />
            Clear filters
          </Button>
        </div>
      )}
    </form>
  );
}
