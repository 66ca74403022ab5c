"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckIcon, LoaderCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useSyncExternalStore } from "react";
import { useForm, useWatch } from "react-hook-form";
import { NativeSelect } from "@/components/clients/field-controls";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { ErrorAlert } from "@/components/error-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { apiRequest, isApiError } from "@/lib/api-client";
import {
  PROFILE_LOCALES,
  profileResponse,
  updateProfileInput,
  type ProfileDto,
  type UpdateProfileFormValues,
  type UpdateProfileInput,
} from "@/lib/contracts/profile";
import { formatDateTime } from "@/lib/format/dates";
import { FALLBACK_LOCALE, isTimeZone, localeHourCycle, timeZoneNames } from "@/lib/format/settings";

type FormValues = Required<{ [K in keyof UpdateProfileFormValues]: NonNullable<UpdateProfileFormValues[K]> }>;

/** The stored profile as the form's fields: null becomes "" (browser default, locale's clock, no business name). */
function valuesOf(profile: ProfileDto): FormValues {
  return {
    displayName: profile.displayName,
    businessName: profile.businessName ?? "",
    locale: profile.locale ?? "",
    timeZone: profile.timeZone ?? "",
    weekStart: profile.weekStart,
    hourCycle: profile.hourCycle ?? "",
  };
}

/**
 * The browser's own list of zones, read after hydration: the server's ICU may list others, and the
 * first render must match the server's.
 */
let browserZones: string[] | null = null;
const noZones: string[] = [];
const noSubscription = () => () => {};
function useTimeZoneNames(): string[] {
  return useSyncExternalStore(
    noSubscription,
    () => (browserZones ??= timeZoneNames()),
    () => noZones,
  );
}

/** A fixed afternoon instant, so the preview shows the clock's difference (14:30 or 2:30 PM). */
const PREVIEW_INSTANT = "2026-06-15T13:30:00Z";

/**
 * Settings → Profile: name, business name, and how dates and times read. Checked in the browser with
 * the API's contract; Save is offered only when something changed, and says when it has saved.
 */
export function ProfileForm({ profile, browserLocale }: { profile: ProfileDto; browserLocale: string }) {
  const { settings } = usePractitionerFormat();
  // A new account's zone is stored from the browser just after the first render: start the form again with it.
  const zone = profile.timeZone ?? (settings.timeZoneKnown ? settings.timeZone : null);
  return (
    <ProfileFields
      key={zone ? "zone-known" : "zone-unknown"}
      profile={{ ...profile, timeZone: zone }}
      browserLocale={browserLocale}
    />
  );
}

function ProfileFields({ profile, browserLocale }: { profile: ProfileDto; browserLocale: string }) {
  const router = useRouter();
  const id = useId();
  const zones = useTimeZoneNames();
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UpdateProfileFormValues, unknown, UpdateProfileInput>({
    resolver: zodResolver(updateProfileInput),
    defaultValues: valuesOf(profile),
    mode: "onTouched",
  });
  const { register, handleSubmit, formState, control, reset, setError } = form;
  const { errors, isDirty, isSubmitting } = formState;

  const [watchedLocale, watchedClock, watchedZone] = useWatch({ control, name: ["locale", "hourCycle", "timeZone"] });
  const locale = watchedLocale || browserLocale || FALLBACK_LOCALE;
  const hourCycle = watchedClock || null;
  const zone = watchedZone ?? "";
  const previewZone = isTimeZone(zone) ? zone : "UTC";
  const preview = formatDateTime(PREVIEW_INSTANT, {
    locale,
    timeZone: previewZone,
    hourCycle,
  });
  const localeClock = localeHourCycle(locale) === "h12" ? "12-hour" : "24-hour";

  async function save(values: UpdateProfileInput) {
    setSaved(false);
    setFormError(null);
    try {
      const { profile: stored } = await apiRequest("/api/profile", {
        method: "PATCH",
        body: values,
        schema: profileResponse,
      });
      reset(valuesOf(stored));
      setSaved(true);
      // The layout formats every date with these settings: re-render it with the new ones.
      router.refresh();
    } catch (error) {
      if (isApiError(error)) {
        for (const [field, message] of Object.entries(error.fieldErrors)) {
          if (field in values) setError(field as keyof UpdateProfileFormValues, { message });
        }
        setFormError(error.message);
      } else {
        setFormError("Your profile could not be saved. Try again.");
      }
    }
  }

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="grid max-w-2xl gap-8"
      onSubmit={(event) => void handleSubmit(save)(event)}
      onChange={() => setSaved(false)}
    >
      <h2 id={`${id}-title`} className="sr-only">
        Profile
      </h2>
      <ErrorAlert title="Not saved" message={formError} />
      <fieldset className="grid gap-5">
        <legend className="mb-3 text-base font-semibold">You and your business</legend>
        <FormField label="Your name" error={errors.displayName?.message}>
          {(control) => <Input {...control} autoComplete="name" {...register("displayName")} />}
        </FormField>
        <FormField
          label="Business name"
          hint="Clients see it instead of your name, for example at the top of the intake form. Leave blank to show your name."
          error={errors.businessName?.message}
        >
          {(control) => <Input {...control} autoComplete="organization" {...register("businessName")} />}
        </FormField>
      </fieldset>

      <fieldset className="grid gap-5">
        <legend className="mb-3 text-base font-semibold">Dates and times</legend>
        <FormField
          label="Time zone"
          hint={
            profile.timeZone
              ? "Type to search, e.g. London or New_York. Every time in the app is shown in this zone."
              : "Not set yet: choose yours. Until then times are shown in UTC."
          }
          error={errors.timeZone?.message}
        >
          {(control) => (
            <>
              <Input
                {...control}
                list={`${id}-zones`}
                autoComplete="off"
                spellCheck={false}
                {...register("timeZone")}
              />
              <datalist id={`${id}-zones`}>
                {zones.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
        <FormField label="Language and region" hint="How dates are written." error={errors.locale?.message}>
          {(control) => (
            <NativeSelect {...control} {...register("locale")}>
              <option value="">Browser default ({browserLocale})</option>
              {PROFILE_LOCALES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <FormField label="Clock" error={errors.hourCycle?.message}>
          {(control) => (
            <NativeSelect {...control} {...register("hourCycle")}>
              <option value="">As usual for the language ({localeClock})</option>
              <option value="h23">24-hour (14:30)</option>
              <option value="h12">12-hour (2:30 pm)</option>
            </NativeSelect>
          )}
        </FormField>
        <FormField label="Week starts on" hint="For the calendar." error={errors.weekStart?.message}>
          {(control) => (
            <NativeSelect {...control} {...register("weekStart")}>
              <option value="monday">Monday</option>
              <option value="sunday">Sunday</option>
            </NativeSelect>
          )}
        </FormField>
        <p className="text-sm text-muted-foreground">
          Example: <span data-testid="format-preview">{preview}</span>
        </p>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!isDirty || isSubmitting}>
          {isSubmitting && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
        {isDirty && !isSubmitting && (
          <Button type="button" variant="ghost" onClick={() => reset()}>
            Discard changes
          </Button>
        )}
        <p role="status" aria-live="polite" className="flex items-center gap-1.5 text-sm text-success">
          {saved && (
            <>
              <CheckIcon aria-hidden="true" className="size-4" />
              Profile saved
            </>
          )}
        </p>
      </div>
    </form>
  );
}
