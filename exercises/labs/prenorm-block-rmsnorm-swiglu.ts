// A LLaMA-style pre-norm block: RMSNorm, causal GQA attention, RMSNorm, SwiGLU FFN.
import { defineBlockLab, runBlock } from "../../lib/labs/block-lab";
import type { Lab } from "../../lib/labs/define-lab";
import type { BlockConfig } from "../../lib/reference";

const LAB_SEQ = 64;
const LAB_CONFIG: BlockConfig = { dModel: 128, nHeads: 8, nKvHeads: 2, dFf: 384, norm: "rmsnorm", placement: "pre", ffn: "swiglu", epsilon: 1e-6 };

/**
 * The lab at any size (the bench grades it at seq 128, d_model 512); the
 * catalogue uses seq 64, d_model 128.
 */
export function rmsnormSwigluBlockLab(seq: number = LAB_SEQ, config: BlockConfig = LAB_CONFIG): Lab {
  return defineBlockLab(
    {
      slug: "prenorm-block-rmsnorm-swiglu",
      title: "Pre-norm block: RMSNorm + SwiGLU",
      summary:
        "A whole pre-norm transformer block, LLaMA style: RMSNorm, causal attention with 8 query heads over 2 KV heads, RMSNorm, SwiGLU feed-forward, two residuals.",
      task:
        `Run one pre-norm block on \`x\` ([${seq}, ${config.dModel}]): $h = x + \\mathrm{Attn}(\\mathrm{RMSNorm}_1(x))$, ` +
        `$y = h + \\big(\\mathrm{silu}(uW_1) \\odot uW_3\\big)W_2$ with $u = \\mathrm{RMSNorm}_2(h)$. Submit \`y\`.`,
      variants: [
        {
          code: "subtracted-mean",
          message: "You subtracted the row mean before normalising. RMSNorm divides x itself by √(mean(x²) + ε); it never centres.",
          output: (p) => {
            const zeros = { shape: [config.dModel], data: new Float32Array(config.dModel) };
            const w = p.float32.weights;
            return runBlock({ ...config, norm: "layernorm" }, p, {}, { ...w, norm1: { ...w.norm1, beta: zeros }, norm2: { ...w.norm2, beta: zeros } });
          },
        },
        {
          code: "swiglu-branches-swapped",
          message: "You applied SiLU to h·w3 and multiplied by h·w1. w1 is the gate: silu(h·w1) ⊙ (h·w3).",
          output: (p) => {
            const w = p.float32.weights;
            return w.w3 ? runBlock(config, p, {}, { ...w, w1: w.w3, w3: w.w1 }) : runBlock(config, p);
          },
        },
      ],
    },
    config,
    seq,
  );
}

export default rmsnormSwigluBlockLab();
