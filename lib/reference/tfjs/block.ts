import * as tf from "@tensorflow/tfjs-core";
import { assertValidConfig, assertWeightsFit } from "../config";
import type { BlockConfig, BlockOutput, BlockWeights, ForwardOptions, Matrix } from "../types";
import { attentionT } from "./attention";
import { feedForwardT } from "./ffn";
import { applyNormT } from "./norm";
import { matrixTensor, runTidy, toMatrices, toMatrix } from "./tensor-adapter";

/**
 * Residuals, norms and FFN around an attention sublayer, in the configured
 * placement. `attend` maps the attention input `[seq, dModel]` to its output.
 */
export function blockAroundT(
  config: BlockConfig,
  weights: BlockWeights,
  x: tf.Tensor2D,
  attend: (input: tf.Tensor2D) => tf.Tensor2D,
): tf.Tensor2D {
  if (config.placement === "pre") {
    const h = tf.add<tf.Tensor2D>(x, attend(applyNormT(config, weights.norm1, x)));
    return tf.add<tf.Tensor2D>(h, feedForwardT(config, weights, applyNormT(config, weights.norm2, h)));
  }
  const h = applyNormT(config, weights.norm1, tf.add<tf.Tensor2D>(x, attend(x)));
  return applyNormT(config, weights.norm2, tf.add<tf.Tensor2D>(h, feedForwardT(config, weights, h)));
}

/**
 * One transformer block on `x: [seq, dModel]` → `[seq, dModel]` on the active
 * tfjs backend (float32). Conventions: see `../types`. Precondition:
 * `await initReferenceBackend()`.
 */
export function forwardBlock(config: BlockConfig, weights: BlockWeights, x: Matrix, options: ForwardOptions = {}): BlockOutput {
  assertValidConfig(config);
  assertWeightsFit(config, weights);
  if (x.length === 0) return options.attentionWeights ? { output: [], attentionWeights: Array.from({ length: config.nHeads }, () => []) } : { output: [] };
  return runTidy(() => {
    let attention: tf.Tensor3D | null = null;
    const output = blockAroundT(config, weights, matrixTensor(x, config.dModel), (input) => {
      const result = attentionT(config, weights, input);
      attention = result.weights;
      return result.output;
    });
    const plain = toMatrix(output);
    return options.attentionWeights && attention ? { output: plain, attentionWeights: toMatrices(attention) } : { output: plain };
  });
}
