import { describe, expect, it } from "vitest";
import { clozeNumbers, clozeProblems, renderCloze } from "@/lib/content/cloze";

describe("renderCloze", () => {
  it.each([
    { name: "single gap", text: "a {{c1::b}} c", n: 1, front: "a […] c", back: "a **b** c" },
    { name: "hint", text: "a {{c1::b::letter}} c", n: 1, front: "a [letter] c", back: "a **b** c" },
    { name: "other gaps revealed", text: "{{c1::x}} {{c2::y}}", n: 2, front: "x […]", back: "x **y**" },
    { name: "inside math: no bold", text: "$a = {{c1::2}}$", n: 1, front: "$a = […]$", back: "$a = 2$" },
    { name: "math kept whole in the gap", text: "divide by {{c1::$\\sqrt{10}$}}", n: 1, front: "divide by […]", back: "divide by **$\\sqrt{10}$**" },
  ])("$name", ({ text, n, front, back }) => {
    expect(renderCloze(text, n)).toEqual({ front, back });
  });
});

describe("clozeNumbers / clozeProblems", () => {
  it("lists distinct numbers in order", () => {
    expect(clozeNumbers("{{c2::a}} {{c1::b}} {{c2::c}}")).toEqual([1, 2]);
  });
  it.each([
    ["{{c1:a}}", /malformed/],
    ["{{c0::a}}", /start at c1/],
    ["{{c1:: }}", /empty cloze answer/],
  ])("%s is a problem", (text, problem) => {
    expect(clozeProblems(text)).toEqual([expect.stringMatching(problem)]);
  });
  it("a well-formed note has no problems", () => {
    expect(clozeProblems("{{c1::a}} and {{c2::b::hint}}")).toEqual([]);
  });
});
