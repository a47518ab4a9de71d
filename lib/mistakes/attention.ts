// Mistake families of attention: masks, scaling, softmax, heads and the weighted sum.
import type { MistakeFamily } from "./family";

export const ATTENTION_FAMILIES: readonly MistakeFamily[] = [
  {
    code: "mask-after-softmax",
    title: "Mask applied after the softmax",
    changes: "softmax over every key, then future weights set to 0 without renormalising",
    message:
      "You ran the softmax over every key and then zeroed the future weights, so a row no longer sums to 1. Mask the scores first (−∞), then take the softmax.",
  },
  {
    code: "upper-triangle",
    title: "Mask on the wrong triangle",
    changes: "query i sees keys j ≥ i instead of j ≤ i",
    message: "You masked the past and kept the future. A causal mask hides keys after the query (j > i) and keeps j ≤ i.",
  },
  {
    code: "no-mask",
    title: "No causal mask",
    changes: "every key visible to every query",
    message: "You did not mask at all: queries attended to later positions. Keys after the query must get weight 0 (score −∞ before the softmax).",
  },
  {
    code: "zero-not-neg-inf",
    title: "Masked scores set to 0, not −∞",
    changes: "masked scores 0 (e⁰ = 1) instead of −∞ (e^−∞ = 0)",
    message: "You set the masked scores to 0 instead of −∞, so each still gets e⁰ = 1 and a share of the weight. Masked scores must be −∞.",
  },
  {
    code: "scaled-by-dmodel",
    title: "Scaled by √d_model instead of √d_head",
    changes: "scores / √d_model instead of / √d_head",
    message: "You divided the scores by √d_model. The scale uses the width of one head: √d_head.",
  },
  {
    code: "no-scaling",
    title: "Missing 1/√d scaling",
    changes: "scores q·kᵀ unscaled",
    message: "You skipped the 1/√d_head scaling. Without it the softmax saturates as d_head grows.",
  },
  {
    code: "scaled-by-d",
    title: "Scaled by 1/d instead of 1/√d",
    changes: "scores / d_head instead of / √d_head",
    message: "You divided the scores by d_head. The scale is 1/√d_head: the square root keeps the scores' spread near 1.",
  },
  {
    code: "softmax-wrong-axis",
    title: "Softmax over the wrong axis",
    changes: "each key's column normalised over the queries instead of each query's row over the keys",
    message: "You normalised down the columns (over queries). Each query's row is a distribution over keys: softmax along each row, the last axis.",
  },
  {
    code: "kv-heads-tiled",
    title: "KV heads repeated in the wrong order (tiled)",
    changes: "query head h reads KV head h mod n_kv instead of ⌊h / group⌋",
    message:
      "Query head h read KV head h mod n_kv_heads. The grouping is contiguous: head h reads KV head ⌊h / group⌋ (repeat_interleave / np.repeat, not np.tile).",
  },
  {
    code: "missing-output-projection",
    title: "Output projection Wo not applied",
    changes: "concatenated heads returned without · Wo",
    message: "You submitted the concatenated head outputs. Multiply them by Wo to get the layer's output.",
  },
  {
    code: "weighted-keys",
    title: "Weighted the keys instead of the values",
    changes: "Σ w_j k_j instead of Σ w_j v_j",
    message: "You averaged the key rows. Keys only decide the weights; the output is the weighted sum of the value rows.",
  },
  {
    code: "unnormalised-weights",
    title: "Weights not normalised",
    changes: "e^{s_j} used as weights without dividing by their sum",
    message: "You used the weights before normalising them. Softmax weights sum to 1: divide each by their sum first.",
  },
  {
    code: "transposed-v",
    title: "Columns of V weighted instead of rows",
    changes: "weight j multiplies column j of V",
    message: "You weighted the columns of V instead of its rows. Each row of V is one position's value vector; weight j multiplies row j.",
  },
];
