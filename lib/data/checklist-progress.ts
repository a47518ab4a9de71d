// Data access for checklist_progress: a learner's ticks on health-check items,
// made by hand (MANUAL) or earned by passed exercises (EVIDENCE, with the
// evidence kept as JSON and parsed on read). Both workflows write through here.
import { z } from "zod";
import type { Db } from "../db/client";
import { parseStored } from "../db/rows";

/** What an EVIDENCE progress row keeps: the rule it satisfied and the study days that did it. */
export const StoredEvidenceSchema = z.object({
  kind: z.literal("exercise-passed"),
  exerciseSlug: z.string(),
  distinctDays: z.number().int().min(1),
  days: z.array(z.string()),
});
export type StoredEvidence = z.infer<typeof StoredEvidenceSchema>;

export type ProgressRow = { itemId: string; checkedAt: Date; source: "MANUAL" | "EVIDENCE"; evidence: StoredEvidence | null };

/** The learner's progress on these items (primary key probes). */
export async function selectChecklistProgress(db: Db, userId: string, itemIds: readonly string[]): Promise<ProgressRow[]> {
  if (itemIds.length === 0) return [];
  const rows = await db.checklistProgress.findMany({
    where: { userId, itemId: { in: [...itemIds] } },
    select: { itemId: true, checkedAt: true, source: true, evidence: true },
  });
  return rows.map((r) => ({
    ...r,
    evidence: r.evidence === null ? null : parseStored(StoredEvidenceSchema, r.evidence, `checklist_progress ${r.itemId} evidence`),
  }));
}

/** Stores ticks earned by evidence; an item already ticked (by anyone's earlier read, or by hand) is left as it is. */
export async function insertEvidenceProgress(
  db: Db,
  userId: string,
  rows: readonly { itemId: string; checkedAt: Date; evidence: StoredEvidence }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.checklistProgress.createMany({
    data: rows.map((r) => ({ userId, itemId: r.itemId, checkedAt: r.checkedAt, source: "EVIDENCE" as const, evidence: r.evidence })),
    skipDuplicates: true,
  });
}

/** Ticks an item by hand at `now`; an item already ticked keeps its first tick. */
export async function insertManualProgress(db: Db, userId: string, itemId: string, now: Date): Promise<void> {
  await db.checklistProgress.createMany({ data: [{ userId, itemId, checkedAt: now, source: "MANUAL" }], skipDuplicates: true });
}

/** Removes a hand tick (ticks earned by evidence stay). */
export async function deleteManualProgress(db: Db, userId: string, itemId: string): Promise<void> {
  await db.checklistProgress.deleteMany({ where: { userId, itemId, source: "MANUAL" } });
}
