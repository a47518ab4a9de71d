// Whether bytes end the way every zip archive ends: an end-of-central-directory
// record (signature PK\x05\x06, 22 bytes, then its comment of up to 65,535
// bytes) that reaches exactly to the end. A streamed upload keeps only its
// last ZIP_END_MAX_BYTES and checks them, so a file that is not a zip, or
// one cut short, is refused before anything is queued for it.

/** The longest an end-of-central-directory record can be: 22 bytes and a 65,535-byte comment. */
export const ZIP_END_MAX_BYTES = 22 + 0xffff;

const RECORD_BYTES = 22;

/** True when `tail` (the last ≤ ZIP_END_MAX_BYTES of a file) ends with a zip's end-of-central-directory record. */
export function endsLikeZip(tail: Uint8Array): boolean {
  for (let at = tail.length - RECORD_BYTES; at >= 0 && at >= tail.length - ZIP_END_MAX_BYTES; at--) {
    if (tail[at] !== 0x50 || tail[at + 1] !== 0x4b || tail[at + 2] !== 0x05 || tail[at + 3] !== 0x06) continue;
    const commentBytes = (tail[at + 20] ?? 0) | ((tail[at + 21] ?? 0) << 8);
    if (at + RECORD_BYTES + commentBytes === tail.length) return true;
  }
  return false;
}
