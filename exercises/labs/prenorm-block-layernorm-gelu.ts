// A pre-norm block with LayerNorm and an exact-GELU FFN: LayerNorm, causal GQA attention, LayerNorm, GELU FFN.
import { defineBlockLab } from "../../lib/labs/block-lab";
import type { Lab } from "../../lib/labs/define-lab";
import type { BlockConfig } from "../../lib/reference";

const LAB_SEQ = 64;
const LAB_CONFIG: BlockConfig = { dModel: 128, nHeads: 8, nKvHeads: 2, dFf: 512, norm: "layernorm", placement: "pre", ffn: "gelu", epsilon: 1e-5 };

/**
 * The lab at any size (the bench grades it at seq 128, d_model 512); the
 * catalogue uses seq 64, d_model 128.
 */
export function layernormGeluBlockLab(seq: number = LAB_SEQ, config: BlockConfig = LAB_CONFIG): Lab {
  return defineBlockLab(
    {
      slug: "prenorm-block-layernorm-gelu",
      title: "Pre-norm block: LayerNorm + GELU",
      summary:
        "A whole pre-norm transformer block: LayerNorm, causal grouped-query attention with 8 query heads over 2 KV heads, LayerNorm, exact (erf) GELU feed-forward, two residuals.",
      task:
        `Run one pre-norm block on \`x\` ([${seq}, ${config.dModel}]): $h = x + \\mathrm{Attn}(\\mathrm{LN}_1(x))$, ` +
        `$y = h + \\mathrm{GELU}(u\\,W_1)\\,W_2$ with $u = \\mathrm{LN}_2(h)$, row vectors throughout. Submit \`y\`.`,
      extraConventions: [
        "The tanh approximation of GELU (JAX's default) is off by up to ~1.5e-4 in y here, right at the tolerance edge: use erf (math.erf, scipy.special.erf, torch.erf, jax.nn.gelu(u, approximate=False)). An output that matches the tanh form is named, even when it passes.",
      ],
    },
    config,
    seq,
  );
}

export default layernormGeluBlockLab();
