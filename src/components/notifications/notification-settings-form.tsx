"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckIcon, CircleAlertIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { apiRequest } from "@/lib/api-client";
import {
  NOTIFICATION_EMAIL_LABELS,
  notificationSettingsResponse,
  type NotificationSetting,
} from "@/lib/contracts/notifications";

/** The form's values: the API's list of email switches, one per kind. */
const settingsForm = notificationSettingsResponse;
type SettingsForm = NotificationSetting[];

/** Settings → Notifications: which notifications also arrive by email. */
export function NotificationSettingsForm({ initial }: { initial: SettingsForm }) {
  const form = useForm({ resolver: zodResolver(settingsForm), defaultValues: { items: initial } });
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async ({ items }) => {
    setSaved(false);
    setFailure(null);
    try {
      let latest = items;
      for (const [index, item] of items.entries()) {
        if (item.email === form.formState.defaultValues?.items?.[index]?.email) continue;
        latest = (
          await apiRequest("/api/notifications/settings", {
            method: "PATCH",
            body: item,
            schema: notificationSettingsResponse,
          })
        ).items;
      }
      form.reset({ items: latest });
      setSaved(true);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : "The settings could not be saved.");
    }
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Email</CardTitle>
        <CardDescription>
          Notifications always appear under the bell. Choose which ones should also reach your inbox. Emails never
          include what a client wrote, only their first name and a link.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={(event) => void onSubmit(event)} className="grid gap-4" noValidate>
          <fieldset className="grid gap-3">
            <legend className="sr-only">Email notifications</legend>
            {initial.map((setting, index) => (
              <label key={setting.kind} className="flex items-start gap-3 text-sm">
                <input type="checkbox" className="mt-0.5 size-5 shrink-0" {...form.register(`items.${index}.email`)} />
                <span>{NOTIFICATION_EMAIL_LABELS[setting.kind]}</span>
              </label>
            ))}
          </fieldset>
          {failure && (
            <Alert variant="destructive">
              <CircleAlertIcon aria-hidden="true" />
              <AlertDescription>{failure}</AlertDescription>
            </Alert>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={form.formState.isSubmitting || !form.formState.isDirty}>
              {form.formState.isSubmitting ? "Saving…" : "Save"}
            </Button>
            <p aria-live="polite" className="flex items-center gap-1 text-sm text-muted-foreground">
              {saved && !form.formState.isDirty ? (
                <>
                  <CheckIcon aria-hidden="true" className="size-4" />
                  Saved
                </>
              ) : null}
            </p>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
