"use client";

import { CheckIcon, LoaderCircleIcon, PencilIcon } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api-client";
import type { Contact } from "@/lib/contracts/contacts";
import { DetailFieldControl } from "./detail-field-control";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { displayValue, formValue, sectionPatch, type DetailSection, type FieldValue } from "./detail-fields";
import { useContactPatch } from "./use-contact-patch";

type Mode = { editing: false } | { editing: true; focus: string };

/**
 * One section of the client's details, edited in place: Edit (or a click on a value) opens the
 * fields, Escape or Cancel restores them, Save checks them with the API's contract and sends them.
 */
export function DetailsSection({
  section,
  contact,
  onSaved,
}: {
  section: DetailSection;
  contact: Contact;
  onSaved: (contact: Contact) => void;
}) {
  const patch = useContactPatch(contact.id);
  const format = usePractitionerFormat();
  const [mode, setMode] = useState<Mode>({ editing: false });
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const returnFocus = useRef(false);
  const headingId = `section-${section.id}`;

  useEffect(() => {
    if (mode.editing) {
      formRef.current?.querySelector<HTMLElement>(`[name="${mode.focus}"]`)?.focus();
    } else if (returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [mode]);

  function startEditing(focus = section.fields[0]?.path ?? "") {
    setValues(Object.fromEntries(section.fields.map((field) => [field.path, formValue(contact, field)])));
    setFieldErrors({});
    setFormError(null);
    setSaved(false);
    setMode({ editing: true, focus });
  }

  function stopEditing() {
    returnFocus.current = true;
    setMode({ editing: false });
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFormError(null);
    try {
      onSaved(await patch(sectionPatch(section, values)));
      setFieldErrors({});
      setSaved(true);
      stopEditing();
    } catch (error) {
      const errors = isApiError(error) ? error.fieldErrors : {};
      setFieldErrors(errors);
      setFormError(isApiError(error) ? error.message : "The changes could not be saved. Try again.");
      const firstInvalid = section.fields.find((field) => field.path in errors);
      if (firstInvalid) setMode({ editing: true, focus: firstInvalid.path });
    } finally {
      setSaving(false);
    }
  }

  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Escape" || saving) return;
    event.preventDefault();
    event.stopPropagation();
    stopEditing();
  }

  return (
    <section aria-labelledby={headingId} className="rounded-xl border bg-card p-5 shadow-xs sm:p-6">
      <div className="mb-4 flex items-center justify-between gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          {section.title}
        </h2>
        {!mode.editing && (
          <div className="flex items-center gap-2">
            {saved && (
              <span role="status" className="inline-flex items-center gap-1 text-xs text-success">
                <CheckIcon aria-hidden="true" className="size-3.5" />
                Saved
              </span>
            )}
            <Button
              ref={editButton}
              size="sm"
              variant="ghost"
              aria-label={`Edit ${section.title.toLowerCase()}`}
              onClick={() => startEditing()}
            >
              <PencilIcon aria-hidden="true" />
              Edit
            </Button>
          </div>
        )}
      </div>
      {mode.editing ? (
        <form
          ref={formRef}
          noValidate
          onSubmit={(event) => void save(event)}
          onKeyDown={onFormKeyDown}
          className="grid gap-4"
        >
          <ErrorAlert message={formError} />
          {section.fields.map((field) => (
            <DetailFieldControl
              key={field.path}
              field={field}
              value={values[field.path] ?? ""}
              error={fieldErrors[field.path]}
              onChange={(value) => setValues((current) => ({ ...current, [field.path]: value }))}
            />
          ))}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="outline" disabled={saving} onClick={stopEditing}>
              Cancel
            </Button>
            <Button type="submit" disabled={saving}>
              {saving && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
              {saving ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      ) : (
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[minmax(8rem,auto)_1fr]">
          {section.fields.map((field) => {
            const shown = displayValue(contact, field, format.settings);
            return (
              <div key={field.path} className="grid gap-y-0.5 sm:col-span-2 sm:grid-cols-subgrid">
                <dt className="text-sm text-muted-foreground">{field.label}</dt>
                <dd
                  onClick={() => startEditing(field.path)}
                  className="min-w-0 cursor-text text-sm whitespace-pre-line"
                >
                  {shown ?? <span className="text-muted-foreground italic">Not recorded</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
