// Replies → the lines the CLI prints and its exit code. Pure.
import { variantLabel } from "../../lib/attempts/variant-rule";
import { formatStepValue } from "../../lib/grading/format-value";
import type { ApiReply } from "./api-client";
import { EXIT, type ExitCode } from "./exit-codes";
import { ErrorReplySchema, type ExercisesReply, type GradeReply, type HistoryReply, type RevealReply, type Shape, type VariantReply } from "./responses";

/** What a command prints (stdout lines, stderr lines) and how it exits. */
export type Outcome = { out: string[]; err: string[]; exitCode: ExitCode };

export function renderExercises(reply: ExercisesReply): Outcome {
  const rows = reply.exercises.map((e) => [e.slug, e.difficulty, e.title] as const);
  const slugWidth = Math.max(4, ...rows.map(([slug]) => slug.length));
  const out = [
    `${"slug".padEnd(slugWidth)}  difficulty  title`,
    ...rows.map(([slug, level, title]) => `${slug.padEnd(slugWidth)}  ${level.padEnd(10)}  ${title}`),
  ];
  return { out, err: [], exitCode: EXIT.ok };
}

export function renderVariant(reply: VariantReply): Outcome {
  const keyWidth = Math.max(...reply.steps.map((s) => s.key.length));
  const out = [
    `${reply.title} (${reply.slug}, ${reply.difficulty}, ${reply.topic})`,
    `seed: ${reply.seed}`,
    "",
    reply.prompt.trim(),
    "",
    `inputs: ${JSON.stringify(reply.inputs)}`,
    "",
    "steps (answer as step=text):",
    ...reply.steps.map((s) => `  ${s.key.padEnd(keyWidth)}  ${s.label} — ${shapeText(s.shape)}${s.unit ? `, in ${s.unit}` : ""}`),
    "",
    `grade with: npm run -s residual -- grade ${reply.slug} --seed ${reply.seed} ${reply.steps.map((s) => `${s.key}=…`).join(" ")}`,
  ];
  return { out, err: [], exitCode: EXIT.ok };
}

/** One line per step (✓/✗ step: feedback, expected, [misconception]), then the totals; exit 0 only when fully correct. */
export function renderGrade(reply: GradeReply): Outcome {
  const keyWidth = Math.max(...reply.steps.map((s) => s.step.length));
  const lines = reply.steps.map((s) => {
    const right = s.correct ?? s.score === 1;
    const expected = s.expected === undefined ? "" : ` (expected ${formatStepValue(s.expected)})`;
    const code = s.misconception ? ` [${s.misconception.code}]` : "";
    return `${right ? "✓" : "✗"} ${s.step.padEnd(keyWidth)}  ${s.feedback}${expected}${code}`;
  });
  const right = reply.steps.filter((s) => s.correct ?? s.score === 1).length;
  const note = reply.duplicate
    ? " · already graded (same id)"
    : !reply.stored
      ? " · not stored: a step could not be read"
      : reply.afterReveal
        ? " · made after the answers were shown: stored, no credit"
        : "";
  lines.push(`score ${(reply.score * 100).toFixed(0)}% (${right}/${reply.steps.length} steps) · backend ${reply.backend} · ${reply.ms.toFixed(2)} ms${note}`);
  lines.push(reply.variant.message);
  return { out: lines, err: [], exitCode: reply.correct ? EXIT.ok : EXIT.notCorrect };
}

/** The variant's answers, one line per step, and where the variant now stands. */
export function renderReveal(reply: RevealReply): Outcome {
  const keyWidth = Math.max(0, ...(reply.expected ?? []).map((s) => s.step.length));
  const out = (reply.expected ?? []).map((s) => `${s.step.padEnd(keyWidth)}  ${formatStepValue(s.expected)}  (${s.label})`);
  out.push(reply.variant.message);
  return { out, err: [], exitCode: EXIT.ok };
}

/** Accuracy per step, then each recent variant: where it stands and its attempts (✓ or score, named mistakes). */
export function renderHistory(reply: HistoryReply): Outcome {
  const out = [
    `${reply.title} (${reply.exercise}): ${reply.totals.attempts} attempts, ${reply.totals.credited} passed without seeing the answers`,
    "",
    "accuracy per step:",
  ];
  for (const s of reply.steps) out.push(`  ${s.step}  ${s.accuracy === null ? "not tried" : `${Math.round(s.accuracy * 100)}% (${s.right}/${s.tried})`}`);
  out.push("", "variants (newest first):");
  for (const v of reply.variants) {
    const attempts = v.attempts.map((a) => {
      const mark = a.correct ? "✓" : `${Math.round(a.score * 100)}%`;
      const mistakes = a.mistakes.length > 0 ? ` [${a.mistakes.map((m) => m.code).join(", ")}]` : "";
      const steps = a.correct || a.steps.length === 0 ? "" : ` {${a.steps.map((m) => `${m.step} ${m.correct ? "✓" : "✗"}`).join(", ")}}`;
      return `${mark}${a.afterReveal ? " (after reveal)" : ""}${mistakes}${steps}`;
    });
    out.push(`  seed ${v.seed}: ${attempts.join(" → ")} · ${variantLabel(v.variant)}`);
  }
  return { out, err: [], exitCode: EXIT.ok };
}

/**
 * A reply that is not the success the command expected: unreachable, refused
 * token (401/403) or server failure → exit 3; any other 4xx → exit 2 with the
 * server's message and each field path.
 */
export function renderFailure(reply: ApiReply): Outcome {
  if (reply.kind === "unreachable") return { out: [], err: [`error: ${reply.message}. Is the server running? (RESIDUAL_URL)`], exitCode: EXIT.unavailable };
  const parsed = ErrorReplySchema.safeParse(reply.body);
  const error = parsed.success ? parsed.data.error : undefined;
  const summary = error ? `${error.message} (${reply.status} ${error.code})` : `HTTP ${reply.status}: ${preview(reply.body)}`;
  if (reply.status === 401 || reply.status === 403) {
    return { out: [], err: [`error: the server refused the token: ${summary}. Check RESIDUAL_TOKEN or --token.`], exitCode: EXIT.unavailable };
  }
  if (reply.status >= 400 && reply.status < 500) {
    const issues = (error?.issues ?? []).flatMap((i) => (i.message === undefined ? [] : [`  ${i.path}: ${i.message}`]));
    return { out: [], err: [`error: ${summary}`, ...issues], exitCode: EXIT.usage };
  }
  return { out: [], err: [`error: unexpected reply from the server: ${summary}`], exitCode: EXIT.unavailable };
}

function shapeText(shape: Shape): string {
  if (shape === "scalar") return "a number";
  if ("vector" in shape) return `a vector of ${shape.vector}, e.g. [1, 2]`;
  return `a ${shape.matrix[0]}×${shape.matrix[1]} matrix, e.g. [[1, 2], [3, 4]]`;
}

function preview(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return (text ?? "").slice(0, 200);
}
