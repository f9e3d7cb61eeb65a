import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ColumnMapping } from "./guess-mapping";
import { reportImportProgress, writeInSlices, type CommitStep } from "./import-progress";
import { insertColumns, type InsertColumn } from "./insert-columns";
import { previewParticipantImport, type RowPreview } from "./preview-participant-import";

/** The coordinator's choice for a row; rows without one follow their match (new → create, existing → use it). */
export type RowDecision = { action: "create" } | { action: "skip" } | { action: "use"; personId: string };

export class UndecidedRowsError extends AppError {
  constructor(readonly rows: number[]) {
    super("VALIDATION", "Rows need a decision", {
      messageKey: "imports.undecided",
      messageValues: { rows: rows.map((row) => row + 2).join(", ") },
    });
  }
}

function decide(row: RowPreview, decision: RowDecision | undefined): RowDecision | "follow" | "undecided" {
  if (row.errors.length) return { action: "skip" };
  if (decision) {
    // "use" must name one of the row's own candidates: a form post cannot attach a row to any person by id.
    if (decision.action !== "use") return decision;
    const allowed =
      (row.personMatch.status === "existing" && row.personMatch.personId === decision.personId) ||
      (row.personMatch.status === "possible" && row.personMatch.candidates.some((candidate) => candidate.personId === decision.personId));
    if (!allowed) throw new AppError("VALIDATION", "Not a candidate of this row", { field: "decisions" });
    return decision;
  }
  if (row.personMatch.status === "new") return { action: "create" };
  if (row.personMatch.status === "existing") return { action: "use", personId: row.personMatch.personId };
  if (row.personMatch.status === "same-as-row") return "follow";
  return "undecided";
}

type NewPerson = RowPreview["person"] & { id: string; nameKey: string };
const PERSON_COLUMNS: InsertColumn<NewPerson>[] = [
  { name: "id", type: "text", value: (p) => p.id },
  { name: "givenNames", type: "text", value: (p) => p.givenNames },
  { name: "firstSurname", type: "text", value: (p) => p.firstSurname },
  { name: "secondSurname", type: "text", value: (p) => p.secondSurname ?? null },
  { name: "email", type: "text", value: (p) => p.email ?? null },
  { name: "phone", type: "text", value: (p) => p.phone ?? null },
  { name: "gender", type: '"Gender"', value: (p) => p.gender ?? null },
  { name: "ageRange", type: '"AgeRange"', value: (p) => p.ageRange ?? null },
  { name: "nameKey", type: "text", value: (p) => p.nameKey },
];
const MEMBERSHIP_COLUMNS: InsertColumn<{ networkId: string; organizationId: string }>[] = [
  { name: "networkId", type: "text", value: (m) => m.networkId },
  { name: "organizationId", type: "text", value: (m) => m.organizationId },
];
type Link = { id: string; personId: string; organizationId: string; networkId: string };
const AFFILIATION_COLUMNS: InsertColumn<Link>[] = [
  { name: "id", type: "text", value: (l) => l.id },
  { name: "personId", type: "text", value: (l) => l.personId },
  { name: "organizationId", type: "text", value: (l) => l.organizationId },
];
const ENROLLMENT_COLUMNS: InsertColumn<Link & { generationId: string; registeredById: string }>[] = [
  ...AFFILIATION_COLUMNS,
  { name: "networkId", type: "text", value: (e) => e.networkId },
  { name: "generationId", type: "text", value: (e) => e.generationId },
  { name: "registeredById", type: "text", value: (e) => e.registeredById },
  { name: "source", type: '"EnrollmentSource"', value: () => "IMPORT" },
];

/**
 * Step three: writes every decided row in one transaction (all or nothing):
 * organizations, network memberships, people, affiliations and enrollments,
 * then marks the import committed with its counts and decisions. A committed
 * import commits nothing again. Possible matches must be decided first.
 */
export async function commitParticipantImport(options: {
  actor: Actor;
  importId: string;
  mapping?: ColumnMapping;
  defaultNetworkId?: string;
  decisions?: Record<number, RowDecision>;
}) {
  reportImportProgress(options.importId, { step: "checking", done: 0, total: 0 });
  try {
    return await commit(options);
  } finally {
    reportImportProgress(options.importId, { step: "done", done: 0, total: 0 });
  }
}

async function commit(options: Parameters<typeof commitParticipantImport>[0]) {
  const preview = await previewParticipantImport(options);
  if (preview.import.status === "COMMITTED") return committedCounts(options.importId);
  const decisions = options.decisions ?? {};

  const decided = preview.rows.map((row) => ({ row, decision: decide(row, decisions[row.index]) }));
  const undecided = decided.filter((entry) => entry.decision === "undecided").map((entry) => entry.row.index);
  if (undecided.length) throw new UndecidedRowsError(undecided);
  const resolved = decided as Array<{ row: RowPreview; decision: RowDecision | "follow" }>;

  // Ids are chosen here so that everything is written with a handful of bulk statements.
  const organizationIdOfRow = new Map<number, string>();
  const newOrganizations: Array<{
    id: string;
    name: string;
    normalizedName: string;
    state: NonNullable<RowPreview["organization"]["state"]>;
  }> = [];
  const personIdOfRow = new Map<number, string>();
  const newPeople: NewPerson[] = [];
  let skipped = 0;
  for (const { row, decision } of resolved) {
    if (decision !== "follow" && decision.action === "skip") {
      skipped += 1;
      continue;
    }
    const organization = row.organizationMatch;
    if (organization.status === "existing") organizationIdOfRow.set(row.index, organization.organizationId);
    else if (organization.status === "same-as-row" && organizationIdOfRow.has(organization.row))
      organizationIdOfRow.set(row.index, organizationIdOfRow.get(organization.row)!);
    else {
      const id = randomUUID();
      newOrganizations.push({ id, name: row.organization.name, normalizedName: row.organization.key, state: row.organization.state! });
      organizationIdOfRow.set(row.index, id);
      // Later rows naming the same organization follow this one, even when it was skipped earlier on.
      for (const other of resolved)
        if (other.row.organizationMatch.status === "same-as-row" && other.row.organizationMatch.row === row.index)
          organizationIdOfRow.set(other.row.index, id);
    }

    if (decision === "follow") {
      const earlier = row.personMatch.status === "same-as-row" ? personIdOfRow.get(row.personMatch.row) : undefined;
      if (!earlier) {
        skipped += 1;
        continue;
      }
      personIdOfRow.set(row.index, earlier);
    } else if (decision.action === "use") personIdOfRow.set(row.index, decision.personId);
    else {
      const id = randomUUID();
      newPeople.push({ ...row.person, id, nameKey: row.nameKey });
      personIdOfRow.set(row.index, id);
    }
  }

  const written = preview.rows.filter((row) => personIdOfRow.has(row.index) && row.network);
  const result = await db.$transaction(
    async (tx) => {
      // Claims the import first: a second commit running at the same time finds it taken and writes nothing.
      const claimed = await tx.participantImport.updateMany({
        where: { id: options.importId, status: "DRAFT" },
        data: { status: "COMMITTED" },
      });
      if (!claimed.count) return null;
      const slices = <Row>(step: CommitStep, rows: Row[], write: (slice: Row[]) => Promise<{ count: number }>) =>
        writeInSlices(options.importId, step, rows, write);
      await slices("organizations", newOrganizations, (data) =>
        tx.organization.createMany({ data: data.map((o) => ({ ...o, type: "CIVIL_SOCIETY" as const })) }),
      );
      const memberships = written.map((row) => ({ networkId: row.network!.id, organizationId: organizationIdOfRow.get(row.index)! }));
      await insertColumns(tx, "network_memberships", MEMBERSHIP_COLUMNS, memberships, { skipDuplicates: true });
      await slices("people", newPeople, (data) => insertColumns(tx, "people", PERSON_COLUMNS, data, { touchUpdatedAt: true }));
      const links = written.map((row) => ({
        id: randomUUID(),
        personId: personIdOfRow.get(row.index)!,
        organizationId: organizationIdOfRow.get(row.index)!,
        networkId: row.network!.id,
      }));
      await slices("affiliations", links, (data) => insertColumns(tx, "affiliations", AFFILIATION_COLUMNS, data, { skipDuplicates: true }));
      const enrollments = await slices(
        "enrollments",
        links.map((link) => ({ ...link, id: randomUUID(), generationId: preview.generation.id, registeredById: options.actor.userId })),
        (data) => insertColumns(tx, "enrollments", ENROLLMENT_COLUMNS, data, { touchUpdatedAt: true, skipDuplicates: true }),
      );
      const counts = { created: newPeople.length, linked: written.length - newPeople.length, skipped, enrolled: enrollments.count };
      await tx.participantImport.update({
        where: { id: options.importId },
        data: {
          mapping: preview.import.mapping,
          decisions: Object.fromEntries(
            resolved.map(({ row, decision }) => [row.index, decision === "follow" ? { action: "follow" } : decision]),
          ),
          created: counts.created,
          linked: counts.linked,
          skipped: counts.skipped,
          committedAt: new Date(),
        },
      });
      await recordAuditEvent(tx, {
        actorId: options.actor.userId,
        action: "import.committed",
        targetType: "participantImport",
        targetId: options.importId,
        data: { ...counts, organizations: newOrganizations.length, fileName: preview.import.fileName },
      });
      return counts;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return result ?? committedCounts(options.importId);
}

async function committedCounts(importId: string) {
  const done = await db.participantImport.findUniqueOrThrow({
    where: { id: importId },
    select: { created: true, linked: true, skipped: true },
  });
  return { ...done, enrolled: 0 };
}
