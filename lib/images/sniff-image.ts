// What an uploaded file really is, read from its bytes; the name and the type
// the client declares are never trusted. Only PNG, JPEG, WebP and GIF are
// accepted, and each must be well formed from its signature to its end
// marker: bytes after the end (where a polyglot hides its HTML or script)
// and markup anywhere in the file are refused. SVG is refused outright: it is
// an XML document that can carry scripts, event handlers and external
// references, and a sanitiser would be one more parser to trust. Pure.

export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** Largest picture accepted, in pixels (a tiny file can declare a huge canvas and exhaust a phone's memory). */
export const MAX_IMAGE_PIXELS = 50_000_000;

export type SniffedImage = { ok: true; type: ImageType; width: number | null; height: number | null } | { ok: false; reason: string };

const SVG_REASON = "SVG images are refused: an SVG is a document that can carry scripts and links, not just a picture. Export it as PNG or WebP.";
// Tags a browser would act on if the file were ever read as HTML. Long enough that compressed
// image data matches one by chance about once in ten thousand 5 MiB files.
const MARKUP = /<(?:script|html|svg[\s>]|!doctype|\?xml|iframe|object|embed|body|head|meta|style)|javascript:/i;

const refuse = (reason: string): SniffedImage => ({ ok: false, reason });
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => (b[i] ?? 0) * 2 ** 24 + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
const u32le = (b: Uint8Array, i: number) => u24le(b, i) + (b[i + 3] ?? 0) * 2 ** 24;

function png(b: Uint8Array): SniffedImage {
  if (ascii(b, 12, 16) !== "IHDR") return refuse("a broken PNG: it has no header chunk");
  // Walk the chunks to IEND: it must be the last thing in the file.
  let at = 8;
  while (at + 12 <= b.length) {
    const length = u32be(b, at);
    const type = ascii(b, at + 4, at + 8);
    at += 12 + length;
    if (type === "IEND") {
      if (at !== b.length) return refuse("a PNG with data after its end: it may hide another file");
      return sized("image/png", u32be(b, 16), u32be(b, 20));
    }
  }
  return refuse("a truncated PNG: its end marker is missing");
}

function jpeg(b: Uint8Array): SniffedImage {
  if (b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return refuse("a truncated JPEG, or one with data after its end");
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return refuse("a broken JPEG");
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Start-of-frame markers carry the size; C4, C8 and CC are other tables.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sized("image/jpeg", u16be(b, at + 7), u16be(b, at + 5));
    }
    at += 2 + u16be(b, at + 2);
  }
  return refuse("a JPEG without a frame");
}

function gif(b: Uint8Array): SniffedImage {
  if (b[b.length - 1] !== 0x3b) return refuse("a truncated GIF, or one with data after its end");
  return sized("image/gif", u16le(b, 6), u16le(b, 8));
}

function webp(b: Uint8Array): SniffedImage {
  if (u32le(b, 4) + 8 !== b.length) return refuse("a WebP whose length does not match its header: it may hide another file");
  const chunk = ascii(b, 12, 16);
  if (chunk === "VP8 " && startsWith(b, [0x9d, 0x01, 0x2a], 23)) return sized("image/webp", u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (chunk === "VP8L" && b[20] === 0x2f) {
    const bits = u32le(b, 21);
    return sized("image/webp", (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8X") return sized("image/webp", u24le(b, 24) + 1, u24le(b, 27) + 1);
  return refuse("a broken WebP");
}

function sized(type: ImageType, width: number, height: number): SniffedImage {
  if (width <= 0 || height <= 0) return refuse("an image with no width or height");
  if (width * height > MAX_IMAGE_PIXELS) return refuse(`an image of ${width}×${height} pixels: at most ${MAX_IMAGE_PIXELS / 1e6} megapixels`);
  return { ok: true, type, width, height };
}

/** The image type of `bytes` with its size in pixels, or why the file is refused. */
export function sniffImage(bytes: Uint8Array): SniffedImage {
  if (bytes.length < 16) return refuse("not an image: the file is too short");
  const head = new TextDecoder("latin1")
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return refuse(SVG_REASON);
  if (MARKUP.test(new TextDecoder("latin1").decode(bytes))) return refuse("not an image: the file contains HTML or script");
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpeg(bytes);
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return gif(bytes);
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return webp(bytes);
  return refuse("not a PNG, JPEG, WebP or GIF image");
}
