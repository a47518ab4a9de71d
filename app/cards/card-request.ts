// The browser's calls to the card routes, with the server's message on failure.
import type { ActionResult } from "@/lib/cards/card-actions";
import type { CardAction, CardSelection } from "@/lib/cards/card-schemas";
import type { CardSearchPage } from "@/lib/cards/card-search";

export type Outcome<T> = { ok: true; body: T } | { ok: false; message: string };

async function call<T>(url: string, init?: RequestInit): Promise<Outcome<T>> {
  try {
    const response = await fetch(url, init);
    const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    if (response.ok && body) return { ok: true, body };
    return { ok: false, message: body?.error?.message ?? `The server answered ${response.status}` };
  } catch {
    return { ok: false, message: "Could not reach the server; check your connection and try again" };
  }
}

/** Pages the server may send before this many cards are shown: it can end a page early when matches are sparse in the chosen order. */
const MAX_PAGES_PER_LOAD = 5;

/** The next cards of a search: follows the cursor of short pages until some cards came or the search is done. */
export async function fetchCardPage(params: Record<string, string>): Promise<Outcome<CardSearchPage>> {
  const cards: CardSearchPage["cards"] = [];
  let cursor = params.cursor;
  for (let page = 0; page < MAX_PAGES_PER_LOAD; page++) {
    const outcome = await call<CardSearchPage>(`/api/cards?${new URLSearchParams(cursor ? { ...params, cursor } : params).toString()}`);
    if (!outcome.ok) return outcome;
    cards.push(...outcome.body.cards);
    cursor = outcome.body.nextCursor ?? undefined;
    if (cards.length > 0 || !cursor) break;
  }
  return { ok: true, body: { cards, nextCursor: cursor ?? null } };
}

const post = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export function sendCardAction(cardId: string, action: CardAction): Promise<Outcome<ActionResult>> {
  return call(`/api/cards/${cardId}/actions`, post(action));
}

export function sendBulkAction(selection: CardSelection, action: CardAction): Promise<Outcome<ActionResult>> {
  return call("/api/cards/actions", post({ ...action, selection }));
}
