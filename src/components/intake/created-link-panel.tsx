"use client";

import { CheckIcon, CopyIcon, TriangleAlertIcon, XIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** The new link's URL, shown this once: the server keeps only a hash of its token. */
export function CreatedLinkPanel({ url, label, onDismiss }: { url: string; label: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section
      aria-labelledby="created-link-title"
      className="grid gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/40"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id="created-link-title" className="font-medium">
          Link “{label}” created
        </h2>
        <Button variant="ghost" size="icon" aria-label="Dismiss the new link" onClick={onDismiss}>
          <XIcon aria-hidden="true" />
        </Button>
      </div>
      <p className="flex items-start gap-2 text-sm">
        <TriangleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
        Copy it now and send it to your client. For their privacy we do not keep the link, so it will not be shown
        again.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          readOnly
          value={url}
          aria-label="Intake link URL"
          onFocus={(event) => event.currentTarget.select()}
          className="font-mono text-sm"
        />
        <Button onClick={() => void copy()} className="shrink-0">
          {copied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </section>
  );
}
