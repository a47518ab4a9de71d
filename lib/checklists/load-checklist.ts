// Reading a learner's checklist settles its evidence first: items whose rule
// is now satisfied get an EVIDENCE progress row, in the same transaction as
// the read. Evaluating on read (rather than on every graded attempt) keeps
// grading fast and needs no hook in other features' write paths; the insert
// is ON CONFLICT DO NOTHING and the rows are read back after it, so two
// concurrent reads store one tick and both show it.
import type { Db } from "../db/client";
import { inTransaction } from "../db/in-transaction";
import { selectUserSettings } from "../data/user-settings";
import { insertEvidenceProgress, selectChecklistProgress } from "../data/checklist-progress";
import { selectChecklistItems, selectFirstPassPerDay } from "./checklist-queries";
import { buildChecklistView, storedEvidenceOf, type ChecklistItemRow, type ChecklistView, type ProgressRow } from "./checklist-view";
import { selectVisibleModule } from "./module-access";
import { evaluateExercisePassed, readEvidenceRule, type EvidenceProgress, type StudyClock } from "./evidence-rule";

/**
 * Evaluates the evidence of `items` not ticked yet in `progress`, stores the
 * ticks now earned, and returns the evaluated progress per item id (complete
 * or not). Passes made at or after `now` are ignored.
 */
export async function settleEvidence(
  db: Db,
  userId: string,
  items: readonly ChecklistItemRow[],
  progress: readonly ProgressRow[],
  clock: StudyClock,
  now: Date,
): Promise<Map<string, EvidenceProgress>> {
  const ticked = new Set(progress.map((p) => p.itemId));
  const pending = items.flatMap((item) => {
    const read = readEvidenceRule(item.evidenceRule);
    return read?.kind === "rule" && !ticked.has(item.id) ? [{ item, rule: read.rule }] : [];
  });
  const live = new Map<string, EvidenceProgress>();
  if (pending.length === 0) return live;
  const wanted = new Map<string, number>();
  for (const { rule } of pending) wanted.set(rule.exerciseSlug, Math.max(wanted.get(rule.exerciseSlug) ?? 0, rule.distinctDays));
  const passes = await selectFirstPassPerDay(db, userId, wanted, clock, now);
  for (const { item, rule } of pending) {
    const attempts = (passes.get(rule.exerciseSlug) ?? []).map((createdAt) => ({ createdAt, correct: true }));
    live.set(item.id, evaluateExercisePassed(rule, attempts, clock));
  }
  const earned = pending.flatMap(({ item }) => {
    const p = live.get(item.id);
    return p?.complete && p.completedAt ? [{ itemId: item.id, checkedAt: p.completedAt, evidence: storedEvidenceOf(p) }] : [];
  });
  await insertEvidenceProgress(db, userId, earned);
  return live;
}

/** The learner's clock from their settings (time zone and day start hour). */
export async function selectStudyClock(db: Db, userId: string): Promise<StudyClock> {
  const settings = await selectUserSettings(db, userId);
  return { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
}

/** The checklist of module `moduleId` for `userId` at `now`, with evidence settled. */
export async function loadChecklist(db: Db, userId: string, moduleId: string, now: Date): Promise<ChecklistView> {
  return inTransaction(db, async (tx) => {
    const clock = await selectStudyClock(tx, userId);
    const items = await selectChecklistItems(tx, moduleId);
    const ids = items.map((i) => i.id);
    const before = await selectChecklistProgress(tx, userId, ids);
    const live = await settleEvidence(tx, userId, items, before, clock, now);
    const earned = [...live.values()].some((p) => p.complete);
    const progress = earned ? await selectChecklistProgress(tx, userId, ids) : before;
    return buildChecklistView(items, progress, live);
  });
}

/** The checklist of module `slug` (public or the user's own) for `userId` at `now`; NOT_FOUND otherwise. */
export async function getModuleChecklist(db: Db, userId: string, slug: string, now: Date): Promise<ChecklistView> {
  return loadChecklist(db, userId, (await selectVisibleModule(db, userId, slug)).id, now);
}
