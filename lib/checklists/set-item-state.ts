// Ticking and unticking a checklist item by hand. The call sets a state, so
// repeating it changes nothing: ticking a ticked item keeps its first tick,
// unticking an unticked one is a no-op. Items linked to evidence tick
// themselves and cannot be set by hand (a CONFLICT that names the rule), except
// that a hand tick made before the item had a rule can still be removed.
import type { Db } from "../db/client";
import { conflict, notFound } from "../errors/app-error";
import { deleteManualProgress, insertManualProgress, selectChecklistProgress } from "../data/checklist-progress";
import { manualLockReason } from "./checklist-view";
import { selectVisibleModule } from "./module-access";
import { inTransaction } from "../db/in-transaction";
import { selectStudyClock, settleEvidence } from "./load-checklist";

export type ChecklistItemState = { itemId: string; checked: boolean; source: "MANUAL" | "EVIDENCE" | null; checkedAt: string | null };

/**
 * Sets item `itemId` of module `moduleSlug` (public or the user's own) to
 * `checked` for `userId` at `now`, in one transaction. Throws NOT_FOUND when
 * the item is not an unarchived item of that module, CONFLICT when the item is
 * linked to evidence. Another user's progress is never read or written.
 */
export async function setChecklistItemState(
  db: Db,
  input: { userId: string; moduleSlug: string; itemId: string; checked: boolean },
  now: Date,
): Promise<ChecklistItemState> {
  const { userId, itemId, checked } = input;
  return inTransaction(db, async (tx) => {
    const { id: moduleId } = await selectVisibleModule(tx, userId, input.moduleSlug);
    const item = await tx.checklistItem.findFirst({
      where: { id: itemId, moduleId, archivedAt: null },
      select: { id: true, externalId: true, section: true, text: true, position: true, evidenceRule: true },
    });
    if (!item) throw notFound("Checklist item");
    let [row] = await selectChecklistProgress(tx, userId, [itemId]);
    if (!row) {
      // Evidence may already be complete without anyone having read the checklist since.
      const live = await settleEvidence(tx, userId, [item], [], await selectStudyClock(tx, userId), now);
      if (live.get(itemId)?.complete) [row] = await selectChecklistProgress(tx, userId, [itemId]);
    }
    const state = (r: typeof row): ChecklistItemState => ({
      itemId,
      checked: r !== undefined,
      source: r?.source ?? null,
      checkedAt: r?.checkedAt.toISOString() ?? null,
    });
    if (checked === (row !== undefined)) return state(row);
    const locked = manualLockReason(item, row ?? null);
    if (locked) throw conflict(locked);
    if (checked) await insertManualProgress(tx, userId, itemId, now);
    else await deleteManualProgress(tx, userId, itemId);
    const [after] = await selectChecklistProgress(tx, userId, [itemId]);
    return state(after);
  });
}
