"use client";
import { useState } from "react";

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };

/** Create and revoke API tokens for the command-line client. A new secret is shown once. */
export function ApiTokens({ initial }: { initial: Token[] }) {
  const [tokens, setTokens] = useState(initial);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    const response = await fetch("/api/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });
    const body = (await response.json()) as { token?: Token; secret?: string; error?: { message: string } };
    if (!response.ok || !body.token || !body.secret) {
      setError(body.error?.message ?? "Could not create the token");
      return;
    }
    const created = body.token;
    setError(null);
    setSecret(body.secret);
    setTokens((t) => [created, ...t]);
    form.reset();
  }

  async function revoke(id: string) {
    const response = await fetch(`/api/tokens/${id}`, { method: "DELETE" });
    if (response.ok) setTokens((t) => t.filter((x) => x.id !== id));
  }

  return (
    <section className="panel stack" data-testid="api-tokens">
      <h2 style={{ margin: 0, fontSize: 20 }}>API tokens</h2>
      <p className="muted small" style={{ margin: 0 }}>
        For the command-line client and notebooks: send it as <code>Authorization: Bearer …</code>.
      </p>
      <form className="row" onSubmit={create}>
        <input name="name" placeholder="Token name, e.g. laptop" required maxLength={80} style={{ flex: 1 }} />
        <button className="button" type="submit">
          Create
        </button>
      </form>
      {secret && (
        <p className="notice" data-testid="token-secret">
          Copy it now, it will not be shown again: <code style={{ overflowWrap: "anywhere" }}>{secret}</code>
        </p>
      )}
      {error && <p className="error">{error}</p>}
      <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {tokens.map((t) => (
          <li key={t.id} className="row" style={{ justifyContent: "space-between" }}>
            <span style={{ minWidth: 0, overflowWrap: "anywhere" }}>
              {t.name} <code>{t.prefix}…</code>
            </span>
            <button type="button" className="button" onClick={() => revoke(t.id)}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
