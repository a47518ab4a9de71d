// The uploads bench:abuse sends, each at the size cap of its kind: JSON far
// past the element cap (refused early), a valid JSON tensor of the full
// 1,048,576 elements padded with whitespace to the byte cap, and a valid
// float64 .npy of the full element count.
import { MAX_LAB_OUTPUT_ELEMENTS } from "../../lib/labs";
import { LAB_UPLOAD_LIMIT_BYTES } from "../../lib/labs/submissions/submit-output";
import { encodeNpy } from "../../lib/labs/tensor-file";

export type AbuseBody = { label: string; bytes: Uint8Array<ArrayBuffer>; expect: number };

/** 17 significant digits, as np.savetxt / repr write float64: the slow path of number parsing. */
function values(): Float64Array {
  const data = new Float64Array(MAX_LAB_OUTPUT_ELEMENTS);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i) / 3 - 0.01 * Math.cos(7 * i);
  return data;
}

/** The three bodies, each at most the byte cap (LAB_UPLOAD_LIMIT_BYTES). */
export function abuseBodies(): AbuseBody[] {
  const data = values();
  const rows = 1024;
  const cols = MAX_LAB_OUTPUT_ELEMENTS / rows;
  const nested: string[] = [];
  for (let r = 0; r < rows; r++) nested.push(`[${Array.from(data.subarray(r * cols, (r + 1) * cols), String).join(",")}]`);
  const json = `[${nested.join(",")}]`;
  const padded = json + " ".repeat(Math.max(0, LAB_UPLOAD_LIMIT_BYTES - json.length));

  const over = "0.123456789,".repeat(Math.floor((LAB_UPLOAD_LIMIT_BYTES - 2) / 12));
  return [
    { label: "JSON past the element cap", bytes: new TextEncoder().encode(`[${over}0]`), expect: 422 },
    { label: "JSON at the cap (1,048,576 values)", bytes: new TextEncoder().encode(padded), expect: 202 },
    { label: ".npy at the cap (float64)", bytes: encodeNpy({ shape: [rows, cols], data }), expect: 202 },
  ];
}

/** Small uploads that load the route's code before anything is measured: a valid .npy, valid JSON and a refused file. */
export function warmUpBodies(): Uint8Array<ArrayBuffer>[] {
  const data = Float64Array.from({ length: 64 * 128 }, (_, i) => Math.sin(i));
  const json = JSON.stringify({ shape: [64, 128], data: Array.from(data) });
  return [encodeNpy({ shape: [64, 128], data }), new TextEncoder().encode(json), new TextEncoder().encode("[[1, 2], [3]]")];
}
