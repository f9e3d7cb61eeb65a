import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every exported lib/ function that touches the database takes the actor and scopes its own `where`
// (a caller's check is not enough: pages, actions and route handlers all call lib/). These do not, each
// for the reason given; anything else that appears without an actor fails this test.
const WITHOUT_ACTOR: Record<string, string> = {
  // Who the actor is, before there is one.
  "lib/api-tokens/api-tokens.ts#findActorByApiToken": "authentication: resolves the actor from a secret token",
  "lib/auth/authenticate.ts#authenticate": "sign-in: checks a password, there is no actor yet",
  "lib/auth/login-limiter.ts#recordLoginFailure": "sign-in lockout counter, keyed by email and address",
  "lib/auth/sessions.ts#createAuthSession": "creates the session of a user who just signed in",
  "lib/auth/sessions.ts#findActorBySessionId": "authentication: resolves the actor from the session cookie",
  "lib/auth/sessions.ts#revokeSession": "signs one browser out (its own session id)",
  "lib/auth/sessions.ts#revokeUserSessions": "called by scoped user changes (password, deactivation) for that user",
  "lib/users/invitations.ts#findOpenInvitation": "anonymous by design: an unguessable invitation token",
  "lib/users/invitations.ts#acceptInvitation": "anonymous by design: an unguessable invitation token",
  "lib/sessions/check-in.ts#findCheckInSession": "anonymous by design: self check-in by an unguessable code, no personal data",
  "lib/sessions/check-in.ts#checkIn": "anonymous by design: self check-in by an unguessable code and one's own email",
  // Helpers that write or read inside the transaction of a caller that checked the actor.
  "lib/audit/record-audit-event.ts#recordAuditEvent": "writes an entry inside the caller's transaction",
  "lib/imports/insert-columns.ts#insertColumns": "bulk insert inside a scoped import commit",
  "lib/people/save-person.ts#insertPerson": "insert inside a scoped registration",
  "lib/users/grants.ts#addGrant": "insert inside an admin's user change",
  "lib/users/invitations.ts#issueInvitation": "insert inside an admin's user change",
  "lib/sessions/roster.ts#audienceNetworkIds": "inside scoped session functions, on a session they found in scope",
  "lib/sessions/roster.ts#rosterEnrollments": "inside scoped session functions, on a session they found in scope",
  "lib/sessions/roster.ts#isOnRoster": "inside scoped session functions, on a session they found in scope",
  "lib/totals/compute-generation-facts.ts#computeGenerationFacts": "the totals statement, for a generation its scoped callers found",
  "lib/totals/read-participation-facts.ts#readParticipationFacts":
    "the totals from the kept facts, for a generation its scoped callers found",
  "lib/totals/read-network-facts.ts#readNetworkFacts":
    "the totals of one network from the kept facts, for a generation its scoped callers found",
  "lib/totals/data-version.ts#generationVersion": "a number that moves on writes, for cache keys; says nothing about the records",
  "lib/totals/compute-generation-facts.ts#withFactsMemory": "runs the totals statement with its memory budget",
  "lib/matching/person-evidence.ts#findPersonPairEvidence": "the matcher; its scoped callers keep only pairs in scope",
  "lib/matching/organization-evidence.ts#findOrganizationPairEvidence": "the matcher; its scoped callers keep only pairs in scope",
  "lib/matching/match-blocks.ts#deferMatchBlocks": "matcher upkeep inside a scoped import commit",
  "lib/matching/match-blocks.ts#refreshMatchBlocks": "matcher upkeep inside a scoped import commit",
  "lib/totals/participation-upkeep.ts#deferParticipation": "facts upkeep inside a scoped import commit or meeting report",
  "lib/totals/participation-upkeep.ts#refreshParticipation": "facts upkeep inside a scoped import commit",
  "lib/totals/participation-upkeep.ts#refreshParticipationAfterMarks": "facts upkeep inside a scoped meeting report",
  "lib/imports/import-progress.ts#reportImportProgress": "writes a step and row counts for an import its scoped caller is committing",
  "lib/matching/match-blocks.ts#lockPersonKeys": "a lock inside a scoped registration's transaction",
  "lib/matching/match-blocks.ts#peopleSharingStrongBlocks": "ids only, compared inside a scoped registration; never shown",
  // The action layer itself, for the signed-in user it was given.
  "lib/actions/submissions.ts#claimSubmission": "a form submission id of the signed-in user (another user's is never answered)",
  "lib/actions/submissions.ts#completeSubmission": "the answer of a submission this request claimed",
  "lib/actions/submissions.ts#releaseSubmission": "a submission this request claimed",
  // No records read.
  "lib/matching/person-name-words.ts#personNameWords": "computes keys with the database's functions, reads no table",
  "lib/matching/person-name-words.ts#emailMatchKeys": "computes keys with the database's functions, reads no table",
  "lib/matching/verify-match-blocks.ts#verifyMatchBlocks": "maintenance check (tests, npm run verify:matching), returns counts only",
  "lib/totals/verify-participation-facts.ts#verifyParticipationFacts": "maintenance check (tests, npm run verify:totals), aggregates only",
  "lib/health/check-database.ts#isDatabaseReachable": "health check, SELECT 1",
  "lib/db.ts#withStatementBudget": "sets a time budget inside a caller's transaction",
  "lib/totals/data-version.ts#dataVersion": "a counter",
};

const root = path.resolve(import.meta.dirname, "..");

function libFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : libFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Exported functions (declarations and arrow constants) whose body reaches the database, and whether a parameter names the actor. */
function databaseFunctions() {
  const found: Array<{ key: string; takesActor: boolean }> = [];
  for (const file of libFiles(path.join(root, "lib"))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const exported = (node: ts.Node) =>
      ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    const functions: Array<{ name: string; fn: ts.FunctionLikeDeclaration }> = [];
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name)
        functions.push({ name: statement.name.text, fn: statement });
      if (ts.isVariableStatement(statement) && exported(statement))
        for (const declaration of statement.declarationList.declarations)
          if (declaration.initializer && ts.isIdentifier(declaration.name) && ts.isArrowFunction(declaration.initializer))
            functions.push({ name: declaration.name.text, fn: declaration.initializer });
    }
    for (const { name, fn } of functions) {
      const body = fn.body?.getText(source) ?? "";
      if (!/\bdb\.|\$queryRaw|\$executeRaw|\btx\.|\bclient\./.test(body)) continue;
      const parameters = fn.parameters.map((parameter) => parameter.getText(source)).join(", ");
      found.push({ key: `${path.relative(root, file)}#${name}`, takesActor: /\bactor\b/.test(parameters) });
    }
  }
  return found;
}

describe("authorization lives in lib/", () => {
  it("every exported function that reaches the database takes the actor, but for a short list with reasons", () => {
    const functions = databaseFunctions();
    // The scan must see the data layer, not an empty folder.
    expect(functions.filter((entry) => entry.takesActor).length).toBeGreaterThan(60);
    const unscoped = functions.filter((entry) => !entry.takesActor).map((entry) => entry.key);
    expect(unscoped.filter((key) => !(key in WITHOUT_ACTOR))).toEqual([]);
    // An entry whose function now takes the actor, or is gone, leaves the list.
    expect(Object.keys(WITHOUT_ACTOR).filter((key) => !unscoped.includes(key))).toEqual([]);
  });
});
