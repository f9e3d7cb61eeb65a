import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { ActionForm, RememberedRadio } from "@/components/ui/action-form";
import { CandidateContext, ConfidenceBadge, MatchReasons } from "@/components/registry/match-reasons";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-errors";
import { IMPORT_FIELDS } from "@/lib/imports/guess-mapping";
import { previewParticipantImport, type ImportRowResult, type RowPreview } from "@/lib/imports/preview-participant-import";
import { commitImportAction, saveMappingAction } from "../actions";
import { CommitProgress } from "./_components/commit-progress";

// A 20,000-row file must not become a 20,000-row page: rows are listed up to these limits, the counts cover the rest,
// and possible matches beyond the listed ones are decided all at once.
const LISTED_ROWS = 200;
const LISTED_ATTENTION = 300;
const LISTED_DECISIONS = 100;

export async function generateMetadata() {
  const t = await getTranslations("imports");
  return { title: t("reviewTitle") };
}

/** Steps two and three of an import: correct the columns, review every row's match, decide, commit. */
export default async function ImportReviewPage({ params }: { params: Promise<{ importId: string }> }) {
  const [{ importId }, actor] = await Promise.all([params, requireActor()]);
  const [preview, t, format] = await Promise.all([
    orNotFound(previewParticipantImport({ actor, importId })),
    getTranslations(),
    getFormatter(),
  ]);
  const { import: draft, counts } = preview;
  const committed = draft.status === "COMMITTED";
  const spreadsheetRow = (row: RowPreview) => row.index + 2;
  const needsAttention = (row: RowPreview) => row.errors.length > 0 || row.personMatch.status === "possible";
  const attention = preview.rows.filter(needsAttention).slice(0, LISTED_ATTENTION);
  const others = preview.rows.filter((row) => !needsAttention(row)).slice(0, LISTED_ROWS);
  const possible = preview.rows.filter((row) => !row.errors.length && row.personMatch.status === "possible");
  const networkMapped = Object.values(draft.mapping).includes("network");

  const status = (row: RowPreview) => {
    if (row.errors.length) return <Badge tone="warning">{t("imports.match.invalid")}</Badge>;
    const match = row.personMatch;
    if (match.status === "existing")
      return (
        <Badge tone="info">
          {match.candidate.name ? t("imports.match.existing", { name: match.candidate.name }) : t("imports.match.existingOutOfScope")}
        </Badge>
      );
    if (match.status === "same-as-row") return <Badge>{t("imports.match.sameAsRow", { row: match.row + 2 })}</Badge>;
    if (match.status === "possible") return <Badge tone="warning">{t("imports.match.possible")}</Badge>;
    return <Badge tone="success">{t("imports.match.new")}</Badge>;
  };
  const rowTable = (rows: RowPreview[], caption: string) => (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("imports.row")}</Th>
          <Th>{t("drillDown.name")}</Th>
          <Th>{t("imports.fields.email")}</Th>
          <Th>{t("imports.fields.organization")}</Th>
          <Th>{t("imports.fields.network")}</Th>
          <Th>{t("imports.result")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.index}>
            <Td className="tabular-nums">{spreadsheetRow(row)}</Td>
            <Td>{[row.raw.givenNames ?? row.raw.fullName, row.raw.firstSurname, row.raw.secondSurname].filter(Boolean).join(" ")}</Td>
            <Td>{row.raw.email}</Td>
            <Td>
              {row.raw.organization}
              {row.organizationMatch.status === "existing" && (
                <span className="block text-xs text-slate-600">{t("imports.organizationExists")}</span>
              )}
              {row.organizationMatch.status === "new" && row.organizationMatch.suggestedState && (
                <span className="block text-xs font-medium text-amber-900">
                  {t("imports.suggestedState", { state: t(`states.${row.organizationMatch.suggestedState}`) })}
                </span>
              )}
            </Td>
            <Td>{row.network?.name ?? row.raw.network}</Td>
            <Td>
              {status(row)}
              {row.alreadyEnrolled && <span className="block text-xs text-slate-600">{t("imports.alreadyEnrolled")}</span>}
              {row.errors.length > 0 && (
                <ul className="mt-1 text-sm text-red-800">
                  {row.errors.map((error) => (
                    <li key={`${error.field}-${error.message}`}>
                      {t(`imports.fields.${error.field}` as never)}: {t(error.message as never)}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );

  // After commit the page says what happened to each row, as the commit wrote it: not a fresh check against today's registry.
  const byIndex = new Map(preview.rows.map((row) => [row.index, row]));
  const resultTable = (results: ImportRowResult[]) => (
    <Table caption={t("imports.resultsCaption", { shown: results.length })}>
      <thead>
        <tr>
          <Th>{t("imports.row")}</Th>
          <Th>{t("drillDown.name")}</Th>
          <Th>{t("imports.fields.organization")}</Th>
          <Th>{t("imports.result")}</Th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => {
          const row = byIndex.get(result.index);
          return (
            <tr key={result.index}>
              <Td className="tabular-nums">{result.index + 2}</Td>
              <Td>
                {result.personId ? (
                  <TextLink href={`/people/${result.personId}`}>
                    {row
                      ? [row.raw.givenNames ?? row.raw.fullName, row.raw.firstSurname, row.raw.secondSurname].filter(Boolean).join(" ")
                      : result.personId}
                  </TextLink>
                ) : (
                  row && [row.raw.givenNames ?? row.raw.fullName, row.raw.firstSurname, row.raw.secondSurname].filter(Boolean).join(" ")
                )}
              </Td>
              <Td>{row?.raw.organization}</Td>
              <Td>
                <Badge tone={result.outcome === "created" ? "success" : result.outcome === "linked" ? "info" : "neutral"}>
                  {t(`imports.outcome.${result.outcome}`)}
                </Badge>
                {result.emailLeftOut && <span className="block text-xs text-amber-900">{t("imports.emailLeftOut")}</span>}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );

  return (
    <>
      <TextLink href={`/generations/${preview.generation.id}/import`} className="mb-2 inline-block text-sm">
        {t("imports.title")} · {preview.generation.name}
      </TextLink>
      <PageHeader title={draft.fileName} />

      {committed ? (
        <Card className="mb-6">
          <p className="text-lg font-semibold text-brand-800" data-testid="import-result">
            {t("imports.committedSummary", { ...draft.counts })}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {draft.committedAt && format.dateTime(draft.committedAt, { dateStyle: "medium", timeStyle: "short" })}
          </p>
          <TextLink href={`/generations/${preview.generation.id}`} className="mt-3 inline-block">
            {t("imports.seeGeneration")}
          </TextLink>
        </Card>
      ) : (
        <Card title={t("imports.columns")} className="mb-6">
          <ActionForm action={saveMappingAction} className="space-y-4">
            <input type="hidden" name="importId" value={draft.id} />
            <p className="text-sm text-slate-700">{t("imports.columnsHelp")}</p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {draft.headers.map((header, column) => (
                <SelectField
                  key={`${column}-${draft.mapping[column] ?? ""}`}
                  label={header}
                  name={`column-${column}`}
                  defaultValue={draft.mapping[column] ?? ""}
                  description={draft.sample[column] ? t("imports.example", { value: draft.sample[column]! }) : undefined}
                  options={[
                    { value: "", label: t("imports.ignore") },
                    ...IMPORT_FIELDS.map((field) => ({ value: field, label: t(`imports.fields.${field}`) })),
                  ]}
                />
              ))}
            </div>
            <TextField label={t("imports.presetName")} name="presetName" description={t("imports.presetHelp")} maxLength={80} />
            <SubmitButton variant="secondary">{t("imports.applyColumns")}</SubmitButton>
          </ActionForm>
        </Card>
      )}

      <Card className="mb-6">
        <p data-testid="import-counts">
          {t("imports.counts", {
            rows: counts.rows,
            new: counts.new,
            existing: counts.existing,
            repeated: counts.repeated,
            possible: counts.possible,
            invalid: counts.invalid,
          })}
        </p>
      </Card>

      {committed && draft.results && <div className="mb-6">{resultTable(draft.results.slice(0, LISTED_ROWS))}</div>}
      {!committed && attention.length > 0 && <div className="mb-6">{rowTable(attention, t("imports.needsAttention"))}</div>}
      {!committed && others.length > 0 && <div className="mb-6">{rowTable(others, t("imports.readyRows", { shown: others.length }))}</div>}

      {!committed && (
        <Card title={t("imports.commitTitle")}>
          <ActionForm action={commitImportAction} className="space-y-4">
            <input type="hidden" name="importId" value={draft.id} />
            <input type="hidden" name="possibleRows" value={possible.map((row) => row.index).join(",")} />
            {!networkMapped && preview.networks.length > 1 && (
              <SelectField
                label={t("imports.defaultNetwork")}
                name="defaultNetworkId"
                options={preview.networks.map((network) => ({ value: network.id, label: network.name }))}
              />
            )}
            {possible.length > LISTED_DECISIONS && (
              <p className="text-sm text-slate-700">{t("imports.moreDecisions", { shown: LISTED_DECISIONS, total: possible.length })}</p>
            )}
            {possible.slice(0, LISTED_DECISIONS).map((row) =>
              row.personMatch.status === "possible" ? (
                <fieldset key={row.index} className="rounded-md border border-slate-300 p-3">
                  <legend className="px-1 text-sm font-semibold">
                    {t("imports.decideRow", {
                      row: spreadsheetRow(row),
                      name: [row.person.givenNames, row.person.firstSurname, row.person.secondSurname].filter(Boolean).join(" "),
                    })}
                  </legend>
                  <div className="flex flex-col gap-2">
                    <label className="flex min-h-11 items-center gap-2">
                      <RememberedRadio
                        name={`decision-${row.index}`}
                        value="create"
                        defaultChecked={row.suggested.action === "create"}
                        className="size-5"
                      />
                      {t("imports.decision.create")}
                      {row.suggested.action === "create" && <Badge tone="warning">{t("duplicates.suggested")}</Badge>}
                    </label>
                    {row.personMatch.candidates.map((candidate) => (
                      <label key={candidate.personId} className="flex min-h-11 items-start gap-2">
                        <RememberedRadio
                          name={`decision-${row.index}`}
                          value={`use:${candidate.personId}`}
                          defaultChecked={row.suggested.action === "use" && row.suggested.personId === candidate.personId}
                          className="mt-0.5 size-5"
                        />
                        <span className="space-y-1">
                          <span className="block">{t("imports.decision.use", { name: candidate.name ?? t("imports.someoneElse") })}</span>
                          {candidate.name && <CandidateContext candidate={candidate} />}
                          <span className="flex flex-wrap items-center gap-1">
                            <ConfidenceBadge confidence={candidate.confidence} />
                            <MatchReasons kind="person" reasons={candidate.reasons} />
                          </span>
                        </span>
                      </label>
                    ))}
                    <label className="flex min-h-11 items-center gap-2">
                      <RememberedRadio name={`decision-${row.index}`} value="skip" className="size-5" />
                      {t("imports.decision.skip")}
                    </label>
                  </div>
                </fieldset>
              ) : null,
            )}
            {possible.length > 1 && (
              <SelectField
                label={t("imports.allPossible")}
                name="allPossible"
                options={[
                  { value: "", label: t("imports.allPossibleNone") },
                  { value: "create", label: t("imports.decision.create") },
                  { value: "skip", label: t("imports.decision.skip") },
                ]}
              />
            )}
            <p className="text-sm text-slate-700">{t("imports.commitHelp")}</p>
            <div className="flex flex-wrap gap-2">
              <SubmitButton>{t("imports.commit", { rows: counts.rows - counts.invalid })}</SubmitButton>
              {possible.length > 0 && (
                <SubmitButton name="acceptSuggestions" value="1" variant="secondary">
                  {t("imports.acceptSuggestions", { count: possible.length })}
                </SubmitButton>
              )}
            </div>
            <CommitProgress importId={draft.id} />
          </ActionForm>
        </Card>
      )}
    </>
  );
}
