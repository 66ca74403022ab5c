"use client";

import { CameraIcon, CircleAlertIcon, ImageUpIcon, LoaderCircleIcon, Trash2Icon, XIcon } from "lucide-react";
import { useRef, useState } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { apiRequest, isApiError } from "@/lib/api-client";
import type { Contact } from "@/lib/contracts/contacts";
import { PHOTO_FORMATS_LABEL, PHOTO_LIMITS, photoVersion } from "@/lib/contracts/photos";
import { clientPhotoUrl, uploadClientPhoto } from "./client-photo-request";
import { ContactAvatar } from "./contact-avatar";

type Busy = { kind: "uploading"; fraction: number } | { kind: "removing" } | null;

const MEGABYTES = PHOTO_LIMITS.maxBytes / (1024 * 1024);

/** What the avatar says while a change is on its way. */
function busyLabel(busy: NonNullable<Busy>): string {
  if (busy.kind === "removing") return "Removing…";
  return busy.fraction < 1 ? `${Math.round(busy.fraction * 100)}%` : "Saving…";
}

/**
 * The client's photo in the page header (initials when there is none or it cannot be shown), with a
 * menu to upload, take (on phones), change or remove it. The image comes from the authenticated photo
 * route; its `?v=` changes with each new photo so the browser never shows a stale one.
 */
export function ClientPhotoEditor({ contact }: { contact: Pick<Contact, "id" | "displayName" | "photoPath"> }) {
  const [version, setVersion] = useState(contact.photoPath ? photoVersion(contact.photoPath) : null);
  const [broken, setBroken] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const chooseInput = useRef<HTMLInputElement>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const hasPhoto = version !== null && !broken;

  async function upload(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (file.size > PHOTO_LIMITS.maxBytes) {
      setError(`That photo is larger than ${MEGABYTES} MB. Choose a smaller one.`);
      return;
    }
    setBusy({ kind: "uploading", fraction: 0 });
    try {
      const next = await uploadClientPhoto(contact.id, file, (fraction) => setBusy({ kind: "uploading", fraction }));
      setVersion(next);
      setBroken(false);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The photo could not be saved. Try again.");
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    setBusy({ kind: "removing" });
    setError(null);
    try {
      await apiRequest(`/api/contacts/${contact.id}/photo`, { method: "DELETE" });
      setVersion(null);
      setConfirmRemove(false);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The photo could not be removed. Try again.");
    } finally {
      setBusy(null);
    }
  }

  // The picker opens once the menu has closed and given focus back, so the menu is never left
  // half-closed behind the system dialog (the next click on the photo would only finish closing it).
  const openPicker = (ref: typeof chooseInput) => window.setTimeout(() => ref.current?.click(), 0);

  const fileInput = (ref: typeof chooseInput, capture?: "environment") => (
    <input
      ref={ref}
      type="file"
      accept="image/*"
      capture={capture}
      className="sr-only"
      tabIndex={-1}
      aria-hidden="true"
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.value = "";
        void upload(file);
      }}
    />
  );

  return (
    <div className="relative shrink-0">
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild disabled={busy !== null}>
          <button
            type="button"
            aria-busy={busy !== null}
            className="group relative rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            {hasPhoto ? (
              // Same-origin and private: nothing for next/image to optimise or cache.
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={clientPhotoUrl(contact.id, version)}
                alt=""
                onError={() => setBroken(true)}
                className="size-16 rounded-full bg-accent object-cover sm:size-20"
              />
            ) : (
              <ContactAvatar displayName={contact.displayName} size="lg" />
            )}
            {/* Named by its content, not aria-label: the initials shown are not the button's label. */}
            <span className="sr-only">{hasPhoto ? "Change or remove photo" : "Add a photo"}</span>
            <span className="absolute right-0 bottom-0 inline-flex size-6 items-center justify-center rounded-full border bg-card text-muted-foreground shadow-sm group-hover:text-foreground">
              <CameraIcon aria-hidden="true" className="size-3.5" />
            </span>
            {busy && (
              <span
                role="status"
                className="absolute inset-0 flex flex-col items-center justify-center rounded-full bg-background/80 text-xs font-medium"
              >
                <LoaderCircleIcon aria-hidden="true" className="size-4 animate-spin" />
                {busyLabel(busy)}
              </span>
            )}
          </button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuItem onSelect={() => openPicker(chooseInput)}>
            <ImageUpIcon aria-hidden="true" />
            {hasPhoto ? "Change photo" : "Upload photo"}
          </DropdownMenuItem>
          <DropdownMenuItem className="hidden pointer-coarse:flex" onSelect={() => openPicker(cameraInput)}>
            <CameraIcon aria-hidden="true" />
            Take a photo
          </DropdownMenuItem>
          {hasPhoto && (
            <DropdownMenuItem variant="destructive" onSelect={() => setConfirmRemove(true)}>
              <Trash2Icon aria-hidden="true" />
              Remove photo
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {fileInput(chooseInput)}
      {fileInput(cameraInput, "environment")}
      {error && !confirmRemove && (
        // Floats under the avatar so a long message does not squeeze the name beside it.
        <div
          role="alert"
          className="absolute top-full left-0 z-10 mt-2 flex w-64 items-start gap-2 rounded-md border bg-card p-3 text-sm text-destructive shadow-md"
        >
          <CircleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <p className="flex-1">{error}</p>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => setError(null)}
            className="rounded-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          >
            <XIcon aria-hidden="true" className="size-4" />
          </button>
        </div>
      )}
      <AlertDialog
        open={confirmRemove}
        onOpenChange={(open) => {
          if (busy !== null) return;
          setConfirmRemove(open);
          setError(null);
        }}
      >
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Remove {contact.displayName}’s photo?</AlertDialogTitle>
            <AlertDialogDescription>
              The photo is deleted for good; their initials are shown instead. You can upload a new one at any time (
              {PHOTO_FORMATS_LABEL}, up to {MEGABYTES} MB).
            </AlertDialogDescription>
          </AlertDialogHeader>
          {error && (
            <p role="alert" className="flex items-start gap-2 text-sm text-destructive">
              <CircleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              {error}
            </p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={busy !== null}>Keep photo</AlertDialogCancel>
            <Button variant="destructive" disabled={busy !== null} onClick={() => void remove()}>
              {busy?.kind === "removing" && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
              {busy?.kind === "removing" ? "Removing…" : "Remove photo"}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
