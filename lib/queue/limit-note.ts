// One sentence saying which daily limit holds today's cards back, for the
// home screen and the review screen. Browser-safe: no imports but types.
import type { TodayQueue } from "./today-queue";

/** Why due or new cards wait for tomorrow, or null when no limit holds anything back that the learner would miss. */
export function limitNote(held: TodayQueue["held"]): string | null {
  const parts: string[] = [];
  if (held.review > 0) {
    const cards = held.review === 1 ? "1 due review waits" : `${held.review} due reviews wait`;
    parts.push(
      held.reviewLimit === "module"
        ? `${cards} for tomorrow: a module's preset caps its reviews a day.`
        : `${cards} for tomorrow: your limit is ${held.maximumReviewsPerDay} reviews a day.`,
    );
  }
  if (held.newLimit === "review-limit") parts.push("New cards stop at the review limit (a preset can let new cards ignore it).");
  return parts.length === 0 ? null : parts.join(" ");
}
