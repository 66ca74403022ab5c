"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { EyeIcon, PencilIcon, Undo2Icon } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import {
  CONSENT_KIND_LABELS,
  CONSENT_LIMITS,
  publishConsentDocumentInput,
  type ConsentDocument,
  type PublishConsentDocumentInput,
} from "@/lib/contracts/consents";
import { Textarea } from "@/components/clients/field-controls";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { ConsentText } from "./consent-text";
import { ConsentVersionHistory } from "./consent-version-history";
import { publishConsentDocument } from "./consents-api";
import { FormattedDateTime } from "@/components/format/practitioner-format";
import { PublishConsentDialog } from "./publish-consent-dialog";

const draftOf = ({ kind, title, body }: ConsentDocument): PublishConsentDocumentInput => ({ kind, title, body });

/**
 * One kind's current text: edit title and text, preview it as clients see it, publish it as the next version.
 * Checked as it is typed with the API's own contract, so Publish is offered only for text the API accepts.
 */
export function ConsentDocumentEditor({ initialDocument }: { initialDocument: ConsentDocument }) {
  const [current, setCurrent] = useState(initialDocument);
  const [preview, setPreview] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<PublishConsentDocumentInput>({
    resolver: zodResolver(publishConsentDocumentInput),
    defaultValues: draftOf(initialDocument),
    mode: "onChange",
  });
  const [title = "", body = ""] = useWatch({ control: form.control, name: ["title", "body"] });
  const changed = title !== current.title || body !== current.body;
  const valid = Object.keys(form.formState.errors).length === 0;
  const label = CONSENT_KIND_LABELS[current.kind];

  async function publish() {
    const document = await publishConsentDocument({ kind: current.kind, title, body });
    setCurrent(document);
    form.reset(draftOf(document));
    setNotice(`Version ${document.version} is published.`);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          {label}
          <span className="rounded-full border px-2 py-0.5 text-xs font-medium text-muted-foreground">
            {current.required ? "Required" : "Optional"}
          </span>
        </CardTitle>
        <CardDescription>
          Version {current.version}, published <FormattedDateTime zone iso={current.createdAt} />.
          {current.required && " Clients must agree to this one to submit the intake form."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex gap-2" role="group" aria-label={`${label}: edit or preview`}>
          <Button type="button" size="sm" variant={preview ? "ghost" : "secondary"} onClick={() => setPreview(false)}>
            <PencilIcon aria-hidden="true" />
            Edit
          </Button>
          <Button type="button" size="sm" variant={preview ? "secondary" : "ghost"} onClick={() => setPreview(true)}>
            <EyeIcon aria-hidden="true" />
            Preview
          </Button>
        </div>
        {preview ? (
          <article aria-label={`Preview of ${label}`} className="grid gap-3 rounded-lg border bg-background p-4">
            <h3 className="text-base font-semibold">{title || "Untitled"}</h3>
            <ConsentText body={body} />
          </article>
        ) : (
          <Form {...form}>
            <FormField
              control={form.control}
              name="title"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Title</FormLabel>
                  <FormControl>
                    <Input
                      {...field}
                      maxLength={CONSENT_LIMITS.titleMax}
                      onChange={(event) => {
                        field.onChange(event);
                        setNotice(null);
                      }}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="body"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Text</FormLabel>
                  <FormControl>
                    <Textarea
                      {...field}
                      rows={12}
                      maxLength={CONSENT_LIMITS.bodyMax}
                      onChange={(event) => {
                        field.onChange(event);
                        setNotice(null);
                      }}
                    />
                  </FormControl>
                  <FormDescription>
                    Plain text. Leave a blank line between paragraphs. Clients see exactly this.
                  </FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
          </Form>
        )}
        {notice && (
          <p role="status" className="text-sm font-medium text-emerald-700">
            {notice}
          </p>
        )}
        <ConsentVersionHistory kind={current.kind} revision={current.id} />
      </CardContent>
      <CardFooter className="flex flex-wrap justify-end gap-2">
        {changed && (
          <Button type="button" variant="ghost" onClick={() => form.reset(draftOf(current))}>
            <Undo2Icon aria-hidden="true" />
            Discard changes
          </Button>
        )}
        <PublishConsentDialog nextVersion={current.version + 1} disabled={!changed || !valid} onPublish={publish} />
      </CardFooter>
    </Card>
  );
}
