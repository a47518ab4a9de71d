// Lab replies → the lines the CLI prints and its exit code. Pure.
import { allowanceWords } from "../../lib/labs/allowance-words";
import { EXIT } from "./exit-codes";
import type { Outcome } from "./render";
import type { LabListReply, LabViewReply, SubmissionReply } from "./lab-responses";

export function renderLabList(reply: LabListReply): Outcome {
  const width = Math.max(4, ...reply.labs.map((l) => l.slug.length));
  const last = (l: LabListReply["labs"][number]) =>
    !l.last ? "" : l.last.status === "DONE" ? (l.last.passed ? "passed" : "failed") : l.last.status.toLowerCase();
  const out = [
    `${"slug".padEnd(width)}  difficulty  last    title`,
    ...reply.labs.map((l) => `${l.slug.padEnd(width)}  ${l.difficulty.padEnd(10)}  ${last(l).padEnd(6)}  ${l.title}`),
  ];
  return { out, err: [], exitCode: EXIT.ok };
}

export function renderLabView(view: LabViewReply): Outcome {
  const shape = (s: number[], axes: string[]) => `[${s.join(", ")}] (${axes.join(" × ")})`;
  const out = [
    `${view.title} (${view.slug})`,
    `seed: ${view.seed}`,
    "",
    view.task.trim(),
    "",
    "conventions:",
    ...view.conventions.map((c) => `  - ${c}`),
    "",
    "inputs:",
    ...view.inputs.map((i) => `  ${i.name}  ${shape(i.shape, i.axes)}  ${i.description}`),
    `output (submit this): ${view.output.name}  ${shape(view.output.shape, view.output.axes)}  ${view.output.description}`,
    `scalars: ${JSON.stringify(view.scalars)}`,
    "",
    `fetch inputs: npm run -s residual -- lab fetch ${view.slug} --seed ${view.seed}`,
    `submit:       npm run -s residual -- lab submit ${view.slug} --seed ${view.seed} ${view.output.name}.npy`,
  ];
  return { out, err: [], exitCode: EXIT.ok };
}

/**
 * A submission: DONE prints the verdict (exit 0 passed, 1 not), FAILED the
 * reason (exit 3: the server could not grade it), still waiting a hint to ask later (exit 3).
 */
export function renderSubmission(s: SubmissionReply, waitedSeconds?: number): Outcome {
  const later = `check later: npm run -s residual -- lab result ${s.lab} ${s.id}`;
  if (s.status === "FAILED")
    return { out: [], err: [`error: submission ${s.id} could not be graded: ${s.error ?? "unknown reason"}`], exitCode: EXIT.unavailable };
  if (s.status !== "DONE" || !s.result) {
    const waited = waitedSeconds === undefined ? "" : ` after ${waitedSeconds} s`;
    return { out: [`submission ${s.id} is still ${s.status.toLowerCase()}${waited}`, later], err: [], exitCode: EXIT.unavailable };
  }
  const r = s.result;
  const fmt = (v: number | null) => (v === null ? "n/a" : v.toPrecision(3));
  const out = [
    `${r.passed ? "✓ passed" : "✗ not passed"}: ${r.summary}`,
    `max abs error ${fmt(r.maxAbsError)} · max rel error ${fmt(r.maxRelError)} · tolerance abs ${r.tolerance.abs} + rel ${r.tolerance.rel} · outside ${r.mismatched}/${r.size}`,
  ];
  const used = r.toleranceUsed;
  if (used && used.worstRatio !== null)
    out.push(
      `verdict: ${used.rule}; worst element${used.worstAt ? ` [${used.worstAt.join(", ")}]` : ""} at ${allowanceWords(used.worstRatio)}, atol + rtol·|expected|`,
    );
  if (r.shapeMessage && !r.summary.includes(r.shapeMessage)) out.push(`shape: ${r.shapeMessage}`);
  if (r.nonFinite.nan + r.nonFinite.posInf + r.nonFinite.negInf > 0)
    out.push(`non-finite: ${r.nonFinite.nan} NaN, ${r.nonFinite.posInf} +Inf, ${r.nonFinite.negInf} -Inf`);
  if (r.diagnosis) out.push(`bug [${r.diagnosis.code}] ${r.diagnosis.title}: ${r.diagnosis.message}`);
  if (r.diagnosis?.alsoPossible) out.push(`also possible [${r.diagnosis.alsoPossible.code}] ${r.diagnosis.alsoPossible.title}`);
  if (!r.passed && r.worst.length > 0) {
    out.push("worst positions (index: expected vs yours):");
    for (const w of r.worst) out.push(`  [${w.index.join(", ")}]: ${w.expected} vs ${w.actual}`);
  }
  out.push(`submission ${s.id} · graded on ${r.backend} in ${r.gradingMs.toFixed(0)} ms`);
  return { out, err: [], exitCode: r.passed ? EXIT.ok : EXIT.notCorrect };
}
