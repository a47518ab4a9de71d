// The browser's call to POST /api/grade, shared by the exercise page and
// exercise cards in the review session.
import type { GradeAttemptResult } from "../attempts/grade-attempt";
import { attemptDurationMs } from "./attempt-duration";
import { sendJson } from "./send-json";

export type GradeRequestOutcome = { ok: true; result: GradeAttemptResult } | { ok: false; offline: boolean; message: string };

/** Grades `answers` for one variant; a network failure is `offline`, a refusal carries the server's message. */
export async function requestGrade(variant: { slug: string; seed: number }, answers: Record<string, string>, durationMs: number): Promise<GradeRequestOutcome> {
  const outcome = await sendJson<GradeAttemptResult>(
    "POST",
    "/api/grade",
    { exercise: variant.slug, seed: variant.seed, answers, id: crypto.randomUUID(), durationMs: attemptDurationMs(durationMs) },
    { offline: "No connection.", refused: "Could not grade that." },
  );
  return outcome.ok ? { ok: true, result: outcome.body } : outcome;
}
