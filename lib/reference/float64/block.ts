import { assertValidConfig, assertWeightsFit } from "../config";
import type { BlockConfig, BlockOutput, BlockWeights, ForwardOptions, Matrix } from "../types";
import { attentionMat } from "./attention";
import { feedForwardMat } from "./ffn";
import { add, fromMat, type Mat, toMat } from "./matrix";
import { applyNormMat } from "./norm";

/** Residuals, norms and FFN around an attention sublayer, in the configured placement. */
export function blockAroundMat(config: BlockConfig, weights: BlockWeights, x: Mat, attend: (input: Mat) => Mat): Mat {
  if (config.placement === "pre") {
    const h = add(x, attend(applyNormMat(config, weights.norm1, x)));
    return add(h, feedForwardMat(config, weights, applyNormMat(config, weights.norm2, h)));
  }
  const h = applyNormMat(config, weights.norm1, add(x, attend(x)));
  return applyNormMat(config, weights.norm2, add(h, feedForwardMat(config, weights, h)));
}

/**
 * Float64 transformer block on `x: [seq, dModel]`; same contract as the tfjs
 * `forwardBlock`, synchronous and backend-free. Meant for exercise-size inputs.
 */
export function forwardBlock(config: BlockConfig, weights: BlockWeights, x: Matrix, options: ForwardOptions = {}): BlockOutput {
  assertValidConfig(config);
  assertWeightsFit(config, weights);
  let attention: number[][][] = Array.from({ length: config.nHeads }, () => []);
  if (x.length === 0) return options.attentionWeights ? { output: [], attentionWeights: attention } : { output: [] };
  const output = blockAroundMat(config, weights, toMat(x, config.dModel), (input) => {
    const result = attentionMat(config, weights, input);
    attention = result.weights;
    return result.output;
  });
  return options.attentionWeights ? { output: fromMat(output), attentionWeights: attention } : { output: fromMat(output) };
}
