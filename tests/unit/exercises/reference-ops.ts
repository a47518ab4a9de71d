export { tfjsOps } from "@/lib/reference/tfjs-ops";
import * as float64 from "@/lib/reference/float64";
import type { ReferenceOps } from "@/lib/grading/exercise-definition";

/** float64 ops that record which functions were called, to tell whether an exercise uses the reference. */
export function recordingOps(): { ops: ReferenceOps; calls: Set<string> } {
  const calls = new Set<string>();
  const wrap =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      calls.add(name);
      return fn(...args);
    };
  const ops: ReferenceOps = {
    erf: wrap("erf", float64.erf),
    gelu: wrap("gelu", float64.gelu),
    layerNorm: wrap("layerNorm", float64.layerNorm),
    rmsNorm: wrap("rmsNorm", float64.rmsNorm),
    causalAttention: wrap("causalAttention", float64.causalAttention),
    feedForward: wrap("feedForward", float64.feedForward),
    forwardBlock: wrap("forwardBlock", float64.forwardBlock),
    decodeStep: wrap("decodeStep", float64.decodeStep),
    decodeWithCache: wrap("decodeWithCache", float64.decodeWithCache),
  };
  return { ops, calls };
}
