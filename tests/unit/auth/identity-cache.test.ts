import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { IDENTITY_CACHE_TTL_MS, cachedUserId, forgetUser } from "@/lib/auth/identity-cache";

const T0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

/** A lookup that answers from `users` by credential and counts its calls. */
function countingLookup(users: Record<string, string | null>) {
  const calls: string[] = [];
  const lookup = async (headers: Headers) => {
    const key = headers.get("authorization") ?? headers.get("cookie") ?? "";
    calls.push(key);
    return users[key] ?? null;
  };
  return { calls, lookup };
}

describe("identity cache", () => {
  it("looks a credential up once within the TTL and again after it", async () => {
    const token = `Bearer rsd_${randomUUID()}`;
    const { calls, lookup } = countingLookup({ [token]: "ann" });
    const headers = new Headers({ authorization: token });
    expect(await cachedUserId(headers, T0, lookup)).toBe("ann");
    expect(await cachedUserId(headers, later(IDENTITY_CACHE_TTL_MS - 1), lookup)).toBe("ann");
    expect(calls).toHaveLength(1);
    expect(await cachedUserId(headers, later(IDENTITY_CACHE_TTL_MS), lookup)).toBe("ann");
    expect(calls).toHaveLength(2);
  });

  it("never remembers a failed lookup, and keys cookies by their exact value", async () => {
    const cookie = `better-auth.session_token=${randomUUID()}`;
    const { calls, lookup } = countingLookup({ [cookie]: "bob" });
    const forged = new Headers({ cookie: `${cookie}x` });
    expect(await cachedUserId(forged, T0, lookup)).toBeNull();
    expect(await cachedUserId(forged, T0, lookup)).toBeNull();
    expect(calls).toHaveLength(2);
    expect(await cachedUserId(new Headers({ cookie }), T0, lookup)).toBe("bob");
    expect(await cachedUserId(new Headers({ cookie }), T0, lookup)).toBe("bob");
    expect(calls).toHaveLength(3);
  });

  it("asks every time when there is no credential", async () => {
    const { calls, lookup } = countingLookup({});
    await cachedUserId(new Headers(), T0, lookup);
    await cachedUserId(new Headers(), T0, lookup);
    expect(calls).toHaveLength(2);
  });

  it("forgets a user's credentials at once when told", async () => {
    const token = `Bearer rsd_${randomUUID()}`;
    const user = `carol-${randomUUID()}`;
    const users: Record<string, string | null> = { [token]: user };
    const { calls, lookup } = countingLookup(users);
    const headers = new Headers({ authorization: token });
    expect(await cachedUserId(headers, T0, lookup)).toBe(user);
    users[token] = null;
    forgetUser(user);
    expect(await cachedUserId(headers, later(1), lookup)).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
