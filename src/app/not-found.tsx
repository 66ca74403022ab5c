import { CompassIcon } from "lucide-react";
import Link from "next/link";
import { Brand } from "@/components/brand";
import { Button } from "@/components/ui/button";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-8 px-4 py-12 text-center">
      <Brand />
      <div className="grid max-w-md justify-items-center gap-3">
        <span className="flex size-14 items-center justify-center rounded-full bg-accent text-accent-foreground">
          <CompassIcon aria-hidden="true" className="size-7" />
        </span>
        <h1 className="text-2xl font-semibold tracking-tight">We can’t find that page</h1>
        <p className="text-sm text-muted-foreground">
          The address may be mistyped, or the page may have moved. Your clients and notes are safe.
        </p>
      </div>
      <Button asChild>
        <Link href="/">Back to OmniCRM</Link>
      </Button>
    </main>
  );
}
