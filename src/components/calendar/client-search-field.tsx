"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiRequest } from "@/lib/api-client";
import { contactListResponse } from "@/lib/contracts/contact-list";
import { cn } from "@/lib/utils";

export interface ChosenClient {
  id: string;
  displayName: string;
}

/**
 * Finds an existing client by name, email or phone and offers the matches as radio buttons (arrow keys
 * move between them, as in any radio group). `invalid` carries the form's message for the field.
 */
export function ClientSearchField({
  value,
  onChange,
  invalid,
}: {
  value: ChosenClient | null;
  onChange: (client: ChosenClient) => void;
  invalid?: string | undefined;
}) {
  const id = useId();
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim());
  const matches = useQuery({
    queryKey: ["contacts", "picker", query],
    queryFn: async ({ signal }) =>
      (
        await apiRequest(`/api/contacts?limit=8${query ? `&q=${encodeURIComponent(query)}` : ""}`, {
          schema: contactListResponse,
          signal,
        })
      ).items,
  });
  const options = matches.data ?? [];

  return (
    <fieldset className="grid gap-2" aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium">Client</legend>
      <Label htmlFor={`${id}-search`} className="sr-only">
        Search clients
      </Label>
      <Input
        id={`${id}-search`}
        type="search"
        value={search}
        placeholder="Search by name, email or phone"
        autoComplete="off"
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => setSearch(event.target.value)}
      />
      <div role="radiogroup" aria-label="Matching clients" className="grid max-h-48 gap-1 overflow-y-auto">
        {matches.isPending ? (
          <p className="text-sm text-muted-foreground">Searching…</p>
        ) : options.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {query ? "No client matches. Add the client from Clients first." : "You have no clients yet."}
          </p>
        ) : (
          options.map((client) => (
            <label
              key={client.id}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                value?.id === client.id && "border-primary bg-accent",
              )}
            >
              <input
                type="radio"
                name={`${id}-client`}
                value={client.id}
                checked={value?.id === client.id}
                onChange={() => onChange({ id: client.id, displayName: client.displayName })}
                className="size-4"
              />
              <span className="min-w-0 truncate font-medium">{client.displayName}</span>
              {client.email && <span className="min-w-0 truncate text-muted-foreground">{client.email}</span>}
            </label>
          ))
        )}
      </div>
      {value && !options.some((client) => client.id === value.id) && (
        <p className="text-sm">
          Chosen: <span className="font-medium">{value.displayName}</span>
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {invalid}
        </p>
      )}
    </fieldset>
  );
}
