// The browser's calls to the grill API: JSON in, JSON out, a network failure
// told apart from a refusal so the page can say which.
export type PostOutcome<T> = { ok: true; status: number; body: T } | { ok: false; offline: boolean; message: string };

/** POSTs `body` as JSON; a refusal carries the server's message. */
export async function postJson<T = unknown>(url: string, body: unknown): Promise<PostOutcome<T>> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).catch(() => null);
  if (!response) return { ok: false, offline: true, message: "No connection. Your answer is still here; try again." };
  const json = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok || !json || (typeof json === "object" && "error" in json && json.error)) {
    const message = json && typeof json === "object" && "error" in json && json.error ? json.error.message : "Something went wrong; try again.";
    return { ok: false, offline: false, message };
  }
  return { ok: true, status: response.status, body: json };
}
