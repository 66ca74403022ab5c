import { UserXIcon } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";

export const metadata = { title: "Client not found" };

/** An unknown id and another practitioner's client look the same: not found. */
export default function ClientNotFound() {
  return (
    <>
      <h1 className="mb-8 text-2xl font-semibold tracking-tight sm:text-3xl">Client not found</h1>
      <EmptyState
        icon={UserXIcon}
        title="We can’t find this client"
        description="They may have been deleted or merged into another record, or the link may be mistyped."
        action={
          <Button asChild>
            <Link href="/clients">Back to clients</Link>
          </Button>
        }
      />
    </>
  );
}
