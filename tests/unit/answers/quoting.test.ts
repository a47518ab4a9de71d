// Feedback that quotes what the learner typed quotes a few dozen characters
// of it at most: answers are capped at MAX_ANSWER_LENGTH, but nothing in a
// message should grow with the input.
import { describe, expect, it } from "vitest";
import { parseAnswer, type AnswerSpec } from "@/lib/answers";
import { QUOTE_MAX_CHARS } from "@/lib/errors/quote-input";
import { validateAnswers } from "@/lib/grading";
import { fixtureExercise } from "../grading/fixture-exercise";

const SCALAR: AnswerSpec = { shape: "scalar" };
const LONG = "z".repeat(150);
const longestRun = (text: string, ch: string) => Math.max(0, ...(text.match(new RegExp(`${ch}+`, "g")) ?? []).map((run) => run.length));

describe("parseAnswer quotes input briefly", () => {
  it.each([
    { name: "an unknown symbol", text: `1 + ${LONG}`, code: "unknown-symbol" },
    { name: "an unknown function", text: `${LONG}(1)`, code: "disallowed" },
    // mathjs's message echoes the rest of the text; the learner is shown the expected format instead.
    { name: "a syntax error", text: `1 @ ${LONG}`, code: "syntax", quoted: false },
    { name: "an ambiguous separator", text: `1${",234".repeat(37)},5`, code: "ambiguous-separator", ch: "234," },
  ])("$name", ({ text, code, ch, quoted = true }) => {
    const parsed = parseAnswer(text, SCALAR);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe(code);
    if (ch) expect(parsed.message.length).toBeLessThan(QUOTE_MAX_CHARS + 120);
    else expect(longestRun(parsed.message, "z")).toBeLessThanOrEqual(QUOTE_MAX_CHARS);
    if (quoted) expect(parsed.message).toContain("…");
  });
});

describe("validateAnswers quotes an unknown key briefly", () => {
  it("cuts a long key", () => {
    const [issue] = validateAnswers(fixtureExercise, { mean: "3", centred: "[1, 2, 3]", [LONG]: "1" });
    expect(issue?.code).toBe("unknown-step");
    expect(longestRun(issue?.message ?? "", "z")).toBeLessThanOrEqual(QUOTE_MAX_CHARS);
    expect(issue?.step).toBe(LONG);
  });
});
