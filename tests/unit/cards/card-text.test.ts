import { describe, expect, it } from "vitest";
import { cardSnippet, plainText } from "@/lib/cards/card-text";

const CASES = [
  { name: "bold and italic", markdown: "What does **LayerNorm** normalise, *really*?", text: "What does LayerNorm normalise, really?" },
  { name: "underscores inside words stay", markdown: "Why scale by √d_k in snake_case?", text: "Why scale by √d_k in snake_case?" },
  { name: "escaped characters", markdown: "costs \\$5 over d\\_model \\<b\\>", text: "costs $5 over d_model <b>" },
  { name: "inline math keeps its TeX", markdown: "Attention is softmax($QK^\\top / \\sqrt{d_k}$) V", text: "Attention is softmax(QK^\\top / \\sqrt{d_k}) V" },
  { name: "display math", markdown: "$$a_b + c$$", text: "a_b + c" },
  { name: "images go, links keep their text", markdown: "See ![mask](/api/images/x) and [the docs](https://x.y)", text: "See and the docs" },
  { name: "a cloze gap reads as its answer", markdown: "{{c1::softmax::fn}} of the scores", text: "softmax of the scores" },
  { name: "headings, lists, quotes and code", markdown: "## Title\n- item `code_x`\n> quoted ~~old~~", text: "Title item code_x quoted old" },
  {
    name: "a rendered gap with math after it is not a link",
    markdown: "Attention is […](QK^T / $\\sqrt{d_k}$) V",
    text: "Attention is […](QK^T / \\sqrt{d_k}) V",
  },
] as const;

describe("plainText", () => {
  it.each(CASES)("$name", ({ markdown, text }) => {
    expect(plainText(markdown)).toBe(text);
  });
});

describe("cardSnippet", () => {
  it("cuts at a word boundary with an ellipsis", () => {
    expect(cardSnippet("**one** two three four five", 14)).toBe("one two three…");
    expect(cardSnippet("short", 14)).toBe("short");
  });
});
