// Editing a built zip the way a hostile sender would: lying about sizes.

/** Sets the uncompressed size member `name` declares (central directory and local header) to `size`. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = new TextEncoder().encode(name);
  const nameAt = (at: number, offset: number) => encoded.every((b, i) => out[at + offset + i] === b);
  for (let at = 0; at + 46 < out.length; at += 1) {
    const sig = view.getUint32(at, true);
    if (sig === 0x02014b50 && view.getUint16(at + 28, true) === encoded.length && nameAt(at, 46)) view.setUint32(at + 24, size, true);
    if (sig === 0x04034b50 && view.getUint16(at + 26, true) === encoded.length && nameAt(at, 30)) view.setUint32(at + 22, size, true);
  }
  return out;
}
