// Files over HTTP for the labs API: a capped upload reader that refuses an
// oversized body before buffering it, and the attachment response of a download.
import { AppError } from "@/lib/errors/app-error";
import type { LabDownload } from "@/lib/labs/submissions/lab-downloads";

/**
 * Reads the request body, at most `limitBytes`. A declared Content-Length
 * over the cap is refused (413) without reading a byte; a body without one
 * is read chunk by chunk and the stream cancelled as soon as it passes the cap.
 */
export async function readCappedBody(request: Request, limitBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw tooLarge(limitBytes, what);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes, what);
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

function tooLarge(limitBytes: number, what: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The upload is larger than ${(limitBytes / 2 ** 20).toFixed(1)} MiB: ${what}`);
}

/** A download as an attachment with its file name; private caching is safe (same seed, same bytes). */
export function downloadResponse(download: LabDownload): Response {
  return new Response(download.body, {
    headers: {
      "content-type": download.contentType,
      "content-disposition": `attachment; filename="${download.filename}"`,
      "cache-control": "private, max-age=3600",
    },
  });
}
