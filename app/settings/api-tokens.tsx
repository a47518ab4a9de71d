"use client";
import { useRef, useState } from "react";

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
      <form className="stack" style={{ gap: 6 }} onSubmit={create}>
        <label htmlFor="token-name">Token name</label>
        <div className="row">
          <input id="token-name" name="name" placeholder="e.g. laptop" required maxLength={80} autoComplete="off" style={{ flex: 1, minWidth: 0 }} />
          <button className="button" type="submit">
            Create
          </button>
        </div>
      </form>
      {secret && <NewTokenSecret secret={secret} />}
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

/** The new secret, shown once, with a Copy button; where the clipboard is refused the text is selected for a manual copy. */
function NewTokenSecret({ secret }: { secret: string }) {
  const code = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<string>("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setStatus("Copied");
    } catch {
      const node = code.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setStatus("Selected: copy it with your device's Copy");
    }
  }

  return (
    <div className="notice stack" data-testid="token-secret">
      <span>Copy it now, it will not be shown again:</span>
      <code ref={code} style={{ overflowWrap: "anywhere", userSelect: "all" }} data-testid="token-secret-text">
        {secret}
      </code>
      <div className="row">
        <button type="button" className="button" onClick={() => void copy()} data-testid="copy-token">
          Copy
        </button>
        <span role="status" className="muted small" data-testid="copy-status">
          {status}
        </span>
      </div>
    </div>
  );
}
