// The browser's call to POST /api/exercises/{slug}/reveal: show a variant's answers.
import type { VariantProgress } from "../attempts/reveal-variant";
import { sendJson, type JsonOutcome } from "./send-json";

/** Reveals the answers of `variant`; the variant is finished from then on. */
export async function requestReveal(variant: { slug: string; seed: number }): Promise<JsonOutcome<VariantProgress>> {
  return sendJson<VariantProgress>(
    "POST",
    `/api/exercises/${variant.slug}/reveal`,
    { seed: variant.seed },
    { offline: "No connection.", refused: "Could not show the answers." },
  );
}
