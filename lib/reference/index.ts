/**
 * Reference transformer block. The default exports run on tfjs (await
 * `initReferenceBackend()` first); `float64` is the exact, synchronous path for
 * exercise-size inputs. Only plain arrays cross this module's boundary.
 */
export * from "./types";
export { assertValidConfig, emptyKvCache, headDim, kvHeadFor } from "./config";
export {
  availableReferenceBackends,
  initReferenceBackend,
  referenceBackend,
  NODE_BACKEND_MIN_INPUT_ELEMENTS,
  useReferenceBackend,
  useReferenceBackendFor,
  type ReferenceBackendName,
} from "./backend";
export { randomBlockWeights, randomInput, randomMatrix, seededRandom } from "./seeded-random";
export { layerNorm, rmsNorm } from "./tfjs/norm";
export { causalAttention } from "./tfjs/attention";
export { feedForward } from "./tfjs/ffn";
export { forwardBlock } from "./tfjs/block";
export { decodeStep, decodeWithCache } from "./tfjs/decode";
export * as float64 from "./float64";
export type { AttentionFaults, BlockFaults, NormFaults } from "./faults";
export {
  denseAttention,
  denseForwardBlock,
  denseLayerNorm,
  denseRmsNorm,
  denseScaledDotProductAttention,
  type DenseAttentionWeights,
  type DenseBlockWeights,
  type DenseNormWeights,
  type DenseTensor,
} from "./tfjs/dense";
