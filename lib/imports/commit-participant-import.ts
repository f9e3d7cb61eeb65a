import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/permissions";
import { db, withStatementBudget } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ColumnMapping } from "./guess-mapping";
import { reportImportProgress, writeInSlices, type CommitStep } from "./import-progress";
import { deferMatchBlocks, refreshMatchBlocks } from "@/lib/matching/match-blocks";
import { deferParticipation, refreshParticipation } from "@/lib/totals/participation-upkeep";
import { insertColumns, type InsertColumn } from "./insert-columns";
import { outcomeOf } from "./describe-participant-import";
import { previewParticipantImport, type ImportRowResult, type RowDecision, type RowPreview } from "./preview-participant-import";
import { asImportRefusal } from "./limits";

export type { RowDecision };

export class UndecidedRowsError extends AppError {
  constructor(readonly rows: number[]) {
    super("VALIDATION", "Rows need a decision", {
      messageKey: "imports.undecided",
      messageValues: { rows: rows.map((row) => row + 2).join(", ") },
      rows: rows.map((row) => row + 2),
    });
  }
}

/** A row's choice: the coordinator's, else the app's suggestion where it is certain (or all suggestions when asked), else none yet. */
function decide(row: RowPreview, decision: RowDecision | undefined, acceptSuggestions: boolean): RowDecision | "follow" | "undecided" {
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
  if (row.personMatch.status === "possible" && !acceptSuggestions) return "undecided";
  return row.suggested.action === "follow" ? "follow" : row.suggested;
}

type NewPerson = RowPreview["person"] & { id: string };
const PERSON_COLUMNS: InsertColumn<NewPerson>[] = [
  { name: "id", type: "text", value: (p) => p.id },
  { name: "givenNames", type: "text", value: (p) => p.givenNames },
  { name: "firstSurname", type: "text", value: (p) => p.firstSurname },
  { name: "secondSurname", type: "text", value: (p) => p.secondSurname ?? null },
  { name: "email", type: "text", value: (p) => p.email ?? null },
  { name: "phone", type: "text", value: (p) => p.phone ?? null },
  { name: "gender", type: '"Gender"', value: (p) => p.gender ?? null },
  { name: "ageRange", type: '"AgeRange"', value: (p) => p.ageRange ?? null },
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
const ENROLLMENT_COLUMNS: InsertColumn<Link & { generationId: string; registeredById: string; joinedOn: string | null }>[] = [
  ...AFFILIATION_COLUMNS,
  { name: "joinedOn", type: "date", value: (e) => e.joinedOn },
  { name: "networkId", type: "text", value: (e) => e.networkId },
  { name: "generationId", type: "text", value: (e) => e.generationId },
  { name: "registeredById", type: "text", value: (e) => e.registeredById },
  { name: "source", type: '"EnrollmentSource"', value: () => "IMPORT" },
];

/**
 * Step three: writes every decided row in one transaction (all or nothing):
 * organizations, network memberships, people, affiliations and enrollments,
 * then marks the import committed with its counts, decisions and what happened to each row.
 * A committed import commits nothing again. Possible matches need a decision, unless the
 * caller accepts the app's suggestions (`decisions: "suggested"`); a decision for one row
 * overrides its suggestion either way.
 */
export async function commitParticipantImport(options: {
  actor: Actor;
  importId: string;
  mapping?: ColumnMapping;
  defaultNetworkId?: string;
  decisions?: Record<number, RowDecision> | "suggested";
  acceptSuggestions?: boolean;
}) {
  await reportImportProgress(options.importId, { step: "checking", done: 0, total: 0 });
  try {
    return await commit(options);
  } catch (error) {
    throw asImportRefusal(error);
  } finally {
    await reportImportProgress(options.importId, { step: "done", done: 0, total: 0 });
  }
}

async function commit(options: Parameters<typeof commitParticipantImport>[0]) {
  const preview = await previewParticipantImport(options);
  if (preview.import.status === "COMMITTED") return committedResults(options.importId);
  const acceptSuggestions = options.decisions === "suggested" || Boolean(options.acceptSuggestions);
  const decisions = typeof options.decisions === "object" ? options.decisions : {};

  const decided = preview.rows.map((row) => ({ row, decision: decide(row, decisions[row.index], acceptSuggestions) }));
  const undecided = decided.filter((entry) => entry.decision === "undecided").map((entry) => entry.row.index);
  if (undecided.length) throw new UndecidedRowsError(undecided);
  const resolved = decided as Array<{ row: RowPreview; decision: RowDecision | "follow" }>;

  // Emails are unique: a new person keeps the row's email only when nobody has it yet.
  const newEmails = [
    ...new Set(
      resolved.flatMap(({ row, decision }) =>
        (decision !== "follow" && decision.action !== "create") || !row.person.email ? [] : [row.person.email],
      ),
    ),
  ];
  const takenEmails = new Set(
    (await db.person.findMany({ where: { email: { in: newEmails } }, select: { email: true } })).map((person) => person.email!),
  );

  // Ids are chosen here so that everything is written with a handful of bulk statements.
  const organizationIdOfRow = new Map<number, string>();
  const newOrganizations: Array<{ id: string; name: string; state: NonNullable<RowPreview["organization"]["state"]> }> = [];
  const personIdOfRow = new Map<number, string>();
  const newPeople: NewPerson[] = [];
  const results = new Map<number, ImportRowResult>();
  const organizationFor = (row: RowPreview) => {
    const match = row.organizationMatch;
    if (match.status === "existing") return match.organizationId;
    const first = match.status === "same-as-row" ? match.row : row.index;
    let id = organizationIdOfRow.get(first);
    if (!id) {
      id = randomUUID();
      newOrganizations.push({
        id,
        name: row.organization.name,
        state: (row.organization.state ?? (match.status === "new" ? match.suggestedState : undefined))!,
      });
      organizationIdOfRow.set(first, id);
    }
    return id;
  };
  const createPerson = (row: RowPreview) => {
    const id = randomUUID();
    const email = row.person.email;
    const emailLeftOut = Boolean(email && takenEmails.has(email));
    if (email && !emailLeftOut) takenEmails.add(email);
    newPeople.push({ ...row.person, email: emailLeftOut ? undefined : email, id });
    return { id, emailLeftOut };
  };
  for (const { row, decision } of resolved) {
    if (decision !== "follow" && decision.action === "skip") {
      results.set(row.index, { index: row.index, outcome: "skipped" });
      continue;
    }
    const organizationId = organizationFor(row);
    if (decision === "follow") {
      // The earlier row's person; when that row was skipped, this row creates them for the ones after it.
      const first = row.personMatch.status === "same-as-row" ? row.personMatch.row : row.index;
      const earlier = personIdOfRow.get(first);
      if (earlier) {
        personIdOfRow.set(row.index, earlier);
        results.set(row.index, { index: row.index, outcome: "linked", personId: earlier, organizationId });
      } else {
        const created = createPerson(row);
        personIdOfRow.set(first, created.id);
        personIdOfRow.set(row.index, created.id);
        results.set(row.index, { index: row.index, outcome: "created", personId: created.id, organizationId, ...leftOut(created) });
      }
    } else if (decision.action === "use") {
      personIdOfRow.set(row.index, decision.personId);
      results.set(row.index, { index: row.index, outcome: "linked", personId: decision.personId, organizationId });
    } else {
      const created = createPerson(row);
      personIdOfRow.set(row.index, created.id);
      results.set(row.index, { index: row.index, outcome: "created", personId: created.id, organizationId, ...leftOut(created) });
    }
  }

  const written = preview.rows.filter((row) => personIdOfRow.has(row.index) && row.network);
  const counts = {
    created: newPeople.length,
    linked: [...results.values()].filter((result) => result.outcome === "linked").length,
    skipped: [...results.values()].filter((result) => result.outcome === "skipped").length,
    enrolled: 0,
  };
  const rowResults = preview.rows.map((row) => ({
    ...(results.get(row.index) ?? { index: row.index, outcome: "skipped" as const }),
    match: outcomeOf(row),
  }));
  const committed = await db.$transaction(
    async (tx) => {
      // Claims the import first: a second commit running at the same time finds it taken and writes nothing.
      const claimed = await tx.participantImport.updateMany({
        where: { id: options.importId, status: "DRAFT" },
        data: { status: "COMMITTED" },
      });
      if (!claimed.count) return false;
      // Thousands of rows in a few bulk statements, and one matcher refresh: above the pool's default budget.
      await withStatementBudget(tx, 110_000);
      // The matcher's blocks are refreshed once, for every person the file names, after the last slice.
      await deferMatchBlocks(tx);
      // Likewise the participation facts of the generation: once, at the end (lib/totals/participation-upkeep.ts).
      await deferParticipation(tx);
      const slices = <Row>(step: CommitStep, rows: Row[], write: (slice: Row[]) => Promise<{ count: number }>) =>
        writeInSlices(options.importId, step, rows, write);
      await slices("organizations", newOrganizations, (data) =>
        tx.organization.createMany({ data: data.map((o) => ({ ...o, type: "CIVIL_SOCIETY" as const })) }),
      );
      const links = written.map((row) => ({
        id: randomUUID(),
        personId: personIdOfRow.get(row.index)!,
        organizationId: results.get(row.index)!.organizationId!,
        networkId: row.network!.id,
        joinedOn: row.joinedOn ?? null,
      }));
      await insertColumns(tx, "network_memberships", MEMBERSHIP_COLUMNS, links, { skipDuplicates: true });
      await slices("people", newPeople, (data) => insertColumns(tx, "people", PERSON_COLUMNS, data, { touchUpdatedAt: true }));
      await slices("affiliations", links, (data) => insertColumns(tx, "affiliations", AFFILIATION_COLUMNS, data, { skipDuplicates: true }));
      const enrollments = await slices(
        "enrollments",
        links.map((link) => ({
          ...link,
          id: randomUUID(),
          generationId: preview.generation.id,
          registeredById: options.actor.userId,
        })),
        (data) => insertColumns(tx, "enrollments", ENROLLMENT_COLUMNS, data, { touchUpdatedAt: true, skipDuplicates: true }),
      );
      counts.enrolled = enrollments.count;
      await refreshMatchBlocks(tx, [...new Set(links.map((link) => link.personId))]);
      await refreshParticipation(tx, preview.generation.id, [...new Set(links.map((link) => link.personId))]);
      await tx.participantImport.update({
        where: { id: options.importId },
        data: {
          mapping: preview.import.mapping,
          decisions: Object.fromEntries(
            resolved.map(({ row, decision }) => [row.index, decision === "follow" ? { action: "follow" } : decision]),
          ),
          results: rowResults,
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
      return true;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return committed ? { ...counts, results: rowResults } : committedResults(options.importId);
}

const leftOut = (created: { emailLeftOut: boolean }) => (created.emailLeftOut ? { emailLeftOut: true } : {});

async function committedResults(importId: string) {
  const done = await db.participantImport.findUniqueOrThrow({
    where: { id: importId },
    select: { created: true, linked: true, skipped: true, results: true },
  });
  return {
    created: done.created,
    linked: done.linked,
    skipped: done.skipped,
    enrolled: 0,
    results: (done.results as ImportRowResult[] | null) ?? [],
  };
}
