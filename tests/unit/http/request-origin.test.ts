import { describe, expect, it } from "vitest";
import { checkRequestOrigin, normaliseOrigin, ownOrigins } from "@/lib/http/request-origin";

const OWN = ["https://study.example", "http://localhost:3000"];

describe("checkRequestOrigin", () => {
  it.each([
    { name: "GET from anywhere", method: "GET", origin: "https://evil.example", site: "cross-site", ok: true },
    { name: "HEAD from anywhere", method: "HEAD", origin: "https://evil.example", site: null, ok: true },
    { name: "OPTIONS from anywhere", method: "OPTIONS", origin: "https://evil.example", site: null, ok: true },
    { name: "POST from the app", method: "POST", origin: "https://study.example", site: "same-origin", ok: true },
    { name: "POST from the app's other origin", method: "POST", origin: "http://localhost:3000", site: null, ok: true },
    { name: "POST with an explicit default port", method: "POST", origin: "https://study.example:443", site: null, ok: true },
    { name: "POST with an upper-case host", method: "POST", origin: "https://STUDY.example", site: null, ok: true },
    { name: "lower-case method", method: "post", origin: "https://evil.example", site: null, ok: false },
    { name: "POST from another site", method: "POST", origin: "https://evil.example", site: "cross-site", ok: false },
    { name: "PUT from another site", method: "PUT", origin: "https://evil.example", site: null, ok: false },
    { name: "PATCH from another site", method: "PATCH", origin: "https://evil.example", site: null, ok: false },
    { name: "DELETE from another site", method: "DELETE", origin: "https://evil.example", site: null, ok: false },
    { name: "a sibling subdomain", method: "POST", origin: "https://evil.study.example", site: "same-site", ok: false },
    { name: "another port", method: "POST", origin: "http://localhost:3001", site: null, ok: false },
    { name: "another scheme", method: "POST", origin: "http://study.example", site: null, ok: false },
    { name: "Origin: null", method: "POST", origin: "null", site: "cross-site", ok: false },
    { name: "Origin: null even when the site says same-origin", method: "POST", origin: "null", site: "same-origin", ok: false },
    { name: "an Origin that is not a URL", method: "POST", origin: "not a url", site: null, ok: false },
    { name: "a file: origin", method: "POST", origin: "file://", site: null, ok: false },
    { name: "a prefix of the app's origin", method: "POST", origin: "https://study.example.evil.example", site: null, ok: false },
    { name: "no Origin, Sec-Fetch-Site same-origin", method: "POST", origin: null, site: "same-origin", ok: true },
    { name: "no Origin, Sec-Fetch-Site none (typed by the user)", method: "POST", origin: null, site: "none", ok: true },
    { name: "no Origin, Sec-Fetch-Site same-site", method: "POST", origin: null, site: "same-site", ok: false },
    { name: "no Origin, Sec-Fetch-Site cross-site", method: "DELETE", origin: null, site: "cross-site", ok: false },
    { name: "no Origin, an unknown Sec-Fetch-Site", method: "POST", origin: null, site: "sideways", ok: false },
    { name: "neither header: curl or a script", method: "POST", origin: null, site: null, ok: true },
  ])("$name → $ok", ({ method, origin, site, ok }) => {
    const verdict = checkRequestOrigin({ method, origin, secFetchSite: site, ownOrigins: OWN });
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.message).toMatch(/^Cross-site request refused: /);
  });

  it("quotes a long Origin briefly", () => {
    const verdict = checkRequestOrigin({ method: "POST", origin: `https://${"a".repeat(10_000)}.example`, secFetchSite: null, ownOrigins: OWN });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message.length).toBeLessThan(250);
  });
});

describe("ownOrigins", () => {
  const headers = (entries: Record<string, string | undefined>) =>
    new Headers(Object.entries(entries).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, v]])));

  it.each<{ name: string; headers: Record<string, string | undefined>; url: string; configured: string[]; own: string[] }>([
    {
      name: "configured origins, normalised",
      headers: {},
      url: "http://localhost:3000/api/x",
      configured: ["https://Study.example/", "http://localhost:3000"],
      own: ["https://study.example", "http://localhost:3000"],
    },
    {
      name: "a configured entry that is not a URL is skipped",
      headers: {},
      url: "http://localhost:3000/api/x",
      configured: ["*.example.com", ""],
      own: ["http://localhost:3000"],
    },
    {
      name: "the Host with the request URL's scheme",
      headers: { host: "127.0.0.1:3110" },
      url: "http://127.0.0.1:3110/api/x",
      configured: [],
      own: ["http://127.0.0.1:3110"],
    },
    {
      name: "the Host with X-Forwarded-Proto",
      headers: { host: "study.example", "x-forwarded-proto": "https" },
      url: "http://10.0.0.5:3000/api/x",
      configured: [],
      own: ["https://study.example"],
    },
    {
      name: "the first X-Forwarded-Proto of a list",
      headers: { host: "study.example", "x-forwarded-proto": "https, http" },
      url: "http://10.0.0.5:3000/api/x",
      configured: [],
      own: ["https://study.example"],
    },
    {
      name: "an X-Forwarded-Proto that is not http(s) is ignored",
      headers: { host: "study.example", "x-forwarded-proto": "gopher" },
      url: "http://study.example/api/x",
      configured: [],
      own: ["http://study.example"],
    },
    {
      name: "X-Forwarded-Host too",
      headers: { host: "10.0.0.5:3000", "x-forwarded-host": "study.example", "x-forwarded-proto": "https" },
      url: "http://10.0.0.5:3000/api/x",
      configured: [],
      own: ["https://10.0.0.5:3000", "https://study.example"],
    },
    { name: "no Host: the request URL's host", headers: {}, url: "http://localhost:3000/api/x", configured: [], own: ["http://localhost:3000"] },
    {
      name: "duplicates once",
      headers: { host: "localhost:3000" },
      url: "http://localhost:3000/api/x",
      configured: ["http://localhost:3000"],
      own: ["http://localhost:3000"],
    },
  ])("$name", ({ headers: h, url, configured, own }) => {
    expect(ownOrigins(headers(h), url, configured)).toEqual(own);
  });
});

describe("normaliseOrigin", () => {
  it.each([
    { text: "https://example.com", origin: "https://example.com" },
    { text: "https://example.com:443/path?q", origin: "https://example.com" },
    { text: "http://[::1]:3000", origin: "http://[::1]:3000" },
    { text: "null", origin: null },
    { text: "javascript:alert(1)", origin: null },
    { text: "", origin: null },
  ])("$text → $origin", ({ text, origin }) => {
    expect(normaliseOrigin(text)).toBe(origin);
  });
});
