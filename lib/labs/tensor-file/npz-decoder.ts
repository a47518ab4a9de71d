// Reading an uploaded .npz (what np.savez and np.savez_compressed write: a zip
// of .npy members, stored or deflated, zip64 headers included) as it streams in.
// fflate's streaming Unzip finds the member and inflates it; the .npy inside
// goes to the same NpyDecoder a bare .npy upload uses. A zip bomb costs little:
// compressed bytes go in small pieces, the inflated bytes are counted as they
// come out, and reading stops at the first byte past what one output may hold.
import { Unzip, UnzipInflate, type UnzipFile } from "fflate";
import { truncateInput } from "../../errors/quote-input";
import { fail, QUOTE_CHARS, toDecodeResult, type DecodedValues, type DecodeResult } from "./decode-result";
import type { TensorDecoder } from "./json-tensor";
import { MAX_NPY_HEADER_BYTES, NpyDecoder } from "./npy-decoder";

/**
 * Compressed bytes pushed to the inflater at once. Deflate expands at most ~1032×,
 * so one piece yields at most ~4 MiB before the count is checked again.
 */
const PUSH_BYTES = 4 * 1024;

/** Zip compression methods np.savez (0, stored) and np.savez_compressed (8, deflate) write. */
const NPZ_METHODS = new Set([0, 8]);

const ONE_ARRAY = 'an .npz upload holds the one output array: np.savez("y.npz", y=y)';

/** Reads a .npz holding exactly one .npy member into a float64 tensor, refusing anything else with a message a learner can act on. */
export class NpzDecoder implements TensorDecoder {
  private readonly unzip = new Unzip();
  private readonly npy: NpyDecoder;
  /** Bytes the member may inflate to: the largest .npy of `maxElements` float64 values. */
  private readonly maxInflated: number;
  private inflated = 0;
  private member: string | null = null;
  private memberEnded = false;
  private failed: string | null = null;

  constructor(maxElements: number) {
    this.npy = new NpyDecoder(maxElements);
    this.maxInflated = maxElements * 8 + MAX_NPY_HEADER_BYTES;
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (file) => this.open(file);
  }

  write(bytes: Uint8Array): string | null {
    for (let at = 0; at < bytes.length && !this.failed; at += PUSH_BYTES) this.push(bytes.subarray(at, at + PUSH_BYTES), false);
    return this.failed;
  }

  finish(): DecodedValues {
    if (!this.failed) this.push(new Uint8Array(0), true);
    if (this.failed) return fail(this.failed);
    if (this.member === null) return fail(`the .npz archive holds no array: ${ONE_ARRAY}`);
    if (!this.memberEnded) return fail(this.cutShort());
    return this.npy.finish();
  }

  end(): DecodeResult {
    return toDecodeResult(this.finish());
  }

  release(): void {
    this.npy.release();
  }

  private push(bytes: Uint8Array, final: boolean): void {
    try {
      this.unzip.push(bytes, final);
    } catch (error) {
      const cutShort = final && this.member !== null && !this.memberEnded;
      this.failed ??= cutShort ? this.cutShort() : `the .npz archive is damaged (${error instanceof Error ? error.message : "unreadable"})`;
    }
  }

  private open(file: UnzipFile): void {
    if (this.failed) return;
    const problem = this.memberProblem(file);
    this.member ??= file.name;
    if (problem) {
      this.refuse(file, problem);
      return;
    }
    file.ondata = (error, chunk, final) => {
      if (this.failed) return;
      const refused = error ? `the .npz archive is damaged (${error.message})` : this.take(chunk);
      if (refused) this.refuse(file, refused);
      else if (final) this.memberEnded = true;
    };
    file.start();
  }

  /** Why `file` cannot be the output array, or null. */
  private memberProblem(file: UnzipFile): string | null {
    if (this.member !== null) return `the .npz archive holds more than one array (${this.quoted(this.member)}, ${this.quoted(file.name)}, …): ${ONE_ARRAY}`;
    if (!file.name.endsWith(".npy")) return `the .npz member ${this.quoted(file.name)} is not a .npy array: ${ONE_ARRAY}`;
    if (!NPZ_METHODS.has(file.compression))
      return `the .npz member is compressed with zip method ${file.compression}; np.savez and np.savez_compressed write stored or deflated members`;
    return null;
  }

  /** Passes inflated bytes to the .npy reader; a message once the member cannot be accepted. */
  private take(chunk: Uint8Array): string | null {
    // The .npy reader refuses a wrong header or a byte past its declared size first; the count is the backstop.
    const problem = this.npy.write(chunk);
    if (problem) return problem;
    this.inflated += chunk.length;
    return this.inflated > this.maxInflated ? `the array inside the .npz unpacks to more than ${this.maxInflated.toLocaleString("en-US")} bytes` : null;
  }

  private refuse(file: UnzipFile, message: string): void {
    this.failed ??= message;
    file.terminate();
  }

  private cutShort(): string {
    return `the .npz archive is cut short inside ${this.quoted(this.member ?? "")}`;
  }

  private quoted(name: string): string {
    return JSON.stringify(truncateInput(name, QUOTE_CHARS));
  }
}
