import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-errors";
import { requestOrigin } from "@/lib/http/origin";
import { getRoster, getSession } from "@/lib/sessions/get-session";
import { findLatestUnmatched } from "@/lib/sessions/import-meeting-report";
import { assignUnmatchedAction, markAllPresentAction, openCheckInAction, setSessionStatusAction } from "../actions";
import { AttendanceRoster } from "./_components/attendance-roster";
import { ReportImportForm } from "./_components/report-import-form";
import { sessionWhen } from "./_components/session-when";
import { checkInWindow } from "@/lib/sessions/check-in";

export async function generateMetadata({ params }: { params: Promise<{ sessionId: string }> }) {
  const [{ sessionId }, actor] = await Promise.all([params, requireActor()]);
  const session = await orNotFound(getSession({ actor, sessionId }));
  return { title: session.workshop.title };
}

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const [{ sessionId }, actor] = await Promise.all([params, requireActor()]);
  const session = await orNotFound(getSession({ actor, sessionId }));
  const [roster, unmatched, t, format, origin] = await Promise.all([
    getRoster({ actor, sessionId }),
    session.canRecord ? findLatestUnmatched({ actor, sessionId }) : Promise.resolve([]),
    getTranslations(),
    getFormatter(),
    requestOrigin(),
  ]);
  const checkInUrl = session.checkInCode ? `${origin}/check-in/${session.checkInCode}` : null;
  const checkInState = checkInWindow(session);
  const qr = checkInUrl ? await QRCode.toString(checkInUrl, { type: "svg", margin: 1, width: 200 }) : null;
  const rosterKey = roster.map((row) => `${row.personId}:${row.attendance?.version ?? 0}`).join(",");

  return (
    <>
      <TextLink href={`/generations/${session.workshop.generation.id}`} className="mb-2 inline-block text-sm">
        {session.workshop.generation.name}
      </TextLink>
      <PageHeader title={session.workshop.title}>
        {session.canSchedule && (
          <Link href={`/sessions/${session.id}/edit`} className={buttonClasses("secondary")}>
            {t("sessions.edit")}
          </Link>
        )}
      </PageHeader>
      <div className="-mt-4 mb-6 space-y-1 text-slate-700">
        <p className="font-medium text-slate-900">{sessionWhen(format, session)}</p>
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={session.modality === "VIRTUAL" ? "info" : "neutral"}>{t(`modalities.${session.modality}`)}</Badge>
          <Badge tone={session.status === "HELD" ? "success" : session.status === "CANCELLED" ? "warning" : "neutral"}>
            {t(`sessionStatuses.${session.status}`)}
          </Badge>
          {session.place && <span>{session.place}</span>}
          {session.meetingUrl && <TextLink href={session.meetingUrl}>{t("sessions.meetingLink")}</TextLink>}
        </p>
        <p className="text-sm">
          {session.allNetworks ? t("sessions.allNetworks") : session.networks.map((n) => n.network.name).join(", ")}
          {session.facilitators.length > 0 &&
            ` · ${t("sessions.facilitatedBy", { names: session.facilitators.map((f) => f.user.name).join(", ") })}`}
        </p>
      </div>

      {session.canSchedule && session.status !== "HELD" && (
        <div className="mb-6 flex flex-wrap gap-2">
          <ActionForm action={setSessionStatusAction}>
            <input type="hidden" name="sessionId" value={session.id} />
            <input type="hidden" name="status" value="HELD" />
            <SubmitButton variant="secondary">{t("sessions.markHeld")}</SubmitButton>
          </ActionForm>
          {session.status !== "CANCELLED" && (
            <ActionForm action={setSessionStatusAction}>
              <input type="hidden" name="sessionId" value={session.id} />
              <input type="hidden" name="status" value="CANCELLED" />
              <SubmitButton variant="danger">{t("sessions.cancel")}</SubmitButton>
            </ActionForm>
          )}
        </div>
      )}

      <div className="grid gap-6 xl:grid-cols-3">
        <Card title={t("attendance.title")} className="xl:col-span-2">
          {session.canRecord && (
            <div className="mb-4 flex flex-wrap gap-2">
              <ActionForm action={markAllPresentAction}>
                <input type="hidden" name="sessionId" value={session.id} />
                <SubmitButton>{t("attendance.markAll")}</SubmitButton>
              </ActionForm>
              <Link href={`/sessions/${session.id}/walk-in`} className={buttonClasses("secondary")}>
                {t("attendance.walkIn")}
              </Link>
            </div>
          )}
          {roster.length === 0 ? (
            <p className="text-slate-700">{t("attendance.emptyRoster")}</p>
          ) : (
            <AttendanceRoster key={rosterKey} sessionId={session.id} entries={roster} canRecord={session.canRecord} />
          )}
        </Card>
        {session.canRecord && (
          <div className="space-y-6">
            <Card title={t("meetingReport.title")}>
              <ReportImportForm sessionId={session.id} />
              {unmatched.length > 0 && (
                <div className="mt-6" data-testid="unmatched">
                  <h3 className="mb-2 font-semibold">{t("meetingReport.unmatchedTitle", { count: unmatched.length })}</h3>
                  <ul className="space-y-4">
                    {unmatched.map((row, index) => (
                      <li key={`${row.name}-${index}`} className="rounded-md border border-slate-200 p-3 text-sm">
                        <p className="font-medium">
                          {row.name}
                          {row.originalName && ` (${row.originalName})`}
                        </p>
                        <p className="text-slate-700">
                          {row.email ?? "—"} · {t("meetingReport.minutes", { minutes: row.minutes })} ·{" "}
                          {t(`meetingReport.reasons.${row.reason}`)}
                        </p>
                        {roster.length > 0 && (
                          <ActionForm action={assignUnmatchedAction} className="mt-2 flex flex-wrap items-end gap-2">
                            <input type="hidden" name="sessionId" value={session.id} />
                            <input type="hidden" name="row" value={row.row} />
                            <SelectField
                              label={t("meetingReport.assignTo")}
                              name="personId"
                              id={`assign-${index}`}
                              options={roster.map((person) => ({
                                value: person.personId,
                                label: person.attendance
                                  ? `${person.name} (${t(`attendance.statuses.${person.attendance.status}`)})`
                                  : person.name,
                              }))}
                              className="min-w-48 flex-1"
                            />
                            <SubmitButton variant="secondary">{t("meetingReport.assign")}</SubmitButton>
                          </ActionForm>
                        )}
                        <TextLink
                          href={`/sessions/${session.id}/walk-in?name=${encodeURIComponent(row.originalName ?? row.name)}&email=${encodeURIComponent(row.email ?? "")}`}
                          className="mt-2 inline-block"
                        >
                          {t("meetingReport.addWalkIn")}
                        </TextLink>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </Card>
            <Card title={t("checkIn.title")}>
              {checkInState !== "open" && (
                <p className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-950" data-testid="check-in-window">
                  {t(checkInState === "closed" ? "checkIn.windowClosed" : "checkIn.windowNotOpen")}
                </p>
              )}
              {checkInUrl && qr ? (
                <div className="space-y-3">
                  <div className="mx-auto w-48" role="img" aria-label={t("checkIn.qrLabel")} dangerouslySetInnerHTML={{ __html: qr }} />
                  <p className="text-center text-2xl font-bold tracking-widest" data-testid="check-in-code">
                    {session.checkInCode}
                  </p>
                  <p className="text-center text-sm break-all">
                    <TextLink href={checkInUrl}>{checkInUrl}</TextLink>
                  </p>
                  <p className="text-sm text-slate-700">{t("checkIn.help")}</p>
                </div>
              ) : (
                <ActionForm action={openCheckInAction} className="space-y-3">
                  <input type="hidden" name="sessionId" value={session.id} />
                  <p className="text-sm text-slate-700">{t("checkIn.intro")}</p>
                  <SubmitButton variant="secondary">{t("checkIn.open")}</SubmitButton>
                </ActionForm>
              )}
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
