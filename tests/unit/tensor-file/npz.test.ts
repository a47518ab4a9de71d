// The .npz files: the inputs download (fflate's zip, read back by np.load when
// python3 with NumPy is installed) and .npz uploads, stored or deflated, read as
// they stream in. Without NumPy the deflated fixtures come from fflate, which
// writes the same zip members np.savez_compressed does (method 8, raw deflate).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeTensorFile, encodeNpy, encodeNpz, TensorFileDecoder } from "@/lib/labs/tensor-file";

const x = { shape: [2, 3], data: Float64Array.from([0.5, -1, 2, Number.NaN, Infinity, -Infinity]) };
const gamma = { shape: [3], data: Float64Array.from([1, 1.25, 0.75]) };
const MAX = 1_048_576;

const hasNumpy = spawnSync("python3", ["-c", "import numpy"], { stdio: "ignore" }).status === 0;

/** An .npz of `files`, each member stored (level 0) or deflated (level 6). */
const npzOf = (files: Record<string, Uint8Array>, level: 0 | 6): Uint8Array => {
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) zippable[name] = [bytes, { level }];
  return zipSync(zippable);
};

/** Feeds `bytes` to a streaming decoder in `piece`-byte writes; the result and how many bytes went in before a refusal. */
function streamDecode(bytes: Uint8Array, piece: number, maxElements = MAX) {
  const decoder = new TensorFileDecoder(maxElements);
  let fed = 0;
  for (; fed < bytes.length; fed += piece) if (decoder.write(bytes.subarray(fed, fed + piece))) break;
  return { result: decoder.end(), fed: Math.min(fed + piece, bytes.length) };
}

const same = (a: Float64Array, b: Float64Array) => expect(Array.from(a)).toEqual(Array.from(b));

describe("encodeNpz", () => {
  it("writes one stored .npy member per entry, in order, with their bytes intact", () => {
    const bytes = encodeNpz([
      { name: "x", tensor: x },
      { name: "gamma", tensor: gamma },
    ]);
    const members = unzipSync(bytes);
    expect(Object.keys(members)).toEqual(["x.npy", "gamma.npy"]);
    expect(members["x.npy"]).toEqual(encodeNpy(x));
    // Method 0 (stored) in the first local header, as np.savez writes it.
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(8, true)).toBe(0);
  });

  it("gives the same bytes for the same tensors", () => {
    expect(encodeNpz([{ name: "x", tensor: x }])).toEqual(encodeNpz([{ name: "x", tensor: x }]));
  });

  it("refuses member names that are not identifiers, and a name given twice", () => {
    expect(() => encodeNpz([{ name: "../x", tensor: x }])).toThrow("not a plain identifier");
    expect(() =>
      encodeNpz([
        { name: "x", tensor: x },
        { name: "x", tensor: gamma },
      ]),
    ).toThrow("given twice");
  });

  it.skipIf(!hasNumpy)("is read by np.load, values, shapes and conventions text exact", { timeout: 30_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "npz-"));
    try {
      const path = join(dir, "inputs.npz");
      writeFileSync(
        path,
        encodeNpz([
          { name: "x", tensor: x },
          { name: "gamma", tensor: gamma },
          { name: "conventions", text: "row-major · ε = 1e-5" },
        ]),
      );
      const script = [
        "import json, sys, numpy as np",
        "d = np.load(sys.argv[1])",
        "print(json.dumps({k: (str(d[k]) if d[k].dtype.kind == 'U' else {'shape': list(d[k].shape), 'dtype': str(d[k].dtype), 'data': [repr(float(v)) for v in d[k].ravel()]}) for k in d.files}))",
      ].join("\n");
      const out = JSON.parse(execFileSync("python3", ["-c", script, path], { encoding: "utf8" }));
      expect(out.x).toEqual({ shape: [2, 3], dtype: "float64", data: ["0.5", "-1.0", "2.0", "nan", "inf", "-inf"] });
      expect(out.gamma).toEqual({ shape: [3], dtype: "float64", data: ["1.0", "1.25", "0.75"] });
      expect(out.conventions).toBe("row-major · ε = 1e-5");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasNumpy)("reads what np.save writes (float32, v1 header, C order)", { timeout: 30_000 }, async () => {
    const { decodeNpy } = await import("@/lib/labs/tensor-file");
    const out = execFileSync("python3", [
      "-c",
      "import sys, io, numpy as np; b = io.BytesIO(); np.save(b, np.array([[1.5, np.nan], [np.inf, -2]], dtype=np.float32)); sys.stdout.buffer.write(b.getvalue())",
    ]);
    const result = decodeNpy(new Uint8Array(out), 100);
    expect(result).toMatchObject({ ok: true, tensor: { shape: [2, 2] } });
    if (result.ok) expect(Array.from(result.tensor.data)).toEqual([1.5, Number.NaN, Infinity, -2]);
  });
});

describe(".npz uploads", () => {
  const y = { shape: [64, 128], data: Float64Array.from({ length: 64 * 128 }, (_, i) => Math.sin(i) * 3) };

  it.each([
    { name: "stored (np.savez)", level: 0 as const },
    { name: "deflated (np.savez_compressed)", level: 6 as const },
  ])("reads one $name member, whatever the piece size", { timeout: 30_000 }, ({ level }) => {
    const bytes = npzOf({ "y.npy": encodeNpy(y, "<f8") }, level);
    for (const piece of [101, 4096, bytes.length]) {
      const { result } = streamDecode(bytes, piece);
      expect(result).toMatchObject({ ok: true, format: "npz", tensor: { shape: [64, 128] } });
      if (result.ok) same(result.tensor.data, y.data);
    }
  });

  it.skipIf(!hasNumpy)("reads what np.savez_compressed and np.savez write (zip64 headers, float32 and float64)", { timeout: 30_000 }, () => {
    for (const [call, dtype] of [
      ["np.savez_compressed(b, y=y)", "float64"],
      ["np.savez(b, y)", "float32"],
    ] as const) {
      const out = execFileSync("python3", [
        "-c",
        `import sys, io, numpy as np; y = (np.arange(4096).reshape(32, 128) % 17 / 7 - 1).astype(np.${dtype}); b = io.BytesIO(); ${call}; sys.stdout.buffer.write(b.getvalue())`,
      ]);
      const expected = Float64Array.from({ length: 4096 }, (_, i) => Math.fround((i % 17) / 7 - 1));
      const { result } = streamDecode(new Uint8Array(out), 1000);
      expect(result, call).toMatchObject({ ok: true, format: "npz", tensor: { shape: [32, 128] } });
      if (result.ok && dtype === "float64")
        same(
          result.tensor.data,
          Float64Array.from({ length: 4096 }, (_, i) => (i % 17) / 7 - 1),
        );
      if (result.ok && dtype === "float32") same(result.tensor.data, expected);
    }
  });

  it("stops a zip bomb while it streams: a member inflating past one output's size is refused early", { timeout: 30_000 }, () => {
    // A valid header for 1,000 float64s, then 16 MiB of zeros: deflate packs it into ~16 KiB.
    const header = encodeNpy({ shape: [1000], data: new Float64Array(1000) }, "<f8");
    const member = new Uint8Array(16 * 2 ** 20);
    member.set(header);
    const bomb = npzOf({ "y.npy": member }, 6);
    expect(bomb.length).toBeLessThan(200_000);
    const { result, fed } = streamDecode(bomb, 1024, 1000);
    expect(result).toMatchObject({ ok: false, format: "npz" });
    expect(fed).toBeLessThan(bomb.length / 4);
    // A member that is not an .npy at all (16 MiB of zeros) stops at its first bytes.
    const zeros = npzOf({ "y.npy": new Uint8Array(16 * 2 ** 20) }, 6);
    const notNpy = streamDecode(zeros, 1024, 1000);
    expect(notNpy.result).toMatchObject({ ok: false, message: expect.stringContaining("\\x93NUMPY") });
    expect(notNpy.fed).toBeLessThan(zeros.length / 4);
  });

  it("refuses a second array, and stops at it however many follow", () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_000; i++) files[`arr_${i}.npy`] = encodeNpy({ shape: [1], data: Float64Array.of(i) }, "<f8");
    const many = npzOf(files, 0);
    const { result, fed } = streamDecode(many, 4096);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('holds more than one array ("arr_0.npy", "arr_1.npy", …)') });
    expect(fed).toBeLessThanOrEqual(4096);
  });

  it.each<{ name: string; files: Record<string, Uint8Array>; message: string }>([
    { name: "a member that is not .npy", files: { "notes.txt": new TextEncoder().encode("hello") }, message: '"notes.txt" is not a .npy array' },
    { name: "an empty archive", files: {}, message: "holds no array" },
  ])("refuses $name", ({ files, message }) => {
    expect(decodeTensorFile(npzOf(files, 6), MAX)).toMatchObject({ ok: false, format: "npz", message: expect.stringContaining(message) });
  });

  it("refuses a compression method np.savez never writes, a cut-short archive and a damaged deflate stream", () => {
    const stored = npzOf({ "y.npy": encodeNpy(y, "<f8") }, 0);
    const bzip2 = stored.slice();
    bzip2[8] = 12;
    expect(decodeTensorFile(bzip2, MAX)).toMatchObject({ ok: false, message: expect.stringContaining("zip method 12") });
    expect(decodeTensorFile(stored.subarray(0, 5000), MAX)).toMatchObject({ ok: false, message: expect.stringContaining("cut short") });
    const deflated = npzOf({ "y.npy": encodeNpy(y, "<f8") }, 6);
    const damaged = deflated.slice();
    for (let i = 40; i < 60; i++) damaged[i] = 0xff;
    expect(decodeTensorFile(damaged, MAX)).toMatchObject({ ok: false, format: "npz" });
  });

  it("refuses a member over the element cap from its .npy header", () => {
    const big = npzOf({ "y.npy": encodeNpy({ shape: [11], data: new Float64Array(11) }, "<f8") }, 6);
    expect(decodeTensorFile(big, 10)).toMatchObject({ ok: false, message: expect.stringContaining("too many elements") });
  });
});
