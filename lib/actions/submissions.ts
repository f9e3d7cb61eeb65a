import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActionState } from "./action-state";

/** What a form submission answered: the state shown, and where it sent the user. */
export type SubmissionAnswer = { state: ActionState; redirectTo?: string };

const WAIT_MS = 20_000;
const POLL_MS = 150;

/**
 * Claims a form submission id for this user. "first": this request does the work (then calls
 * completeSubmission or releaseSubmission). Otherwise the same id was sent before (a double click, a
 * retry after a timeout): waits for that first request and returns its answer, or "first" again when it
 * failed (its answer was not kept, so the retry does the work). Another user's id is never answered.
 */
export async function claimSubmission(id: string, userId: string): Promise<"first" | "not-mine" | "pending" | SubmissionAnswer> {
  if (Math.random() < 0.01) await db.formSubmission.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 86_400_000) } } });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const inserted = await db.$executeRaw`
      INSERT INTO form_submissions (id, "userId") VALUES (${id}, ${userId}) ON CONFLICT (id) DO NOTHING`;
    if (inserted) return "first";
    const existing = await db.formSubmission.findUnique({ where: { id }, select: { userId: true, state: true } });
    if (existing && existing.userId !== userId) return "not-mine";
    if (existing?.state) return existing.state as unknown as SubmissionAnswer;
    // Still running (or just released: the next insert takes it over).
    if (Date.now() > deadline) return "pending";
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Keeps a successful answer for the same id sent again. */
export async function completeSubmission(id: string, answer: SubmissionAnswer) {
  await db.formSubmission.update({ where: { id }, data: { state: answer as unknown as Prisma.InputJsonValue } });
}

/** A failed submission is forgotten: sending it again (corrected, or after the database came back) does the work. */
export async function releaseSubmission(id: string) {
  await db.formSubmission.deleteMany({ where: { id, state: { equals: Prisma.DbNull } } });
}
