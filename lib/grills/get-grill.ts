// Reading one grill for its owner, and starting a question's clock. The
// server notes when it first shows each question (`shownAt`, its own clock,
// the first time only), so reloading the page cannot restart the clock: the
// answer's time is measured from then.
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { markGrillItemShown, selectGrill } from "../data/grill";
import { itemAt } from "./answer-item";
import { toGrillView, toItemView, type GrillItemView, type GrillView } from "./grill-view";
import { isSettled } from "./scoring";

/**
 * The user's grill as the client sees it at `now`, for the page that runs it:
 * the question the page opens on (the first one not settled) is marked shown
 * if it was not yet. NOT_FOUND when missing or someone else's.
 */
export async function getGrill(db: Db, catalogue: Catalogue, userId: string, grillId: string, now: Date): Promise<GrillView> {
  const grill = await selectGrill(db, userId, grillId);
  const view = toGrillView(grill, catalogue, now);
  const current = view.items.find((item) => !isSettled(item));
  if (!current || current.answered || current.leftMs !== null || grill.finishedAt) return view;
  const shown = await markGrillItemShown(db, grill.id, current.position, now);
  return shown ? toGrillView(await selectGrill(db, userId, grillId), catalogue, now) : view;
}

/**
 * As `POST /api/grade` names them: `stored`, the item's shown time is kept, set by this request or, when
 * `duplicate`, by an earlier one; `stored` false when it was never set and cannot be now (the item was
 * answered first, or the grill is finished).
 */
export type ShowOutcome = { item: GrillItemView; stored: boolean; duplicate: boolean };

/**
 * Marks item `position` as shown at `now` when the page displays it
 * (idempotent: only the first time counts; an answered item or a finished
 * grill is left alone). Returns the item with the time left on its clock.
 */
export async function showGrillItem(
  db: Db,
  catalogue: Catalogue,
  input: { userId: string; grillId: string; position: number },
  now: Date,
): Promise<ShowOutcome> {
  const before = await selectGrill(db, input.userId, input.grillId);
  itemAt(before, input.position);
  const marked = await markGrillItemShown(db, before.id, input.position, now);
  const grill = marked ? await selectGrill(db, input.userId, input.grillId) : before;
  const item = itemAt(grill, input.position);
  const stored = item.shownAt !== null;
  return { item: toItemView(item, catalogue, grill.secondsPerItem, grill.finishedAt !== null, now), stored, duplicate: stored && !marked };
}
