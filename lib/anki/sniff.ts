// The type of a media file from its first bytes, never from its name: a name
// says what the sender wants us to believe.

type Signature = { type: string; offset: number; bytes: readonly number[] };

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { type: "image/png", offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: "image/gif", offset: 0, bytes: ascii("GIF8") },
  { type: "image/bmp", offset: 0, bytes: ascii("BM") },
  { type: "image/avif", offset: 4, bytes: ascii("ftypavif") },
  { type: "audio/mp4", offset: 4, bytes: ascii("ftypM4A") },
  { type: "video/mp4", offset: 4, bytes: ascii("ftyp") },
  { type: "audio/ogg", offset: 0, bytes: ascii("OggS") },
  { type: "audio/flac", offset: 0, bytes: ascii("fLaC") },
  { type: "audio/mpeg", offset: 0, bytes: ascii("ID3") },
  { type: "video/webm", offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { type: "application/pdf", offset: 0, bytes: ascii("%PDF-") },
];

const RIFF: Record<string, string> = { WEBP: "image/webp", WAVE: "audio/wav", AVI: "video/x-msvideo" };

function startsWith(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((b, i) => bytes[offset + i] === b);
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith("<svg") || ((head.startsWith("<?xml") || head.startsWith("<!doctype svg")) && head.includes("<svg"));
}

/** MIME type of `bytes` from their signature; `application/octet-stream` when none matches. */
export function sniffMediaType(bytes: Uint8Array): string {
  if (startsWith(bytes, 0, ascii("RIFF"))) {
    const kind = String.fromCharCode(...bytes.subarray(8, 12)).trim();
    return RIFF[kind] ?? "application/octet-stream";
  }
  const match = SIGNATURES.find((s) => startsWith(bytes, s.offset, s.bytes));
  if (match) return match.type;
  // MPEG audio frame sync: 11 set bits.
  if (bytes.length >= 2 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return "audio/mpeg";
  if (looksLikeSvg(bytes)) return "image/svg+xml";
  return "application/octet-stream";
}
