import { CircleAlertIcon } from "lucide-react";
import type { Metadata } from "next";
import { AiSettingsForm } from "@/components/ai/ai-settings-form";
import { AiUsageHistory } from "@/components/ai/ai-usage-history";
import { PageHeader } from "@/components/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { getAiSettings, getAiUsage } from "@/server/services/ai";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "AI" };

export default async function AiSettingsPage() {
  const account = await currentAccount();
  const [settings, usage] = await Promise.all([
    getAiSettings({ userId: account.id }),
    getAiUsage({ userId: account.id }),
  ]);
  return (
    <>
      <PageHeader
        title="AI"
        description="Client summaries made by an AI service: whether to use them, whose notes they may read, and how many tokens a month."
      />
      <div className="grid gap-10">
        {!settings.configured && (
          <Alert className="max-w-2xl">
            <CircleAlertIcon aria-hidden="true" />
            <AlertTitle>AI is not set up on this OmniCRM</AlertTitle>
            <AlertDescription>
              <p>{settings.setupHint}</p>
              <p>Your choices below are kept and apply once it is set up.</p>
            </AlertDescription>
          </Alert>
        )}
        <AiSettingsForm initial={settings} />
        <AiUsageHistory initial={usage} />
      </div>
    </>
  );
}
