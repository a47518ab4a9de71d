// Sign-in and sign-up as the forms send them: the JSON POST better-auth's
// browser client would make, without that client's 10 KB on the two pages a
// new learner meets first (sign-out is a plain POST too: app/sign-out-button.tsx).
// The session cookie comes back on the answer; the page then reloads its data.

export type AuthFields = { email: string; password: string; name?: string };

const NO_CONNECTION = "No connection reached the server. Check it and try again.";
const REFUSED = "That did not work. Check the email and password.";

/** Sends the form to better-auth's email endpoint for `mode`: null once signed in, else the message to show. */
export async function submitAuthForm(mode: "sign-in" | "sign-up", fields: AuthFields): Promise<string | null> {
  const response = await fetch(`/api/auth/${mode}/email`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fields),
  }).catch(() => null);
  if (!response) return NO_CONNECTION;
  if (response.ok) return null;
  // better-auth and the app's limits answer a refusal with { message } (and better-auth a code beside it).
  const body: unknown = await response.json().catch(() => null);
  const message = typeof body === "object" && body !== null && "message" in body ? body.message : null;
  return typeof message === "string" && message.trim() !== "" ? message : REFUSED;
}
