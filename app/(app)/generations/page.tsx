import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { findGenerations } from "@/lib/generations/find-generations";

export async function generateMetadata() {
  const t = await getTranslations("generations");
  return { title: t("title") };
}

export default async function GenerationsPage() {
  const actor = await requireActor();
  const [generations, t, format] = await Promise.all([findGenerations({ actor }), getTranslations(), getFormatter()]);
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  return (
    <>
      <PageHeader title={t("generations.title")} />
      <Card>
        {generations.length === 0 ? (
          <p className="text-slate-700">{t("generations.empty")}</p>
        ) : (
          <Table caption={t("generations.title")}>
            <thead>
              <tr>
                <Th>{t("generations.name")}</Th>
                <Th>{t("generations.program")}</Th>
                <Th>{t("generations.dates")}</Th>
                <Th>{t("generations.status")}</Th>
              </tr>
            </thead>
            <tbody>
              {generations.map((generation) => (
                <tr key={generation.id}>
                  <Td>
                    <TextLink href={`/generations/${generation.id}`}>{generation.name}</TextLink>
                  </Td>
                  <Td>{generation.program.name}</Td>
                  <Td>
                    {date(generation.startDate)} – {date(generation.endDate)}
                  </Td>
                  <Td>
                    <Badge>{t(`generationStatuses.${generation.status}`)}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
