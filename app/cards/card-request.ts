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

export function fetchCardPage(params: Record<string, string>): Promise<Outcome<CardSearchPage>> {
  return call(`/api/cards?${new URLSearchParams(params).toString()}`);
}

const post = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export function sendCardAction(cardId: string, action: CardAction): Promise<Outcome<ActionResult>> {
  return call(`/api/cards/${cardId}/actions`, post(action));
}

export function sendBulkAction(selection: CardSelection, action: CardAction): Promise<Outcome<ActionResult>> {
  return call("/api/cards/actions", post({ ...action, selection }));
}
