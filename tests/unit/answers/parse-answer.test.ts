import { describe, expect, it } from "vitest";
import { parseAnswer, type AnswerSpec } from "@/lib/answers";

const SCALAR: AnswerSpec = { shape: "scalar" };
const BYTES: AnswerSpec = { shape: "scalar", unit: "bytes" };
const MIB: AnswerSpec = { shape: "scalar", unit: "MiB" };

function scalarOf(text: string, spec: AnswerSpec): number {
  const parsed = parseAnswer(text, spec);
  if (!parsed.ok || parsed.kind !== "scalar") throw new Error(`expected a scalar from ${text}: ${JSON.stringify(parsed)}`);
  return parsed.value;
}

describe("parseAnswer: what learners type", () => {
  it.each([
    { name: "negative decimal", text: "-1.2247", spec: SCALAR, value: -1.2247 },
    { name: "rounded decimal", text: "-1.22", spec: SCALAR, value: -1.22 },
    { name: "square root", text: "sqrt(10)", spec: SCALAR, value: Math.sqrt(10) },
    { name: "fraction", text: "1/3", spec: SCALAR, value: 1 / 3 },
    { name: "plain fraction of one", text: "0.25", spec: SCALAR, value: 0.25 },
    { name: "percent", text: "25%", spec: SCALAR, value: 0.25 },
    { name: "percent with a space", text: "12.5 %", spec: SCALAR, value: 0.125 },
    { name: "KV-cache product in bytes", text: "2*8*4000*128*2 bytes", spec: BYTES, value: 16_384_000 },
    { name: "MiB to bytes", text: "15.6 MiB", spec: BYTES, value: 15.6 * 2 ** 20 },
    { name: "MB to bytes", text: "65.5 MB", spec: BYTES, value: 65_500_000 },
    { name: "MB to MiB", text: "65.5 MB", spec: MIB, value: 65_500_000 / 2 ** 20 },
    { name: "bytes to MiB", text: "16384000 bytes", spec: MIB, value: 15.625 },
    { name: "bits to bytes", text: "8 bits", spec: BYTES, value: 1 },
    { name: "single byte", text: "1 byte", spec: BYTES, value: 1 },
    { name: "B symbol", text: "3 B", spec: BYTES, value: 3 },
    { name: "kB is 1000", text: "1 kB", spec: BYTES, value: 1000 },
    { name: "KiB is 1024", text: "1 KiB", spec: BYTES, value: 1024 },
    { name: "GB is 10^9", text: "2 GB", spec: BYTES, value: 2e9 },
    { name: "GiB is 2^30", text: "2 GiB", spec: BYTES, value: 2 ** 31 },
    { name: "explicit conversion", text: "15.6 MiB to bytes", spec: BYTES, value: 15.6 * 2 ** 20 },
    { name: "bare number in the expected unit", text: "16384000", spec: BYTES, value: 16_384_000 },
    { name: "ratio of units is a number", text: "32 MiB / 8 MiB", spec: SCALAR, value: 4 },
    { name: "constants", text: "2pi", spec: SCALAR, value: 2 * Math.PI },
    { name: "exp and log", text: "exp(1) * log(8, 2)", spec: SCALAR, value: Math.E * 3 },
  ])("$name: $text", ({ text, spec, value }) => {
    expect(scalarOf(text, spec)).toBeCloseTo(value, 9);
  });

  it.each([
    { name: "MiB as typed", text: "15.6 MiB", unit: "MiB", value: 15.6 },
    { name: "MB as typed", text: "65.5 MB", unit: "MB", value: 65.5 },
    { name: "product keeps the unit written", text: "2*8*4000*128*2 bytes", unit: "bytes", value: 16_384_000 },
  ])("keeps the unit the learner meant: $name", ({ text, unit, value }) => {
    const parsed = parseAnswer(text, BYTES);
    expect(parsed.ok && parsed.kind === "scalar" ? parsed.unit : undefined).toEqual({ unit, value: expect.closeTo(value, 9) });
  });

  it.each([
    { name: "bracketed vector", text: "[0.63, 1.26]", spec: { shape: { vector: 2 } }, kind: "vector", values: [0.63, 1.26] },
    { name: "vector without brackets", text: "0.63, 1.26", spec: { shape: { vector: 2 } }, kind: "vector", values: [0.63, 1.26] },
    { name: "vector of expressions", text: "[sqrt(4), 1/4]", spec: { shape: { vector: 2 } }, kind: "vector", values: [2, 0.25] },
    {
      name: "matrix with semicolons",
      text: "[1, 2; 3, 4]",
      spec: { shape: { matrix: [2, 2] } },
      kind: "matrix",
      values: [
        [1, 2],
        [3, 4],
      ],
    },
    {
      name: "matrix as nested lists",
      text: "[[1, 2], [3, 4]]",
      spec: { shape: { matrix: [2, 2] } },
      kind: "matrix",
      values: [
        [1, 2],
        [3, 4],
      ],
    },
    { name: "vector in a unit", text: "[1 KiB, 2048 bytes]", spec: { shape: { vector: 2 }, unit: "bytes" }, kind: "vector", values: [1024, 2048] },
  ] satisfies { name: string; text: string; spec: AnswerSpec; kind: string; values: unknown }[])("$name: $text", ({ text, spec, kind, values }) => {
    expect(parseAnswer(text, spec)).toMatchObject({ ok: true, kind, values });
  });
});

describe("parseAnswer: slips are normalised", () => {
  it.each([
    { name: "x for times", text: "2 x 3", spec: SCALAR, value: 6 },
    { name: "x without spaces", text: "2x3", spec: SCALAR, value: 6 },
    { name: "times sign", text: "2 × 3", spec: SCALAR, value: 6 },
    { name: "middle dot", text: "2·3", spec: SCALAR, value: 6 },
    { name: "division sign", text: "1 ÷ 4", spec: SCALAR, value: 0.25 },
    { name: "unicode minus", text: "−1.2247", spec: SCALAR, value: -1.2247 },
    { name: "root sign", text: "√10", spec: SCALAR, value: Math.sqrt(10) },
    { name: "root sign with parentheses", text: "√(10)", spec: SCALAR, value: Math.sqrt(10) },
    { name: "pi sign", text: "π/2", spec: SCALAR, value: Math.PI / 2 },
    { name: "superscript two", text: "3²", spec: SCALAR, value: 9 },
    { name: "ln for natural log", text: "ln(e^2)", spec: SCALAR, value: 2 },
    { name: "decimal comma", text: "1,5", spec: SCALAR, value: 1.5 },
    { name: "decimal comma after zero", text: "0,125", spec: SCALAR, value: 0.125 },
    { name: "decimal comma, four digits", text: "1,2247", spec: SCALAR, value: 1.2247 },
    { name: "thousands of round number", text: "4,000", spec: SCALAR, value: 4000 },
    { name: "thousands inside a product", text: "2*8*4,000*128*2 bytes", spec: BYTES, value: 16_384_000 },
    { name: "several thousands groups", text: "16,384,000 bytes", spec: BYTES, value: 16_384_000 },
    { name: "thousands with a decimal point", text: "1,234.5", spec: SCALAR, value: 1234.5 },
    { name: "KB read as kB", text: "2 KB", spec: BYTES, value: 2000 },
    { name: "kiB read as KiB", text: "2 kiB", spec: BYTES, value: 2048 },
    { name: "surrounding spaces", text: "  0.25  ", spec: SCALAR, value: 0.25 },
  ])("$name: $text", ({ text, spec, value }) => {
    expect(scalarOf(text, spec)).toBeCloseTo(value, 9);
  });

  it.each([
    { name: "decimal comma", text: "1,5", spec: SCALAR, note: "Read 1,5 as 1.5 (decimal comma)." },
    { name: "thousands", text: "4,000", spec: SCALAR, note: "Read 4,000 as 4000 (comma as a thousands separator)." },
    { name: "bare number given a unit", text: "1024", spec: BYTES, note: "Read the number as bytes." },
    { name: "KB", text: "1 KB", spec: BYTES, note: "Read KB as kB (1000 bytes); write KiB for 1024 bytes." },
  ])("notes the $name slip", ({ text, spec, note }) => {
    const parsed = parseAnswer(text, spec);
    expect(parsed.ok ? parsed.notes : []).toContain(note);
  });
});

describe("parseAnswer: unreadable input is a result with a message", () => {
  it.each([
    { name: "empty", text: "", spec: SCALAR, code: "empty" },
    { name: "blank", text: "   ", spec: SCALAR, code: "empty" },
    { name: "too long", text: `${"1+".repeat(150)}1`, spec: SCALAR, code: "too-long" },
    { name: "ambiguous comma", text: "1,250", spec: SCALAR, code: "ambiguous-separator" },
    { name: "European thousands dot", text: "1.234,5", spec: SCALAR, code: "syntax" },
    { name: "dangling operator", text: "1 +", spec: SCALAR, code: "syntax" },
    { name: "two numbers", text: "16 384 000", spec: SCALAR, code: "syntax" },
    { name: "unknown word", text: "foo", spec: SCALAR, code: "unknown-symbol" },
    { name: "stray unit on a unitless answer", text: "0.5 MB", spec: SCALAR, code: "unexpected-unit" },
    { name: "unit of the wrong dimension", text: "5 m", spec: BYTES, code: "wrong-dimension" },
    { name: "unit without a number", text: "MiB", spec: BYTES, code: "missing-number" },
    { name: "adding a unit to a number", text: "2 MB + 3", spec: BYTES, code: "cannot-evaluate" },
    { name: "wrong number of arguments", text: "sqrt(1, 2)", spec: SCALAR, code: "cannot-evaluate" },
    { name: "square root of a negative", text: "sqrt(-1)", spec: SCALAR, code: "not-real" },
    { name: "log of a negative", text: "log(-1)", spec: SCALAR, code: "not-real" },
    { name: "modulo", text: "10 % 3", spec: SCALAR, code: "disallowed" },
    { name: "empty list", text: "[]", spec: { shape: { vector: 2 } }, code: "empty" },
    { name: "list nested in a list element", text: "[[1, 2], 3]", spec: { shape: { vector: 2 } }, code: "disallowed" },
    { name: "bad element names its position", text: "[1, foo]", spec: { shape: { vector: 2 } }, code: "unknown-symbol" },
  ] satisfies { name: string; text: string; spec: AnswerSpec; code: string }[])("$name", ({ text, spec, code }) => {
    const parsed = parseAnswer(text, spec);
    expect(parsed).toMatchObject({ ok: false, code });
    expect(parsed.ok ? "" : parsed.message).toMatch(/\w{3,}/);
  });

  it("names the element that failed", () => {
    expect(parseAnswer("[1, foo]", { shape: { vector: 2 } })).toMatchObject({ message: expect.stringMatching(/^Element 2:/) });
  });
});

describe("parseAnswer: lists typed without commas", () => {
  const VECTOR3: AnswerSpec = { shape: { vector: 3 } };
  const MATRIX22: AnswerSpec = { shape: { matrix: [2, 2] } };
  it.each([
    { name: "spaces", text: "1 2 3", spec: VECTOR3, values: [1, 2, 3] },
    { name: "spaces in brackets", text: "[1 2 3]", spec: VECTOR3, values: [1, 2, 3] },
    { name: "negative elements", text: "0.5 -1.2 2", spec: VECTOR3, values: [0.5, -1.2, 2] },
    { name: "minus sign from the key row", text: "[\u22120.5 2 3]", spec: VECTOR3, values: [-0.5, 2, 3] },
    { name: "expressions without inner spaces", text: "sqrt(4) 1/4 2^3", spec: VECTOR3, values: [2, 0.25, 8] },
    { name: "root sign from the key row", text: "sqrt(9) 1 2", spec: VECTOR3, values: [3, 1, 2] },
    { name: "several spaces and a tab", text: " 1   2\t3 ", spec: VECTOR3, values: [1, 2, 3] },
    {
      name: "matrix rows by semicolon",
      text: "1 2; 3 4",
      spec: MATRIX22,
      values: [
        [1, 2],
        [3, 4],
      ],
    },
    {
      name: "matrix rows by new line",
      text: "1 2\n3 4",
      spec: MATRIX22,
      values: [
        [1, 2],
        [3, 4],
      ],
    },
    { name: "root left open at the end", text: "1 2 sqrt(9", spec: VECTOR3, values: [1, 2, 3] },
    {
      name: "matrix rows by new line in brackets",
      text: "[1, 2\n3, 4]",
      spec: MATRIX22,
      values: [
        [1, 2],
        [3, 4],
      ],
    },
  ] satisfies { name: string; text: string; spec: AnswerSpec; values: unknown }[])("$name: $text", ({ text, spec, values }) => {
    const parsed = parseAnswer(text, spec);
    expect(parsed).toMatchObject({ ok: true, values });
  });

  it.each([
    { name: "an operator between spaced numbers stays arithmetic", text: "[1 - 2, 3, 4]", values: [-1, 3, 4] },
    { name: "a spaced product is one element", text: "[2 * 3, 1, 0]", values: [6, 1, 0] },
  ])("$name: $text", ({ text, values }) => {
    expect(parseAnswer(text, VECTOR3)).toMatchObject({ ok: true, values });
  });

  it("keeps spaces inside one scalar an error", () => {
    expect(parseAnswer("1 2 3", SCALAR)).toMatchObject({ ok: false, code: "syntax" });
  });
});

describe("parseAnswer: an unreadable answer says what was expected", () => {
  it.each([
    { name: "scalar", text: "1 +", spec: SCALAR, says: "one number", example: "sqrt(10)" },
    { name: "vector", text: "[1, 2,, 3]", spec: { shape: { vector: 3 } }, says: "3 numbers", example: "[0.5, -1.2, 2]" },
    { name: "matrix", text: "[1, 2; 3,, 4]", spec: { shape: { matrix: [2, 2] } }, says: "2 rows of 2 numbers", example: "[0.5, -1.2; 0.5, -1.2]" },
    { name: "brackets that do not pair up", text: "(1 + 2))", spec: SCALAR, says: "The brackets do not pair up", example: "1.5" },
  ] satisfies { name: string; text: string; spec: AnswerSpec; says: string; example: string }[])("$name", ({ text, spec, says, example }) => {
    const parsed = parseAnswer(text, spec);
    const message = parsed.ok ? "" : parsed.message;
    expect(message).toContain(says);
    expect(message).toContain(example);
    expect(message).not.toMatch(/char \d|expected \(|End of matrix|Syntax error/);
  });
});

describe("parseAnswer: what the touch key row inserts", () => {
  it.each([
    { name: "minus key", text: "\u22121.5", value: -1.5 },
    { name: "root key, closed", text: "sqrt(10)", value: Math.sqrt(10) },
    { name: "root key left open", text: "sqrt(10", value: Math.sqrt(10) },
    { name: "root key inside a fraction", text: "1/sqrt(4", value: 0.5 },
    { name: "power and slash", text: "2^3/4", value: 2 },
  ])("$name: $text", ({ text, value }) => {
    expect(scalarOf(text, SCALAR)).toBeCloseTo(value, 9);
  });

  it("notes a bracket it closed", () => {
    expect(parseAnswer("sqrt(10", SCALAR)).toMatchObject({ ok: true, notes: ["Closed the bracket left open at the end."] });
  });
});
