// Where a browser request came from, and whether that is this app. The rule
// behind the cross-site write refusal in lib/auth/current-user.ts: a request
// that changes something on the strength of a cookie must come from one of
// the app's own origins. Pure: the headers and the configured origins are
// arguments.
import { quoteInput } from "../errors/quote-input";

/** Methods that change something; the only ones the origin rule looks at. */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Sec-Fetch-Site values that say the request did not come from another site's page. */
const OWN_FETCH_SITES: ReadonlySet<string> = new Set(["same-origin", "none"]);

/** What the rule reads from a request. Header values as sent (null when absent). */
export type OriginFacts = {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  /** The app's own origins, as `ownOrigins` returns them. */
  ownOrigins: readonly string[];
};

export type OriginVerdict = { ok: true } | { ok: false; message: string };

/** `text` as a URL origin ("https://example.com:8443"), or null when it is not an http(s) URL. */
export function normaliseOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins this app answers as: each configured origin (BETTER_AUTH_URL and
 * the trusted origins; entries that are not http(s) URLs are skipped) and the
 * origin the request was addressed to — its Host (and X-Forwarded-Host) with the
 * X-Forwarded-Proto scheme, else the request URL's scheme. The forwarded headers
 * are taken as the server set them (it overwrites what a client sends unless a
 * trusted proxy is configured).
 */
export function ownOrigins(headers: Headers, requestUrl: string, configured: readonly string[]): string[] {
  const url = new URL(requestUrl);
  const forwardedProto = firstValue(headers.get("x-forwarded-proto"))?.toLowerCase();
  const scheme = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : url.protocol.slice(0, -1);
  const hosts = [headers.get("host") ?? url.host, firstValue(headers.get("x-forwarded-host"))];
  const candidates = [...configured, ...hosts.flatMap((host) => (host ? [`${scheme}://${host}`] : []))];
  return [...new Set(candidates.flatMap((candidate) => normaliseOrigin(candidate) ?? []))];
}

/**
 * Whether a cookie-authenticated request may go ahead. Safe methods always
 * may. An unsafe one may when its Origin is one of `ownOrigins`; without an
 * Origin, when Sec-Fetch-Site says same-origin or none (typed by the user);
 * with neither header it is not a browser (curl, a script) and may. Anything
 * else — another origin, `Origin: null`, `Sec-Fetch-Site: same-site` or
 * `cross-site` — is refused with a message saying why.
 */
export function checkRequestOrigin(facts: OriginFacts): OriginVerdict {
  if (!UNSAFE_METHODS.has(facts.method.toUpperCase())) return { ok: true };
  if (facts.origin !== null) {
    const origin = normaliseOrigin(facts.origin);
    if (origin !== null && facts.ownOrigins.includes(origin)) return { ok: true };
    return refuse(`it came from ${quoteInput(facts.origin)}, not from this app`);
  }
  if (facts.secFetchSite !== null) {
    if (OWN_FETCH_SITES.has(facts.secFetchSite.trim().toLowerCase())) return { ok: true };
    return refuse(`the browser marked it Sec-Fetch-Site: ${quoteInput(facts.secFetchSite)}`);
  }
  return { ok: true };
}

function refuse(why: string): OriginVerdict {
  return {
    ok: false,
    message: `Cross-site request refused: ${why}. Use the app's own pages, or send an API token (Authorization: Bearer) from scripts.`,
  };
}

function firstValue(header: string | null): string | undefined {
  const first = header?.split(",")[0]?.trim();
  return first ? first : undefined;
}
