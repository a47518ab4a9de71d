// NumPy's .npz: a zip of .npy files, one per array, as np.savez writes it
// (members stored, not compressed: the inputs are random float64 values, which
// deflate would barely shrink). np.load(path) gives each array by name. The zip
// itself is fflate's, so headers, CRC-32 and the central directory follow the
// spec without a hand-written writer.
import { zipSync, type Zippable } from "fflate";
import type { Tensor } from "../lab-types";
import { encodeNpy, encodeNpyText } from "./npy";

/** One .npz member: a tensor (stored float64) or a text (a 0-d unicode array, read with str(d[name])). */
export type NpzEntry = { name: string; tensor: Tensor } | { name: string; text: string };

/** Every member's timestamp: the zip format's earliest date, so the bytes are a pure function of the tensors. */
const FIXED_MTIME = new Date(1980, 0, 1);

/**
 * Zips `entries` into an .npz of .npy members named `<name>.npy`, in order.
 * Names must be plain ASCII identifiers (np.load's keys).
 */
export function encodeNpz(entries: readonly NpzEntry[]): Uint8Array<ArrayBuffer> {
  const files: Zippable = {};
  for (const entry of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name)) throw new Error(`npz member name "${entry.name}" is not a plain identifier`);
    if (`${entry.name}.npy` in files) throw new Error(`npz member "${entry.name}" is given twice`);
    files[`${entry.name}.npy`] = "text" in entry ? encodeNpyText(entry.text) : encodeNpy(entry.tensor, "<f8");
  }
  return zipSync(files, { level: 0, mtime: FIXED_MTIME }) as Uint8Array<ArrayBuffer>;
}
