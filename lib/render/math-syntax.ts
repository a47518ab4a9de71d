// Where card markdown holds math: `$$…$$` on its own lines (display) and
// `$…$` inline. One definition for every writer of card markdown (the page
// renderer draws it with KaTeX, the Anki field writer hands it to MathJax), so
// both read the same text as math.
import type { TokenizerAndRendererExtension } from "marked";

/** How each kind of math is written out: `block` for `$$…$$` paragraphs, `inline` for `$…$` (and `$$…$$` inside a line). */
export type MathRenderers = { block: (tex: string) => string; inline: (tex: string, display: boolean) => string };

/** Marked extensions that read math as above and write it with `render`. */
export function mathExtensions(render: MathRenderers): TokenizerAndRendererExtension[] {
  const blockMath: TokenizerAndRendererExtension = {
    name: "blockMath",
    level: "block",
    start: (src) => src.indexOf("$$"),
    tokenizer(src) {
      const match = /^\$\$([\s\S]+?)\$\$(?:\n|$)/.exec(src);
      if (!match) return undefined;
      return { type: "blockMath", raw: match[0], text: (match[1] ?? "").trim() };
    },
    renderer: (token) => render.block(String(token.text)),
  };
  const inlineMath: TokenizerAndRendererExtension = {
    name: "inlineMath",
    level: "inline",
    start: (src) => src.indexOf("$"),
    tokenizer(src) {
      const display = /^\$\$([^$]+?)\$\$/.exec(src);
      if (display) return { type: "inlineMath", raw: display[0], text: display[1] ?? "", display: true };
      // `$5` or `$ 5` is money, not math: require a non-space right after the `$`.
      const inline = /^\$(?=\S)([^$\n]+?)(?<=\S)\$(?!\d)/.exec(src);
      if (!inline) return undefined;
      return { type: "inlineMath", raw: inline[0], text: inline[1] ?? "", display: false };
    },
    renderer: (token) => render.inline(String(token.text), token.display === true),
  };
  return [blockMath, inlineMath];
}
