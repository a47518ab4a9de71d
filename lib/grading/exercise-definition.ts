// What an authored exercise is: a seeded generator, a prompt in the learner's
// own numbers, named steps with their reference values, and the known wrong
// methods (misconceptions) computed on the same numbers. One file per exercise
// under exercises/; the grading engine (lib/grading) reads only this shape.
import { z } from "zod";
import { AnswerSpecSchema, ToleranceSchema, type ExpectedValue } from "../answers";
import { MISTAKE_FAMILIES } from "../mistakes";
import type * as float64 from "../reference/float64";
import { memoiseBySeed } from "./memoise-by-seed";

/** The reference operations an exercise may call: the float64 path, or the tfjs path in tests (same API). */
export type ReferenceOps = typeof float64;

export const StepSpecSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]*$/)
      .describe('Stable step id used in answers and the API, e.g. "mean".'),
    label: z.string().min(1).max(120).describe('What the learner computes here, e.g. "Mean μ".'),
    answer: AnswerSpecSchema,
    tolerance: ToleranceSchema.optional().describe("Defaults to 1% relative."),
    weight: z.number().positive().default(1).describe("Share of the exercise's score, relative to the other steps."),
    hint: z.string().max(400).optional().describe("Pointer shown when this step is wrong and no misconception explains it."),
  })
  .describe("One answer box of an exercise.");

export type StepSpec = z.input<typeof StepSpecSchema>;

/** Values per step key, in each step's canonical unit. */
export type StepValues = Record<string, ExpectedValue>;

/** A mistake family (lib/mistakes) as it occurs in one exercise: its wrong values on the learner's numbers. */
export type Misconception<P> = {
  /** The family's code, e.g. "sample-variance"; stored with attempts and counted per learner. */
  code: string;
  /** Shown when the learner's answer matches: names the mistake and the fix. Defaults to the family's message. */
  message?: string;
  /** The values the wrong method gives for the steps it affects (other steps are left out). */
  answers: (params: P, ops: ReferenceOps) => Partial<StepValues>;
};

export type ExerciseDefinition<P> = {
  slug: string;
  title: string;
  /** Course topic, e.g. "Normalization". */
  topic: string;
  difficulty: "EASY" | "MEDIUM" | "HARD";
  steps: StepSpec[];
  /** Seed → the learner's own numbers. Pure: same seed, same params. */
  generate: (seed: number) => P;
  /** Markdown prompt (KaTeX allowed) stating the numbers and conventions. */
  prompt: (params: P) => string;
  /** The inputs shown next to the prompt (plain data, e.g. { x: [2, 4], epsilon: 0 }). */
  inputs: (params: P) => Record<string, unknown>;
  /** Reference values for every step. */
  solve: (params: P, ops: ReferenceOps) => StepValues;
  misconceptions: Misconception<P>[];
};

/**
 * An exercise with its params type sealed inside: everything is a function of
 * the seed. This is what the catalogue holds and the grader uses.
 */
export type Exercise = {
  slug: string;
  title: string;
  topic: string;
  difficulty: "EASY" | "MEDIUM" | "HARD";
  steps: StepSpec[];
  misconceptionCodes: string[];
  variant: (seed: number) => { prompt: string; inputs: Record<string, unknown> };
  solve: (seed: number, ops: ReferenceOps) => StepValues;
  wrongMethods: (seed: number, ops: ReferenceOps) => { code: string; title: string; message: string; values: Partial<StepValues> }[];
};

/** Seals an exercise definition; exercise files `export default defineExercise<Params>({...})`. */
export function defineExercise<P>(definition: ExerciseDefinition<P>): Exercise {
  const methods = definition.misconceptions.map((m) => {
    const family = MISTAKE_FAMILIES.get(m.code);
    const message = m.message ?? family?.message;
    if (message === undefined) throw new Error(`exercise ${definition.slug}: misconception ${m.code} has no message and is no mistake family`);
    return { code: m.code, title: family?.title ?? message, message, answers: m.answers };
  });
  const generate = memoiseBySeed((seed) => deepFreeze(definition.generate(seed)), PARAMS_CACHE_SIZE);
  return {
    slug: definition.slug,
    title: definition.title,
    topic: definition.topic,
    difficulty: definition.difficulty,
    steps: definition.steps,
    misconceptionCodes: definition.misconceptions.map((m) => m.code),
    variant: (seed) => {
      const params = generate(seed);
      return { prompt: definition.prompt(params), inputs: definition.inputs(params) };
    },
    solve: (seed, ops) => definition.solve(generate(seed), ops),
    wrongMethods: (seed, ops) => {
      const params = generate(seed);
      return methods.map(({ answers, ...named }) => ({ ...named, values: answers(params, ops) }));
    },
  };
}

export const ExerciseMetaSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .describe("URL id, kebab-case."),
  title: z.string().min(3).max(120),
  topic: z.string().min(1).max(80),
  difficulty: z.enum(["EASY", "MEDIUM", "HARD"]),
  steps: z.array(StepSpecSchema).min(1).max(12),
});

/** Seeds remembered per exercise; a grade asks for the same seed's params up to three times. */
const PARAMS_CACHE_SIZE = 256;

/**
 * Params are shared between calls, so they are frozen: an exercise function
 * that tried to change them would throw instead of corrupting the next grade.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
