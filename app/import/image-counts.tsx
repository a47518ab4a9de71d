// What an import does with the images its cards show, and what it could not
// store (SVG, other types, over the cap, missing), for Anki packages and
// zipped module folders.
import type { Notice } from "@/lib/anki/report";
import { byteSizeText } from "@/lib/images/byte-size";
import type { ImageSummary } from "@/lib/imports/import-images";

export function ImageCounts({ images, committed }: { images: ImageSummary; committed: boolean }) {
  if (images.stored + images.unchanged + images.refused === 0) return null;
  return (
    <p style={{ margin: 0 }} data-testid="import-images">
      Images: <strong>{images.stored}</strong> {committed ? "stored" : "to store"}
      {images.stored > 0 ? ` (${byteSizeText(images.bytes)})` : ""}, {images.unchanged} already stored
      {images.refused > 0 ? `, ${images.refused} not stored (see below)` : ""}.
    </p>
  );
}

export function NoticeList({ notices }: { notices: readonly Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <ul className="small muted" style={{ margin: 0, paddingLeft: 18 }} data-testid="import-notices">
      {notices.map((n) => (
        <li key={n.code}>
          {n.message}
          {n.count > 1 ? ` (${n.count})` : ""}
          {n.examples.length > 0 ? `: ${n.examples.join(", ")}` : ""}
        </li>
      ))}
    </ul>
  );
}
