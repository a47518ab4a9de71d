// `stats <slug>`: an exercise's anonymised figures across learners, or why
// they are not shown yet (fewer learners than the minimum cohort).
import { EXIT } from "./exit-codes";
import type { Outcome } from "./render";
import type { StatsReply } from "./responses";

const percent = (x: number | null): string => (x === null ? "–" : `${Math.round(x * 100)}%`);

/** Headline figures, the hardest step, accuracy per step and the most common named mistakes. */
export function renderStats(reply: StatsReply): Outcome {
  const head = `${reply.title} (${reply.exercise}), across learners`;
  const f = reply.figures;
  if (!f) return { out: [head, reply.message], err: [], exitCode: EXIT.ok };
  const item = reply.kind === "exercise" ? "step" : "item";
  const out = [
    head,
    `learners ${f.learners} · attempts ${f.attempts} (${f.afterReveal} after the answers were shown)`,
    `first try ${percent(f.firstTry.accuracy)} (${f.firstTry.passed} of ${f.firstTry.variants} variants passed unaided at the first attempt)`,
  ];
  if (f.hardestStep) out.push(`hardest ${item}: ${f.hardestStep.step} (${f.hardestStep.label}) ${percent(f.hardestStep.accuracy)}`);
  const width = Math.max(0, ...f.steps.map((s) => s.step.length));
  out.push("", `accuracy per ${item} (before a reveal):`);
  for (const s of f.steps) out.push(`  ${s.step.padEnd(width)}  ${s.accuracy === null ? "not tried" : `${percent(s.accuracy)} (${s.right}/${s.tried})`}`);
  out.push("", "mistakes named most often:");
  if (f.mistakes.length === 0) out.push("  none yet");
  for (const m of f.mistakes) out.push(`  ${m.code}  ${m.attempts} attempts, ${m.learners} learners: ${m.name}`);
  return { out, err: [], exitCode: EXIT.ok };
}
