// The browser's JSON calls to the app's API: JSON in, JSON out, a network
// failure told apart from a refusal so the page can say which.

export type JsonOutcome<T> = { ok: true; status: number; body: T } | { ok: false; offline: boolean; message: string };

/** What the caller shows when the request never arrived, or was refused without a message of its own. */
export type FailureMessages = { offline: string; refused: string };

/**
 * Sends `body` as JSON with `method` and reads the JSON answer. A 2xx answer
 * without an `error` field is `ok`; a refusal carries the server's message
 * (the API's `{ error: { message } }`), else `messages.refused`.
 */
export async function sendJson<T = unknown>(method: "POST" | "PUT", url: string, body: unknown, messages: FailureMessages): Promise<JsonOutcome<T>> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).catch(() => null);
  if (!response) return { ok: false, offline: true, message: messages.offline };
  const json = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  const refusal = json !== null && typeof json === "object" && "error" in json && json.error ? json.error.message : null;
  if (!response.ok || !json || refusal !== null) return { ok: false, offline: false, message: refusal ?? messages.refused };
  return { ok: true, status: response.status, body: json };
}
