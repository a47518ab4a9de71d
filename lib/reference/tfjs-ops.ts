// The tfjs path with the float64 path's API, so an exercise's `solve` can run
// on either (ReferenceOps). The scalar helpers erf and gelu have no tfjs twin
// and stay float64. Await `initReferenceBackend()` before calling these.
import * as float64 from "./float64";
import { causalAttention } from "./tfjs/attention";
import { decodeStep, decodeWithCache } from "./tfjs/decode";
import { feedForward } from "./tfjs/ffn";
import { forwardBlock } from "./tfjs/block";
import { layerNorm, rmsNorm } from "./tfjs/norm";

export const tfjsOps: typeof float64 = {
  ...float64,
  layerNorm,
  rmsNorm,
  causalAttention,
  feedForward,
  forwardBlock,
  decodeStep,
  decodeWithCache,
};
