// What an authored lab is: a seeded generator of inputs, the conventions in
// the learner's numbers, the reference output (tfjs path), and the known buggy
// variants of it. One file per lab under exercises/labs/; the engine
// (compare, diagnose, grade) reads only the sealed `Lab`.
import { memoiseBySeed } from "../grading/memoise-by-seed";
import { mistakeFamily } from "../mistakes";
import type { LabInputSpec, LabSummary, LabView, Tensor } from "./lab-types";

/** numpy-allclose style tolerance: |actual − expected| ≤ abs + rel·|expected|. */
export type LabTolerance = { abs: number; rel: number };

/** The pass rule in NumPy's words: the same test, element by element, as `np.allclose` with these bounds. */
export function allcloseRule(t: LabTolerance): string {
  return `np.allclose(yours, expected, rtol=${t.rel}, atol=${t.abs})`;
}

/**
 * Default tolerance for every lab. The grader's reference runs in float32 on
 * tfjs and the learner may too: a float32 dot product of length ≤ 2048 with
 * O(1) terms drifts by ~1e-6..1e-5 relative, and a block adds a few of those,
 * so rel 1e-3 leaves two orders of magnitude of headroom. abs 1e-4 covers
 * elements near zero (e.g. attention outputs that cancel), where a relative
 * bound alone would be unforgiving. The buggy variants move elements by
 * ≥ 1e-2 on these inputs, far outside this band.
 */
export const DEFAULT_LAB_TOLERANCE: LabTolerance = { abs: 1e-4, rel: 1e-3 };

/** One named input: its spec as the learner sees it, and its data. */
export type LabInput = LabInputSpec & { tensor: Tensor };

/** A known bug: a mistake family (lib/mistakes) as it occurs in this lab, and the wrong output it produces. */
export type LabVariantDefinition<P> = {
  /** Stable kebab-case code, unique in the lab: the family's code, or the family's code and where (e.g. "sample-variance-norm2"). */
  code: string;
  /** The mistake family; defaults to `code`. */
  family?: string;
  /** Defaults to the family's title. */
  title?: string;
  /** What the bug is and how to fix it; defaults to the family's message. */
  message?: string;
  /**
   * The bug can stay within the tolerance on some inputs (the tanh GELU): it is then named on a
   * passing submission too, as a caution, when the submission is far closer to it than to the reference.
   */
  mayPass?: boolean;
  /** The buggy output on the tfjs path (backend initialised by the caller). */
  output: (params: P) => Tensor;
};

export type LabDefinition<P> = LabSummary & {
  /** Seed (0 ≤ seed < 2^31) → the learner's inputs and sizes. Pure. */
  generate: (seed: number) => P;
  inputs: (params: P) => LabInput[];
  output: { name: string; axes: string[]; description: string; shape: (params: P) => number[] };
  /** Markdown: what to compute, in this seed's numbers. */
  task: (params: P) => string;
  /** Markdown bullets stating every convention the output depends on. */
  conventions: (params: P) => string[];
  scalars: (params: P) => Record<string, number | string | boolean>;
  /** The correct output on the tfjs path (float32 inside, float64 out). */
  reference: (params: P) => Tensor;
  /** The same output computed in float64 (cross-check in tests). */
  float64Reference?: (params: P) => Tensor;
  variants: LabVariantDefinition<P>[];
  /** Lab-specific explanation of a wrong shape (e.g. one head only), or null. */
  shapeHint?: (params: P, actual: number[]) => string | null;
  tolerance?: LabTolerance;
};

/** A lab with its params sealed inside; everything is a function of the seed. */
export type Lab = LabSummary & {
  tolerance: LabTolerance;
  variants: { code: string; family: string; title: string; message: string; mayPass: boolean }[];
  /** Axis names of the submitted output, e.g. ["seq", "d_model"]; the same for every seed. */
  outputAxes: string[];
  view: (seed: number) => LabView;
  inputs: (seed: number) => { name: string; tensor: Tensor }[];
  outputShape: (seed: number) => number[];
  /** Sync tfjs reference; the caller initialises the backend. */
  reference: (seed: number) => Tensor;
  /** Sync tfjs buggy output, or undefined for an unknown code. */
  variant: (seed: number, code: string) => Tensor | undefined;
  float64Reference?: (seed: number) => Tensor;
  shapeHint: (seed: number, actual: number[]) => string | null;
};

/** Largest lab seed: seeds are 31-bit, 0 ≤ seed < 2^31, so they fit the database's 32-bit integer. */
export const MAX_LAB_SEED = 2 ** 31 - 1;

/** Throws a RangeError unless `seed` is an integer in [0, 2^31); returns it. */
export function assertSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_LAB_SEED) throw new RangeError(`lab seed must be an integer in [0, 2^31), got ${seed}`);
  return seed;
}

/** The bullet every lab ends its conventions with: dtype and the pass rule. */
function dtypeConvention(t: LabTolerance): string {
  return (
    "Dtype: inputs are exact decimals (parse them as float64); the grader's reference computes in float32 on TensorFlow.js. " +
    `Submit float32 or float64: an element passes when |yours − reference| ≤ ${t.abs} + ${t.rel}·|reference| (the test of ${allcloseRule(t).replace("expected", "reference")}), and NaN or ±Infinity never passes.`
  );
}

/** Seeds remembered per lab: grading asks for a seed's params several times. */
const PARAMS_CACHE_SIZE = 8;

/** Seals a lab definition; lab files `export default defineLab<Params>({...})`. */
export function defineLab<P>(definition: LabDefinition<P>): Lab {
  const generate = memoiseBySeed(definition.generate, PARAMS_CACHE_SIZE);
  const summary: LabSummary = {
    slug: definition.slug,
    title: definition.title,
    topic: definition.topic,
    difficulty: definition.difficulty,
    summary: definition.summary,
  };
  const float64Reference = definition.float64Reference;
  const tolerance = definition.tolerance ?? DEFAULT_LAB_TOLERANCE;
  return {
    ...summary,
    tolerance,
    variants: definition.variants.map(({ code, family, title, message, mayPass }) => {
      const known = mistakeFamily(family ?? code);
      return { code, family: known.code, title: title ?? known.title, message: message ?? known.message, mayPass: mayPass ?? false };
    }),
    outputAxes: definition.output.axes,
    view: (seed) => {
      const params = generate(seed);
      return {
        ...summary,
        seed,
        task: definition.task(params),
        conventions: [...definition.conventions(params), dtypeConvention(tolerance)],
        inputs: definition.inputs(params).map(({ name, axes, description, tensor }) => ({ name, axes, description, shape: [...tensor.shape] })),
        output: {
          name: definition.output.name,
          axes: definition.output.axes,
          description: definition.output.description,
          shape: definition.output.shape(params),
        },
        scalars: definition.scalars(params),
      };
    },
    inputs: (seed) => definition.inputs(generate(seed)).map(({ name, tensor }) => ({ name, tensor })),
    outputShape: (seed) => definition.output.shape(generate(seed)),
    reference: (seed) => definition.reference(generate(seed)),
    variant: (seed, code) => definition.variants.find((v) => v.code === code)?.output(generate(seed)),
    float64Reference: float64Reference ? (seed) => float64Reference(generate(seed)) : undefined,
    shapeHint: (seed, actual) => definition.shapeHint?.(generate(seed), actual) ?? null,
  };
}
