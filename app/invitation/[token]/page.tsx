import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/shell/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { findOpenInvitation } from "@/lib/users/invitations";
import { AcceptInvitationForm } from "./_components/accept-invitation-form";

export async function generateMetadata() {
  const t = await getTranslations("invitation");
  return { title: t("title"), referrer: "no-referrer" as const };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, t] = await Promise.all([findOpenInvitation(token), getTranslations("invitation")]);
  if (!invitation) {
    return (
      <AuthCard title={t("invalidTitle")} subtitle={t("invalidBody")}>
        <Link href="/login" className={buttonClasses("secondary", "w-full")}>
          {t("goToLogin")}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("title")} subtitle={t("intro", { name: invitation.name, email: invitation.email })}>
      <AcceptInvitationForm token={token} />
    </AuthCard>
  );
}
