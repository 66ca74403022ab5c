import { CircleAlertIcon, CircleCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { GoogleSignIn } from "@/components/auth/google-sign-in";
import { signInNoticeText, signInProblemText } from "@/components/auth/notices";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { DEFAULT_SIGNED_IN_PATH, safeNextPath } from "@/lib/next-path";
import { authCapabilities } from "@/server/auth/adapter";
import { getCurrentUser } from "@/server/auth/current-user";
import { nextQuery, type SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getCurrentUser()) redirect(next);
  const capabilities = await authCapabilities();
  const notice = signInNoticeText(params.notice);
  const problem = signInProblemText(params.error);

  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in to see your clients and your day."
      footer={
        <p>
          New to OmniCRM?{" "}
          <Link
            href={`/sign-up${nextQuery(next, DEFAULT_SIGNED_IN_PATH)}`}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Create an account
          </Link>
        </p>
      }
    >
      {notice && (
        <Alert variant="success" role="status" className="mb-5">
          <CircleCheckIcon aria-hidden="true" />
          <AlertDescription>
            <p>{notice}</p>
          </AlertDescription>
        </Alert>
      )}
      {problem && (
        <Alert variant="destructive" role="alert" className="mb-5">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription>
            <p>{problem}</p>
          </AlertDescription>
        </Alert>
      )}
      {capabilities.googleSignIn && <GoogleSignIn />}
      <SignInForm next={next} />
    </AuthCard>
  );
}
