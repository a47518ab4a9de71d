// Mistake families of positions: counting from 0 or 1, angles, rotary and sinusoidal encodings, ALiBi, windows.
import type { MistakeFamily } from "./family";

export const POSITION_FAMILIES: readonly MistakeFamily[] = [
  {
    code: "off-by-one-position",
    title: "Position counted from the wrong start",
    changes: "a 0-based position read as 1-based or the reverse, so a count is one off",
    message: "You counted positions from the wrong start (0-based against 1-based), so your count is one off. Check which numbering the task uses.",
  },
  {
    code: "degrees-not-radians",
    title: "Degrees and radians mixed up",
    changes: "the angle in radians treated as degrees (cos(φ°)), or reported in degrees",
    message: "The angle is in radians; you treated it as degrees (a calculator in degree mode, or a conversion to degrees).",
  },
  {
    code: "rotated-wrong-direction",
    title: "Rotated clockwise",
    changes: "rotation by −φ instead of +φ",
    message: "You rotated clockwise. RoPE turns the pair counter-clockwise: x0' = x0·cos φ − x1·sin φ.",
  },
  {
    code: "frequency-exponent-off",
    title: "Frequency exponent without the 2",
    changes: "θ_k = base^(−k/d) instead of base^(−2k/d)",
    message: "The frequency exponent is −2k/d, with the 2: pair k sits at dimension 2k.",
  },
  {
    code: "sin-cos-swapped",
    title: "Sine and cosine swapped",
    changes: "cos on even dimensions, sin on odd",
    message: "Even dimensions take the sine and odd dimensions the cosine.",
  },
  {
    code: "exponent-without-2",
    title: "Exponent i/d instead of 2i/d",
    changes: "pos / base^(i/d) instead of pos / base^(2i/d)",
    message: "Dimensions 2i and 2i+1 share the exponent 2i/d: the pair index i is doubled before dividing by d.",
  },
  {
    code: "dimension-as-pair-index",
    title: "Dimension used where the pair index belongs",
    changes: "pos / base^(2·dim/d) instead of pos / base^(2i/d) with i = ⌊dim/2⌋",
    message: "You put the dimension itself where the pair index i belongs. Dimension dim belongs to pair i = ⌊dim/2⌋, and the exponent is 2i/d.",
  },
  {
    code: "no-rope",
    title: "No rotary embedding",
    changes: "Q and K used unrotated",
    message: "Q and K were not rotated. Apply RoPE to both after the projection, at each token's position.",
  },
  {
    code: "rope-interleaved",
    title: "Interleaved rotary layout instead of rotate-half",
    changes: "pairs (x_2k, x_2k+1) rotated instead of (x_k, x_k+d/2)",
    message:
      "You rotated adjacent pairs (x_2k, x_2k+1), the interleaved layout of the original RoPE paper and Meta's LLaMA code. This task uses rotate-half (GPT-NeoX, Hugging Face): pair k is (x_k, x_k+d_head/2).",
  },
  {
    code: "rope-position-stuck",
    title: "Rotary position not advanced",
    changes: "every decoded token rotated at the first decode position, the cache filled correctly",
    message: "Every decoded token was rotated at the same position, the first decoded one. The rotary position advances with each token: prompt length + step.",
  },
  {
    code: "rope-positions-from-zero",
    title: "Decoded positions counted from 0",
    changes: "decoded token t rotated at position t instead of prompt length + t",
    message: "You numbered the decoded tokens from 0. Positions are absolute: decoded token t sits at prompt length + t, after the prompt's positions.",
  },
  {
    code: "rope-offset-missing",
    title: "Rotary position restarts at 0 for each decoded token",
    changes: "every decoded token rotated at position 0",
    message: "Each decoded token was rotated as position 0. Its rotary position is its absolute index: the prompt length plus the step.",
  },
  {
    code: "rope-position-off-by-one",
    title: "Rotary position off by one",
    changes: "decoded token at position p rotated at p + 1",
    message: "Each decoded token was rotated one position too far (the cache length after appending). Use the position before appending.",
  },
  {
    code: "positive-bias",
    title: "ALiBi bias with the wrong sign",
    changes: "+m·(i − j) instead of −m·(i − j)",
    message: "ALiBi is a penalty: distant keys get a negative bias, −m·(i − j), so they score lower.",
  },
  {
    code: "absolute-position",
    title: "Bias from the key's position instead of the distance",
    changes: "−m·j instead of −m·(i − j)",
    message: "The bias depends on the distance i − j between query and key, not on the key's own position.",
  },
  {
    code: "wrong-slope",
    title: "ALiBi heads numbered from 0",
    changes: "slope 2^(−8(h−1)/H) instead of 2^(−8h/H)",
    message: "Heads are numbered from 1, so the first head's slope is 2^(−8/H), not 1.",
  },
  {
    code: "window-includes-future",
    title: "Window centred on the query",
    changes: "the w positions around the query instead of the w ending at it",
    message: "The window is not centred on the query: all w positions end at the query, none lie after it.",
  },
  {
    code: "off-by-one-window",
    title: "Window of w + 1 positions",
    changes: "keys i − w … i instead of i − w + 1 … i",
    message: "The window counts the query itself: it sees i − w + 1 … i, which is w positions, not w + 1.",
  },
  {
    code: "ignored-causal",
    title: "Window without the causal mask",
    changes: "|i − j| < w instead of i − w < j ≤ i",
    message: "The window is applied on top of the causal mask: keys after the query stay hidden.",
  },
];
