// npx tsx scripts/make-icons.ts — draws the app's icons into public/ (committed;
// run again only when the mark changes). The mark is ⊕, the residual add:
// an accent ring with a plus on the page background. The maskable icon keeps
// the mark inside the central 80 % safe zone; the others fill more of it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { THEME_COLOURS } from "../app/theme-colours";

/** The mark as SVG on a `size` square; `scale` is the mark's diameter as a share of the square. */
function markSvg(size: number, scale: number, rounded: boolean): string {
  const c = size / 2;
  const r = (size * scale) / 2;
  const stroke = r * 0.22;
  const arm = r * 0.55;
  const corner = rounded ? size * 0.18 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${corner}" fill="${THEME_COLOURS.background}"/>
  <circle cx="${c}" cy="${c}" r="${r - stroke / 2}" fill="none" stroke="${THEME_COLOURS.accent}" stroke-width="${stroke}"/>
  <path d="M ${c - arm} ${c} H ${c + arm} M ${c} ${c - arm} V ${c + arm}" stroke="${THEME_COLOURS.accent}" stroke-width="${stroke}" stroke-linecap="round"/>
</svg>`;
}

const icons = [
  { file: "icon-192.png", size: 192, scale: 0.72, rounded: true },
  { file: "icon-512.png", size: 512, scale: 0.72, rounded: true },
  { file: "icon-maskable-512.png", size: 512, scale: 0.56, rounded: false },
  // iOS rounds the corners itself and shows transparency as black.
  { file: "apple-touch-icon.png", size: 180, scale: 0.68, rounded: false },
];

for (const icon of icons) {
  const png = await sharp(Buffer.from(markSvg(icon.size, icon.scale, icon.rounded)))
    .png({ compressionLevel: 9 })
    .toBuffer();
  writeFileSync(join(process.cwd(), "public", icon.file), png);
  console.log(`${icon.file}: ${png.length} bytes`);
}
