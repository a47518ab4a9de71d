/**
 * Deliberate deviations from the conventions in `./types`, so a grader can
 * compute what a learner's buggy code would output and name the bug. Every
 * field is optional and its absence means the correct behaviour: passing no
 * faults (or `{}`) gives exactly the reference.
 */

export interface NormFaults {
  /** Divide the sum of squares by n − 1 (sample variance) instead of n. LayerNorm only. */
  sampleVariance?: boolean;
  /** "outside": divide by √var + ε; "dropped": by √var. Default: √(var + ε). */
  epsilon?: "inside" | "outside" | "dropped";
  /** LayerNorm without subtracting the mean (an RMS of x, then + β). */
  skipMean?: boolean;
}

export interface AttentionFaults {
  /** "none": every key visible; "upper": the wrong triangle (query i sees keys j ≥ i). Default "causal". */
  mask?: "causal" | "none" | "upper";
  /** Softmax over all keys, then zero the masked weights without renormalising. */
  maskAfterSoftmax?: boolean;
  /** "model": divide scores by √dModel; "dim": by dHead (no root); "none": no scaling. Default "head" (√dHead). */
  scale?: "head" | "model" | "dim" | "none";
  /** "tiled": query head h reads KV head h mod nKvHeads. Default "grouped" (floor(h / group)). */
  kvHeads?: "grouped" | "tiled";
  /** "queries": normalise each key's column over the queries. Default "keys". */
  softmaxAxis?: "keys" | "queries";
  /** Replaces the visibility rule (decode bugs): may query row `i` see key row `j`? */
  visible?: (i: number, j: number) => boolean;
  /** RoPE position of row `r` for Q and K (decode bugs). Default `start + r`. */
  ropePosition?: (r: number) => number;
  /** "interleaved": rotate pairs (x_2k, x_2k+1); "none": no rotation. Default "rotate-half" (x_k, x_k+dHead/2). Only with `config.rope`. */
  rope?: "rotate-half" | "interleaved" | "none";
}

export interface BlockFaults {
  /** Faults of both norms; `norm1` / `norm2`, when given, replace it for that norm alone. */
  norm?: NormFaults;
  norm1?: NormFaults;
  norm2?: NormFaults;
  attention?: AttentionFaults;
  /** Drop both residual connections (y = FFN(N2(Attn(N1(x)))) in pre-norm). */
  noResidual?: boolean;
  /** Pre-norm with the normalised stream on the shortcut: h = N1(x) + Attn(N1(x)), y = N2(h) + FFN(N2(h)). */
  normalisedStream?: boolean;
  /** "tanh": GELU's tanh approximation instead of the exact erf form. */
  gelu?: "erf" | "tanh";
}
