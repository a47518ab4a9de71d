// Our card markdown → an Anki field (HTML), the reverse of html-to-markdown.ts:
// math as MathJax `\(…\)` / `\[…\]` (Anki renders it itself), the app's image
// links as `<img src="name">` of a packaged media file, raw HTML escaped, only
// http(s) and mailto links kept. Pure.
import { Marked, type Tokens } from "marked";
import { escapeHtml } from "../render/markdown";
import { mathExtensions } from "../render/math-syntax";

// Anki renders MathJax itself: the TeX goes in escaped, between its delimiters.
const MATH = mathExtensions({
  block: (tex) => `<p>\\[${escapeHtml(tex)}\\]</p>\n`,
  inline: (tex, display) => (display ? `\\[${escapeHtml(tex)}\\]` : `\\(${escapeHtml(tex)}\\)`),
});

const SAFE_HREF = /^(https?:|mailto:)/i;

/** A field writer whose `<img>` sources go through `mediaName` (null: the image is shown as its alt text). */
export function markdownToField(mediaName: (href: string) => string | null): (markdown: string) => string {
  const marked = new Marked({
    gfm: true,
    breaks: true,
    extensions: MATH,
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
