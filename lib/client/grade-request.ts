// The browser's call to POST /api/grade, shared by the exercise page and
// exercise cards in the review session.
import type { GradeAttemptResult } from "../attempts/grade-attempt";

/** The API refuses durations over a day; a page left open longer still grades. */
const MAX_DURATION_MS = 86_400_000;

export type GradeRequestOutcome =
  | { ok: true; result: GradeAttemptResult }
  | { ok: false; offline: boolean; message: string };

/** Grades `answers` for one variant; a network failure is `offline`, a refusal carries the server's message. */
export async function requestGrade(
  variant: { slug: string; seed: number },
  answers: Record<string, string>,
  durationMs: number,
): Promise<GradeRequestOutcome> {
  const response = await fetch("/api/grade", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      exercise: variant.slug,
      seed: variant.seed,
      answers,
      id: crypto.randomUUID(),
      durationMs: Math.min(Math.max(0, Math.round(durationMs)), MAX_DURATION_MS),
    }),
  }).catch(() => null);
  if (!response) return { ok: false, offline: true, message: "No connection." };
  const body = (await response.json().catch(() => null)) as (GradeAttemptResult & { error?: { message: string } }) | null;
  if (!response.ok || !body || body.error) {
    return { ok: false, offline: false, message: body?.error?.message ?? "Could not grade that." };
  }
  return { ok: true, result: body };
}
