import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";

type SessionRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  modality: string;
  status: string;
  place: string | null;
  allNetworks: boolean;
  networks: Array<{ network: { name: string } }>;
  readable?: boolean;
  /** How many marks the session has: a held session with none is "attendance pending". */
  _count?: { attendance: number };
  workshop?: { title: string; generation: { name: string } };
};

/** Sessions as a list: when (in the session's zone, the viewer's language), modality, status, audience. */
export async function SessionList({ sessions, showWorkshop = false }: { sessions: SessionRow[]; showWorkshop?: boolean }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (!sessions.length) return <p className="text-slate-700">{t("sessions.none")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {sessions.map((session) => {
        const when = format.dateTime(session.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone: session.timeZone });
        return (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <span>
              {session.readable === false ? (
                <span className="font-medium">{when}</span>
              ) : (
                <TextLink href={`/sessions/${session.id}`}>{when}</TextLink>
              )}
              <span className="block text-sm text-slate-700">
                {showWorkshop && session.workshop && `${session.workshop.title} · ${session.workshop.generation.name} · `}
                {session.allNetworks ? t("sessions.allNetworks") : session.networks.map((n) => n.network.name).join(", ")}
                {session.place && ` · ${session.place}`}
              </span>
            </span>
            <span className="flex gap-1">
              <Badge tone={session.modality === "VIRTUAL" ? "info" : "neutral"}>{t(`modalities.${session.modality}`)}</Badge>
              <Badge tone={session.status === "HELD" ? "success" : session.status === "CANCELLED" ? "warning" : "neutral"}>
                {t(`sessionStatuses.${session.status}`)}
              </Badge>
              {session.status === "HELD" && session._count?.attendance === 0 && (
                <Badge tone="warning">{t("sessions.attendancePending")}</Badge>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
