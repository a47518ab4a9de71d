import { describe, expect, it } from "vitest";
import { parseModuleSource, type ParseOptions } from "@/lib/content/parse-module";
import type { ParsedCard } from "@/lib/content/schemas";

function parse(text: string, opts?: ParseOptions) {
  return parseModuleSource({ manifest: { slug: "t", title: "T" }, files: [{ name: "t.md", text }] }, opts);
}

const lines = (...l: string[]) => l.join("\n");

type CardCase = { name: string; md: string; cards: Array<Partial<ParsedCard>> };

const cardCases: CardCase[] = [
  {
    name: "Q:/A: pair",
    md: lines("# Topic", "Q: What is x?", "A: It is y."),
    cards: [{ kind: "BASIC", role: "RECALL", front: "What is x?", back: "It is y.", topic: "Topic" }],
  },
  {
    name: "Q./A. with a period, as in pasted notes",
    md: lines("Q. What major kernel optimization was skipped?", "A. FlashAttention."),
    cards: [{ front: "What major kernel optimization was skipped?", back: "FlashAttention." }],
  },
  {
    name: "bold **Q:** / **A:** labels",
    md: lines("**Q:** Bold question?", "**A:** Bold answer."),
    cards: [{ front: "Bold question?", back: "Bold answer." }],
  },
  {
    name: "multi-line question and answer, answer ends at a blank line",
    md: lines("Q: first line", "second line?", "A: answer one", "answer two", "", "Unrelated prose."),
    cards: [{ front: "first line\nsecond line?", back: "answer one\nanswer two" }],
  },
  {
    name: "answer continues into an indented paragraph and a fenced block",
    md: lines("Q: Show code?", "A: Like this:", "", "  More words.", "", "```py", "x = 1", "", "y = 2", "```", "", "Prose after."),
    cards: [{ back: "Like this:\n\nMore words.\n\n```py\nx = 1\n\ny = 2\n```" }],
  },
  {
    name: "empty A: followed by display math",
    md: lines("Q: Formula?", "A:", "$$", "a + b", "$$", "where a is a."),
    cards: [{ back: "$$\na + b\n$$\nwhere a is a." }],
  },
  {
    name: "numbered bold question with the answer paragraph below",
    md: lines("1. **Why pre-norm?** [hard]", "   Because the shortcut stays clean.", "", "2. **Why RMSNorm?**", "", "Cheaper."),
    cards: [
      { front: "Why pre-norm?", back: "Because the shortcut stays clean.", difficulty: "HARD" },
      { front: "Why RMSNorm?", back: "Cheaper." },
    ],
  },
  {
    name: "numbered bold question with the answer on the same line",
    md: "3. **What is d_head for 512 and 8 heads?** 64.",
    cards: [{ front: "What is d_head for 512 and 8 heads?", back: "64." }],
  },
  {
    name: "numbered bold lead-in without a question mark stays prose",
    md: lines("1. **Tile** the computation", "2. **Fuse** the steps"),
    cards: [],
  },
  {
    name: "common wrong answer and key points attach to the preceding question",
    md: lines(
      "Q: Why scale by sqrt(d_k)?",
      "A: To keep score variance near 1.",
      "",
      'Common wrong answer to avoid: "To make weights sum to one."',
      "Key points:",
      "- variance grows with d_k",
      "- softmax saturates",
      "  when logits are large",
    ),
    cards: [
      {
        commonWrongAnswer: "To make weights sum to one.",
        keyPoints: ["variance grows with d_k", "softmax saturates when logits are large"],
      },
    ],
  },
  {
    name: "inline key points separated by semicolons",
    md: lines("Q: q?", "A: a", "Key points: one; two; three"),
    cards: [{ keyPoints: ["one", "two", "three"] }],
  },
  {
    name: "interview heading makes INTERVIEW cards and is left out of the topic",
    md: lines("# KV cache", "## Interview Q&A", "Q: Why cache?", "A: Reuse.", "Common wrong answer to avoid: It helps training.", "Key points: a; b"),
    cards: [{ role: "INTERVIEW", topic: "KV cache", commonWrongAnswer: "It helps training." }],
  },
  {
    name: "[interview] marker and [recall] override",
    md: lines("Q: a? [interview]", "A: x", "", "## Interview questions", "Q: b? [recall]", "A: y"),
    cards: [{ role: "INTERVIEW" }, { role: "RECALL" }],
  },
  {
    name: "self-check items with answers become tagged cards",
    md: lines("# Norms", "## Self-check", "- What does RMSNorm skip? [easy]", "  A: The mean.", "- Second?", "  A: Yes."),
    cards: [
      { front: "What does RMSNorm skip?", back: "The mean.", tags: ["self-check"], difficulty: "EASY", topic: "Norms" },
      { front: "Second?", back: "Yes." },
    ],
  },
  {
    name: "pause-and-recall and retrieval-prompt lists",
    md: lines("## Pause and recall", "1. Why causal?", "   A: Because.", "## Retrieval prompts", "- Draw it?", "  A: Done."),
    cards: [{ tags: ["pause-and-recall"] }, { tags: ["retrieval-prompt"] }],
  },
  {
    name: "headings are topics; heading difficulty is inherited and closed by a sibling heading",
    md: lines("# A [hard]", "## B", "Q: q1?", "A: a", "## C [easy]", "Q: q2?", "A: a", "# D", "Q: q3?", "A: a"),
    cards: [
      { topic: "A > B", difficulty: "HARD", difficultyFrom: "heading" },
      { topic: "A > C", difficulty: "EASY", difficultyFrom: "heading" },
      { topic: "D", difficulty: "MEDIUM", difficultyFrom: "default" },
    ],
  },
  {
    name: "difficulty words and emoji on items",
    md: lines("Q: q1? [easy]", "A: a", "", "Q: 🔴 q2?", "A: a", "", "- 🟢 term :: definition"),
    cards: [
      { difficulty: "EASY", difficultyFrom: "item" },
      { difficulty: "HARD", front: "q2?" },
      { difficulty: "EASY", front: "term" },
      { difficulty: "EASY", front: "definition" },
    ],
  },
  {
    name: "Term :: Definition gives two REVERSED siblings",
    md: "RMSNorm :: Divide by the root-mean-square. {#rms}",
    cards: [
      { externalId: "rms", kind: "REVERSED", front: "RMSNorm", back: "Divide by the root-mean-square.", siblingKey: "rms" },
      { externalId: "rms:rev", kind: "REVERSED", front: "Divide by the root-mean-square.", back: "RMSNorm", siblingKey: "rms" },
    ],
  },
  {
    name: ":: inside inline code is not a reverse marker",
    md: "Call `std::vector :: x` in prose.",
    cards: [],
  },
  {
    name: "[reverse] on a question adds the reverse sibling",
    md: lines("Q: GQA [reverse] {#gqa}", "A: Query heads share KV heads."),
    cards: [
      { externalId: "gqa", kind: "REVERSED", front: "GQA" },
      { externalId: "gqa:rev", kind: "REVERSED", front: "Query heads share KV heads.", back: "GQA" },
    ],
  },
  {
    name: "cloze: one card per number, shared sibling key, hints",
    md: "Mask is {{c1::lower}}-triangular; row i keeps {{c2::j ≤ i::which columns}}. {#mask}",
    cards: [
      {
        externalId: "mask:c1",
        kind: "CLOZE",
        front: "Mask is […]-triangular; row i keeps j ≤ i.",
        back: "Mask is **lower**-triangular; row i keeps j ≤ i.",
        siblingKey: "mask",
      },
      { externalId: "mask:c2", front: "Mask is lower-triangular; row i keeps [which columns].", siblingKey: "mask" },
    ],
  },
  {
    name: "cloze gaps sharing a number hide together; math stays unbolded inside $",
    md: "{{c1::a}} and {{c1::b}}; $x = {{c2::2}}$",
    cards: [{ front: "[…] and […]; $x = 2$" }, { back: "a and b; $x = 2$" }],
  },
  {
    name: "exercise card from an [exercise: slug] marker",
    md: "Exercise: LayerNorm by hand. [easy] [exercise: layernorm-by-hand] {#ex-ln}",
    cards: [{ kind: "EXERCISE", exerciseSlug: "layernorm-by-hand", front: "Exercise: LayerNorm by hand.", back: "", externalId: "ex-ln" }],
  },
  {
    name: "tags marker",
    md: lines("Q: q? [tags: Norms, numbers]", "A: a"),
    cards: [{ tags: ["norms", "numbers"] }],
  },
];

describe("parseModuleSource: card formats", () => {
  it.each(cardCases)("$name", ({ md, cards }) => {
    const parsed = parse(md);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.cards).toHaveLength(cards.length);
    for (const [i, expected] of cards.entries()) expect(parsed.cards[i]).toMatchObject(expected);
  });
});

type SkipCase = { name: string; md: string; line: number; reason: RegExp; opts?: ParseOptions };

const skipCases: SkipCase[] = [
  { name: "Q: without A:", md: lines("Q: lonely?", "", "prose"), line: 1, reason: /question without an answer/ },
  { name: "A: without Q:", md: lines("intro", "", "A: orphan"), line: 3, reason: /answer without a question/ },
  { name: "numbered question without answer", md: lines("1. **Why?**", "2. **How?** fine"), line: 1, reason: /numbered question without an answer/ },
  { name: "wrong answer with no question", md: lines("# H", "Common wrong answer to avoid: x"), line: 2, reason: /not attached to a question/ },
  { name: "key points with no question", md: lines("Key points:", "- a"), line: 1, reason: /not attached to a question/ },
  { name: "prompt without an answer", md: lines("## Self-check", "- Why?"), line: 2, reason: /prompt without an answer/ },
  { name: "malformed cloze", md: "Gap {{c1:oops}} here", line: 1, reason: /malformed cloze/ },
  { name: "cloze number 0", md: "Gap {{c0::zero}} here", line: 1, reason: /start at c1/ },
  { name: "invalid id", md: "A :: B {#Not_Valid}", line: 1, reason: /invalid id/ },
  { name: "conflicting difficulty", md: lines("Q: q? [easy] [hard]", "A: a"), line: 1, reason: /conflicting difficulty/ },
  { name: "duplicate explicit id", md: lines("Q: a? {#x}", "A: 1", "", "Q: b? {#x}", "A: 2"), line: 4, reason: /id x is already used/ },
  { name: "duplicate derived id", md: lines("Q: Same?", "A: 1", "", "Q: same", "A: 2"), line: 4, reason: /same question already appears/ },
  { name: "unreadable evidence rule", md: "- [ ] item [evidence: someday]", line: 1, reason: /cannot read evidence rule/ },
  {
    name: "unknown exercise slug when the catalogue is checked",
    md: "Do it [exercise: nope]",
    line: 1,
    reason: /unknown exercise "nope"/,
    opts: { knownExerciseSlugs: ["causal-mask-row"] },
  },
  {
    name: "card text over the cap",
    md: lines("Q: long?", `A: ${"x".repeat(5000)}`),
    line: 1,
    reason: /back is too long: at most 4000 characters \(got 5000\)/,
  },
  { name: "unclosed code fence", md: lines("text", "```", "code"), line: 2, reason: /never closed/ },
];

describe("parseModuleSource: skipped lines carry line numbers and reasons", () => {
  it.each(skipCases)("$name", ({ md, line, reason, opts }) => {
    const parsed = parse(md, opts);
    expect(parsed.skipped).toHaveLength(1);
    expect(parsed.skipped[0]).toMatchObject({ file: "t.md", line });
    expect(parsed.skipped[0]?.reason).toMatch(reason);
  });
});

describe("parseModuleSource: checklists", () => {
  it("reads - [ ] items with their section and evidence rules", () => {
    const parsed = parse(
      lines(
        "# Health check",
        "## Masks",
        "- [ ] Can apply a causal mask [evidence: causal-mask-row passed on 3 separate days] {#hc-mask}",
        "- [x] Can explain the cache",
        "## Sizes",
        "* [ ] Can size a cache [evidence: kv-cache-gqa-bytes on 2 days]",
      ),
    );
    expect(parsed.skipped).toEqual([]);
    expect(parsed.checklist).toMatchObject([
      {
        externalId: "hc-mask",
        section: "Masks",
        text: "Can apply a causal mask",
        position: 0,
        evidenceRule: { kind: "exercise-passed", exerciseSlug: "causal-mask-row", distinctDays: 3 },
      },
      { section: "Masks", text: "Can explain the cache", evidenceRule: null, position: 1 },
      { section: "Sizes", evidenceRule: { exerciseSlug: "kv-cache-gqa-bytes", distinctDays: 2 }, position: 2 },
    ]);
  });
});

describe("parseModuleSource: warnings", () => {
  it("warns about interview questions without a wrong answer or with too few key points", () => {
    const parsed = parse(lines("## Interview questions", "Q: q?", "A: a", "Key points: only one"));
    expect(parsed.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/no “Common wrong answer/), expect.stringMatching(/1 key points/)]);
  });
});
