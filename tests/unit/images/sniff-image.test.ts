import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sniffImage } from "@/lib/images/sniff-image";

const fixture = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), "tests", "fixtures", "images", name)));
const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

describe("sniffImage", () => {
  const accepted = [
    { name: "red-3x2.png", type: "image/png", width: 3, height: 2 },
    { name: "blue-5x4.jpg", type: "image/jpeg", width: 5, height: 4 },
    { name: "green-2x7.gif", type: "image/gif", width: 2, height: 7 },
    { name: "yellow-6x3.webp", type: "image/webp", width: 6, height: 3 },
    { name: "lossless-4x4.webp", type: "image/webp", width: 4, height: 4 },
  ];
  for (const c of accepted) {
    it(`reads ${c.name} as ${c.type}, ${c.width}×${c.height}`, () => {
      expect(sniffImage(fixture(c.name))).toEqual({ ok: true, type: c.type, width: c.width, height: c.height });
    });
  }

  const refused: Array<{ name: string; bytes: () => Uint8Array; reason: RegExp }> = [
    { name: "an SVG", bytes: () => text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), reason: /SVG images are refused/ },
    {
      name: "an SVG behind an XML declaration and a BOM",
      bytes: () => text('\uFEFF<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      reason: /SVG/,
    },
    { name: "HTML", bytes: () => text("<!doctype html><html><body><script>alert(document.cookie)</script>"), reason: /HTML or script/ },
    {
      name: "a GIF header followed by script (polyglot)",
      bytes: () => concat(text("GIF89a\u0001\u0000\u0001\u0000"), text("<script>alert(1)</script>"), new Uint8Array([0x3b])),
      reason: /HTML or script/,
    },
    { name: "a PNG with a file after its end", bytes: () => concat(fixture("red-3x2.png"), text("PK\u0003\u0004 a zip archive")), reason: /after its end/ },
    { name: "a truncated PNG", bytes: () => fixture("red-3x2.png").subarray(0, 60), reason: /truncated PNG/ },
    { name: "a JPEG with trailing data", bytes: () => concat(fixture("blue-5x4.jpg"), text("trailing")), reason: /JPEG/ },
    { name: "a WebP whose RIFF length lies", bytes: () => concat(fixture("yellow-6x3.webp"), new Uint8Array(8)), reason: /length does not match/ },
    { name: "random bytes", bytes: () => new Uint8Array(64).map((_, i) => (i * 37 + 11) % 256), reason: /not a PNG, JPEG, WebP or GIF/ },
    { name: "an empty file", bytes: () => new Uint8Array(), reason: /too short/ },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, () => {
      const result = sniffImage(c.bytes());
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(c.reason);
    });
  }

  it("refuses a GIF declaring a canvas too large for a phone", () => {
    const gif = fixture("green-2x7.gif").slice();
    gif.set([0xff, 0xff, 0xff, 0xff], 6);
    const result = sniffImage(gif);
    expect(result).toMatchObject({ ok: false });
  });
});
