// Reading a request body without trusting its size: a declared Content-Length
// over the cap is refused before a byte is read, and a body without one is
// read chunk by chunk and cancelled as soon as it passes the cap.
import { AppError } from "../errors/app-error";

/** The body's bytes, at most `limitBytes`; otherwise AppError PAYLOAD_TOO_LARGE with `tooLargeMessage`. */
export async function readCappedBody(request: Request, limitBytes: number, tooLargeMessage: string): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLargeMessage);
  return readCappedStream(request.body, limitBytes, tooLargeMessage);
}

/** A stream's bytes, at most `limitBytes` (cancelled as soon as it passes them); otherwise AppError PAYLOAD_TOO_LARGE. */
export async function readCappedStream(
  stream: ReadableStream<Uint8Array> | null,
  limitBytes: number,
  tooLargeMessage: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", tooLargeMessage);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
