"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BanIcon, UserPlusIcon, XIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { createContactRequest } from "@/components/clients/new-client/create-contact-request";
import { ErrorAlert } from "@/components/error-alert";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { apiRequest, isApiError } from "@/lib/api-client";
import {
  addBlocklistInput,
  blocklistSchema,
  senderSuggestionsSchema,
  SENDER_SUGGESTION_THRESHOLD,
} from "@/lib/contracts/google";
import { formatCount } from "@/lib/format";

const suggestionsKey = ["integrations", "google", "suggestions"] as const;
const blocklistKey = ["integrations", "google", "blocklist"] as const;
const messageOf = (error: unknown, fallback: string) => (isApiError(error) ? error.message : fallback);

/** Unknown senders who keep writing ("add as client?") and the addresses and domains never imported. */
export function GmailSendersCard() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const suggestions = useQuery({
    queryKey: suggestionsKey,
    queryFn: () => apiRequest("/api/integrations/google/suggestions", { schema: senderSuggestionsSchema }),
  });
  const blocklist = useQuery({
    queryKey: blocklistKey,
    queryFn: () => apiRequest("/api/integrations/google/blocklist", { schema: blocklistSchema }),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: suggestionsKey });
    await queryClient.invalidateQueries({ queryKey: blocklistKey });
  };
  const addClient = useMutation({
    mutationFn: async (sender: { email: string; displayName: string | null }) => {
      const client = await createContactRequest({
        displayName: sender.displayName ?? sender.email,
        email: sender.email,
      });
      // Their earlier mail was not stored (they were not a client yet): import the window again.
      await apiRequest("/api/integrations/google/sync", { method: "POST", body: { full: true } });
      return client;
    },
    onSuccess: (client) => router.push(`/clients/${client.id}`),
  });
  const dismiss = useMutation({
    mutationFn: (email: string) =>
      apiRequest("/api/integrations/google/suggestions/dismiss", { method: "POST", body: { email } }),
    onSuccess: refresh,
  });
  const block = useMutation({
    mutationFn: (pattern: string) =>
      apiRequest("/api/integrations/google/blocklist", { method: "POST", body: { pattern } }),
    onSuccess: refresh,
  });
  // The suggestion's own Block button: its failure shows in the card, the form's in the form.
  const blockSender = useMutation({
    mutationFn: (email: string) =>
      apiRequest("/api/integrations/google/blocklist", { method: "POST", body: { pattern: email } }),
    onSuccess: refresh,
  });
  const unblock = useMutation({
    mutationFn: (id: string) => apiRequest(`/api/integrations/google/blocklist/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const failure = [addClient, dismiss, blockSender, unblock].find((mutation) => mutation.error)?.error;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Senders</CardTitle>
        <CardDescription>
          People who are not clients yet but wrote {SENDER_SUGGESTION_THRESHOLD} times or more, and the addresses or
          domains whose email is never imported.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <ErrorAlert message={failure ? messageOf(failure, "That did not work. Try again.") : null} />
        <section aria-labelledby="suggested-senders" className="grid gap-2">
          <h3 id="suggested-senders" className="font-medium">
            Add as client?
          </h3>
          {suggestions.isPending && <Skeleton className="h-12" aria-label="Loading suggestions" />}
          {suggestions.isError && <p className="text-sm text-destructive">The suggestions could not be loaded.</p>}
          {suggestions.data?.items.length === 0 && (
            <p className="text-sm text-muted-foreground">No suggestions: nobody unknown writes to you often.</p>
          )}
          <ul className="grid gap-2">
            {suggestions.data?.items.map((sender) => (
              <li key={sender.email} className="flex flex-wrap items-center gap-2 rounded-md border p-2 text-sm">
                <span className="min-w-0 flex-1 break-all">
                  {formatCount(sender.messageCount)} emails from {sender.displayName ? `${sender.displayName} ` : ""}
                  &lt;{sender.email}&gt;
                </span>
                <Button size="sm" disabled={addClient.isPending} onClick={() => addClient.mutate(sender)}>
                  <UserPlusIcon aria-hidden="true" />
                  Add as client
                </Button>
                <Button size="sm" variant="outline" onClick={() => dismiss.mutate(sender.email)}>
                  <XIcon aria-hidden="true" />
                  Not a client
                </Button>
                <Button size="sm" variant="outline" onClick={() => blockSender.mutate(sender.email)}>
                  <BanIcon aria-hidden="true" />
                  Block
                </Button>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="blocked-senders" className="grid gap-2">
          <h3 id="blocked-senders" className="font-medium">
            Never import
          </h3>
          <BlockForm onBlock={(pattern) => block.mutateAsync(pattern).then(() => undefined)} />
          {blocklist.data?.items.length === 0 && <p className="text-sm text-muted-foreground">Nothing is blocked.</p>}
          <ul className="grid gap-1">
            {blocklist.data?.items.map((entry) => (
              <li key={entry.id} className="flex items-center gap-2 text-sm">
                <span className="min-w-0 flex-1 break-all">{entry.pattern}</span>
                <Button size="sm" variant="ghost" onClick={() => unblock.mutate(entry.id)}>
                  Unblock <span className="sr-only">{entry.pattern}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      </CardContent>
    </Card>
  );
}

function BlockForm({ onBlock }: { onBlock: (pattern: string) => Promise<void> }) {
  const contract = useContractForm(addBlocklistInput, {
    defaultValues: { pattern: "" },
    onSubmit: async ({ pattern }, { form }) => {
      await onBlock(pattern);
      form.reset({ pattern: "" });
    },
  });
  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-2">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <div className="flex flex-wrap items-start gap-2">
          <FormField
            control={contract.form.control}
            name="pattern"
            render={({ field }) => (
              <FormItem className="min-w-0 flex-1">
                <FormLabel>Address or @domain</FormLabel>
                <FormControl>
                  <Input {...field} placeholder="newsletter@example.com or @example.com" />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <Button type="submit" variant="outline" className="mt-6" disabled={contract.pending}>
            Block
          </Button>
        </div>
      </form>
    </Form>
  );
}
