// A module's slug and title from an Anki deck name. The slug is derived from
// the name alone, so re-importing the same deck lands in the same module.
import { sha256 } from "../content/ids";

export type ModuleIdentity = { slug: string; title: string };

const MAX_SLUG = 64;
const MAX_TITLE = 120;

/** `Japanese::Vocab N5` → `japanese-vocab-n5`; a name with no latin letters or digits → `deck-<hash>`. */
export function deckSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG - 9)
    .replace(/-+$/, "");
  return base || `deck-${sha256(name).slice(0, 8)}`;
}

/** `Japanese::Vocab N5` → `Japanese › Vocab N5`: nested decks as a person reads them, at most 120 characters. */
export function deckTitle(name: string): string {
  const levels = name
    .split("::")
    .map((level) => level.trim())
    .filter(Boolean);
  return levels.join(" › ").slice(0, MAX_TITLE) || "Default";
}

/**
 * The identity of the module for deck `name`, unique among `taken` (which it
 * updates): two decks whose names give the same slug get `-<hash>` suffixes
 * derived from their names, so the pairing stays stable across imports.
 */
export function deckModuleIdentity(name: string, taken: Map<string, ModuleIdentity>): ModuleIdentity {
  let slug = deckSlug(name);
  if (taken.has(slug)) slug = `${slug}-${sha256(name).slice(0, 8)}`;
  const identity = { slug, title: deckTitle(name) };
  taken.set(slug, identity);
  return identity;
}
