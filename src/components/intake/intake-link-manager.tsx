"use client";

import { BackLink } from "@/components/back-link";
import { LinkIcon } from "lucide-react";
import { useState, type Ref } from "react";
import { FormattedDate } from "@/components/format/practitioner-format";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { PhoneLabel } from "@/components/phone-label";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useFocusAfterClose } from "@/components/use-focus-after-close";
import type { IntakeLink } from "@/lib/contracts/intake";
import { cn } from "@/lib/utils";
import { CreateIntakeLinkForm } from "./create-intake-link-form";
import { CreatedLinkPanel } from "./created-link-panel";
import { IntakeLinkStatusBadge } from "./intake-link-status";
import { RevokeIntakeLinkDialog } from "./revoke-intake-link-dialog";
import { useIntakeLinks } from "./use-intake-links";

/** Settings → Intake links: create a link (its URL shown once), see each link's status, revoke. */
export function IntakeLinkManager({ initialLinks }: { initialLinks?: IntakeLink[] }) {
  const links = useIntakeLinks(initialLinks);
  const [created, setCreated] = useState<{ url: string; label: string } | null>(null);
  const [revoking, setRevoking] = useState<IntakeLink | null>(null);
  // A revoked link keeps its row but loses its Revoke button: focus moves to the table.
  const {
    fallback: linkTable,
    rememberOpener: rememberRevokeOpener,
    onCloseAutoFocus: focusAfterRevoke,
  } = useFocusAfterClose<HTMLTableElement>();

  return (
    <>
      <BackLink href="/settings" className="mb-6">
        Settings
      </BackLink>
      <PageHeader
        title="Intake links"
        description="A private link a new client opens to fill in their details, health history and consents."
      />
      <div className="grid gap-6">
        <section aria-label="New intake link" className="rounded-xl border bg-card p-4 shadow-xs">
          <CreateIntakeLinkForm onCreated={(url, link) => setCreated({ url, label: link.label })} />
        </section>
        {created && <CreatedLinkPanel {...created} onDismiss={() => setCreated(null)} />}
        {links.isPending ? (
          <div aria-busy="true" aria-label="Loading intake links" className="grid gap-2">
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
          </div>
        ) : links.isError ? (
          <p role="alert" className="text-sm text-destructive">
            Your intake links could not be loaded. Reload the page to try again.
          </p>
        ) : links.data.length === 0 ? (
          <EmptyState
            icon={LinkIcon}
            title="No intake links yet"
            description="Create a link above and send it to a new client; their form arrives as a new client record."
          />
        ) : (
          <LinkTable
            links={links.data}
            tableRef={linkTable}
            onRevoke={(link, opener) => {
              rememberRevokeOpener(opener);
              setRevoking(link);
            }}
          />
        )}
      </div>
      <RevokeIntakeLinkDialog link={revoking} onClose={() => setRevoking(null)} onCloseAutoFocus={focusAfterRevoke} />
    </>
  );
}

/** A row is a table row from 640 px up; below, a card: the details down the left, the action top right. */
const STACKED_ROW = "grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 px-4 py-3 sm:table-row sm:p-0";
const CELL = "col-start-1 sm:px-4 sm:py-3";

function LinkTable({
  links,
  tableRef,
  onRevoke,
}: {
  links: IntakeLink[];
  tableRef: Ref<HTMLTableElement>;
  onRevoke: (link: IntakeLink, opener: HTMLElement) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border bg-card shadow-xs">
      <table ref={tableRef} tabIndex={-1} className="w-full text-sm focus-visible:outline-2 focus-visible:outline-ring">
        <caption className="sr-only">Intake links</caption>
        {/* Below 640 px each link is a stacked card: the column headers stay for screen readers only. */}
        <thead className="border-b text-left text-muted-foreground max-sm:sr-only">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Label
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Uses
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Expires
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {links.map((link) => (
            <tr key={link.id} className={STACKED_ROW}>
              <td className={cn(CELL, "font-medium")}>{link.label}</td>
              <td className={CELL}>
                <IntakeLinkStatusBadge status={link.status} />
              </td>
              <td className={cn(CELL, "tabular-nums")}>
                <PhoneLabel>Uses </PhoneLabel>
                {link.usedCount} of {link.maxUses}
              </td>
              <td className={cn(CELL, "sm:whitespace-nowrap")}>
                <PhoneLabel>Expires </PhoneLabel>
                <FormattedDate iso={link.expiresAt} />
              </td>
              <td className="col-start-2 row-span-4 row-start-1 text-right sm:px-4 sm:py-3">
                {link.status === "active" && (
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={(event) => onRevoke(link, event.currentTarget)}
                    aria-label={`Revoke ${link.label}`}
                  >
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
