import { describe, expect, it } from "vitest";
import { compareAnswer, parseAnswer, withinTolerance, type AnswerSpec, type ParsedOk, type Tolerance } from "@/lib/answers";

function parsed(text: string, spec: AnswerSpec): ParsedOk {
  const result = parseAnswer(text, spec);
  if (!result.ok) throw new Error(`${text}: ${result.message}`);
  return result;
}

const REL: Tolerance = { mode: "relative", rel: 0.01 };

describe("withinTolerance", () => {
  it.each([
    { name: "relative: 4 figures of -1.2247", actual: -1.2247, expected: -1.224745, tolerance: REL, pass: true },
    { name: "relative: -1.22 within 1%", actual: -1.22, expected: -1.224745, tolerance: REL, pass: true },
    { name: "relative: 2% off fails", actual: -1.2, expected: -1.224745, tolerance: REL, pass: false },
    { name: "relative: sign error fails", actual: 1.2247, expected: -1.224745, tolerance: REL, pass: false },
    { name: "relative: zero expected needs abs", actual: 0.001, expected: 0, tolerance: REL, pass: false },
    { name: "relative: abs bound near zero", actual: 0.001, expected: 0, tolerance: { mode: "relative", rel: 0.01, abs: 0.005 }, pass: true },
    { name: "relative: float noise at zero", actual: 1e-15, expected: 0, tolerance: REL, pass: true },
    { name: "sigfigs: 3 figures, rounded", actual: -1.22, expected: -1.224745, tolerance: { mode: "sigfigs", digits: 3 }, pass: true },
    { name: "sigfigs: 3 figures, more digits", actual: -1.225, expected: -1.224745, tolerance: { mode: "sigfigs", digits: 3 }, pass: true },
    { name: "sigfigs: 3 figures, wrong last digit", actual: -1.23, expected: -1.224745, tolerance: { mode: "sigfigs", digits: 3 }, pass: false },
    { name: "sigfigs: large numbers", actual: 16_400_000, expected: 16_384_000, tolerance: { mode: "sigfigs", digits: 3 }, pass: true },
    { name: "sigfigs: large numbers, too coarse", actual: 16_000_000, expected: 16_384_000, tolerance: { mode: "sigfigs", digits: 3 }, pass: false },
    { name: "sigfigs: 1/3 to 2 figures", actual: 0.33, expected: 1 / 3, tolerance: { mode: "sigfigs", digits: 2 }, pass: true },
    { name: "decimals: 2 places", actual: 0.63, expected: 0.6324555, tolerance: { mode: "decimals", places: 2 }, pass: true },
    { name: "decimals: 2 places, off by 0.01", actual: 0.62, expected: 0.6324555, tolerance: { mode: "decimals", places: 2 }, pass: false },
    { name: "decimals: exactly on the half-unit boundary", actual: 0.125, expected: 0.12, tolerance: { mode: "decimals", places: 2 }, pass: true },
    { name: "decimals: just past the half-unit boundary", actual: 0.1251, expected: 0.12, tolerance: { mode: "decimals", places: 2 }, pass: false },
    { name: "decimals: 0 places", actual: 3, expected: 3.4, tolerance: { mode: "decimals", places: 0 }, pass: true },
  ] satisfies { name: string; actual: number; expected: number; tolerance: Tolerance; pass: boolean }[])("$name", ({ actual, expected, tolerance, pass }) => {
    expect(withinTolerance(actual, expected, tolerance)).toBe(pass);
  });
});

describe("compareAnswer", () => {
  it.each([
    { name: "scalar within the default 1%", text: "-1.22", spec: { shape: "scalar" }, expected: -1.224745, correct: true },
    { name: "square root typed exactly", text: "sqrt(10)", spec: { shape: "scalar" }, expected: 3.16227766, correct: true },
    { name: "fraction typed exactly", text: "1/3", spec: { shape: "scalar" }, expected: 0.333333, correct: true },
    { name: "percent equals its fraction", text: "25%", spec: { shape: "scalar" }, expected: 0.25, correct: true },
    { name: "bytes product", text: "2*8*4000*128*2 bytes", spec: { shape: "scalar", unit: "bytes" }, expected: 16_384_000, correct: true },
    { name: "MiB rounded", text: "15.6 MiB", spec: { shape: "scalar", unit: "bytes" }, expected: 16_384_000, correct: true },
    { name: "MB converted to MiB", text: "65.5 MB", spec: { shape: "scalar", unit: "MiB" }, expected: 62.466, correct: true },
    { name: "MB value labelled MiB is wrong", text: "65.5 MiB", spec: { shape: "scalar", unit: "MiB" }, expected: 62.466, correct: false },
    { name: "bits where bytes were meant", text: "16384000 bits", spec: { shape: "scalar", unit: "bytes" }, expected: 16_384_000, correct: false },
    { name: "vector all right", text: "[0.63, 1.26]", spec: { shape: { vector: 2 } }, expected: [0.6325, 1.2649], correct: true },
  ] satisfies { name: string; text: string; spec: AnswerSpec; expected: number | number[]; correct: boolean }[])(
    "$name",
    ({ text, spec, expected, correct }) => {
      expect(compareAnswer(parsed(text, spec), expected)).toMatchObject({ kind: "compared", correct });
    },
  );

  it("marks the one wrong element of a vector", () => {
    const result = compareAnswer(parsed("[0.63, 1.62, 2.5]", { shape: { vector: 3 } }), [0.6325, 1.2649, 2.5]);
    expect(result).toMatchObject({ kind: "compared", correct: false, wrong: [[1]], message: "1 of 3 wrong: 2 (each must agree within 1%)." });
  });

  it("marks wrong matrix cells by row and column", () => {
    const result = compareAnswer(parsed("[1, 0; 0.5, 0.4]", { shape: { matrix: [2, 2] } }), [
      [1, 0],
      [0.5, 0.5],
    ]);
    expect(result).toMatchObject({ correct: false, wrong: [[1, 1]], message: "1 of 4 wrong: (2, 2) (each must agree within 1%)." });
  });

  it("applies the tolerance to every element", () => {
    const vector = parsed("[0.63, 1.26]", { shape: { vector: 2 } });
    expect(compareAnswer(vector, [0.6325, 1.2649], { mode: "decimals", places: 3 })).toMatchObject({ wrong: [[0], [1]] });
  });

  it.each([
    { name: "too few elements", text: "[1, 2]", spec: { shape: { vector: 3 } }, expected: [1, 2, 3], message: "Expected a list of 3, got a list of 2." },
    { name: "number for a list", text: "1", spec: { shape: "scalar" }, expected: [1, 2], message: "Expected a list of 2, got a single number." },
    { name: "list for a number", text: "[1, 2]", spec: { shape: "scalar" }, expected: 1, message: "Expected a single number, got a list of 2." },
    {
      name: "list for a matrix",
      text: "[1, 2, 3, 4]",
      spec: { shape: { vector: 4 } },
      expected: [
        [1, 2],
        [3, 4],
      ],
      message: "Expected a 2×2 matrix, got a list of 4.",
    },
    {
      name: "transposed matrix",
      text: "[1, 2, 3; 4, 5, 6]",
      spec: { shape: { matrix: [3, 2] } },
      expected: [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
      message: "Expected a 3×2 matrix, got a 2×3 matrix.",
    },
  ] satisfies { name: string; text: string; spec: AnswerSpec; expected: number | number[] | number[][]; message: string }[])(
    "explains a shape mismatch: $name",
    ({ text, spec, expected, message }) => {
      expect(compareAnswer(parsed(text, spec), expected)).toMatchObject({ kind: "shape-mismatch", correct: false, message });
    },
  );

  it("accepts a column typed for a vector", () => {
    expect(compareAnswer(parsed("[0.63; 1.26]", { shape: { vector: 2 } }), [0.63, 1.26])).toMatchObject({ correct: true });
  });
});
