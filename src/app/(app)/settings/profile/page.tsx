import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/components/page-header";
import { ProfileForm } from "@/components/profile/profile-form";
import { FALLBACK_LOCALE, localeFromAcceptLanguage } from "@/lib/format/settings";
import { readProfile } from "@/server/services/profiles";
import { currentAccount } from "../../current-account";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfileSettingsPage() {
  const account = await currentAccount();
  const { profile } = await readProfile({ userId: account.id });
  const browserLocale = localeFromAcceptLanguage((await headers()).get("accept-language")) ?? FALLBACK_LOCALE;
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your name, the business name clients see, and how dates and times read everywhere in the app."
      />
      <ProfileForm profile={profile} browserLocale={browserLocale} />
    </>
  );
}
