"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULE } from "@/lib/auth/password-rule";
import { forgetPrivateCopies } from "@/lib/client/private-copies";
import { submitAuthForm } from "@/lib/client/auth-request";

type Mode = "sign-in" | "sign-up";

export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim() || email.split("@")[0] || "Learner";
    setBusy(true);
    setError(null);
    const refusal = await submitAuthForm(mode, mode === "sign-up" ? { email, password, name } : { email, password });
    setBusy(false);
    if (refusal !== null) {
      setError(refusal);
      return;
    }
    if (mode === "sign-up") await adoptBrowserTimeZone();
    // A session that expired without a sign-out may have left the last learner's review page kept for offline use.
    await forgetPrivateCopies(typeof caches === "undefined" ? undefined : caches, typeof indexedDB === "undefined" ? undefined : indexedDB);
    router.replace("/");
    router.refresh();
  }

  return (
    <form className="panel stack" onSubmit={onSubmit}>
      <h1 style={{ margin: 0, fontSize: 22 }}>{mode === "sign-up" ? "Create your account" : "Sign in"}</h1>
      {mode === "sign-up" && (
        <label>
          Name
          <input name="name" autoComplete="name" maxLength={80} />
        </label>
      )}
      <label>
        Email
        <input name="email" type="email" required autoComplete="email" inputMode="email" maxLength={200} />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          aria-describedby={mode === "sign-up" ? "password-rule" : undefined}
        />
      </label>
      {mode === "sign-up" && (
        <p id="password-rule" className="muted small" style={{ margin: 0 }}>
          {PASSWORD_RULE}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="button primary block" type="submit" disabled={busy}>
        {busy ? "…" : mode === "sign-up" ? "Create account" : "Sign in"}
      </button>
    </form>
  );
}

/** A new account starts in the browser's time zone, so its study day ends at local night. */
async function adoptBrowserTimeZone(): Promise<void> {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!timeZone || timeZone === "UTC") return;
  await fetch("/api/settings", {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ timeZone }),
  }).catch(() => undefined);
}
