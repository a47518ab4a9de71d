import * as tf from "@tensorflow/tfjs-core";
import { assertValidConfig, assertWeightsFit } from "../config";
import type { BlockFaults } from "../faults";
import type { BlockConfig, BlockOutput, BlockWeights, ForwardOptions, Matrix } from "../types";
import { attentionT } from "./attention";
import { feedForwardT } from "./ffn";
import { applyNormT } from "./norm";
import { matrixTensor, runTidy, toMatrices, toMatrix } from "./tensor-adapter";
import type { BlockWeightsLike } from "./weights";

/**
 * Residuals, norms and FFN around an attention sublayer, in the configured
 * placement. `attend` maps the attention input `[seq, dModel]` to its output.
 * `faults` (default none) applies norm and residual bugs; attention
 * faults are the `attend` callback's business.
 */
export function blockAroundT(
  config: BlockConfig,
  weights: BlockWeightsLike,
  x: tf.Tensor2D,
  attend: (input: tf.Tensor2D) => tf.Tensor2D,
  faults: BlockFaults = {},
): tf.Tensor2D {
  const norm1 = (t: tf.Tensor2D): tf.Tensor2D => applyNormT(config, weights.norm1, t, faults.norm1 ?? faults.norm);
  const norm2 = (t: tf.Tensor2D): tf.Tensor2D => applyNormT(config, weights.norm2, t, faults.norm2 ?? faults.norm);
  const ffn = (t: tf.Tensor2D): tf.Tensor2D => feedForwardT(config, weights, t, faults.gelu);
  const residual = (skip: tf.Tensor2D, branch: tf.Tensor2D): tf.Tensor2D => (faults.noResidual ? branch : tf.add<tf.Tensor2D>(skip, branch));
  if (config.placement === "pre") {
    const n1 = norm1(x);
    const h = residual(faults.normalisedStream ? n1 : x, attend(n1));
    const n2 = norm2(h);
    return residual(faults.normalisedStream ? n2 : h, ffn(n2));
  }
  const h = norm1(residual(x, attend(x)));
  return norm2(residual(h, ffn(h)));
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
