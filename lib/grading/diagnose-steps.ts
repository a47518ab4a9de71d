// Naming the mistake behind a wrong step. Each wrong method (a mistake family
// computed on the learner's numbers) is first weighed on the whole attempt:
// the steps it explains count for it, the steps it contradicts against it.
// A wrong step then names the best-supported method whose value it matches,
// the closer one on a tie, and says when another fits the attempt as well.
import { DEFAULT_TOLERANCE, parseAnswer, withinTolerance, type ExpectedValue, type ParsedOk, type Tolerance } from "../answers";
import type { StepSpec, StepValues } from "./exercise-definition";
import type { DiagnosedMisconception } from "./grade-result";

/** A wrong method's values for the exercise's steps, computed on the learner's numbers. */
export type WrongMethodValues = { code: string; title?: string; message: string; values: Partial<Record<string, ExpectedValue>> };

/** A wrong method with its support in this attempt: steps it explains minus steps it contradicts. */
export type RankedWrongMethod = WrongMethodValues & { support: number };

const flat = (value: ExpectedValue | ParsedOk): number[] => {
  const raw = typeof value === "number" ? value : "ok" in value ? (value.kind === "scalar" ? value.value : value.values) : value;
  return typeof raw === "number" ? [raw] : raw.flatMap((v) => (typeof v === "number" ? [v] : [...v]));
};

/**
 * Whether the answer agrees with `value` element by element under `tolerance`. Only wrong
 * answers of the step's shape reach here, so comparing the flattened elements is enough; it
 * is the grader's element rule without building the per-element report, since the authoring
 * check runs it hundreds of times per drawn variant.
 */
function matches(parsed: ParsedOk, value: ExpectedValue, tolerance: Tolerance): boolean {
  const a = flat(parsed);
  const v = flat(value);
  return a.length === v.length && v.every((x, i) => withinTolerance(a[i] ?? Number.NaN, x, tolerance));
}

/** Relative L1 distance between an answer and a method's value: Σ|a − v| / Σ|v| (same shape assumed). */
function distance(parsed: ParsedOk, value: ExpectedValue): number {
  const a = flat(parsed);
  const v = flat(value);
  const diff = v.reduce((s, x, i) => s + Math.abs((a[i] ?? Number.NaN) - x), 0);
  return (
    diff /
    Math.max(
      v.reduce((s, x) => s + Math.abs(x), 0),
      1e-12,
    )
  );
}

/** The learner's readable answers by step key (blank and unreadable texts left out). */
export function readableAnswers(steps: readonly StepSpec[], texts: Readonly<Record<string, string>>): Map<string, ParsedOk> {
  const read = new Map<string, ParsedOk>();
  for (const spec of steps) {
    const text = Object.hasOwn(texts, spec.key) ? texts[spec.key] : undefined;
    if (text === undefined || text.trim() === "") continue;
    const parsed = parseAnswer(text, spec.answer);
    if (parsed.ok) read.set(spec.key, parsed);
  }
  return read;
}

/**
 * Each method's support over the steps the learner answered readably (`answers`): +1 for a
 * listed step whose answer matches the method's value and not the reference, −1 for a listed
 * step whose answer does not match the method's value. Unanswered steps count for nothing.
 */
export function rankWrongMethods(
  steps: readonly StepSpec[],
  answers: ReadonlyMap<string, ParsedOk>,
  reference: StepValues,
  wrongMethods: readonly WrongMethodValues[],
): RankedWrongMethod[] {
  return wrongMethods.map((method) => {
    let support = 0;
    for (const spec of steps) {
      const parsed = answers.get(spec.key);
      const value = method.values[spec.key];
      const expected = reference[spec.key];
      if (parsed === undefined || value === undefined || expected === undefined) continue;
      const tolerance = spec.tolerance ?? DEFAULT_TOLERANCE;
      support += matches(parsed, value, tolerance) && !matches(parsed, expected, tolerance) ? 1 : -1;
    }
    return { ...method, support };
  });
}

/**
 * The mistake a wrong step's answer shows, or undefined. Among the methods whose value for
 * `step` the answer matches: the best supported wins, then the closer, then the one declared
 * first. When the runner-up has the same support, the attempt cannot tell them apart, and it
 * is reported as also possible.
 */
export function diagnoseStep(
  step: string,
  parsed: ParsedOk,
  tolerance: Tolerance,
  methods: readonly (WrongMethodValues & { support?: number })[],
): DiagnosedMisconception | undefined {
  const candidates = methods
    .map((method, order) => ({ method, order, value: method.values[step] }))
    .filter((c): c is typeof c & { value: ExpectedValue } => c.value !== undefined && matches(parsed, c.value, tolerance))
    .map((c) => ({ ...c, support: c.method.support ?? 0, distance: distance(parsed, c.value) }))
    .sort((a, b) => b.support - a.support || a.distance - b.distance || a.order - b.order);
  const [best, next] = candidates;
  if (!best) return undefined;
  const named = { code: best.method.code, message: best.method.message };
  if (!next || next.support < best.support || next.method.code === best.method.code) return named;
  return { ...named, alsoPossible: { code: next.method.code, title: next.method.title ?? next.method.message } };
}
