// Anki fields are HTML written by anyone who shared a deck: what comes out
// must be plain markdown, and what our renderer makes of it must be safe.
import { describe, expect, it } from "vitest";
import { fieldToMarkdown, type FieldNotes } from "@/lib/anki/html-to-markdown";
import { renderMarkdown } from "@/lib/render/markdown";

const CONVERSIONS = [
  { name: "bold and italics", html: "<b>Layer</b><i>Norm</i>", markdown: "**Layer***Norm*" },
  { name: "line breaks", html: "one<br>two", markdown: "one  \ntwo" },
  { name: "divs as paragraphs", html: "<div>one</div><div>two</div>", markdown: "one\n\ntwo" },
  { name: "lists", html: "<ul><li>a</li><li>b</li></ul>", markdown: "-   a\n-   b" },
  { name: "inline MathJax", html: "the \\(\\sqrt{d_k}\\) scale", markdown: "the $\\sqrt{d_k}$ scale" },
  { name: "display MathJax with entities", html: "\\[ x &lt; y &amp;&amp; z \\]", markdown: "$$x < y && z$$" },
  { name: "math keeps underscores and stars unescaped", html: "\\(a_1 * b_2\\)", markdown: "$a_1 * b_2$" },
  { name: "math with quotes and >, no tag or entity", html: '\\(a > b "c" \\{x\\} $5 \\)', markdown: '$a > b "c" \\{x\\} \\$5$' },
  { name: "math with a line break tag", html: "\\[ a<br>b &gt; c \\]", markdown: "$$a b > c$$" },
  { name: "dollar signs in text stay text", html: "costs $5 and $10", markdown: "costs \\$5 and \\$10" },
  { name: "local image", html: '<img src="cat%20photo.png">', markdown: "![](<cat photo.png>)" },
  { name: "sound dropped", html: "neko [sound:neko.mp3]", markdown: "neko" },
  { name: "safe link", html: '<a href="https://example.com/x">docs</a>', markdown: "[docs](https://example.com/x)" },
  { name: "non-breaking spaces", html: "a&nbsp;b", markdown: "a b" },
  { name: "cloze markers survive", html: "{{c1::soft<b>max</b>::fn}}", markdown: "{{c1::soft**max**::fn}}" },
] as const;

describe("fieldToMarkdown", () => {
  it.each(CONVERSIONS)("$name", ({ html, markdown }) => {
    expect(fieldToMarkdown(html)).toBe(markdown);
  });

  it("reports sounds, referenced media and dropped images", () => {
    const notes: FieldNotes = { sounds: [], images: [], droppedImages: 0 };
    fieldToMarkdown('[sound:a.mp3]<img src="b.png"><img src="https://x/y.png"><img src="data:image/png;base64,AAAA">', notes);
    expect(notes).toEqual({ sounds: ["a.mp3"], images: ["b.png"], droppedImages: 2 });
  });
});

const XSS = [
  { name: "script tag", html: "<script>alert(1)</script>hello" },
  { name: "script split by case", html: "<ScRiPt>alert(1)</sCrIpT>hello" },
  { name: "img onerror", html: '<img src="x.png" onerror="alert(1)">' },
  { name: "img with javascript src", html: '<img src="javascript:alert(1)">' },
  { name: "javascript href", html: '<a href="javascript:alert(1)">click</a>' },
  { name: "javascript href with entities and whitespace", html: '<a href="jav&#x09;ascript:alert(1)">click</a><a href=" &#106;avascript:alert(1)">two</a>' },
  { name: "data URL link", html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>' },
  { name: "svg onload", html: "<svg onload=alert(1)><circle r=1 /></svg>ok" },
  { name: "iframe", html: '<iframe src="https://evil.example"></iframe>ok' },
  { name: "style tag and attribute", html: '<style>body{display:none}</style><p style="background:url(javascript:alert(1))">ok</p>' },
  { name: "event handler on a div", html: '<div onclick="alert(1)" onmouseover="alert(2)">ok</div>' },
  { name: "nested tag trick", html: "<scr<script>ipt>alert(1)</scr</script>ipt>" },
  { name: "encoded tag in text", html: "&lt;script&gt;alert(1)&lt;/script&gt;" },
  { name: "markdown link injection", html: "[x](javascript:alert(1)) and ![y](javascript:alert(2))" },
  { name: "object and embed", html: '<object data="x.swf"></object><embed src="x.swf">ok' },
  { name: "form with formaction", html: '<form><button formaction="javascript:alert(1)">go</button></form>' },
  { name: "math with a script inside", html: "\\(x<script>alert(1)</script>\\)" },
  { name: "katex \\href", html: "\\(\\href{javascript:alert(1)}{x}\\)" },
  { name: "meta refresh", html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">ok' },
] as const;

/** Anything that would run script or load active content in a browser. */
function dangerous(html: string): string[] {
  const found: string[] = [];
  if (/<\s*(script|iframe|object|embed|svg|style|form|meta|base|link)\b/i.test(html)) found.push("tag");
  if (/\son[a-z]+\s*=/i.test(html)) found.push("handler");
  if (/(href|src|action|formaction)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(html)) found.push("url");
  return found;
}

describe("fieldToMarkdown against XSS", () => {
  it.each(XSS)("$name: nothing active in the markdown or in the rendered HTML", ({ html }) => {
    const markdown = fieldToMarkdown(html);
    expect(markdown).not.toMatch(/(?<!\\)<\s*script|\son[a-z]+\s*=|(?<!\\)\]\(\s*<?\s*(javascript|data|vbscript):/i);
    expect(dangerous(renderMarkdown(markdown))).toEqual([]);
  });

  it("keeps the harmless text around the payloads", () => {
    expect(fieldToMarkdown("<script>alert(1)</script>hello")).toBe("hello");
    expect(fieldToMarkdown('<div onclick="alert(1)">ok</div>')).toBe("ok");
    expect(renderMarkdown(fieldToMarkdown("&lt;script&gt;"))).toContain("&lt;script&gt;");
  });
});
