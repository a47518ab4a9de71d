// An Anki field (HTML) → safe markdown for our renderer. The HTML is first cut
// down to an allowlist (sanitize-html: no script, no event handlers, no
// style, no frames, links only http(s)/mailto, images only local media names),
// then written as markdown (turndown). MathJax `\(…\)` / `\[…\]` becomes
// `$…$` / `$$…$$` for KaTeX; `[sound:…]` is dropped and counted.
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";
import { decodeEntities } from "./html-entities";
import { isBareFileName } from "./media-name";

/** What a conversion dropped or changed, for the import report. */
export type FieldNotes = { sounds: string[]; images: string[]; droppedImages: number };

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "strike",
    "del",
    "sub",
    "sup",
    "br",
    "p",
    "div",
    "span",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "code",
    "pre",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href"], img: ["src", "alt"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "svg", "math", "iframe", "object", "embed", "template", "title", "head"],
};

const MATH = /\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]/g;
const SOUND = /\[sound:([^\]]*)\]/g;
const PLACEHOLDER = /ANKIMATH(\d+)X/g;

/** A media name an `<img src>` may point at: a bare file name, no scheme, no path. */
function mediaName(src: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(src);
  } catch {
    return null;
  }
  if (!isBareFileName(name)) return null;
  return name.normalize("NFC");
}

// One service for the process (building one costs more than converting a
// field); the notes of the field being converted are handed to its image rule
// through `current`, set around each synchronous `turndown` call.
let current: FieldNotes = { sounds: [], images: [], droppedImages: 0 };

function makeTurndown(): TurndownService {
  const service = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*", hr: "---" });
  const escapeMarkdown = service.escape.bind(service);
  // `$` in text is money, not math: only the TeX we restore may open math.
  // `<` in text (a decoded `&lt;`) is escaped so no renderer can take it for a tag.
  service.escape = (text: string) => escapeMarkdown(text).replace(/[$<]/g, (c) => `\\${c}`);
  service.addRule("media-image", {
    filter: "img",
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const name = mediaName(element.getAttribute("src") ?? "");
      if (!name) {
        current.droppedImages += 1;
        return "";
      }
      current.images.push(name);
      const alt = (element.getAttribute("alt") ?? "").replace(/[[\]\\]/g, "");
      return `![${alt}](<${name.replace(/[<>]/g, "")}>)`;
    },
  });
  return service;
}

const turndown = makeTurndown();

/** Markdown for sanitized HTML; plain text (no tag, no entity) skips the HTML parser. */
function toMarkdown(clean: string, notes: FieldNotes): string {
  if (!/[<&]/.test(clean)) return turndown.escape(clean.replace(/\s+/g, " ").trim());
  current = notes;
  return turndown.turndown(clean);
}

const TEXT_ONLY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };

/**
 * The text of TeX found in a field: tags dropped (`<br>` as a space), entities
 * decoded. TeX with neither `<` nor `&` is text already (the sanitizer would
 * only escape `>` and `"` for decodeEntities to undo), so it skips the parser.
 */
function texText(raw: string): string {
  if (!/[<&]/.test(raw)) return raw;
  return decodeEntities(sanitizeHtml(raw.replace(/<br\s*\/?>/gi, " "), TEXT_ONLY));
}

/**
 * Converts one Anki field to markdown. Pure; `notes` collects what was
 * dropped (sounds, images that are not local media) and which media the
 * markdown references.
 */
export function fieldToMarkdown(html: string, notes: FieldNotes = { sounds: [], images: [], droppedImages: 0 }): string {
  const maths: { tex: string; display: boolean }[] = [];
  const withoutSound = html.replace(SOUND, (_whole, name: string) => {
    notes.sounds.push(name);
    return "";
  });
  const withPlaceholders = withoutSound.replace(MATH, (_whole, inline: string | undefined, display: string | undefined) => {
    const tex = texText(inline ?? display ?? "")
      .replace(/\$/g, "\\$")
      .trim();
    maths.push({ tex, display: display !== undefined });
    return `ANKIMATH${maths.length - 1}X`;
  });
  const clean = sanitizeHtml(withPlaceholders, SANITIZE);
  const markdown = toMarkdown(clean, notes);
  return markdown
    .replace(PLACEHOLDER, (_whole, i: string) => {
      const math = maths[Number(i)];
      if (!math?.tex) return "";
      return math.display ? `$$${math.tex}$$` : `$${math.tex}$`;
    })
    .replace(/\u00a0/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
