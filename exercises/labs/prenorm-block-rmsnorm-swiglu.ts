// A LLaMA-style pre-norm block: RMSNorm, causal GQA attention, RMSNorm, SwiGLU FFN.
import { defineBlockLab } from "../../lib/labs/block-lab";
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
    },
    config,
    seq,
  );
}

export default rmsnormSwigluBlockLab();
