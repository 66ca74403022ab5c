"use client";

import { SearchXIcon, UploadIcon, UserPlusIcon, UsersIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import type { ContactSelectionBody } from "@/lib/contracts/contact-selection";
import { NewClientDialog } from "../new-client/new-client-dialog";
import { BulkBar } from "./bulk-bar";
import { BulkDeleteDialog, BulkTagDialog } from "./bulk-dialogs";
import { ClientsActions, ExportLink, FindDuplicatesLink, SortSelect } from "./clients-toolbar";
import { ClientResults, ResultsError, ResultsSkeleton } from "./client-results";
import { FilterBar } from "./filter-bar";
import { apiFilterQuery, isFiltered, withoutFilters } from "./list-params";
import { SearchBox } from "./search-box";
import { useContactCount, useContactPages } from "./use-contact-list";
import { useListParams } from "./use-list-params";
import { usePageShortcuts } from "./use-page-shortcuts";
import { matchingOffer, useRowSelection } from "./row-selection";
import { useExportSelection } from "./use-export-selection";

/** The clients list: search, filters, sort and selection, all kept in the URL except the selection. */
export function ClientsView() {
  const router = useRouter();
  const [params, setParams] = useListParams();
  const pages = useContactPages(params);
  const count = useContactCount(params);
  const ids = useMemo(() => pages.contacts.map((contact) => contact.id), [pages.contacts]);
  const selection = useRowSelection(ids);
  const searchRef = useRef<HTMLInputElement>(null);
  const [creating, setCreating] = useState(false);
  const [bulk, setBulk] = useState<"tag" | "delete" | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const filtered = isFiltered(params);
  const selectionExport = useExportSelection(setAnnouncement);

  // Another search or filter is another set of clients: ticks on the old set would act on rows out of sight.
  const { timeZone } = usePractitionerFormat().settings;
  const filterKey = apiFilterQuery(params, timeZone).toString();
  const [selectionKey, setSelectionKey] = useState(filterKey);
  if (filterKey !== selectionKey) {
    setSelectionKey(filterKey);
    selection.clear();
    selectionExport.clearError();
  }

  // A count still showing the previous filters' answer must not be offered for these.
  const total = count.isPlaceholderData ? undefined : count.data?.count;
  const { matchingCount } = selection;
  const bulkSelection: ContactSelectionBody =
    matchingCount === null
      ? { ids: [...selection.selected] }
      : { filter: Object.fromEntries(apiFilterQuery(params, timeZone)), expectedCount: matchingCount };
  const selectedCount = matchingCount ?? selection.selected.size;

  usePageShortcuts({ "/": () => searchRef.current?.focus(), n: () => setCreating(true) });

  const { contacts, fetchNextPage, isFetching, isPlaceholderData, hasNextPage } = pages;
  const canLoadMore = hasNextPage && !isPlaceholderData;
  const loadMore = useCallback(() => {
    if (!isFetching) void fetchNextPage();
  }, [isFetching, fetchNextPage]);
  const open = useCallback(
    (index: number) => {
      const contact = contacts[index];
      if (contact) router.push(`/clients/${contact.id}`);
    },
    [contacts, router],
  );
  const onSearch = useCallback((q: string) => setParams({ ...params, q }), [params, setParams]);

  function finishBulk(message: string) {
    setBulk(null);
    selection.clear();
    setAnnouncement(message);
  }

  let results;
  if (pages.isPending) results = <ResultsSkeleton />;
  else if (pages.isError && contacts.length === 0)
    results = <ResultsError error={pages.error} retry={() => void pages.refetch()} />;
  else if (contacts.length === 0 && !filtered)
    results = (
      <EmptyState
        icon={UsersIcon}
        title="No clients yet"
        description="Add your first client by hand, or bring everyone over at once from a spreadsheet (CSV)."
        action={
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button onClick={() => setCreating(true)}>
              <UserPlusIcon aria-hidden="true" />
              Create your first client
            </Button>
            <Button variant="outline" asChild>
              <Link href="/clients/import">
                <UploadIcon aria-hidden="true" />
                Import a CSV
              </Link>
            </Button>
          </div>
        }
      />
    );
  else if (contacts.length === 0)
    results = (
      <EmptyState
        icon={SearchXIcon}
        title="No clients match"
        description={
          params.q.trim()
            ? `Nobody matches “${params.q.trim()}” with these filters. Check the spelling, or search less of the name, email or number.`
            : "Nobody matches these filters."
        }
        action={<Button onClick={() => setParams(withoutFilters(params))}>Clear filters</Button>}
      />
    );
  else
    results = (
      <ClientResults
        contacts={contacts}
        params={params}
        onParamsChange={setParams}
        selection={selection}
        total={count.data?.count}
        hasMore={canLoadMore}
        loadingMore={pages.isFetchingNextPage}
        loadMore={loadMore}
        open={open}
        loadError={pages.isFetchNextPageError ? pages.error : null}
      />
    );

  return (
    <>
      <PageHeader
        title="Clients"
        description="Everyone you work with, and everything you know about them."
        actions={<ClientsActions onNewClient={() => setCreating(true)} />}
      />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox
          value={params.q}
          onSearch={onSearch}
          busy={pages.isFetching && !pages.isFetchingNextPage}
          inputRef={searchRef}
        />
        <div className="min-w-0 flex-1 lg:hidden">
          <SortSelect params={params} onChange={setParams} />
        </div>
        <ExportLink params={params} />
        <FindDuplicatesLink />
      </div>
      <div className="mb-4">
        <FilterBar params={params} onChange={setParams} count={count.data?.count} />
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {results}
      <BulkBar
        count={selectedCount}
        allMatching={matchingCount !== null}
        offer={matchingOffer(selection, ids, total)}
        onSelectAllMatching={selection.selectAllMatching}
        onTag={() => setBulk("tag")}
        onExport={() => void selectionExport.exportSelection(bulkSelection, selectedCount)}
        onDelete={() => setBulk("delete")}
        onClear={() => {
          selection.clear();
          selectionExport.clearError();
        }}
        exporting={selectionExport.exporting}
        exportError={selectionExport.error}
      />
      <NewClientDialog open={creating} onOpenChange={setCreating} />
      <BulkTagDialog
        selection={bulkSelection}
        count={selectedCount}
        open={bulk === "tag"}
        onOpenChange={(next) => setBulk(next ? "tag" : null)}
        onDone={finishBulk}
      />
      <BulkDeleteDialog
        selection={bulkSelection}
        count={selectedCount}
        open={bulk === "delete"}
        onOpenChange={(next) => setBulk(next ? "delete" : null)}
        onDone={finishBulk}
      />
    </>
  );
}
