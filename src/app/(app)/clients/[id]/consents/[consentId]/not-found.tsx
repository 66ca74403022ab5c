import { FileXIcon } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";

export const metadata = { title: "Consent record not found" };

/** An unknown record, a record of another client and another practitioner's record look the same. */
export default function ConsentRecordNotFound() {
  return (
    <>
      <h1 className="mb-8 text-2xl font-semibold tracking-tight sm:text-3xl">Consent record not found</h1>
      <EmptyState
        icon={FileXIcon}
        title="We can’t find this consent record"
        description="The client may have been erased, or the link may be mistyped."
        action={
          <Button asChild>
            <Link href="/clients">Back to clients</Link>
          </Button>
        }
      />
    </>
  );
}
