// Replies in the server's real shapes, built from the real catalogue and
// grader (as app/api/* and lib/attempts/grade-attempt.ts build them), and a
// recording fetch, so the CLI is tested against what the API actually sends.
import { presentSteps } from "@/lib/attempts/present-steps";
import { afterTry, describeVariant, FRESH_VARIANT, variantStatus } from "@/lib/attempts/variant-rule";
import { findExercise } from "@/exercises";
import { EXERCISES } from "@/exercises";
import { formatStepValue, gradeExercise, type Exercise } from "@/lib/grading";
import { toExerciseSummary, toVariantView } from "@/lib/grading/exercise-view";
import * as float64 from "@/lib/reference/float64";
import type { CliDeps } from "@/scripts/cli/run";

export const SLUG = "layernorm-by-hand";
export const SEED = 42;
export const ID = "0b6f6a0e-4c8e-4a57-9a43-0b4f3c1d2e5f";
export const TOKEN = "rsd_test_token";
export const URL_BASE = "http://grader.test:4000";

export function exercise(slug = SLUG): Exercise {
  const found = findExercise(slug);
  if (!found) throw new Error(`no exercise ${slug}`);
  return found;
}

export function referenceAnswers(slug = SLUG, seed = SEED): Record<string, string> {
  const e = exercise(slug);
  const values = e.solve(seed, float64);
  return Object.fromEntries(e.steps.map((s) => [s.key, formatStepValue(values[s.key] ?? Number.NaN, 12)]));
}

/** A misconception's answers that the grader diagnoses, with its code. */
export function misconceptionAnswers(slug = SLUG, seed = SEED): { answers: Record<string, string>; code: string } {
  const right = referenceAnswers(slug, seed);
  for (const wrong of exercise(slug).wrongMethods(seed, float64)) {
    const typed = Object.fromEntries(Object.entries(wrong.values).flatMap(([k, v]) => (v === undefined ? [] : [[k, formatStepValue(v, 12)]])));
    const answers = { ...right, ...typed };
    if (gradeExercise(exercise(slug), seed, answers).misconceptions.includes(wrong.code)) return { answers, code: wrong.code };
  }
  throw new Error(`${slug}: no diagnosable misconception for seed ${seed}`);
}

/** The body POST /api/grade answers with for these answers (first try at the variant, stored unless unreadable). */
export function gradeReply(answers: Record<string, string>, slug = SLUG, seed = SEED): unknown {
  const result = gradeExercise(exercise(slug), seed, answers);
  const stored = result.unparseable.length === 0;
  const status = variantStatus(stored ? afterTry(FRESH_VARIANT, result.correct, new Date(0)) : FRESH_VARIANT);
  return JSON.parse(
    JSON.stringify({
      ...result,
      steps: presentSteps(result.steps, status.revealed),
      attemptId: ID,
      exercise: slug,
      seed,
      backend: "float64",
      ms: 0.42,
      stored,
      duplicate: false,
      afterReveal: false,
      credited: stored && result.correct,
      variant: { ...status, message: describeVariant(status) },
    }),
  );
}

export const exercisesReply = () => ({ exercises: EXERCISES.map(toExerciseSummary) });
export const variantReply = (slug = SLUG, seed = SEED) => JSON.parse(JSON.stringify(toVariantView(exercise(slug), seed))) as unknown;
export const errorReply = (code: string, message: string, issues?: { path: string; message?: string }[]) => ({
  error: { code, message, ...(issues ? { issues } : {}) },
});

export type SentRequest = { url: string; method: string; headers: Record<string, string>; body: unknown };

/** CLI surroundings with a fetch that answers `reply` (or throws it when it is an Error) and records what was sent. */
export function fakeDeps(reply: { status: number; body: unknown } | Error, options: { env?: Record<string, string>; files?: Record<string, string> } = {}) {
  const sent: SentRequest[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    env: options.env ?? { RESIDUAL_URL: URL_BASE, RESIDUAL_TOKEN: TOKEN },
    fetch: async (url, init) => {
      sent.push({
        url,
        method: init.method ?? "GET",
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        body: typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
      });
      if (reply instanceof Error) throw reply;
      const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      return new Response(text, { status: reply.status, headers: { "content-type": "application/json" } });
    },
    readFile: async (path) => {
      const text = options.files?.[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    newId: () => ID,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { deps, sent, out, err };
}
