// Every bug a transformer block can have, as a fault of the reference block:
// each is a mistake family (lib/mistakes) as it shows in a block of the given
// config. The block labs grade against all that fit their config, and the
// decode lab against the same ones on its decoded rows.
import type { BlockConfig, BlockFaults, DenseBlockWeights } from "../reference";
import type { BlockParams } from "./block-lab";
import type { LabVariantDefinition } from "./define-lab";

/** One bug: how it is named, and the faults, changed config or changed weights that compute it. */
export type BlockFaultCase = {
  variant: Omit<LabVariantDefinition<BlockParams>, "output">;
  faults?: BlockFaults;
  config?: BlockConfig;
  weights?: (p: BlockParams) => DenseBlockWeights;
};

/** The bugs of the block's wiring and attention, whatever its norm and FFN. */
function wiringAndAttention(config: BlockConfig): BlockFaultCase[] {
  const dHead = config.dModel / config.nHeads;
  return [
    {
      variant: {
        code: "post-norm-instead",
        message:
          "You normalised after each residual add (h = Norm1(x + Attn(x)), y = Norm2(h + FFN(h))). Pre-norm normalises the sublayer input only: h = x + Attn(Norm1(x)), y = h + FFN(Norm2(h)).",
      },
      config: { ...config, placement: "post" },
    },
    {
      variant: {
        code: "normalised-stream",
        message:
          "Your shortcut carried the normalised input (h = Norm1(x) + Attn(Norm1(x))). The norm feeds only the sublayer; the residual stream keeps x itself: h = x + Attn(Norm1(x)), y = h + FFN(Norm2(h)).",
      },
      faults: { normalisedStream: true },
    },
    {
      variant: {
        code: "forgot-residual",
        message: "You returned the sublayer outputs without adding their inputs back. Add the residuals: h = x + Attn(Norm1(x)), y = h + FFN(Norm2(h)).",
      },
      faults: { noResidual: true },
    },
    {
      variant: { code: "no-mask", message: "Positions attended to later positions. Mask keys j > i before the softmax." },
      faults: { attention: { mask: "none" } },
    },
    {
      variant: { code: "upper-triangle", message: "Query i attended to keys j ≥ i. Keep the lower triangle: j ≤ i." },
      faults: { attention: { mask: "upper" } },
    },
    {
      variant: { code: "scaled-by-dmodel", message: `You divided the scores by √${config.dModel}. Scale each head's scores by 1/√d_head = 1/√${dHead}.` },
      faults: { attention: { scale: "model" } },
    },
    {
      variant: { code: "scaled-by-d", message: `You divided the scores by d_head = ${dHead}. Scale each head's scores by 1/√d_head = 1/√${dHead}.` },
      faults: { attention: { scale: "dim" } },
    },
    {
      variant: {
        code: "kv-heads-tiled",
        message: `Query head h read KV head h mod ${config.nKvHeads}. Head h reads KV head ⌊h / ${config.nHeads / config.nKvHeads}⌋ (repeat_interleave / np.repeat, not np.tile).`,
      },
      faults: { attention: { kvHeads: "tiled" } },
    },
  ];
}

const SAMPLE_VARIANCE_FIX = "LayerNorm uses the population variance: divide by d_model (numpy's default ddof=0; torch.var needs unbiased=False).";

/** LayerNorm bugs: no centring, and n − 1 in the first norm, the second or both, each named with where. */
function layerNormCases(config: BlockConfig): BlockFaultCase[] {
  const n = config.dModel;
  return [
    {
      variant: {
        code: "rms-instead-of-std",
        message: "Your norms divided x by √(mean(x²) + ε) without centring (RMSNorm's formula, plus β). LayerNorm subtracts each row's mean first.",
      },
      faults: { norm: { skipMean: true } },
    },
    {
      variant: {
        code: "sample-variance",
        title: "Sample variance (n − 1) in both LayerNorms",
        message: `Both of your LayerNorms divided the sum of squares by ${n} − 1. ${SAMPLE_VARIANCE_FIX}`,
      },
      faults: { norm: { sampleVariance: true } },
    },
    {
      variant: {
        code: "sample-variance-norm1",
        family: "sample-variance",
        title: "Sample variance (n − 1) in the first LayerNorm",
        message: `Your first LayerNorm (before attention) divided the sum of squares by ${n} − 1; the second was right. ${SAMPLE_VARIANCE_FIX}`,
      },
      faults: { norm1: { sampleVariance: true } },
    },
    {
      variant: {
        code: "sample-variance-norm2",
        family: "sample-variance",
        title: "Sample variance (n − 1) in the second LayerNorm",
        message: `Your second LayerNorm (before the FFN) divided the sum of squares by ${n} − 1; the first was right. ${SAMPLE_VARIANCE_FIX}`,
      },
      faults: { norm2: { sampleVariance: true } },
    },
  ];
}

/** RMSNorm's bug: centring first, i.e. LayerNorm with β = 0. */
function rmsNormCases(config: BlockConfig): BlockFaultCase[] {
  const zeros = { shape: [config.dModel], data: new Float32Array(config.dModel) };
  return [
    {
      variant: {
        code: "subtracted-mean",
        message: "You subtracted the row mean before normalising. RMSNorm divides x itself by √(mean(x²) + ε); it never centres.",
      },
      config: { ...config, norm: "layernorm" },
      weights: (p) => {
        const w = p.float32.weights;
        return { ...w, norm1: { ...w.norm1, beta: zeros }, norm2: { ...w.norm2, beta: zeros } };
      },
    },
  ];
}

/** FFN bugs: the tanh GELU (which can stay within the tolerance), SwiGLU's branches swapped. */
function ffnCases(config: BlockConfig): BlockFaultCase[] {
  if (config.ffn === "gelu") return [{ variant: { code: "gelu-tanh", mayPass: true }, faults: { gelu: "tanh" } }];
  return [
    {
      variant: {
        code: "swiglu-branches-swapped",
        message: "You applied SiLU to u·w3 and multiplied by u·w1 (u = RMSNorm2(h)). w1 is the gate: silu(u·w1) ⊙ (u·w3).",
      },
      weights: (p) => {
        const w = p.float32.weights;
        return w.w3 ? { ...w, w1: w.w3, w3: w.w1 } : w;
      },
    },
  ];
}

/** Every bug a block of this config can have. */
export function blockFaultCases(config: BlockConfig): BlockFaultCase[] {
  return [...wiringAndAttention(config), ...(config.norm === "layernorm" ? layerNormCases(config) : rmsNormCases(config)), ...ffnCases(config)];
}
