"use client";

import { CheckIcon, LoaderCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useSyncExternalStore } from "react";
import { useWatch } from "react-hook-form";
import { NativeSelect } from "@/components/clients/field-controls";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import {
  PROFILE_LOCALES,
  profileResponse,
  updateProfileInput,
  type ProfileDto,
  type UpdateProfileFormValues,
} from "@/lib/contracts/profile";
import { formatDateTime, formatTime } from "@/lib/format/dates";
import { DAY_START_HOURS } from "@/lib/format/practitioner-day";
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
    dayStartHour: profile.dayStartHour,
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

/** An instant at a whole hour, to write the hour on the practitioner's clock. */
const dayStartExample = (hour: number) => `2026-06-15T${String(hour).padStart(2, "0")}:00:00Z`;

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
  const contract = useContractForm(updateProfileInput, {
    defaultValues: valuesOf(profile),
    onSubmit: async (values, { form }) => {
      setSaved(false);
      const { profile: stored } = await apiRequest("/api/profile", {
        method: "PATCH",
        body: values,
        schema: profileResponse,
      });
      form.reset(valuesOf(stored));
      setSaved(true);
      // The layout formats every date with these settings: re-render it with the new ones.
      router.refresh();
    },
  });
  const { control, formState, reset } = contract.form;
  const { isDirty } = formState;
  const busy = contract.pending;

  const [watchedLocale, watchedClock, watchedZone] = useWatch({ control, name: ["locale", "hourCycle", "timeZone"] });
  const locale = watchedLocale || browserLocale || FALLBACK_LOCALE;
  const hourCycle = watchedClock || null;
  const zone = watchedZone ?? "";
  const previewZone = isTimeZone(zone) ? zone : "UTC";
  const preview = formatDateTime(PREVIEW_INSTANT, { locale, timeZone: previewZone, hourCycle });
  const localeClock = localeHourCycle(locale) === "h12" ? "12-hour" : "24-hour";

  return (
    <Form {...contract.form}>
      <form
        noValidate
        aria-labelledby={`${id}-title`}
        className="grid max-w-2xl gap-8"
        onSubmit={contract.onSubmit}
        onChange={() => setSaved(false)}
      >
        <h2 id={`${id}-title`} className="sr-only">
          Profile
        </h2>
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <fieldset className="grid gap-5">
          <legend className="mb-3 text-base font-semibold">You and your business</legend>
          <FormField
            control={control}
            name="displayName"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Your name</FormLabel>
                <FormControl>
                  <Input {...field} value={field.value ?? ""} autoComplete="name" />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={control}
            name="businessName"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Business name</FormLabel>
                <FormControl>
                  <Input {...field} value={field.value ?? ""} autoComplete="organization" />
                </FormControl>
                <FormDescription>
                  Clients see it instead of your name, for example at the top of the intake form. Leave blank to show
                  your name.
                </FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
        </fieldset>

        <fieldset className="grid gap-5">
          <legend className="mb-3 text-base font-semibold">Dates and times</legend>
          <FormField
            control={control}
            name="timeZone"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Time zone</FormLabel>
                <FormControl>
                  <Input
                    {...field}
                    value={field.value ?? ""}
                    list={`${id}-zones`}
                    autoComplete="off"
                    spellCheck={false}
                  />
                </FormControl>
                <datalist id={`${id}-zones`}>
                  {zones.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
                <FormDescription>
                  {profile.timeZone
                    ? "Type to search, e.g. London or New_York. Every time in the app is shown in this zone."
                    : "Not set yet: choose yours. Until then times are shown in UTC."}
                </FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={control}
            name="locale"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Language and region</FormLabel>
                <FormControl>
                  <NativeSelect {...field} value={field.value ?? ""}>
                    <option value="">Browser default ({browserLocale})</option>
                    {PROFILE_LOCALES.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </NativeSelect>
                </FormControl>
                <FormDescription>How dates are written.</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={control}
            name="hourCycle"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Clock</FormLabel>
                <FormControl>
                  <NativeSelect {...field} value={field.value ?? ""}>
                    <option value="">As usual for the language ({localeClock})</option>
                    <option value="h23">24-hour (14:30)</option>
                    <option value="h12">12-hour (2:30 pm)</option>
                  </NativeSelect>
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={control}
            name="weekStart"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Week starts on</FormLabel>
                <FormControl>
                  <NativeSelect {...field} value={field.value ?? "monday"}>
                    <option value="monday">Monday</option>
                    <option value="sunday">Sunday</option>
                  </NativeSelect>
                </FormControl>
                <FormDescription>For the calendar.</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={control}
            name="dayStartHour"
            render={({ field }) => (
              <FormItem>
                <FormLabel>My day starts at</FormLabel>
                <FormControl>
                  <NativeSelect
                    {...field}
                    value={String(field.value)}
                    onChange={(event) => field.onChange(Number(event.target.value))}
                  >
                    {DAY_START_HOURS.map((hour) => (
                      <option key={hour} value={hour}>
                        {hour === 0
                          ? "Midnight"
                          : formatTime(dayStartExample(hour), { locale, timeZone: "UTC", hourCycle })}
                      </option>
                    ))}
                  </NativeSelect>
                </FormControl>
                <FormDescription>
                  For habits and check-ins: until then, it still counts as the day before (useful after a late night).
                </FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <p className="text-sm text-muted-foreground">
            Example: <span data-testid="format-preview">{preview}</span>
          </p>
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!isDirty || busy}>
            {busy && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            {busy ? "Saving…" : "Save changes"}
          </Button>
          {isDirty && !busy && (
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
    </Form>
  );
}
