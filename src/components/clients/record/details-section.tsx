"use client";

import { CheckIcon, LoaderCircleIcon, PencilIcon } from "lucide-react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { get, set, type FieldValues } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { updateContactInput, type Contact } from "@/lib/contracts/contacts";
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
  const format = usePractitionerFormat();
  const [mode, setMode] = useState<Mode>({ editing: false });
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const headingId = `section-${section.id}`;

  useEffect(() => {
    if (!mode.editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [mode]);

  function startEditing(focus = section.fields[0]?.path ?? "") {
    setSaved(false);
    setMode({ editing: true, focus });
  }

  function stopEditing() {
    returnFocus.current = true;
    setMode({ editing: false });
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
        <DetailsForm
          section={section}
          contact={contact}
          focus={mode.focus}
          onCancel={stopEditing}
          onSaved={(updated) => {
            onSaved(updated);
            setSaved(true);
            stopEditing();
          }}
        />
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

/** The section's fields as a form, mounted for each edit so it starts from the client as saved. */
function DetailsForm({
  section,
  contact,
  focus,
  onCancel,
  onSaved,
}: {
  section: DetailSection;
  contact: Contact;
  /** The field to put the cursor in: the first, or the value that was clicked. */
  focus: string;
  onCancel: () => void;
  onSaved: (contact: Contact) => void;
}) {
  const patch = useContactPatch(contact.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [defaultValues] = useState(() => {
    const values: FieldValues = {};
    for (const field of section.fields) set(values, field.path, formValue(contact, field));
    return values;
  });
  const [toInput] = useState(() => (values: FieldValues) => sectionPatch(section, flatValues(section, values)));
  const contract = useContractForm(updateContactInput, {
    defaultValues,
    toInput,
    onSubmit: async (_parsed, { formValues }) => onSaved(await patch(toInput(formValues))),
  });

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>(`[name="${focus}"]`)?.focus();
  }, [focus]);

  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Escape" || contract.pending) return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  }

  return (
    <Form {...contract.form}>
      <form ref={formRef} noValidate onSubmit={contract.onSubmit} onKeyDown={onFormKeyDown} className="grid gap-4">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        {section.fields.map((field) => (
          <DetailFieldControl key={field.path} field={field} />
        ))}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="outline" disabled={contract.pending} onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={contract.pending}>
            {contract.pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            {contract.pending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Form>
  );
}

/** The form's nested values as `{ "address.city": … }`, the shape `sectionPatch` reads. */
function flatValues(section: DetailSection, values: FieldValues): Record<string, FieldValue> {
  return Object.fromEntries(
    section.fields.map((field) => {
      const value: unknown = get(values, field.path);
      return [field.path, typeof value === "boolean" ? value : typeof value === "string" ? value : ""];
    }),
  );
}
