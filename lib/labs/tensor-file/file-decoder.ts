// A submitted file read in pieces: the first bytes say which format it is
// (.npy by its magic string, .npz by the zip signature, anything else is read
// as UTF-8 JSON), then every piece goes to that format's incremental decoder.
import { fail, toDecodeResult, type DecodedValues, type DecodeResult } from "./decode-result";
import { JsonTensorDecoder, type TensorDecoder } from "./json-tensor";
import { NpyDecoder } from "./npy-decoder";
import { looksLikeNpy, MAGIC } from "./npy-header";
import { NpzDecoder } from "./npz-decoder";

export type TensorFileFormat = "npy" | "npz" | "json";

/** How an .npz begins: a zip's first local header, or its end record when it holds nothing. */
const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

/** Reads a .npy, .npz or JSON submission from bytes split anywhere; `format` is settled once the first bytes are in. */
export class TensorFileDecoder {
  private readonly maxElements: number;
  private readonly head = new Uint8Array(MAGIC.length);
  private headFill = 0;
  private inner: TensorDecoder | null = null;
  private failed: string | null = null;
  format: TensorFileFormat = "json";

  constructor(maxElements: number) {
    this.maxElements = maxElements;
  }

  /** Reads the next bytes; a message as soon as the file is refused. */
  write(bytes: Uint8Array): string | null {
    if (this.failed) return this.failed;
    let rest = bytes;
    if (!this.inner) {
      const n = Math.min(this.head.length - this.headFill, bytes.length);
      this.head.set(bytes.subarray(0, n), this.headFill);
      this.headFill += n;
      if (this.headFill < this.head.length) return null;
      this.choose();
      rest = bytes.subarray(n);
    }
    if (!this.failed && this.inner && rest.length > 0) this.failed = this.inner.write(rest);
    return this.failed;
  }

  /** The file has ended: its shape and values (in blocks), or why it was refused. */
  finish(): DecodedValues {
    if (!this.inner && !this.failed) this.choose();
    if (this.failed || !this.inner) return fail(this.failed ?? "the file could not be read");
    return this.inner.finish();
  }

  /** Gives back the values' blocks (see FloatSink.release). */
  release(): void {
    this.inner?.release();
  }

  /** The file has ended: the tensor and its format, or why it was refused. */
  end(): DecodeResult & { format: TensorFileFormat } {
    return { ...toDecodeResult(this.finish()), format: this.format };
  }

  private choose(): void {
    const head = this.head.subarray(0, this.headFill);
    const zip = ZIP_MAGICS.some((magic) => magic.every((b, i) => head[i] === b));
    this.format = zip ? "npz" : looksLikeNpy(head) ? "npy" : "json";
    this.inner =
      this.format === "npz"
        ? new NpzDecoder(this.maxElements)
        : this.format === "npy"
          ? new NpyDecoder(this.maxElements)
          : new JsonTensorDecoder(this.maxElements);
    this.failed = this.inner.write(head);
  }
}

/** Reads a whole submission at once: .npy or .npz by their first bytes, else UTF-8 JSON. */
export function decodeTensorFile(bytes: Uint8Array, maxElements: number): DecodeResult & { format: TensorFileFormat } {
  const decoder = new TensorFileDecoder(maxElements);
  decoder.write(bytes);
  return decoder.end();
}
