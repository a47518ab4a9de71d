// Stable identities and content fingerprints for imported items.
import { createHash } from "node:crypto";

/** Hex SHA-256 of a UTF-8 string. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Canonical form of authored text for identity: Unicode NFKC, lower case,
 * markdown emphasis and code ticks dropped, whitespace collapsed, trailing
 * punctuation removed. Cosmetic edits (bold, spacing, a final "?") therefore
 * keep a derived id; any change of words makes a new one.
 */
export function normalizeForId(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.?!:;,]+$/, "");
}

/**
 * Derives an external id from where an item sits (topic or section) and what it
 * asks. Used only when the author gave no `{#id}`. `kind` separates namespaces
 * (a checklist item and a card with the same words are different things).
 */
export function deriveExternalId(kind: string, scopeText: string, itemText: string): string {
  const digest = sha256(`${kind}\n${normalizeForId(scopeText)}\n${normalizeForId(itemText)}`);
  return `h-${digest.slice(0, 16)}`;
}

/** JSON with object keys sorted, so equal values always serialize identically. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Fingerprint of a value's content: SHA-256 of its stable JSON. */
export function contentHash(value: unknown): string {
  return sha256(stableStringify(value));
}
