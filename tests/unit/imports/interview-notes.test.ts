// A realistic notes file: sixty interview questions in every style the
// importer reads (number inside or outside the bold, bold number, Q:/A:,
// question headings, bold lines, quick-fire), plus three unfinished lines
// that must be reported with their line numbers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseUpload } from "@/lib/imports/parse-upload";

const FILE = "transformer-interview-notes.md";
const bytes = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "imports", FILE));
const text = new TextDecoder().decode(bytes);
const lineOf = (start: string) => text.split("\n").findIndex((l) => l.startsWith(start)) + 1;

describe("importing interview notes", () => {
  const { format, module, notice } = parseUpload({ bytes, slug: "interview-notes", filename: FILE });
  const card = (front: string) => module.cards.find((c) => c.front === front);

  it("reads the file as markdown titled by its first heading", () => {
    expect(format).toBe("markdown");
    expect(module.title).toBe("Transformer interview notes");
    expect(notice).toBeNull();
  });

  it("makes sixty cards, each with a non-empty back, in file order", () => {
    expect(module.cards).toHaveLength(60);
    expect(module.cards.every((c) => c.back.trim().length > 0)).toBe(true);
    const lines = module.cards.map((c) => c.source.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  const samples: Array<{ style: string; front: string; back: string | RegExp; topic: string }> = [
    {
      style: "number inside the bold",
      front: "What is the residual stream?",
      back: /^The running vector[\s\S]*shared working memory: attention and the FFN both write into it\.$/,
      topic: "Residual stream and norms",
    },
    {
      style: "display math kept whole",
      front: "What does LayerNorm compute for one token?",
      back: /\$\$\ny = \\gamma[\s\S]*\$\$\n\nwith the mean and the population variance/,
      topic: "Residual stream and norms",
    },
    {
      style: "number outside the bold, code kept whole",
      front: "What does scaled dot-product attention compute?",
      back: /```python\nweights = softmax\(q @ k\.T \/ math\.sqrt\(d_k\)\)\nout = weights @ v\n```$/,
      topic: "Attention",
    },
    {
      style: "bold number",
      front: "When is the mask applied, before or after softmax?",
      back: /^Before: \$-\\infty\$ is added/,
      topic: "Masks and the KV cache",
    },
    {
      style: "Q:/A:",
      front: "What is SwiGLU?",
      back: "A gated FFN: one projection passes through Swish and multiplies another,\nelementwise, before the down projection.",
      topic: "Quick definitions",
    },
    { style: "question heading", front: "What does RoPE do?", back: /^It rotates each pair of query and key features/, topic: "Positions" },
    { style: "bold line without a ?", front: "Memory for weights in fp16", back: "Two bytes per parameter: a 7B model needs about 14 GB.", topic: "Costs" },
    { style: "quick-fire", front: "What is z-loss?", back: "A penalty on the log of the softmax normaliser, to keep logits small.", topic: "Quick fire" },
  ];
  it.each(samples)("reads $style", ({ front, back, topic }) => {
    const found = card(front);
    expect(found, front).toBeDefined();
    if (typeof back === "string") expect(found?.back).toBe(back);
    else expect(found?.back).toMatch(back);
    expect(found?.topic.endsWith(topic)).toBe(true);
  });

  it("keeps a list inside an answer", () => {
    expect(card("Why does a residual connection help deep networks train?")?.back).toContain(
      "- the gradient of the output with respect to the input is $I + \\partial F/\\partial x$\n- so it never has to pass",
    );
  });

  it("reports each unfinished question-like line with its line number and reason", () => {
    expect(module.skipped.map((s) => ({ line: s.line, reason: s.reason }))).toEqual([
      { line: lineOf("Is sparse attention"), reason: expect.stringMatching(/line ending in “\?” is not read/) },
      { line: lineOf("**How does speculative"), reason: "bold line with no answer below" },
      { line: lineOf("### What does MLA"), reason: "question heading with no answer below it" },
    ]);
  });
});
