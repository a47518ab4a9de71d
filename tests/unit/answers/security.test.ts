import { beforeAll, describe, expect, it } from "vitest";
import { parseAnswer, type AnswerSpec } from "@/lib/answers";
import { answerMath } from "@/lib/answers/math-instance";

const SCALAR: AnswerSpec = { shape: "scalar" };
const VECTOR: AnswerSpec = { shape: { vector: 2 } };

describe("parseAnswer: hostile input is refused, never thrown or run", () => {
  // Building the mathjs instance is a one-off per process; the per-answer times below leave it out.
  beforeAll(() => {
    answerMath();
  });

  it.each([
    { name: "import", text: "import({}, {})" },
    { name: "evaluate", text: 'evaluate("1")' },
    { name: "parse", text: 'parse("x")' },
    { name: "createUnit", text: 'createUnit("x")' },
    { name: "simplify", text: 'simplify("x")' },
    { name: "derivative", text: 'derivative("x^2", "x")' },
    { name: "reviver", text: "reviver" },
    { name: "function assignment", text: "f(x) = x" },
    { name: "assignment", text: "x = 5" },
    { name: "block of statements", text: "a = 1; b = 2" },
    { name: "indexing a list", text: "[1,2][1]" },
    { name: "indexing a list as a vector answer", text: "[1,2][1]", spec: VECTOR },
    { name: "constructor of a function", text: "cos.constructor" },
    { name: "constructor by index", text: 'cos["constructor"]' },
    { name: "constructor of a string", text: '"a".constructor' },
    { name: "Function via constructor call", text: 'sqrt.constructor("return process")()' },
    { name: "method as a property", text: "e.toString" },
    { name: "proto", text: "__proto__" },
    { name: "string literal", text: '"abc"' },
    { name: "object literal", text: "{a: 1}" },
    { name: "range", text: "1:3" },
    { name: "conditional", text: "1 ? 2 : 3" },
    { name: "relational", text: "1 == 1" },
    { name: "factorial", text: "170!" },
    { name: "function not on the allow-list", text: "factorial(170)" },
    { name: "matrix power", text: "[1,2;3,4]^99999999" },
    { name: "one megabyte of text", text: "1".repeat(1_000_000) },
    { name: "deeply nested parentheses", text: `${"(".repeat(5000)}1${")".repeat(5000)}` },
    { name: "nesting within the length cap", text: `${"(".repeat(90)}1${")".repeat(90)}` },
    { name: "overflowing literal", text: "1e309" },
    { name: "tower of powers", text: "9^9^9^9" },
    { name: "unit to a huge power", text: "(2 MB)^1e308", spec: { shape: "scalar", unit: "bytes" } },
    { name: "NaN symbol", text: "NaN" },
    { name: "Infinity symbol", text: "Infinity" },
    { name: "zero over zero", text: "0/0" },
    { name: "one over zero", text: "1/0" },
  ] satisfies { name: string; text: string; spec?: AnswerSpec }[])("$name", ({ text, spec }) => {
    // A hang here fails on the test timeout; how fast a refusal is belongs to bench:grade.
    const parsed = parseAnswer(text, spec ?? SCALAR);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.message.length).toBeGreaterThan(0);
  });

  it("leaves the instance unchanged after hostile attempts", () => {
    parseAnswer('createUnit("x")', SCALAR);
    parseAnswer("import({x: 5}, {})", SCALAR);
    parseAnswer("x = 5", SCALAR);
    expect(parseAnswer("x", SCALAR)).toMatchObject({ ok: false, code: "unknown-symbol" });
    expect(parseAnswer("sqrt(9)", SCALAR)).toMatchObject({ ok: true, value: 3 });
  });

  it.each(["import", "createUnit", "evaluate", "parse", "compile", "simplify", "derivative", "resolve", "reviver"])(
    "disables %s in the instance namespace",
    (name) => {
      const fn: unknown = Reflect.get(answerMath().math, name);
      expect(typeof fn).toBe("function");
      expect(() => (fn as () => unknown)()).toThrow(/disabled/);
    },
  );

  it("builds the instance once per process", () => {
    expect(answerMath()).toBe(answerMath());
  });
});
