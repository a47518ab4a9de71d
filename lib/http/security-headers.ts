// The security headers of pages, API answers and the build's static files, and
// the Content-Security-Policy of pages (scripts only with the request's nonce)
// and of everything else. next.config.ts sends SECURITY_HEADERS, the static
// files' headers and the API policy; proxy.ts makes a nonce per page request and
// sends pageContentSecurityPolicy(nonce); the service worker script gets its own
// policy.

export type Header = { key: string; value: string };

const NOSNIFF: Header = { key: "X-Content-Type-Options", value: "nosniff" };

/** Sent on every response but the build's static files (below): pages, API answers, public files. */
export const SECURITY_HEADERS: readonly Header[] = [
  { key: "Referrer-Policy", value: "same-origin" },
  NOSNIFF,
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/**
 * Sent on the build's scripts and styles (/_next/static/…). Framing, permissions and referrer rules act on a
 * document, not on a script it loads, and a page's six script requests paid about 140 bytes each for them.
 * nosniff stays: it stops a file served as another type from running as a script or style.
 */
export const STATIC_FILE_HEADERS: readonly Header[] = [NOSNIFF];

/**
 * The policy of an HTML page. Scripts run only when they carry `nonce` (Next
 * puts it on its own scripts when it finds the policy on the request) or are
 * loaded by one that does ('strict-dynamic'); `dev` adds 'unsafe-eval', which
 * React's development build needs. Styles may be inline: KaTeX and the
 * pages' style attributes write them. Nothing may frame the app.
 */
export function pageContentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker and the manifest: without these, worker-src would fall back to script-src, where 'strict-dynamic' ignores 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy of API answers and files: they are data, never a document that may load or run anything. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The policy the service worker script runs under: it fetches the app's own
 * pages and files (connect-src) and loads nothing else.
 */
export const SERVICE_WORKER_CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A fresh nonce: 16 random bytes as base64 (from the Web Crypto API, so it works in any runtime). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
