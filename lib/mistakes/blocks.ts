// Mistake families of the block around attention: residuals, norm placement, the FFN, and gradients through it.
import type { MistakeFamily } from "./family";

export const BLOCK_FAMILIES: readonly MistakeFamily[] = [
  {
    code: "post-norm-instead",
    title: "Post-norm instead of pre-norm",
    changes: "h = N1(x + f(x)) instead of h = x + f(N1(x))",
    message:
      "You normalised after each residual add (post-norm: h = N(x + f(x))). Pre-norm normalises the sublayer's input only: h = x + f(N(x)), and the sum is never normalised.",
  },
  {
    code: "normalised-stream",
    title: "Residual stream normalised before the add",
    changes: "h = N1(x) + f(N1(x)) instead of x + f(N1(x)): the shortcut carries the normalised x",
    message:
      "You replaced the residual stream by its normalised copy, so the shortcut carried N(x) instead of x. The norm feeds only the sublayer: h = x + f(N(x)).",
  },
  {
    code: "forgot-residual",
    title: "Residual connections missing",
    changes: "h = f(N1(x)) instead of x + f(N1(x))",
    message: "You kept only the sublayer's output and dropped the shortcut. Each sublayer's result is added to the stream it read: h = x + f(N(x)).",
  },
  {
    code: "added-norm-output",
    title: "Added the norm's output instead of the sublayer's",
    changes: "h = x + N1(x) instead of x + f(N1(x))",
    message: "You added N(x) to the stream instead of the sublayer's output. The normalised vector goes into f, and f's output is what is added.",
  },
  {
    code: "gelu-tanh",
    title: "tanh approximation of GELU where the erf form is asked",
    changes: "0.5·u·(1 + tanh(√(2/π)(u + 0.044715u³))) instead of 0.5·u·(1 + erf(u/√2))",
    message:
      "You used the tanh approximation of GELU (JAX's and Flax's default, PyTorch's approximate='tanh'). This task asks for the exact form 0.5·u·(1 + erf(u/√2)): jax.nn.gelu(u, approximate=False), math.erf or scipy.special.erf.",
  },
  {
    code: "swiglu-branches-swapped",
    title: "SwiGLU gate and linear branches swapped",
    changes: "silu(h·W3) ⊙ (h·W1) instead of silu(h·W1) ⊙ (h·W3)",
    message: "You applied SiLU to the linear branch and multiplied by the gate. W1 is the gate: silu(h·W1) ⊙ (h·W3).",
  },
  {
    code: "sum-not-product",
    title: "Added the chain's factors instead of multiplying them",
    changes: "Σ of the per-block factors instead of their product",
    message: "The chain rule multiplies the factors of successive blocks; it does not add them.",
  },
  {
    code: "forgot-identity-path",
    title: "Identity path left out of the gradient",
    changes: "Π f′ instead of Π (1 + f′) for a residual stack",
    message: "With y = x + f(x) each block's derivative is 1 + f′: the identity path adds 1 inside every factor.",
  },
  {
    code: "identity-added-once",
    title: "Identity added once outside the product",
    changes: "1 + Π f′ instead of Π (1 + f′)",
    message: "Every block has its own shortcut, so the 1 goes inside each factor, Π(1 + f′), not once outside the product.",
  },
  {
    code: "first-order-sum",
    title: "Only the first-order terms: 1 + Σf′",
    changes: "1 + Σ f′ instead of Π (1 + f′)",
    message:
      "You kept 1 + Σf′, the first-order terms of the product. Π(1 + f′) also has every cross term (f′₁f′₂, …), which are not small when the slopes are near 1: multiply the factors.",
  },
];
