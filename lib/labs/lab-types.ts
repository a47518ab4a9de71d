// The contract between a lab's definition and grading (lib/labs, exercises/labs)
// and how submissions arrive and are queued (lib/labs/tensor-file,
// lib/labs/submissions, app/api/labs). Plain data only: nothing tensor-shaped
// from tfjs crosses this line.

/** A dense row-major float64 tensor. `data.length` is the product of `shape`. */
export type Tensor = {
  shape: number[];
  data: Float64Array;
};

/** One named input a learner downloads (e.g. "x", "wq", "gamma"). */
export type LabInputSpec = {
  name: string;
  /** Shape in the learner's terms, e.g. ["seq", "d_model"]. */
  axes: string[];
  description: string;
};

/** What the catalogue and the lab page show; no answers. */
export type LabSummary = {
  slug: string;
  title: string;
  topic: string;
  difficulty: "EASY" | "MEDIUM" | "HARD";
  /** One paragraph: what to implement. */
  summary: string;
};

export type LabView = LabSummary & {
  seed: number;
  /** Markdown: what to compute, in the learner's numbers (sizes for this seed). */
  task: string;
  /** Markdown bullets: shapes, layouts, epsilon, scaling, mask value, head grouping, dtype. */
  conventions: string[];
  inputs: (LabInputSpec & { shape: number[] })[];
  /** The one tensor the learner submits. */
  output: { name: string; axes: string[]; shape: number[]; description: string };
  /** Scalars that are part of the task (epsilon, window, positions, …). */
  scalars: Record<string, number | string | boolean>;
};

/** A position where the submission and the reference differ most. */
export type LabWorstPosition = {
  /** Index per axis, e.g. [3, 17]. */
  index: number[];
  expected: number;
  actual: number;
  absError: number;
};

/** How a failed submission is explained when a buggy variant of the reference matches it. */
export type LabDiagnosis = {
  /** The lab's variant code, e.g. "no-mask", "sample-variance-norm2", "kv-heads-tiled". */
  code: string;
  /** Its mistake family (lib/mistakes), e.g. "sample-variance"; absent in results stored before families. */
  family?: string;
  title: string;
  /** What the bug is and how to fix it. */
  message: string;
  /** Max |submission − variant| over all elements. */
  maxAbsError: number;
  /** Another family that fits the submission too (within the loosened tolerance, closer than the reference), a little less closely. */
  alsoPossible?: { code: string; family?: string; title: string };
};

/**
 * The pass rule a verdict used, in NumPy's words, and how close the output came to it.
 * The rule mixes an absolute and a relative allowance per element, so a passing output
 * can show a max relative error above `rtol` (where the expected value is near zero,
 * `atol` carries it): this, not max rel error, is the measure the verdict used.
 */
export type LabToleranceUsed = {
  atol: number;
  rtol: number;
  /** The rule as NumPy states it, e.g. "np.allclose(yours, expected, rtol=0.001, atol=0.0001)". */
  rule: string;
  /** Max over finite elements of |yours − expected| / (atol + rtol·|expected|): the share of its allowance the worst element used (≤ 1 passes). Null when the shapes differ or no element is finite (and, read back from JSON, when it overflowed to Infinity). */
  worstRatio: number | null;
  /** Max over finite elements of |yours − expected| − (atol + rtol·|expected|): ≤ 0 passes. */
  worstMargin: number | null;
  /** Index per axis of the element with the worst ratio. */
  worstAt: number[] | null;
};

export type LabGradeResult = {
  passed: boolean;
  expectedShape: number[];
  actualShape: number[];
  /** Set when the shapes differ: what was expected, what came, and the likely cause (e.g. transposed, one head only). */
  shapeMessage?: string;
  /** Over finite elements; null when shapes differ. */
  maxAbsError: number | null;
  maxRelError: number | null;
  tolerance: { abs: number; rel: number };
  /** The pass rule and the worst element's share of its allowance; absent in results stored before it was reported. */
  toleranceUsed?: LabToleranceUsed;
  /** Elements outside tolerance, out of `size`. */
  mismatched: number;
  size: number;
  /** Up to 5, worst first. */
  worst: LabWorstPosition[];
  /** NaN / ±Infinity counts in the submission, with the first few positions. */
  nonFinite: { nan: number; posInf: number; negInf: number; first: number[][] };
  diagnosis: LabDiagnosis | null;
  /** One-sentence verdict for people and the CLI. */
  summary: string;
  backend: string;
  gradingMs: number;
};
