// CSV/TSV rows → cards: delimiters, headers, quoted multi-line fields, tags,
// stable ids from the front, and the rows that cannot be used.
import { describe, expect, it } from "vitest";
import { csvModule } from "@/lib/imports/csv-module";
import { detectFormat } from "@/lib/imports/detect-format";
import { parseUpload } from "@/lib/imports/parse-upload";
import type { ParsedCard } from "@/lib/content/schemas";

const read = (text: string, format: "csv" | "tsv" = "csv") => csvModule({ slug: "c", title: "C", fileName: `c.${format}`, text, format });

type Case = { name: string; text: string; format?: "csv" | "tsv"; cards: Array<Partial<ParsedCard>> };

const cases: Case[] = [
  {
    name: "comma, no header",
    text: "What is d_head?,64\nWhat fills masked scores?,−∞",
    cards: [
      { front: "What is d_head?", back: "64" },
      { front: "What fills masked scores?", back: "−∞" },
    ],
  },
  {
    name: "header front,back,tags is skipped; tags split on spaces and commas",
    text: 'front,back,tags\nRMSNorm?,No mean,"norms, basics"\nGQA?,Shared KV,attention kv',
    cards: [
      { front: "RMSNorm?", tags: ["norms", "basics"] },
      { front: "GQA?", tags: ["attention", "kv"] },
    ],
  },
  { name: "header question,answer in another order", text: "answer,question\n64,What is d_head?", cards: [{ front: "What is d_head?", back: "64" }] },
  {
    name: "tab-separated with commas in the text",
    text: "Why scale?\tKeeps logits small, stable softmax\nWhy norm?\tStable, fast",
    format: "tsv",
    cards: [{ back: "Keeps logits small, stable softmax" }, { back: "Stable, fast" }],
  },
  {
    name: "semicolons detected over commas inside the text",
    text: "Why scale?;Keeps logits small, stable\nWhy norm?;Stable, fast, simple\nWhy cache?;Saves work",
    cards: [{ front: "Why scale?", back: "Keeps logits small, stable" }, { back: "Stable, fast, simple" }, { back: "Saves work" }],
  },
  {
    name: "tabs detected in a .csv",
    text: "a?\tb\nc?\td",
    cards: [
      { front: "a?", back: "b" },
      { front: "c?", back: "d" },
    ],
  },
  {
    name: "quoted multi-line field with a quote and a comma",
    text: 'q1,"line one,\nline ""two"""\nq2,b2',
    cards: [
      { front: "q1", back: 'line one,\nline "two"' },
      { front: "q2", source: { file: "c.csv", line: 3 } },
    ],
  },
  { name: "byte-order mark and CRLF", text: "\uFEFFfront,back\r\nq,a\r\n", cards: [{ front: "q", back: "a" }] },
];

describe("CSV rows to cards", () => {
  it.each(cases)("$name", ({ text, format, cards }) => {
    const parsed = read(text, format);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.cards).toHaveLength(cards.length);
    for (const [i, expected] of cards.entries()) expect(parsed.cards[i]).toMatchObject({ kind: "BASIC", role: "RECALL", ...expected });
  });

  it("derives each id from the front alone: an edited back keeps the id, an edited front does not", () => {
    const [a] = read("Why scale?,Variance").cards;
    const [b] = read("Why scale?,Keeps logits small").cards;
    const [c] = read("Why scale the scores?,Variance").cards;
    expect(a?.externalId).toBe(b?.externalId);
    expect(a?.contentHash).not.toBe(b?.contentHash);
    expect(c?.externalId).not.toBe(a?.externalId);
  });

  it("skips rows it cannot use, with line numbers and reasons", () => {
    const parsed = read("front,back\nq1,a1\nonly a front\nq2,\n,a3\nQ1,again");
    expect(parsed.cards).toHaveLength(1);
    expect(parsed.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, expect.stringMatching(/one field only/)],
      [4, expect.stringMatching(/the back is empty/)],
      [5, expect.stringMatching(/the front is empty/)],
      [6, expect.stringMatching(/same front is already on line 2/)],
    ]);
  });

  it("reads at most 2000 rows and says where it stopped", () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `q${i},a${i}`).join("\n");
    const parsed = read(`front,back\n${rows}`);
    expect(parsed.cards).toHaveLength(2000);
    expect(parsed.skipped).toEqual([expect.objectContaining({ line: 2002, reason: expect.stringMatching(/more than 2000 rows/) })]);
  });

  it("says why a file yields no cards", () => {
    expect(parseUpload({ bytes: new TextEncoder().encode("front,back\n"), slug: "c", filename: "c.csv" }).notice).toMatch(/the file has no rows/);
    expect(parseUpload({ bytes: new TextEncoder().encode("a\nb\n"), slug: "c", format: "csv" }).notice).toMatch(/none of the 2 rows could be used/);
    expect(parseUpload({ bytes: new TextEncoder().encode("# Notes\n\nJust prose.\n"), slug: "c" }).notice).toMatch(/no questions found/);
  });
});

describe("format and encoding", () => {
  const formats: Array<{ name: string; asked?: "markdown" | "csv" | "tsv"; filename?: string; text: string; format: string }> = [
    { name: "the asked format wins", asked: "csv", filename: "x.md", text: "# hi", format: "csv" },
    { name: ".tsv by name", filename: "cards.tsv", text: "a,b", format: "tsv" },
    { name: ".md by name", filename: "n.md", text: "a,b\nc,d", format: "markdown" },
    { name: "tabular text without a name", text: "q1,a1\nq2,a2", format: "csv" },
    { name: "tab text without a name", text: "q1\ta1\nq2\ta2", format: "tsv" },
    { name: "markdown text without a name", text: "**1. Why?**\nBecause, mostly.", format: "markdown" },
  ];
  it.each(formats)("$name", ({ asked, filename, text, format }) => {
    expect(detectFormat(asked, filename, text)).toBe(format);
  });

  it("refuses text that is not UTF-8, and a binary file", () => {
    const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x62]);
    expect(() => parseUpload({ bytes: latin1, slug: "c", filename: "c.csv" })).toThrow(/is not UTF-8 text/);
    expect(() => parseUpload({ bytes: Uint8Array.from([0x61, 0x00, 0x62]), slug: "c" })).toThrow(/not a text file: it contains a NUL/);
  });

  it("refuses a CSV file csv-parse cannot read, saying so", () => {
    expect(() => parseUpload({ bytes: new TextEncoder().encode('q,"never closed\n'), slug: "c", format: "csv" })).toThrow(/Could not read the CSV file/);
  });
});
