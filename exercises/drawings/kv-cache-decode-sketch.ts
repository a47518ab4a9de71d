// Draw one KV-cache decode step from memory, then self-check against the reference.
import { defineSketchPrompt } from "../../lib/drawing/sketch-prompt";

const MUTED = "#9aa3b2";
const TEXT = "#e8eaf0";
const ACCENT = "#7aa2ff";
const BOX = `fill="#1e222b" stroke="${MUTED}"`;
const NEW = `fill="#1c2a4a" stroke="${ACCENT}"`;

/** A subscript, then the baseline restored (a zero-width space carries the shift back). */
const sub = (base: string, index: string): string => `${base}<tspan font-size="9" dy="3">${index}</tspan><tspan dy="-3">\u200b</tspan>`;

/** One cache column: the new row on top (just appended), older rows below. */
const column = (x: number, letter: string): string =>
  `<rect x="${x}" y="120" width="80" height="20" ${NEW}/><text x="${x + 40}" y="134" text-anchor="middle" fill="${ACCENT}">${sub(letter, "t")} new</text>` +
  ["t−1", "…", "1", "0"]
    .map((r, i) => {
      const y = 140 + i * 20;
      return `<rect x="${x}" y="${y}" width="80" height="20" ${BOX}/><text x="${x + 40}" y="${y + 14}" text-anchor="middle" fill="${TEXT}">${r === "…" ? `${letter} …` : sub(letter, r)}</text>`;
    })
    .join("");

const arrow = (x1: number, y1: number, x2: number, y2: number): string =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${MUTED}" stroke-width="1.5" marker-end="url(#kv-arrow)"/>`;

const label = (x: number, y: number, text: string, anchor = "middle"): string =>
  `<text x="${x}" y="${y}" text-anchor="${anchor}" fill="${MUTED}" font-size="11">${text}</text>`;

const box = (x: number, y: number, w: number, text: string, style = BOX): string =>
  `<rect x="${x}" y="${y}" width="${w}" height="26" rx="6" ${style}/><text x="${x + w / 2}" y="${y + 17}" text-anchor="middle" fill="${TEXT}">${text}</text>`;

const REFERENCE_SVG = [
  `<svg viewBox="0 0 360 350" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="KV-cache decode step">`,
  `<defs><marker id="kv-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${MUTED}"/></marker></defs>`,
  box(85, 6, 190, "new token at position t", NEW),
  arrow(140, 32, 60, 58),
  arrow(180, 32, 180, 58),
  arrow(220, 32, 300, 58),
  box(20, 60, 80, sub("q", "t")),
  box(140, 60, 80, sub("k", "t")),
  box(260, 60, 80, sub("v", "t")),
  arrow(180, 86, 180, 118),
  arrow(300, 86, 300, 118),
  label(228, 106, "append"),
  column(140, "k"),
  column(260, "v"),
  label(180, 236, "K cache"),
  label(300, 236, "V cache"),
  arrow(60, 86, 60, 148),
  box(10, 150, 100, `${sub("q", "t")}·k / √d`),
  arrow(138, 163, 112, 163),
  label(60, 192, "one score per"),
  label(60, 205, "cached key (t+1)"),
  arrow(60, 210, 60, 238),
  box(10, 240, 100, "softmax"),
  `<polyline points="110,253 242,253 242,190 257,190" fill="none" stroke="${MUTED}" stroke-width="1.5" marker-end="url(#kv-arrow)"/>`,
  label(176, 268, "weights"),
  arrow(330, 222, 330, 278),
  box(190, 280, 160, `output = Σ ${sub("w", "j")} ${sub("v", "j")}`, NEW),
  label(10, 338, "One layer, one head: every layer keeps its own cache.", "start"),
  `</svg>`,
].join("");

export default defineSketchPrompt({
  slug: "kv-cache-decode-sketch",
  title: "Sketch one KV-cache decode step",
  topic: "KV cache",
  difficulty: "MEDIUM",
  prompt:
    "From memory, sketch **one decode step with a KV cache** in one attention layer: the new token, what gets projected, what the cache holds and how it changes, " +
    "and how the output is formed. Boxes and arrows are enough.",
  referenceSvg: REFERENCE_SVG,
  referenceCaption:
    "Only the new token is projected. Its key and value are appended to the cache, then its query scores against every cached key (its own included), and the softmax weights mix the cached values.",
  rubric: [
    { key: "new-token-only", text: "Only the newest token is projected to q, k and v this step" },
    { key: "append", text: "Its k and v are appended to the cache as one new row each" },
    { key: "query-reads-all", text: "The new query is scored against every cached key, its own included" },
    { key: "softmax-weights", text: "Softmax turns those scores into weights over the cached positions" },
    { key: "values-mixed", text: "The output is the weighted sum of the cached values" },
    { key: "no-past-queries", text: "No queries are kept for past tokens: the cache holds keys and values only" },
  ],
});
