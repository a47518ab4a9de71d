// The browser's call to POST /api/drawings/{slug}/attempts, shared by the
// drawing page and drawing cards in the review session.
import type { DrawingAnswer } from "../drawing/drawing-schemas";
import type { DrawingAttemptResult } from "../drawing/record-drawing-attempt";
import { attemptDurationMs } from "./attempt-duration";
import { sendJson } from "./send-json";

export type DrawingRequestOutcome = { ok: true; result: DrawingAttemptResult } | { ok: false; offline: boolean; message: string };

/** Grades and stores one drawing; `id` makes a retried post count once. */
export async function requestDrawingGrade(
  variant: { slug: string; seed: number },
  answer: DrawingAnswer,
  durationMs: number,
  id: string = crypto.randomUUID(),
): Promise<DrawingRequestOutcome> {
  const outcome = await sendJson<DrawingAttemptResult>(
    "POST",
    `/api/drawings/${variant.slug}/attempts`,
    { id, seed: variant.seed, answer, durationMs: attemptDurationMs(durationMs) },
    { offline: "No connection.", refused: "Could not grade that." },
  );
  return outcome.ok ? { ok: true, result: outcome.body } : outcome;
}
