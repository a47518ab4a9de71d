// The .npy codec: round trips per dtype, header versions, and every refusal
// with the message a learner sees (the file table is in cases.ts).
import { describe, expect, it } from "vitest";
import { decodeNpy, encodeNpy, decodeTensorFile } from "@/lib/labs/tensor-file";
import { NPY_ACCEPTED, NPY_MAX as MAX, NPY_REFUSED } from "./cases";

describe("decodeNpy accepts", () => {
  for (const c of NPY_ACCEPTED) {
    it(c.name, () => {
      const result = decodeNpy(c.file, MAX);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect(result.tensor.shape).toEqual(c.shape);
      expect(Array.from(result.tensor.data)).toEqual(c.data);
    });
  }
});

describe("decodeNpy refuses", () => {
  for (const c of NPY_REFUSED) {
    it(c.name, () => {
      const result = decodeNpy(c.file, MAX);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(c.message);
    });
  }
});

describe("encodeNpy", () => {
  const cases = [
    { name: "float64 keeps every value", dtype: "<f8" as const, data: [0.1, -2.5e-300, Number.NaN, Infinity, -Infinity, -0], shape: [2, 3] },
    { name: "float32 rounds to float32", dtype: "<f4" as const, data: [0.1, 3], shape: [2] },
    { name: "int64", dtype: "<i8" as const, data: [-5, 7, 0], shape: [3] },
    { name: "int32", dtype: "<i4" as const, data: [-5, 7], shape: [1, 2] },
  ];
  for (const c of cases) {
    it(`round-trips ${c.name}`, () => {
      const bytes = encodeNpy({ shape: c.shape, data: Float64Array.from(c.data) }, c.dtype);
      const headerLength = new DataView(bytes.buffer).getUint16(8, true);
      expect((10 + headerLength) % 64).toBe(0);
      const back = decodeTensorFile(bytes, MAX);
      expect(back).toMatchObject({ ok: true, format: "npy" });
      if (!back.ok) return;
      expect(back.tensor.shape).toEqual(c.shape);
      const expected = c.dtype === "<f4" ? c.data.map(Math.fround) : c.data;
      expect(Array.from(back.tensor.data)).toEqual(expected);
    });
  }

  it("writes the header NumPy writes for a float64 vector", () => {
    const bytes = encodeNpy({ shape: [3], data: Float64Array.from([1, 2, 3]) });
    const header = new TextDecoder("latin1").decode(bytes.subarray(10, 10 + new DataView(bytes.buffer).getUint16(8, true)));
    expect(header.trimEnd()).toBe("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }");
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    expect(bytes.length).toBe(128 + 24);
  });
});
