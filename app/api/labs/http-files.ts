// The attachment response of a lab download.
import type { LabDownload } from "@/lib/labs/submissions/lab-downloads";

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
