// One JSON request to the module routes, with the server's message on failure.
export type ModuleOutcome<T> = { ok: true; body: T } | { ok: false; message: string };

export async function sendModuleRequest<T = unknown>(method: "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<ModuleOutcome<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = response.status === 204 ? null : ((await response.json().catch(() => null)) as unknown);
    if (response.ok) return { ok: true, body: parsed as T };
    const message = (parsed as { error?: { message?: string } } | null)?.error?.message;
    return { ok: false, message: message ?? `The server answered ${response.status}` };
  } catch {
    return { ok: false, message: "Could not reach the server; check your connection and try again" };
  }
}
