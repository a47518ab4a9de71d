// The assembly grader on the pre-norm and post-norm prompts: correct graphs in
// any order and with any ids pass; each typical mistake gets its partial
// credit, its first wrong connection in words, and its misconception code.
import { describe, expect, it } from "vitest";
import { findDrawingPrompt } from "@/exercises/drawings";
import type { BlockGraph, PartType } from "@/lib/drawing/assembly-graph";
import { graphIssue } from "@/lib/drawing/assembly-graph";

const TYPES: Record<string, PartType> = { x: "input", out: "output", n: "norm", m: "norm", a: "attention", f: "ffn", p: "add", q: "add" };

/** "x>n n>a …": ids start with a letter giving the type (x input, out output, n/m norm, a attention, f ffn, p/q add). */
function graph(wires: string, extraNodes: string[] = []): BlockGraph {
  const edges = wires
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const [from = "", to = ""] = w.split(">");
      return { from, to };
    });
  const ids = [...new Set([...edges.flatMap((e) => [e.from, e.to]), ...extraNodes])];
  const typeOf = (id: string): PartType => TYPES[id] ?? TYPES[id.replace(/\d+$/, "")] ?? TYPES[id.charAt(0)] ?? "norm";
  return { nodes: ids.map((id) => ({ id, type: typeOf(id) })), edges };
}

const PRE = "x>n n>a a>p x>p p>m m>f f>q p>q q>out";
const POST = "x>a a>p x>p p>n n>f f>q n>q q>m m>out";

type Case = { name: string; slug: string; g: BlockGraph; score: number; first: string | null; codes: string[] };

const CASES: Case[] = [
  { name: "pre-norm, flow order", slug: "prenorm-block-assembly", g: graph(PRE), score: 1, first: null, codes: [] },
  { name: "pre-norm, wires listed backwards", slug: "prenorm-block-assembly", g: graph(PRE.split(" ").reverse().join(" ")), score: 1, first: null, codes: [] },
  {
    name: "pre-norm, other ids and the second norm placed first",
    slug: "prenorm-block-assembly",
    g: graph("x>m m>a a>q x>q q>n n>f f>p q>p p>out"),
    score: 1,
    first: null,
    codes: [],
  },
  {
    name: "pre-norm, numbered ids",
    slug: "prenorm-block-assembly",
    g: graph("x>n1 n1>a1 a1>p1 x>p1 p1>n2 n2>f1 f1>p2 p1>p2 p2>out"),
    score: 1,
    first: null,
    codes: [],
  },
  {
    name: "pre-norm: shortcut from the norm output",
    slug: "prenorm-block-assembly",
    g: graph("x>n n>a a>p n>p p>m m>f f>q m>q q>out"),
    score: 7 / 11,
    first: "The first add should take the block input x as its shortcut, not the first norm's output.",
    codes: ["shortcut-from-norm"],
  },
  {
    name: "pre-norm: second norm after the add",
    slug: "prenorm-block-assembly",
    g: graph("x>n n>a a>p x>p p>f f>q p>q q>m m>out"),
    score: 6 / 12,
    first: "The second norm should take the first add's output, not the second add's output.",
    codes: ["norm-after-add"],
  },
  {
    name: "pre-norm prompt: post-norm built",
    slug: "prenorm-block-assembly",
    g: graph(POST),
    score: 5 / 13,
    first: "The first norm should take the block input x, not the second add's output.",
    codes: ["postnorm-for-prenorm"],
  },
  {
    name: "pre-norm: missing second add",
    slug: "prenorm-block-assembly",
    g: graph("x>n n>a a>p x>p p>m m>f f>out"),
    score: 6 / 10,
    first: "The block has no second add: it should take the FFN's output as its branch.",
    codes: ["missing-add"],
  },
  {
    name: "pre-norm: second shortcut left unwired",
    slug: "prenorm-block-assembly",
    g: graph("x>n n>a a>p x>p p>m m>f f>q q>out"),
    score: 8 / 9,
    first: "The second add should take the first add's output as its shortcut; that wire is missing.",
    codes: [],
  },
  {
    name: "pre-norm: second norm reads the block input",
    slug: "prenorm-block-assembly",
    g: graph(`${PRE} x>m`.replace("p>m ", "")),
    score: 8 / 10,
    first: "The second norm should take the first add's output, not the block input x.",
    codes: [],
  },
  { name: "post-norm, flow order", slug: "postnorm-block-assembly", g: graph(POST), score: 1, first: null, codes: [] },
  {
    name: "post-norm, adds swapped and wires shuffled",
    slug: "postnorm-block-assembly",
    g: graph("m>out p>m n>p f>p n>f q>n x>q a>q x>a"),
    score: 1,
    first: null,
    codes: [],
  },
  {
    name: "post-norm prompt: pre-norm built",
    slug: "postnorm-block-assembly",
    g: graph(PRE),
    score: 5 / 13,
    first: "Attention should take the block input x, not the second norm's output.",
    codes: ["prenorm-for-postnorm"],
  },
  {
    name: "post-norm: second shortcut skips the norm",
    slug: "postnorm-block-assembly",
    g: graph("x>a a>p x>p p>n n>f f>q p>q q>m m>out"),
    score: 8 / 10,
    first: "The second add should take the first norm's output as its shortcut, not the first add's output.",
    codes: ["shortcut-skips-norm"],
  },
  {
    name: "post-norm: missing second add",
    slug: "postnorm-block-assembly",
    g: graph("x>a a>p x>p p>n n>f f>m m>out"),
    score: 6 / 10,
    first: "The block has no second add: it should take the FFN's output as its branch.",
    codes: ["missing-add"],
  },
];

describe("block assembly", () => {
  it.each(CASES)("$name", ({ slug, g, score, first, codes }) => {
    const prompt = findDrawingPrompt(slug);
    if (!prompt) throw new Error(slug);
    const answer = { kind: "assembly" as const, ...g };
    expect(prompt.check(0, answer)).toBeNull();
    const result = prompt.grade(0, answer);
    expect(result.score).toBeCloseTo(score, 4);
    expect(result.correct).toBe(first === null);
    if (first) expect(result.feedback).toBe(first);
    expect(result.misconceptions.map((m) => m.code)).toEqual(codes);
    expect(result.items.filter((i) => !i.correct).length).toBe(result.correct ? 0 : result.items.length - Math.round(score * result.items.length));
  });

  it("grades the same whatever the seed", () => {
    const prompt = findDrawingPrompt("prenorm-block-assembly");
    const answer = { kind: "assembly" as const, ...graph("x>n n>a a>p n>p p>m m>f f>q m>q q>out") };
    expect(prompt?.grade(5, answer)).toEqual(prompt?.grade(77, answer));
  });

  it.each([
    {
      name: "duplicate id",
      g: {
        nodes: [
          { id: "x", type: "input" as const },
          { id: "x", type: "output" as const },
        ],
        edges: [],
      },
      issue: /used twice/,
    },
    { name: "no output", g: graph("x>n"), issue: /exactly one Output/ },
    { name: "wire to a missing part", g: { ...graph("x>n n>out"), edges: [{ from: "x", to: "zz" }] }, issue: /not in the drawing/ },
    { name: "three inputs into an add", g: graph("x>p n>p a>p x>n x>a p>out"), issue: /at most 2 inputs/ },
    { name: "the output feeding a part", g: graph("x>out out>n"), issue: /feeds nothing/ },
    {
      name: "a wire drawn twice",
      g: {
        ...graph("x>n n>out"),
        edges: [
          { from: "x", to: "n" },
          { from: "x", to: "n" },
        ],
      },
      issue: /drawn twice/,
    },
  ])("refuses a graph that cannot be graded: $name", ({ g, issue }) => {
    expect(graphIssue(g)).toMatch(issue);
  });
});
