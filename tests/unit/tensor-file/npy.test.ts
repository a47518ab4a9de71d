// The .npy codec: round trips per dtype, header versions, and every refusal
// with the message a learner sees. Fixtures are hand-built bytes following
// the format spec, so the reader is checked against the format, not itself.
import { describe, expect, it } from "vitest";
import { decodeNpy, encodeNpy, decodeTensorFile } from "@/lib/labs/tensor-file";

const MAX = 1000;

/** A .npy file with an arbitrary header dict, version and data bytes. */
function npyBytes(dict: string, data: Uint8Array, version: 1 | 2 | 3 = 1): Uint8Array {
  const lengthBytes = version === 1 ? 2 : 4;
  const unpadded = 8 + lengthBytes + dict.length + 1;
  const header = new TextEncoder().encode(dict + " ".repeat((64 - (unpadded % 64)) % 64) + "\n");
  const out = new Uint8Array(8 + lengthBytes + header.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  out.set(header, 8 + lengthBytes);
  out.set(data, 8 + lengthBytes + header.length);
  return out;
}

function typed(kind: "f8" | "f4" | "i8" | "i4" | "i2" | "u1" | "f8be", values: number[]): Uint8Array {
  const size = { f8: 8, f4: 4, i8: 8, i4: 4, i2: 2, u1: 1, f8be: 8 }[kind];
  const out = new Uint8Array(values.length * size);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    const at = i * size;
    if (kind === "f8") view.setFloat64(at, v, true);
    else if (kind === "f8be") view.setFloat64(at, v, false);
    else if (kind === "f4") view.setFloat32(at, v, true);
    else if (kind === "i8") view.setBigInt64(at, BigInt(v), true);
    else if (kind === "i4") view.setInt32(at, v, true);
    else if (kind === "i2") view.setInt16(at, v, true);
    else view.setUint8(at, v);
  });
  return out;
}

const dict = (descr: string, shape: string, fortran = "False") => `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

describe("decodeNpy accepts", () => {
  const cases = [
    { name: "float64 2×3, v1 header", bytes: npyBytes(dict("<f8", "(2, 3)"), typed("f8", [1, 2, 3, 4, 5, 6.5])), shape: [2, 3], data: [1, 2, 3, 4, 5, 6.5] },
    { name: "float32 vector, v2 header", bytes: npyBytes(dict("<f4", "(3,)"), typed("f4", [0.5, -2, 1e10]), 2), shape: [3], data: [0.5, -2, Math.fround(1e10)] },
    { name: "int64 with a v3 header", bytes: npyBytes(dict("<i8", "(2,)"), typed("i8", [-7, 9_007_199_254_740_991]), 3), shape: [2], data: [-7, 9_007_199_254_740_991] },
    { name: "int32", bytes: npyBytes(dict("<i4", "(1, 2)"), typed("i4", [-1, 2 ** 31 - 1])), shape: [1, 2], data: [-1, 2 ** 31 - 1] },
    { name: "int16", bytes: npyBytes(dict("<i2", "(2,)"), typed("i2", [-300, 300])), shape: [2], data: [-300, 300] },
    { name: "uint8 written as |u1", bytes: npyBytes(dict("|u1", "(2,)"), typed("u1", [0, 255])), shape: [2], data: [0, 255] },
    { name: "NaN and ±Infinity kept from float64", bytes: npyBytes(dict("<f8", "(3,)"), typed("f8", [Number.NaN, Infinity, -Infinity])), shape: [3], data: [Number.NaN, Infinity, -Infinity] },
    { name: "NaN and ±Infinity kept from float32", bytes: npyBytes(dict("<f4", "(3,)"), typed("f4", [Number.NaN, Infinity, -Infinity])), shape: [3], data: [Number.NaN, Infinity, -Infinity] },
    { name: "a 0-d scalar", bytes: npyBytes(dict("<f8", "()"), typed("f8", [4])), shape: [], data: [4] },
    { name: "an empty array", bytes: npyBytes(dict("<f8", "(0, 4)"), new Uint8Array()), shape: [0, 4], data: [] },
    { name: "keys in another order, double quotes", bytes: npyBytes(`{"shape": (2,), "fortran_order": False, "descr": "<f8"}`, typed("f8", [1, 2])), shape: [2], data: [1, 2] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = decodeNpy(c.bytes, MAX);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect(result.tensor.shape).toEqual(c.shape);
      expect(Array.from(result.tensor.data)).toEqual(c.data);
    });
  }
});

describe("decodeNpy refuses", () => {
  const cases = [
    { name: "a file without the magic", bytes: new TextEncoder().encode("NUMPY not really"), message: "not a .npy file" },
    { name: "an unknown version", bytes: npyBytes(dict("<f8", "(1,)"), typed("f8", [1])).map((b, i) => (i === 6 ? 4 : b)), message: "unsupported .npy version 4" },
    { name: "Fortran order", bytes: npyBytes(dict("<f8", "(2, 2)", "True"), typed("f8", [1, 2, 3, 4])), message: "Fortran order" },
    { name: "big-endian float64", bytes: npyBytes(dict(">f8", "(1,)"), typed("f8be", [1])), message: "big-endian dtype '>f8' is not supported" },
    { name: "an object array", bytes: npyBytes(dict("|O", "(1,)"), new Uint8Array(8)), message: "object arrays are not supported" },
    { name: "complex numbers", bytes: npyBytes(dict("<c16", "(1,)"), new Uint8Array(16)), message: "dtype '<c16' is not supported" },
    { name: "a structured dtype", bytes: npyBytes(`{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }`, new Uint8Array(8)), message: "structured (record) dtypes" },
    { name: "a header that is not a dict", bytes: npyBytes("descr <f8", new Uint8Array(8)), message: "bad .npy header: it is not a {…} dictionary" },
    { name: "a header without a shape", bytes: npyBytes(`{'descr': '<f8', 'fortran_order': False}`, new Uint8Array(8)), message: "no 'shape' tuple" },
    { name: "a shape that is not whole numbers", bytes: npyBytes(dict("<f8", "(2.5,)"), new Uint8Array(8)), message: "is not a tuple of whole numbers" },
    { name: "a header longer than the file", bytes: npyBytes(dict("<f8", "(1,)"), new Uint8Array()).slice(0, 40), message: "header is longer than the file" },
    { name: "too few data bytes", bytes: npyBytes(dict("<f8", "(2, 3)"), typed("f8", [1, 2, 3, 4, 5])), message: "wrong element count: the header says shape (2, 3) = 6 elements of 8 bytes (48 bytes), but the file holds 40 bytes" },
    { name: "trailing bytes", bytes: npyBytes(dict("<f4", "(2,)"), typed("f4", [1, 2, 3])), message: "wrong element count" },
    { name: "more elements than the cap", bytes: npyBytes(dict("<f8", "(1001,)"), new Uint8Array(8)), message: "too many elements: 1,001 (a lab output holds at most 1,000)" },
    { name: "a huge declared shape, before allocating", bytes: npyBytes(dict("<f8", "(100000000, 100000000)"), new Uint8Array(8)), message: "too many elements: more than 10^15" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = decodeNpy(c.bytes, MAX);
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
