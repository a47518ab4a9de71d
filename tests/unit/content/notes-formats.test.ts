// The question styles of notes as people write them, read as an import reads
// them (notes: an answer runs to the next question or heading), and the
// question-like lines that are reported instead of read.
import { describe, expect, it } from "vitest";
import { parseModuleSource } from "@/lib/content/parse-module";
import type { ParsedCard } from "@/lib/content/schemas";

const lines = (...l: string[]) => l.join("\n");

function notes(text: string, asNotes = true) {
  return parseModuleSource({ manifest: { slug: "t", title: "T" }, files: [{ name: "t.md", text }] }, { notes: asNotes });
}

type CardCase = { name: string; md: string; cards: Array<Partial<ParsedCard>> };

const cardCases: CardCase[] = [
  {
    name: "number inside the bold",
    md: lines("**12. Why does attention scale by √d_k?**", "", "To keep the logits near unit variance."),
    cards: [{ front: "Why does attention scale by √d_k?", back: "To keep the logits near unit variance." }],
  },
  {
    name: "number outside the bold",
    md: lines("12. **Why pre-norm?**", "", "The shortcut stays clean."),
    cards: [{ front: "Why pre-norm?", back: "The shortcut stays clean." }],
  },
  {
    name: "bold number, plain question",
    md: lines("**12.** Why does RMSNorm skip the mean?", "", "It is cheaper and works as well."),
    cards: [{ front: "Why does RMSNorm skip the mean?", back: "It is cheaper and works as well." }],
  },
  {
    name: "quick-fire: question and answer on one line",
    md: lines("**51.** *What fills masked scores?* −∞ before softmax.", "**52.** _Does the cache store queries?_ No."),
    cards: [
      { front: "What fills masked scores?", back: "−∞ before softmax." },
      { front: "Does the cache store queries?", back: "No." },
    ],
  },
  {
    name: "unnumbered bold question with the answer on the same line",
    md: "**What is d_head for 512 and 8 heads?** 64.",
    cards: [{ front: "What is d_head for 512 and 8 heads?", back: "64." }],
  },
  {
    name: "a bold line followed by an answer is a question without a ?",
    md: lines("**Parameter count of one block**", "About 12 d²."),
    cards: [{ front: "Parameter count of one block", back: "About 12 d²." }],
  },
  {
    name: "plain numbered line ending in ?",
    md: lines("3. What does the causal mask do?", "Stops a position seeing later ones."),
    cards: [{ front: "What does the causal mask do?", back: "Stops a position seeing later ones." }],
  },
  {
    name: "heading ending in ? with the text below as the answer, topic from the headings above",
    md: lines(
      "# Notes",
      "## Positions",
      "### What does RoPE do?",
      "",
      "Rotates query and key pairs.",
      "",
      "By position.",
      "### What is ALiBi?",
      "A distance bias.",
    ),
    cards: [
      { front: "What does RoPE do?", back: "Rotates query and key pairs.\n\nBy position.", topic: "Notes > Positions" },
      { front: "What is ALiBi?", back: "A distance bias.", topic: "Notes > Positions" },
    ],
  },
  {
    name: "front matter headings: questions makes every heading below # with text a question",
    md: lines(
      "---",
      "headings: questions",
      "---",
      "# Title",
      "Intro.",
      "## Residual stream",
      "The running sum.",
      "## Norms",
      "### LayerNorm",
      "Centres and scales.",
    ),
    cards: [
      { front: "Residual stream", back: "The running sum.", topic: "Title" },
      { front: "LayerNorm", back: "Centres and scales.", topic: "Title > Norms" },
    ],
  },
  {
    name: "an answer of several paragraphs with a list, code and math is kept whole",
    md: lines(
      "**1. Write attention.**",
      "",
      "Weights, then a sum:",
      "",
      "- scores $QK^T$",
      "- softmax",
      "",
      "```python",
      "w = softmax(s)",
      "```",
      "",
      "$$",
      "o = wV",
      "$$",
      "",
      "**2. Next?**",
      "Yes.",
    ),
    cards: [
      { front: "Write attention.", back: "Weights, then a sum:\n\n- scores $QK^T$\n- softmax\n\n```python\nw = softmax(s)\n```\n\n$$\no = wV\n$$" },
      { front: "Next?", back: "Yes." },
    ],
  },
  {
    name: "Q:/A: answers run on in notes too",
    md: lines("Q: Why?", "A: First.", "", "Second.", "", "Q: How?", "A: So."),
    cards: [{ back: "First.\n\nSecond." }, { back: "So." }],
  },
  {
    name: "bold lead-ins and labels stay prose",
    md: lines("**Note:** this is prose.", "**Tile** the computation.", "**Example:**", "Some text."),
    cards: [],
  },
];

describe("notes: question styles", () => {
  it.each(cardCases)("$name", ({ md, cards }) => {
    const parsed = notes(md);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.cards).toHaveLength(cards.length);
    for (const [i, expected] of cards.entries()) expect(parsed.cards[i]).toMatchObject(expected);
  });

  it("keeps the module format's paragraph answers outside notes", () => {
    const parsed = notes(lines("**1. Why?**", "First.", "", "Prose after."), false);
    expect(parsed.cards).toMatchObject([{ front: "Why?", back: "First." }]);
  });
});

type UnreadCase = { name: string; md: string; line: number; reason: RegExp };

const unreadCases: UnreadCase[] = [
  { name: "bold line with nothing below", md: lines("# H", "**Why does it matter**", "## Next"), line: 2, reason: /bold line with no answer below/ },
  { name: "question heading with nothing below", md: lines("# H", "## What is MLA?", "## Next"), line: 2, reason: /question heading with no answer below/ },
  { name: "prose ending in ?", md: lines("# H", "", "Is sparse attention worth it?"), line: 3, reason: /line ending in “\?” is not read/ },
  { name: "list item ending in ?", md: lines("- Why is the sky blue?"), line: 1, reason: /list item ending in “\?”/ },
  { name: "numbered bold question with nothing below", md: lines("**3.** Why?", "", "## Next"), line: 1, reason: /numbered question without an answer/ },
];

describe("notes: question-like lines that are not read are reported", () => {
  it.each(unreadCases)("$name", ({ md, line, reason }) => {
    const parsed = notes(md);
    expect(parsed.cards).toEqual([]);
    expect(parsed.skipped).toHaveLength(1);
    expect(parsed.skipped[0]).toMatchObject({ file: "t.md", line });
    expect(parsed.skipped[0]?.reason).toMatch(reason);
  });

  it("does not report a question heading that has subheadings under it", () => {
    const parsed = notes(lines("## Why attention?", "### What is a query?", "A vector."));
    expect(parsed.skipped).toEqual([]);
    expect(parsed.cards).toMatchObject([{ front: "What is a query?", topic: "Why attention?" }]);
  });
});
