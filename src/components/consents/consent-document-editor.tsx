"use client";

import { EyeIcon, PencilIcon, Undo2Icon } from "lucide-react";
import { useState } from "react";
import {
  CONSENT_KIND_LABELS,
  CONSENT_LIMITS,
  publishConsentDocumentInput,
  type ConsentDocument,
} from "@/lib/contracts/consents";
import { Textarea } from "@/components/clients/field-controls";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ConsentText } from "./consent-text";
import { ConsentVersionHistory } from "./consent-version-history";
import { publishConsentDocument } from "./consents-api";
import { FormattedDateTime } from "@/components/format/practitioner-format";
import { PublishConsentDialog } from "./publish-consent-dialog";

/** First message per field from the shared contract, so the browser says what the API would. */
function fieldErrors(input: { kind: ConsentDocument["kind"]; title: string; body: string }) {
  const result = publishConsentDocumentInput.safeParse(input);
  if (result.success) return {};
  const errors: { title?: string; body?: string } = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === "title" || field === "body") && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** One kind's current text: edit title and text, preview it as clients see it, publish it as the next version. */
export function ConsentDocumentEditor({ initialDocument }: { initialDocument: ConsentDocument }) {
  const [current, setCurrent] = useState(initialDocument);
  const [title, setTitle] = useState(initialDocument.title);
  const [body, setBody] = useState(initialDocument.body);
  const [preview, setPreview] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = title !== current.title || body !== current.body;
  const errors = changed ? fieldErrors({ kind: current.kind, title, body }) : {};
  const label = CONSENT_KIND_LABELS[current.kind];

  async function publish() {
    const document = await publishConsentDocument({ kind: current.kind, title, body });
    setCurrent(document);
    setTitle(document.title);
    setBody(document.body);
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
          <>
            <FormField label="Title" error={errors.title}>
              {(control) => (
                <Input
                  {...control}
                  value={title}
                  maxLength={CONSENT_LIMITS.titleMax}
                  onChange={(event) => {
                    setTitle(event.target.value);
                    setNotice(null);
                  }}
                />
              )}
            </FormField>
            <FormField
              label="Text"
              hint="Plain text. Leave a blank line between paragraphs. Clients see exactly this."
              error={errors.body}
            >
              {(control) => (
                <Textarea
                  {...control}
                  value={body}
                  rows={12}
                  maxLength={CONSENT_LIMITS.bodyMax}
                  onChange={(event) => {
                    setBody(event.target.value);
                    setNotice(null);
                  }}
                />
              )}
            </FormField>
          </>
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
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setTitle(current.title);
              setBody(current.body);
            }}
          >
            <Undo2Icon aria-hidden="true" />
            Discard changes
          </Button>
        )}
        <PublishConsentDialog
          nextVersion={current.version + 1}
          disabled={!changed || Object.keys(errors).length > 0}
          onPublish={publish}
        />
      </CardFooter>
    </Card>
  );
}
