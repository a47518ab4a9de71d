// Finishing a grill, in one transaction holding the grill's row lock: answered
// items still waiting for their key points score 0, every failed item's card
// becomes due now (an interview card itself; for a numeric item, the module's
// exercise card for that exercise, when it has one) and is stamped
// `requeuedAt`, then the grill gets its score and `finishedAt`. Finishing again
// changes nothing and returns the same summary.
import type { Catalogue } from "../catalogue/catalogue";
import { selectExerciseCardId } from "../data/card";
import { lockGrill, selectGrill, updateGrillFinished, updateGrillItemSettled, type GrillItemRow } from "../data/grill";
import { selectUserSettings } from "../data/user-settings";
import type { PrismaClient } from "../db/generated/client";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import { toGrillView, type GrillView } from "./grill-view";
import { requeueCard } from "./requeue-card";
import { isOutOfTime, needsRequeue, summarise, verdictOf } from "./scoring";

/** A 20-question grill requeues up to 20 cards, a few statements each: more than the default 5 s on a busy machine. */
const FINISH_TIMEOUT_MS = 20_000;

/** Finishes the user's grill at `now` (idempotent). NOT_FOUND when it is not theirs. */
export async function finishGrill(db: PrismaClient, catalogue: Catalogue, userId: string, grillId: string, now: Date): Promise<GrillView> {
  return db.$transaction(
    async (tx) => {
      await lockGrill(tx, userId, grillId);
      const grill = await selectGrill(tx, userId, grillId);
      if (grill.finishedAt) return toGrillView(grill, catalogue, now);

      const settings = schedulerSettingsOf(await selectUserSettings(tx, userId));
      const items: GrillItemRow[] = [];
      for (const item of grill.items) {
        const answered = item.answeredAt !== null;
        const score = answered ? (item.score ?? 0) : null;
        const verdict = verdictOf({ answered, outOfTime: isOutOfTime(item.timeMs, grill.secondsPerItem), score });
        const cardId = !needsRequeue(verdict)
          ? null
          : item.exerciseSlug
            ? await selectExerciseCardId(tx, grill.moduleId, item.exerciseSlug)
            : item.card && !item.card.archivedAt
              ? item.card.id
              : null;
        const requeued = cardId !== null && (await requeueCard(tx, userId, cardId, now, settings)) !== "suspended";
        if (score !== item.score || requeued) {
          await updateGrillItemSettled(tx, item.id, { score, ...(requeued ? { requeuedAt: now } : {}) });
        }
        items.push({ ...item, score, requeuedAt: requeued ? now : item.requeuedAt });
      }
      const totals = summarise(items.map((i) => ({ topic: i.topic, answered: i.answeredAt !== null, score: i.score, timeMs: i.timeMs })));
      const finished = await updateGrillFinished(tx, grill.id, totals.score, now);
      return toGrillView({ ...grill, ...finished, items }, catalogue, now);
    },
    { timeout: FINISH_TIMEOUT_MS },
  );
}
