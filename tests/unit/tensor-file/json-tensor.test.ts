// JSON tensors: nested arrays or { shape, data }, NaN/±Infinity as strings,
// and each refusal with the position of the problem.
import { describe, expect, it } from "vitest";
import { decodeJsonTensor, decodeTensorFile, encodeInputsJson, tensorToJson } from "@/lib/labs/tensor-file";

const MAX = 100;

describe("decodeJsonTensor accepts", () => {
  const cases = [
    { name: "nested arrays 2×2", text: "[[1, 2], [3, 4.5]]", shape: [2, 2], data: [1, 2, 3, 4.5] },
    { name: "a flat vector", text: "[1e-3, -2]", shape: [2], data: [0.001, -2] },
    { name: "a bare number", text: "7", shape: [], data: [7] },
    { name: "shape and flat data", text: '{"shape": [2, 3], "data": [1, 2, 3, 4, 5, 6]}', shape: [2, 3], data: [1, 2, 3, 4, 5, 6] },
    { name: "shape and nested data", text: '{"shape": [2, 2], "data": [[1, 2], [3, 4]]}', shape: [2, 2], data: [1, 2, 3, 4] },
    { name: "non-finite strings", text: '[["NaN", "Infinity"], ["-Infinity", 0]]', shape: [2, 2], data: [Number.NaN, Infinity, -Infinity, 0] },
    { name: "an empty matrix", text: "[[], []]", shape: [2, 0], data: [] },
    { name: "3 axes", text: "[[[1], [2]], [[3], [4]]]", shape: [2, 2, 1], data: [1, 2, 3, 4] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = decodeJsonTensor(c.text, MAX);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect(result.tensor.shape).toEqual(c.shape);
      expect(Array.from(result.tensor.data)).toEqual(c.data);
    });
  }
});

describe("decodeJsonTensor refuses", () => {
  const cases = [
    { name: "text that is not JSON", text: "[1, 2", message: "not valid JSON" },
    { name: "ragged rows", text: "[[1, 2], [3]]", message: "ragged arrays: the row at [1] has 1 entries, expected 2" },
    { name: "a number where a row belongs", text: "[[1, 2], 3]", message: "ragged arrays: a number at [1] where a list of 2 was expected" },
    { name: "null (JSON's stand-in for NaN in some writers)", text: "[1, null]", message: 'the entry at [1] is null: use a number or "NaN", "Infinity", "-Infinity"' },
    { name: "lowercase nan", text: '[1, "nan"]', message: 'the entry at [1] is "nan"' },
    { name: "a string that names an Object method", text: '["constructor"]', message: 'the entry at [0] is "constructor"' },
    { name: "an object without shape", text: '{"data": [1]}', message: 'a JSON object must be {"shape": [...], "data": [...]}' },
    { name: "a shape with fractions", text: '{"shape": [1.5], "data": [1]}', message: "must hold whole numbers" },
    { name: "data shorter than the shape", text: '{"shape": [2, 2], "data": [1, 2, 3]}', message: 'wrong element count: shape [2, 2] needs 4 values, "data" holds 3' },
    { name: "too many elements (nested)", text: JSON.stringify(Array.from({ length: 11 }, () => Array(10).fill(0))), message: "too many elements: 110 (a lab output holds at most 100)" },
    { name: "too many elements (flat data)", text: JSON.stringify({ shape: [101], data: Array(101).fill(0) }), message: "too many elements: 101" },
    { name: "a string", text: '"hello"', message: "send a number, nested arrays of numbers" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = decodeJsonTensor(c.text, MAX);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(c.message);
    });
  }
});

describe("JSON out", () => {
  it("writes non-finite values as strings and reads them back", () => {
    const tensor = { shape: [2, 2], data: Float64Array.from([0.25, Number.NaN, Infinity, -Infinity]) };
    const text = JSON.stringify(tensorToJson(tensor));
    expect(text).toBe('{"shape":[2,2],"data":[0.25,"NaN","Infinity","-Infinity"]}');
    const back = decodeTensorFile(new TextEncoder().encode(text), MAX);
    expect(back).toMatchObject({ ok: true, format: "json" });
    if (back.ok) expect(Array.from(back.tensor.data)).toEqual([0.25, Number.NaN, Infinity, -Infinity]);
  });

  it("names an .npz uploaded by mistake", () => {
    const result = decodeTensorFile(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0), MAX);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("zip/.npz archive") });
  });

  it("bundles the inputs with their conventions", () => {
    const text = encodeInputsJson({
      lab: "layernorm",
      seed: 3,
      conventions: ["Normalise over the last axis."],
      scalars: { eps: 1e-5 },
      inputs: [{ name: "x", tensor: { shape: [1, 2], data: Float64Array.from([1, 2]) } }],
    });
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({
      lab: "layernorm",
      seed: 3,
      conventions: ["Normalise over the last axis."],
      scalars: { eps: 1e-5 },
      inputs: { x: { shape: [1, 2], data: [1, 2] } },
    });
    expect(parsed.layout).toContain("row-major");
  });
});
