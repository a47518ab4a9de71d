// Browser-like load clients: accounts signed up through the app's own auth
// route, each keeping the session cookie it was given.
import type { LoadUser } from "./load-users";

/** Signs up `count` accounts named `<prefix>-<i>` at `baseUrl`; the server must allow that many sign-ups a minute. */
export async function signUpSessionUsers(baseUrl: string, prefix: string, count: number): Promise<LoadUser[]> {
  const users: LoadUser[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${prefix}-${i}@bench.invalid`;
    const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email, password: `bench-password-${i}-long-enough`, name: `${prefix} ${i}` }),
    });
    const body: unknown = await response.json().catch(() => null);
    const id =
      typeof body === "object" && body !== null && "user" in body && typeof body.user === "object" && body.user !== null && "id" in body.user
        ? String(body.user.id)
        : "";
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .filter((c) => c.includes("session_token"))
      .join("; ");
    if (!response.ok || !id || !cookie) throw new Error(`sign-up of ${email} answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
    users.push({ id, secret: "", cookie });
  }
  return users;
}
