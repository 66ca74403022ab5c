"use client";

import { LoaderCircleIcon, SearchIcon, XIcon } from "lucide-react";
import { useEffect, useState, type RefObject } from "react";
import { Input } from "@/components/ui/input";

/** Typing settles for this long before the list asks the server. */
const DEBOUNCE_MS = 250;

/**
 * Search as you type: the list follows the box after a short pause, and a newer search replaces an
 * older one still in flight. Escape clears the box.
 */
export function SearchBox({
  value,
  onSearch,
  busy,
  inputRef,
}: {
  value: string;
  onSearch: (q: string) => void;
  busy: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);

  // The URL changed without typing (filters cleared, back button): the box follows it.
  if (value !== synced) {
    setSynced(value);
    setText(value);
  }

  useEffect(() => {
    if (text === synced) return;
    const timer = window.setTimeout(() => {
      setSynced(text);
      onSearch(text);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, synced, onSearch]);

  return (
    <div role="search" className="relative w-full min-w-0 lg:w-auto lg:flex-1">
      <SearchIcon
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <Input
        ref={inputRef}
        type="search"
        aria-label="Search clients"
        aria-keyshortcuts="/"
        placeholder="Name, email, phone or notes"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || text === "") return;
          event.preventDefault();
          setText("");
        }}
        className="pr-16 pl-9 [&::-webkit-search-cancel-button]:hidden"
      />
      <span className="absolute top-1/2 right-2 flex -translate-y-1/2 items-center gap-1">
        {busy && <LoaderCircleIcon aria-label="Searching" className="size-4 animate-spin text-muted-foreground" />}
        {text ? (
          <button
            type="button"
            onClick={() => {
              setText("");
              inputRef.current?.focus();
            }}
            className="rounded-md p-1 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          >
            <XIcon aria-hidden="true" className="size-4" />
            <span className="sr-only">Clear search</span>
          </button>
        ) : (
          <kbd className="hidden rounded border bg-muted px-1.5 font-sans text-xs text-muted-foreground sm:inline">
            /
          </kbd>
        )}
      </span>
    </div>
  );
}
