// KV-cache decoding through a LLaMA-style block (RMSNorm, GQA, RoPE, SwiGLU):
// prefill a prompt, then decode one token at a time; every decoded output
// must equal the full causal forward pass at that position.
import { float64, type AttentionFaults, type BlockConfig, type BlockFaults } from "../../lib/reference";
import { blockConventions, blockInputSpecs, blockShapeHint, float64BlockWeights, generateBlock, runBlock, type BlockParams } from "../../lib/labs/block-lab";
import { blockFaultCases } from "../../lib/labs/block-faults";
import { defineLab, type LabVariantDefinition } from "../../lib/labs/define-lab";
import { fromRows, sliceRows, toRows } from "../../lib/labs/lab-data";
import type { Tensor } from "../../lib/labs/lab-types";

const PROMPT = 48;
const DECODE = 16;
const SEQ = PROMPT + DECODE;
const CONFIG: BlockConfig = {
  dModel: 128,
  nHeads: 8,
  nKvHeads: 2,
  dFf: 384,
  norm: "rmsnorm",
  placement: "pre",
  ffn: "swiglu",
  epsilon: 1e-6,
  rope: { base: 10000 },
};

const isPrompt = (i: number): boolean => i < PROMPT;

/** The decoded rows of the full pass (or of a buggy pass expressed as a full pass with its own mask, positions and faults). */
const decodedWith = (p: BlockParams, faults: BlockFaults = {}, config: BlockConfig = CONFIG, weights = p.float32.weights): Tensor =>
  sliceRows(runBlock(config, p, faults, weights), PROMPT, DECODE);
const decoded = (p: BlockParams, attention: AttentionFaults = {}): Tensor => decodedWith(p, { attention });

/** Every bug of the block itself, seen on the decoded rows; a mask on the wrong triangle cannot arise in a decode loop and is left out. */
const BLOCK_VARIANTS: LabVariantDefinition<BlockParams>[] = blockFaultCases(CONFIG)
  .filter((c) => c.variant.code !== "upper-triangle")
  .map((c) => ({ ...c.variant, output: (p) => decodedWith(p, c.faults, c.config, c.weights?.(p)) }));

/** Decode bugs as a full pass: the prompt rows stay correct, the decoded rows see the keys and positions the bug gives them. */
const VARIANTS: LabVariantDefinition<BlockParams>[] = [
  {
    code: "cache-position-not-advanced",
    message: `Your position counter stayed at ${PROMPT} while decoding: each new token overwrote the same cache slot and was rotated as position ${PROMPT}. After each step, advance the position (cache length) by one.`,
    output: (p) =>
      decoded(p, {
        visible: (i, j) => (isPrompt(i) ? j <= i : j < PROMPT || j === i),
        ropePosition: (r) => (isPrompt(r) ? r : PROMPT),
      }),
  },
  {
    code: "rope-offset-missing",
    message: `Each decoded token was rotated as position 0. Its RoPE position is its absolute index: the prompt length plus the step (${PROMPT}, ${PROMPT + 1}, …).`,
    output: (p) => decoded(p, { ropePosition: (r) => (isPrompt(r) ? r : 0) }),
  },
  {
    code: "rope-position-off-by-one",
    message: `Decoded token t was rotated as position t + 1 (the cache length after appending). Use the position before appending: the first decoded token is position ${PROMPT}.`,
    output: (p) => decoded(p, { ropePosition: (r) => (isPrompt(r) ? r : r + 1) }),
  },
  {
    code: "kv-appended-after-attention",
    message:
      "Each decoded token attended over the cache before its own key and value were in it, so it never saw itself. Append the new K and V first, then attend.",
    output: (p) => decoded(p, { visible: (i, j) => (isPrompt(i) ? j <= i : j < i) }),
  },
  {
    code: "cache-not-used",
    message: "Each decoded token's attention saw only its own key and value. Attend over every cached position: the prompt and all tokens decoded so far.",
    output: (p) => decoded(p, { visible: (i, j) => (isPrompt(i) ? j <= i : j === i) }),
  },
  {
    code: "prompt-missing-from-cache",
    message: `The decoded tokens saw each other but not the ${PROMPT} prompt positions. The prefill pass must leave the prompt's K and V in the cache.`,
    output: (p) => decoded(p, { visible: (i, j) => (isPrompt(i) ? j <= i : j >= PROMPT && j <= i) }),
  },
  {
    code: "decoded-dropped-from-cache",
    message: `Each decoded token saw the ${PROMPT} prompt positions and itself, but not the tokens decoded before it. Append every decoded token's K and V to the cache and keep them.`,
    output: (p) => decoded(p, { visible: (i, j) => (isPrompt(i) ? j <= i : j < PROMPT || j === i) }),
  },
  {
    code: "rope-position-stuck",
    message: `Every decoded token was rotated at position ${PROMPT}, though the cache grew. The rotary position advances with the cache: decoded token t is at ${PROMPT} + t.`,
    output: (p) => decoded(p, { ropePosition: (r) => (isPrompt(r) ? r : PROMPT) }),
  },
  {
    code: "rope-positions-from-zero",
    message: `You numbered the decoded tokens from 0 (0, 1, 2, …). Positions are absolute: decoded token t is at ${PROMPT} + t, after the ${PROMPT} prompt positions.`,
    output: (p) => decoded(p, { ropePosition: (r) => (isPrompt(r) ? r : r - PROMPT) }),
  },
  { code: "no-rope", output: (p) => decoded(p, { rope: "none" }) },
  { code: "rope-interleaved", output: (p) => decoded(p, { rope: "interleaved" }) },
  ...BLOCK_VARIANTS,
];

export default defineLab<BlockParams>({
  slug: "kv-cache-decode",
  title: "KV-cache decode",
  topic: "Inference",
  difficulty: "HARD",
  summary: `Prefill a ${PROMPT}-token prompt into a KV cache, then decode ${DECODE} tokens one at a time through a LLaMA-style block (RMSNorm, GQA, RoPE, SwiGLU); every step must equal the full causal pass.`,
  generate: (seed) => generateBlock(CONFIG, SEQ, seed),
  inputs: (p) => blockInputSpecs(CONFIG, p),
  output: {
    name: "decoded",
    axes: ["decode_step", "d_model"],
    description: `Block output of each decoded token: row t is position ${PROMPT} + t.`,
    shape: () => [DECODE, CONFIG.dModel],
  },
  task: () =>
    `Rows 0–${PROMPT - 1} of \`x\` are the prompt, rows ${PROMPT}–${SEQ - 1} the tokens to decode (given, not sampled). ` +
    `Run the prompt through the block in one causal pass and keep every prompt position's K (after RoPE) and V, per KV head, in a cache. ` +
    `Then, for t = 0 … ${DECODE - 1}, feed row ${PROMPT} + t alone: project it, rotate it at position ${PROMPT} + t, append its K and V to the cache, ` +
    `attend over all cached positions, and finish the block. Submit the ${DECODE} decoded outputs as a [${DECODE}, ${CONFIG.dModel}] tensor.`,
  conventions: () => [
    ...blockConventions(CONFIG, SEQ),
    `Positions are absolute: prompt row i is position i; decoded step t is position ${PROMPT} + t, for RoPE and for the cache slot.`,
    "The cache holds K after RoPE and V, per KV head (2 × [positions, 16] each); a decoded token attends over the prompt, the earlier decoded tokens and itself.",
    `Submit only the decoded rows (${DECODE} of them), not the prompt's outputs. They must equal rows ${PROMPT}–${SEQ - 1} of the full causal forward pass over all ${SEQ} rows.`,
  ],
  scalars: () => ({
    prompt_len: PROMPT,
    decode_steps: DECODE,
    d_model: CONFIG.dModel,
    n_heads: CONFIG.nHeads,
    n_kv_heads: CONFIG.nKvHeads,
    d_ff: CONFIG.dFf,
    epsilon: CONFIG.epsilon,
    rope_base: 10000,
  }),
  reference: (p) => decoded(p),
  float64Reference: (p) => fromRows(float64.decodeWithCache(CONFIG, float64BlockWeights(p), toRows(p.x)).outputs.slice(PROMPT)),
  variants: VARIANTS,
  shapeHint: (_p, actual) => {
    const [a, b] = actual;
    if (actual.length === 2 && a === SEQ && b === CONFIG.dModel)
      return `all ${SEQ} positions: submit only the ${DECODE} decoded rows (positions ${PROMPT}–${SEQ - 1}).`;
    if (actual.length === 2 && a === PROMPT && b === CONFIG.dModel) return "the prompt's outputs: submit the decoded tokens' outputs instead.";
    if (actual.length === 1 && a === CONFIG.dModel) return `one token's output: stack all ${DECODE} decoded steps into [${DECODE}, ${CONFIG.dModel}].`;
    return blockShapeHint(CONFIG, SEQ, actual);
  },
});
