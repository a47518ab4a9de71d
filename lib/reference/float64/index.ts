/** Plain float64 path: same API as the tfjs path, synchronous, no backend. */
export { layerNorm, rmsNorm } from "./norm";
export { causalAttention } from "./attention";
export { erf, feedForward, gelu } from "./ffn";
export { forwardBlock } from "./block";
export { decodeStep, decodeWithCache } from "./decode";
