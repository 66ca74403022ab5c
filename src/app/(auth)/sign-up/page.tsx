import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { GoogleSignIn } from "@/components/auth/google-sign-in";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { DEFAULT_SIGNED_IN_PATH, safeNextPath } from "@/lib/next-path";
import { authCapabilities } from "@/server/auth/adapter";
import { getCurrentUser } from "@/server/auth/current-user";
import { nextQuery, type SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  const capabilities = await authCapabilities();

  return (
    <AuthCard
      title="Create your account"
      description="Keep your clients, notes and sessions in one calm place."
      footer={
        <p>
          Already have an account?{" "}
          <Link
            href={`/sign-in${nextQuery(next, DEFAULT_SIGNED_IN_PATH)}`}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </p>
      }
    >
      {capabilities.googleSignIn && <GoogleSignIn />}
      <SignUpForm next={next} />
    </AuthCard>
  );
}
