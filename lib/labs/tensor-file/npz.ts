// NumPy's .npz: a zip of .npy files, one per array, written here "stored"
// (no compression) so the writer needs only CRC-32. np.load(path) then gives
// each array by name. Zip layout: PKWARE APPNOTE 4.3 (local headers, central
// directory, end record); no zip64, so the whole archive stays under 4 GiB.
import type { Tensor } from "../lab-types";
import { encodeNpy, encodeNpyText } from "./npy";

/** One .npz member: a tensor (stored float64) or a text (a 0-d unicode array, read with str(d[name])). */
export type NpzEntry = { name: string; tensor: Tensor } | { name: string; text: string };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE, as zip and PNG use it) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Zips `entries` into an .npz of .npy members named
 * `<name>.npy`. Names must be plain ASCII identifiers; the fixed timestamp
 * (1980-01-01) keeps the bytes a pure function of the tensors.
 */
export function encodeNpz(entries: readonly NpzEntry[]): Uint8Array<ArrayBuffer> {
  const files = entries.map((entry) => {
    const name = entry.name;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`npz member name "${name}" is not a plain identifier`);
    const data = "text" in entry ? encodeNpyText(entry.text) : encodeNpy(entry.tensor, "<f8");
    return { name: new TextEncoder().encode(`${name}.npy`), data, crc: crc32(data) };
  });
  const localSize = files.reduce((sum, f) => sum + 30 + f.name.length + f.data.length, 0);
  const centralSize = files.reduce((sum, f) => sum + 46 + f.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    writeCommon(view, at + 4, f, false);
    out.set(f.name, at + 30);
    out.set(f.data, at + 30 + f.name.length);
    at += 30 + f.name.length + f.data.length;
  }
  const centralStart = at;
  files.forEach((f, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: version 2.0
    writeCommon(view, at + 6, f, true);
    view.setUint32(at + 42, offsets[i] ?? 0, true);
    out.set(f.name, at + 46);
    at += 46 + f.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** The fields local and central headers share, from "version needed" to the name length (+ extra/comment/disk/attrs in the central one). */
function writeCommon(view: DataView, at: number, f: { name: Uint8Array; data: Uint8Array; crc: number }, central: boolean): void {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, 0, true); // flags
  view.setUint16(at + 4, 0, true); // method: stored
  view.setUint16(at + 6, 0, true); // time 00:00
  view.setUint16(at + 8, 0x21, true); // date 1980-01-01
  view.setUint32(at + 10, f.crc, true);
  view.setUint32(at + 14, f.data.length, true);
  view.setUint32(at + 18, f.data.length, true);
  view.setUint16(at + 22, f.name.length, true);
  view.setUint16(at + 24, 0, true); // extra length
  if (central) {
    view.setUint16(at + 26, 0, true); // comment length
    view.setUint16(at + 28, 0, true); // disk number
    view.setUint16(at + 30, 0, true); // internal attributes
    view.setUint32(at + 32, 0, true); // external attributes
  }
}
