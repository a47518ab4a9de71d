import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy, SECURITY_HEADERS } from "@/lib/http/security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("pageContentSecurityPolicy", () => {
  it.each([
    { directive: "default-src", value: "'self'" },
    { directive: "script-src", value: "'self' 'nonce-abc123' 'strict-dynamic'" },
    { directive: "style-src", value: "'self' 'unsafe-inline'" },
    { directive: "img-src", value: "'self' data: blob:" },
    { directive: "connect-src", value: "'self'" },
    { directive: "worker-src", value: "'self'" },
    { directive: "manifest-src", value: "'self'" },
    { directive: "object-src", value: "'none'" },
    { directive: "base-uri", value: "'self'" },
    { directive: "form-action", value: "'self'" },
    { directive: "frame-ancestors", value: "'none'" },
  ])("$directive $value", ({ directive, value }) => {
    expect(directives(pageContentSecurityPolicy("abc123")).get(directive)).toBe(value);
  });

  it("allows eval only in development", () => {
    expect(pageContentSecurityPolicy("n")).not.toContain("unsafe-eval");
    expect(directives(pageContentSecurityPolicy("n", true)).get("script-src")).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
  });

  it("never lets scripts in by 'unsafe-inline'", () => {
    expect(directives(pageContentSecurityPolicy("n")).get("script-src")).not.toContain("unsafe-inline");
  });
});

describe("the other headers", () => {
  it("sends each once, with the values the app relies on", () => {
    expect(Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]))).toEqual({
      "Referrer-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    });
  });

  it("gives API answers a policy that loads and frames nothing", () => {
    expect(directives(API_CONTENT_SECURITY_POLICY).get("default-src")).toBe("'none'");
    expect(directives(API_CONTENT_SECURITY_POLICY).get("frame-ancestors")).toBe("'none'");
  });

  it("makes a new 16-byte base64 nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
