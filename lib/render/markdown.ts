// Card text → HTML: markdown with KaTeX math ($…$ inline, $$…$$ display) and
// code. Authored text is untrusted (anyone can import a module), so raw HTML is
// escaped, only http(s), mailto and relative links survive, and the only
// images are the app's own (/api/images/{id}). Pure, with no Node APIs: the
// card editor runs it in the browser for its live preview, so the preview is
// exactly what the server will show.
import katex from "katex";
import { Marked, type Tokens } from "marked";
import { mathExtensions } from "./math-syntax";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function renderMath(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, trust: false, strict: "ignore", maxSize: 20, maxExpand: 200 });
}

const MATH = mathExtensions({
  block: (tex) => `<div class="math-display">${renderMath(tex, true)}</div>\n`,
  inline: (tex, display) => renderMath(tex, display),
});

const SAFE_HREF = /^(https?:|mailto:|\/|#|\.)/i;
/** The only images shown: the app's own, stored with the cards (see lib/images). Any other source shows its alt text. */
const OWN_IMAGE = /^\/api\/images\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const markdown = new Marked({
  gfm: true,
  breaks: false,
  extensions: MATH,
  renderer: {
    html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_HREF.test(token.href)) return text;
      return `<a href="${escapeHtml(token.href)}" rel="noopener noreferrer">${text}</a>`;
    },
    image: (token: Tokens.Image) =>
      OWN_IMAGE.test(token.href) ? `<img src="${token.href}" alt="${escapeHtml(token.text)}" loading="lazy" decoding="async">` : escapeHtml(token.text),
  },
});

/** Renders card markdown to safe HTML. Synchronous; pure. */
export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}
