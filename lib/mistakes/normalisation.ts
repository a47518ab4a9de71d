// Mistake families of LayerNorm and RMSNorm.
import type { MistakeFamily } from "./family";

export const NORMALISATION_FAMILIES: readonly MistakeFamily[] = [
  {
    code: "sample-variance",
    title: "Sample variance (divided by n − 1)",
    changes: "variance = Σ(x − μ)² / (n − 1) instead of / n",
    message: "You divided by n − 1 (sample variance). LayerNorm uses the population variance: divide by n (numpy's ddof=0; torch.var needs unbiased=False).",
  },
  {
    code: "epsilon-outside-sqrt",
    title: "ε added outside the square root",
    changes: "denominator √s + ε instead of √(s + ε)",
    message: "You added ε after the square root. It goes inside: √(σ² + ε), or √(mean(x²) + ε) for RMSNorm.",
  },
  {
    code: "epsilon-dropped",
    title: "ε left out",
    changes: "denominator √s instead of √(s + ε)",
    message: "You left ε out. It is added before the square root: √(σ² + ε), or √(mean(x²) + ε) for RMSNorm.",
  },
  {
    code: "rms-instead-of-std",
    title: "Mean not subtracted in LayerNorm",
    changes: "LayerNorm without centring: x / √(mean(x²) + ε)·γ + β",
    message:
      "You used the mean of x² without subtracting the mean first (RMSNorm's formula). LayerNorm's variance is the mean of (x − μ)², and x − μ is what it divides.",
  },
  {
    code: "subtracted-mean",
    title: "LayerNorm instead of RMSNorm",
    changes: "RMSNorm centred first: (x − μ) / √(var + ε)·γ",
    message: "You subtracted the mean first, which is LayerNorm. RMSNorm does not centre: it divides x itself by its root mean square.",
  },
  {
    code: "sum-not-mean",
    title: "Sum of squares instead of their mean",
    changes: "RMSNorm denominator √(Σx² + ε) instead of √(Σx²/n + ε)",
    message: "You took the square root of the sum of squares. RMSNorm uses the mean of the squares: divide the sum by n first.",
  },
  {
    code: "gamma-beta-swapped",
    title: "γ and β swapped",
    changes: "β·x̂ + γ instead of γ·x̂ + β",
    message: "You swapped γ and β. γ scales the normalised value; β is added afterwards.",
  },
  {
    code: "beta-ignored",
    title: "β not added",
    changes: "γ·x̂ instead of γ·x̂ + β",
    message: "You forgot the shift β. After scaling by γ, add β element by element.",
  },
  {
    code: "normalised-over-sequence",
    title: "Normalised over the wrong axis",
    changes: "mean and variance over positions (axis 0) instead of features (the last axis)",
    message: "You took mean and variance down each column (over positions). A norm normalises each row over its features (the last axis).",
  },
];
