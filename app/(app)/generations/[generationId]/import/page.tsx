import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-errors";
import { findParticipantImports } from "@/lib/imports/find-participant-imports";
import { UploadImportForm } from "./_components/upload-import-form";

export async function generateMetadata() {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

/** Upload a participants spreadsheet for this generation, and the imports made so far. */
export default async function ImportParticipantsPage({ params }: { params: Promise<{ generationId: string }> }) {
  const [{ generationId }, actor] = await Promise.all([params, requireActor()]);
  const [result, t, format] = await Promise.all([
    orNotFound(findParticipantImports({ actor, generationId })),
    getTranslations(),
    getFormatter(),
  ]);
  return (
    <>
      <TextLink href={`/generations/${result.generation.id}`} className="mb-2 inline-block text-sm">
        {result.generation.name}
      </TextLink>
      <PageHeader title={t("imports.title")} />
      <Card className="mb-6">
        <UploadImportForm generationId={result.generation.id} />
      </Card>
      {result.imports.length > 0 && (
        <Table caption={t("imports.previous")}>
          <thead>
            <tr>
              <Th>{t("imports.fileName")}</Th>
              <Th>{t("imports.uploaded")}</Th>
              <Th>{t("imports.status")}</Th>
              <Th className="text-right">{t("imports.createdCount")}</Th>
              <Th className="text-right">{t("imports.linkedCount")}</Th>
              <Th className="text-right">{t("imports.skippedCount")}</Th>
            </tr>
          </thead>
          <tbody>
            {result.imports.map((item) => (
              <tr key={item.id}>
                <Td>
                  <TextLink href={`/imports/${item.id}`}>{item.fileName}</TextLink>
                </Td>
                <Td>
                  {format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  {item.uploadedBy && ` · ${item.uploadedBy.name}`}
                </Td>
                <Td>
                  <Badge tone={item.status === "COMMITTED" ? "success" : "warning"}>{t(`imports.statuses.${item.status}`)}</Badge>
                </Td>
                <Td className="text-right tabular-nums">{item.status === "COMMITTED" ? item.created : "—"}</Td>
                <Td className="text-right tabular-nums">{item.status === "COMMITTED" ? item.linked : "—"}</Td>
                <Td className="text-right tabular-nums">{item.status === "COMMITTED" ? item.skipped : "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
