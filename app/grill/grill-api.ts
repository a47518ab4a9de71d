// The browser's calls to the grill API: the shared JSON call with the grill's
// failure messages (the typed answer stays on screen, so say so).
import { sendJson, type JsonOutcome } from "@/lib/client/send-json";

const MESSAGES = { offline: "No connection. Your answer is still here; try again.", refused: "Something went wrong; try again." };

/** POSTs `body` as JSON; a refusal carries the server's message. */
export async function postJson<T = unknown>(url: string, body: unknown): Promise<JsonOutcome<T>> {
  return sendJson<T>("POST", url, body, MESSAGES);
}
