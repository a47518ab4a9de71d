// An Anki card's review log → events for our scheduler's replay.
//
// Decisions, following how Anki's own FSRS reads its revlog
// (rslib/src/revlog/mod.rs, scheduler/fsrs/params.rs):
// - learn (0), review (1), relearn (2) entries with a button (1–4) are reviews;
// - filtered (3) entries are reviews too when they rescheduled the card
//   (ease factor set); cram reviews that did not reschedule (factor 0) are
//   skipped: they never changed the card's schedule in Anki either;
// - manual (4) entries with factor 0 are "Forget"/"Reset": the card is new
//   again from there (earlier reviews stay in the log, the state restarts);
// - other entries without a button (ease 0: "set due date", FSRS reschedule
//   (5)) carry no recall and are skipped: the due date comes from FSRS.
import type { ReplayEvent } from "../scheduling";
import { isRating } from "../scheduling";
import type { AnkiReview } from "./schemas";

export type HistoryCounts = { cram: number; manual: number; resets: number };

/** The replay events of one card's history (oldest first), and how many entries were cram, manual or resets. */
export function historyEvents(history: readonly AnkiReview[]): { events: ReplayEvent[]; counts: HistoryCounts } {
  const events: ReplayEvent[] = [];
  const counts: HistoryCounts = { cram: 0, manual: 0, resets: 0 };
  let last = -Infinity;
  for (const entry of history) {
    if (entry.id <= last) continue;
    if (entry.kind === "MANUAL" && entry.ease === 0 && entry.factor === 0) {
      counts.resets += 1;
      events.push({ kind: "forget", at: new Date(entry.id) });
    } else if (entry.kind === "FILTERED" && entry.factor === 0) {
      counts.cram += 1;
      continue;
    } else if (!isRating(entry.ease)) {
      counts.manual += 1;
      continue;
    } else {
      events.push({ kind: "review", rating: entry.ease, at: new Date(entry.id), durationMs: entry.timeMs });
    }
    last = entry.id;
  }
  return { events, counts };
}
