// Every mistake family of the course, each defined once; exercises and labs refer to them by code.
import { ATTENTION_FAMILIES } from "./attention";
import { BLOCK_FAMILIES } from "./blocks";
import { CACHE_AND_COUNT_FAMILIES } from "./cache-and-counts";
import { familyTable, type MistakeFamily } from "./family";
import { NORMALISATION_FAMILIES } from "./normalisation";
import { POSITION_FAMILIES } from "./positions";

export type { MistakeFamily } from "./family";

export const MISTAKE_FAMILIES: ReadonlyMap<string, MistakeFamily> = familyTable([
  ...NORMALISATION_FAMILIES,
  ...ATTENTION_FAMILIES,
  ...BLOCK_FAMILIES,
  ...POSITION_FAMILIES,
  ...CACHE_AND_COUNT_FAMILIES,
]);

/** The family with this code; throws for an unknown code, an authoring bug the catalogue's import surfaces. */
export function mistakeFamily(code: string): MistakeFamily {
  const family = MISTAKE_FAMILIES.get(code);
  if (!family) throw new Error(`unknown mistake family "${code}": define it in lib/mistakes/`);
  return family;
}
