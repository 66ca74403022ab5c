"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChangeEmailSection } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { queryKeys } from "@/lib/query-keys";
import { SessionsList } from "./sessions-list";

/** Settings → Security: password, sign-in email and where the account is signed in. */
export function SecuritySettings({ email, displayName }: { email: string; displayName: string }) {
  const queryClient = useQueryClient();
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>Changing it signs out every other device. This one stays signed in.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm
            email={email}
            displayName={displayName}
            onChanged={() => void queryClient.invalidateQueries({ queryKey: queryKeys.sessions })}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Email address</CardTitle>
          <CardDescription>The address you sign in with and where OmniCRM writes to you.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangeEmailSection email={email} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Active sessions</CardTitle>
          <CardDescription>
            Every browser signed in to your account. The place shown is the network address the session began from, so
            it is approximate.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <SessionsList />
        </CardContent>
      </Card>
    </div>
  );
}
