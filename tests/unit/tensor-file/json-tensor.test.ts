// JSON tensors: nested arrays or { shape, data }, NaN/±Infinity as strings,
// and each refusal with the position of the problem.
import { describe, expect, it } from "vitest";
import { decodeJsonTensor, decodeTensorFile, encodeInputsJson, tensorToJson } from "@/lib/labs/tensor-file";
import { JSON_ACCEPTED, JSON_MAX as MAX, JSON_REFUSED } from "./cases";

describe("decodeJsonTensor accepts", () => {
  for (const c of JSON_ACCEPTED) {
    it(c.name, () => {
      const result = decodeJsonTensor(c.file, MAX);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect(result.tensor.shape).toEqual(c.shape);
      expect(Array.from(result.tensor.data)).toEqual(c.data);
    });
  }
});

describe("decodeJsonTensor refuses", () => {
  for (const c of JSON_REFUSED) {
    it(c.name, () => {
      const result = decodeJsonTensor(c.file, MAX);
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

  it("reads a zip signature as an .npz, not as JSON", () => {
    const result = decodeTensorFile(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0), MAX);
    expect(result).toMatchObject({ ok: false, format: "npz", message: expect.stringContaining("holds no array") });
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
