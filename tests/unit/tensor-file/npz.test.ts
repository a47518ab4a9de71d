// The .npz writer: a stored zip whose bytes follow the zip spec field by
// field, with CRC-32 checked against its published check value; and, when
// python3 with NumPy is installed, np.load reads it back exactly.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crc32, encodeNpz, encodeNpy } from "@/lib/labs/tensor-file";

const x = { shape: [2, 3], data: Float64Array.from([0.5, -1, 2, Number.NaN, Infinity, -Infinity]) };
const gamma = { shape: [3], data: Float64Array.from([1, 1.25, 0.75]) };

const hasNumpy = spawnSync("python3", ["-c", "import numpy"], { stdio: "ignore" }).status === 0;

describe("crc32", () => {
  const cases = [
    { name: "the standard check value", input: "123456789", crc: 0xcbf43926 },
    { name: "empty input", input: "", crc: 0 },
    { name: "one letter", input: "a", crc: 0xe8b7be43 },
  ];
  for (const c of cases) it(c.name, () => expect(crc32(new TextEncoder().encode(c.input))).toBe(c.crc));
});

describe("encodeNpz", () => {
  it("lays out local headers, the central directory and the end record", () => {
    const bytes = encodeNpz([
      { name: "x", tensor: x },
      { name: "gamma", tensor: gamma },
    ]);
    const view = new DataView(bytes.buffer);
    const member = encodeNpy(x);
    // Local header of x.npy at 0: signature, version 2.0, stored, sizes, name.
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(4, true)).toBe(20);
    expect(view.getUint16(8, true)).toBe(0);
    expect(view.getUint32(14, true)).toBe(crc32(member));
    expect(view.getUint32(18, true)).toBe(member.length);
    expect(view.getUint32(22, true)).toBe(member.length);
    expect(view.getUint16(26, true)).toBe("x.npy".length);
    expect(new TextDecoder().decode(bytes.subarray(30, 35))).toBe("x.npy");
    expect(bytes.subarray(35, 35 + member.length)).toEqual(member);
    // End record: two entries, central directory right after the members.
    const end = bytes.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(2);
    const centralStart = view.getUint32(end + 16, true);
    expect(centralStart + view.getUint32(end + 12, true)).toBe(end);
    expect(view.getUint32(centralStart, true)).toBe(0x02014b50);
    expect(view.getUint32(centralStart + 42, true)).toBe(0);
    const second = centralStart + 46 + "x.npy".length;
    expect(view.getUint32(second + 42, true)).toBe(30 + "x.npy".length + member.length);
  });

  it("refuses member names that are not identifiers", () => {
    expect(() => encodeNpz([{ name: "../x", tensor: x }])).toThrow("not a plain identifier");
  });

  it.skipIf(!hasNumpy)("is read by np.load, values, shapes and conventions text exact", () => {
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

  it.skipIf(!hasNumpy)("reads what np.save writes (float32, v1 header, C order)", async () => {
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
