// Mistake families of the KV cache (memory, decode work, decode code) and of parameter and FLOP counts.
import type { MistakeFamily } from "./family";

export const CACHE_AND_COUNT_FAMILIES: readonly MistakeFamily[] = [
  {
    code: "query-heads-not-kv-heads",
    title: "Cache sized with the query heads",
    changes: "n_heads instead of n_kv_heads in the cache size",
    message: "You sized the cache with the query heads. Only the KV heads store keys and values; the query heads share them.",
  },
  {
    code: "forgot-k-or-v",
    title: "Keys or values left out",
    changes: "one of K and V counted",
    message: "Your total is half the cache: every token stores both a key and a value vector, so count a factor of 2.",
  },
  {
    code: "mb-vs-mib",
    title: "MB instead of MiB",
    changes: "bytes / 10⁶ instead of / 2²⁰",
    message: "You divided by 10^6 (MB) but the question asks for MiB, which is 2^20 = 1,048,576 bytes.",
  },
  {
    code: "bits-not-bytes",
    title: "Bits counted as bytes",
    changes: "bits per number used as bytes per number",
    message: "You counted bits per number as if they were bytes. FP16 is 2 bytes, INT8 1 byte, INT4 half a byte.",
  },
  {
    code: "forgot-layers",
    title: "Layers left out",
    changes: "one layer's cache",
    message: "Every layer keeps its own cache: multiply by the number of layers.",
  },
  {
    code: "forgot-batch",
    title: "Batch left out",
    changes: "one sequence's cache",
    message: "Each sequence in the batch has its own cache: multiply by the batch size.",
  },
  {
    code: "counted-quadratic-as-linear",
    title: "Only the last step counted",
    changes: "P + n instead of Σ over steps",
    message: "You counted only the last step. Without a cache every step redoes its whole prefix, so the work sums to roughly n·P + n²/2.",
  },
  {
    code: "final-length-every-step",
    title: "Final length at every step",
    changes: "n·(P + n) instead of Σ (t + 1)",
    message: "Early steps see shorter sequences: step t projects t + 1 positions, not the final length every time.",
  },
  {
    code: "counted-prefill-with-cache",
    title: "Prefill counted with the cache",
    changes: "P + n instead of n with the cache",
    message: "The prefill is excluded from both counts; with a cache each decode step projects just one new position.",
  },
  {
    code: "cache-position-not-advanced",
    title: "Cache position not advanced",
    changes: "every decoded token written to the same cache slot and rotated at the same position",
    message:
      "Your position counter stayed put while decoding: each new token overwrote the same cache slot. After each step, advance the position (cache length) by one.",
  },
  {
    code: "kv-appended-after-attention",
    title: "New K/V appended after attending",
    changes: "decoded token attends over the cache without its own key and value",
    message:
      "Each decoded token attended over the cache before its own key and value were in it, so it never saw itself. Append the new K and V first, then attend.",
  },
  {
    code: "cache-not-used",
    title: "Decoded tokens attend only to themselves",
    changes: "decoded token sees only its own key",
    message: "Each decoded token's attention saw only its own key and value. Attend over every cached position: the prompt and all tokens decoded so far.",
  },
  {
    code: "prompt-missing-from-cache",
    title: "Prompt missing from the cache",
    changes: "decoded tokens see each other but not the prompt",
    message: "The decoded tokens saw each other but not the prompt. The prefill pass must leave the prompt's K and V in the cache.",
  },
  {
    code: "decoded-dropped-from-cache",
    title: "Earlier decoded tokens dropped from the cache",
    changes: "decoded token sees the prompt and itself, not the tokens decoded before it",
    message: "Each decoded token saw the prompt and itself but not the tokens decoded before it. Keep appending every decoded token's K and V to the cache.",
  },
  {
    code: "scores-only",
    title: "Only the scores counted",
    changes: "q·k work without the weighted sum of values",
    message: "The attention weights still multiply the values: the weighted sum costs as much as the scores, n·d multiply-adds more.",
  },
  {
    code: "one-head-only",
    title: "One head counted",
    changes: "d_head instead of d in the per-token count",
    message: "Each head works in d_head dimensions, but all heads run: together they cost n·d per product, not n·d_head.",
  },
  {
    code: "ffn-one-matrix",
    title: "One FFN matrix counted",
    changes: "d·4d instead of 2·d·4d",
    message: "The FFN has two d×4d matrices (up and down), so 8d² multiply-adds = 16d² FLOPs per token.",
  },
  {
    code: "multiply-add-one-flop",
    title: "A multiply-add counted as one FLOP",
    changes: "every count halved: 1 FLOP per multiply-add instead of 2",
    message: "You counted a multiply-add as one FLOP. It is two (a multiply and an add), so every FLOP count doubles; the crossover point does not move.",
  },
  {
    code: "ffn-as-4d2",
    title: "FFN counted as 4d²",
    changes: "one d×4d matrix",
    message: "The FFN has two matrices, d×4d up and 4d×d down, so 8d² weights, not 4d².",
  },
  {
    code: "attention-3d2",
    title: "Output projection left out",
    changes: "3d² instead of 4d²",
    message: "Attention has four d×d matrices: queries, keys, values and the output projection that mixes the heads back to d.",
  },
  {
    code: "swiglu-two-matrices",
    title: "SwiGLU counted with two matrices",
    changes: "2·d·h instead of 3·d·h",
    message: "SwiGLU has three matrices (gate, up, down), so 3·d·h = 8d² gives h = 8d/3, not 4d.",
  },
];
