// LayerNorm forward over a [seq, d_model] activation: population variance,
// ε inside the root, then γ and β per feature. Rows span three decades of
// scale so that where ε goes, and whether it is there at all, shows.
import { denseLayerNorm, float64, type NormFaults } from "../../lib/reference";
import { defineLab, type LabVariantDefinition } from "../../lib/labs/define-lab";
import { fromRows, round, streamFor, toRows, uniformTensor } from "../../lib/labs/lab-data";
import type { Tensor } from "../../lib/labs/lab-types";

const SEQ = 64;
const D = 128;
const EPSILON = 1e-5;

type Params = { x: Tensor; gamma: Tensor; beta: Tensor };

/** Each row gets its own scale, log-uniform on [10^−2.5, 10^0.5]: some rows have variance below ε. */
function generate(seed: number): Params {
  const scales = streamFor(seed, 1);
  const values = streamFor(seed, 2);
  const data = new Float64Array(SEQ * D);
  for (let r = 0; r < SEQ; r++) {
    const scale = 10 ** (-2.5 + 3 * scales());
    const centre = (2 * scales() - 1) * scale;
    for (let c = 0; c < D; c++) data[r * D + c] = round(centre + (2 * values() - 1) * scale, 6);
  }
  return {
    x: { shape: [SEQ, D], data },
    gamma: uniformTensor(streamFor(seed, 3), [D], 0.5, 1),
    beta: uniformTensor(streamFor(seed, 4), [D], 0.5),
  };
}

const layerNorm = (p: Params, faults: NormFaults = {}, gamma = p.gamma, beta = p.beta): Tensor => denseLayerNorm(p.x, gamma, beta, EPSILON, faults);

/** Normalising each feature over the sequence (axis 0) instead of each row over its features. */
function wrongAxis(p: Params): Tensor {
  const rows = toRows(p.x);
  const columns = Array.from({ length: D }, (_, c) => rows.map((row) => row[c] ?? 0));
  const ones = new Array<number>(SEQ).fill(1);
  const zeros = new Array<number>(SEQ).fill(0);
  const normalised = float64.layerNorm(columns, ones, zeros, EPSILON);
  return fromRows(rows.map((_, r) => normalised.map((col, c) => (col[r] ?? 0) * (p.gamma.data[c] ?? 0) + (p.beta.data[c] ?? 0))));
}

const VARIANTS: LabVariantDefinition<Params>[] = [
  {
    code: "sample-variance",
    message:
      "You divided the sum of squares by d_model − 1. LayerNorm uses the population variance: divide by d_model (numpy's default ddof=0; torch.var needs unbiased=False).",
    output: (p) => layerNorm(p, { sampleVariance: true }),
  },
  {
    code: "epsilon-outside-sqrt",
    message: "You divided by √var + ε. The convention is √(var + ε): add ε to the variance, then take the root.",
    output: (p) => layerNorm(p, { epsilon: "outside" }),
  },
  {
    code: "epsilon-dropped",
    message: "You divided by √var without ε. Rows with a tiny variance blow up; add ε = 1e-5 inside the root.",
    output: (p) => layerNorm(p, { epsilon: "dropped" }),
  },
  {
    code: "rms-instead-of-std",
    message: "You normalised x by √(mean(x²) + ε) without centring it. LayerNorm subtracts the row mean first; that is RMSNorm's formula.",
    output: (p) => layerNorm(p, { skipMean: true }),
  },
  {
    code: "gamma-beta-swapped",
    message: "You multiplied by β and added γ. γ (gamma) scales the normalised row, β (beta) is added afterwards.",
    output: (p) => layerNorm(p, {}, p.beta, p.gamma),
  },
  {
    code: "beta-ignored",
    message: "You left out the shift β. After scaling by γ, add β feature by feature.",
    output: (p) => layerNorm(p, {}, p.gamma, { shape: [D], data: new Float64Array(D) }),
  },
  {
    code: "normalised-over-sequence",
    message: "You took mean and variance down each column (over the 64 positions). LayerNorm normalises each row over its d_model features (the last axis).",
    output: wrongAxis,
  },
];

export default defineLab<Params>({
  slug: "layernorm-forward",
  title: "LayerNorm forward",
  topic: "Normalization",
  difficulty: "EASY",
  summary: "Implement LayerNorm over the last axis of a 64 × 128 activation, with learned gain γ and shift β.",
  generate,
  inputs: (p) => [
    { name: "x", axes: ["seq", "d_model"], description: "Activations, one row per position.", tensor: p.x },
    { name: "gamma", axes: ["d_model"], description: "Gain γ, one per feature.", tensor: p.gamma },
    { name: "beta", axes: ["d_model"], description: "Shift β, one per feature.", tensor: p.beta },
  ],
  output: { name: "y", axes: ["seq", "d_model"], description: "LayerNorm(x), same shape as x.", shape: () => [SEQ, D] },
  task: () =>
    `For each of the ${SEQ} rows of \`x\` (${D} features each), compute ` +
    "$y = \\gamma \\odot \\dfrac{x - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}} + \\beta$ " +
    `where $\\mu$ and $\\sigma^2$ are that row's mean and variance, and submit \`y\` with shape [${SEQ}, ${D}].`,
  conventions: () => [
    `Shapes: \`x\` is [${SEQ}, ${D}] row-major (row = position, column = feature); \`gamma\` and \`beta\` are [${D}].`,
    "Normalise over the last axis (the features of one row), never over positions.",
    `Variance is the population variance: divide the sum of squared deviations by ${D} (not ${D - 1}).`,
    `ε = ${EPSILON.toExponential()}, added to the variance inside the square root: √(σ² + ε).`,
    "γ multiplies the normalised value, β is added after: y = γ ⊙ x̂ + β.",
    "Some rows have a variance smaller than ε on purpose: ε changes their output visibly.",
  ],
  scalars: () => ({ seq: SEQ, d_model: D, epsilon: EPSILON }),
  reference: (p) => layerNorm(p),
  float64Reference: (p) => fromRows(float64.layerNorm(toRows(p.x), p.gamma.data, p.beta.data, EPSILON)),
  variants: VARIANTS,
  shapeHint: (_p, actual) => (actual.length === 1 && actual[0] === D ? "one row only? Submit every row of x, normalised." : null),
});
