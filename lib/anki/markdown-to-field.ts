// Our card markdown → an Anki field (HTML), the reverse of html-to-markdown.ts:
// math as MathJax `\(…\)` / `\[…\]` (Anki renders it itself), the app's image
// links as `<img src="name">` of a packaged media file, raw HTML escaped, only
// http(s) and mailto links kept. Pure.
import { Marked, type Tokens, type TokenizerAndRendererExtension } from "marked";
import { escapeHtml } from "../render/markdown";

const blockMath: TokenizerAndRendererExtension = {
  name: "blockMath",
  level: "block",
  start: (src) => src.indexOf("$$"),
  tokenizer(src) {
    const match = /^\$\$([\s\S]+?)\$\$(?:\n|$)/.exec(src);
    if (!match) return undefined;
    return { type: "blockMath", raw: match[0], text: (match[1] ?? "").trim() };
  },
  renderer: (token) => `<p>\\[${escapeHtml(String(token.text))}\\]</p>\n`,
};

const inlineMath: TokenizerAndRendererExtension = {
  name: "inlineMath",
  level: "inline",
  start: (src) => src.indexOf("$"),
  tokenizer(src) {
    const display = /^\$\$([^$]+?)\$\$/.exec(src);
    if (display) return { type: "inlineMath", raw: display[0], text: display[1] ?? "", display: true };
    const inline = /^\$(?=\S)([^$\n]+?)(?<=\S)\$(?!\d)/.exec(src);
    if (!inline) return undefined;
    return { type: "inlineMath", raw: inline[0], text: inline[1] ?? "", display: false };
  },
  renderer: (token) => (token.display === true ? `\\[${escapeHtml(String(token.text))}\\]` : `\\(${escapeHtml(String(token.text))}\\)`),
};

const SAFE_HREF = /^(https?:|mailto:)/i;

/** A field writer whose `<img>` sources go through `mediaName` (null: the image is shown as its alt text). */
export function markdownToField(mediaName: (href: string) => string | null): (markdown: string) => string {
  const marked = new Marked({
    gfm: true,
    breaks: true,
    extensions: [blockMath, inlineMath],
    renderer: {
      html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        return SAFE_HREF.test(token.href) ? `<a href="${escapeHtml(token.href)}">${text}</a>` : text;
      },
      image: (token: Tokens.Image) => {
        const name = mediaName(token.href);
        return name ? `<img src="${escapeHtml(encodeURIComponent(name))}" alt="${escapeHtml(token.text)}">` : escapeHtml(token.text);
      },
    },
  });
  return (markdown) => marked.parse(markdown, { async: false }).trim();
}
