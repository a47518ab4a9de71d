import { describe, expect, it } from "vitest";
import { resolveClient, type ConnectionFacts } from "@/lib/http/client-address";
import { EDGE_TOKEN_HEADER, readEdgeClient, writeForwardedHeaders } from "@/lib/http/forwarded-headers";
import { addressLimitKey, normaliseAddress, parseAddressList } from "@/lib/http/ip-address";

const NONE = parseAddressList("");
const PROXIES = parseAddressList("10.0.0.0/8, 192.0.2.1, ::1, fd00::/8");

const facts = (overrides: Partial<ConnectionFacts>): ConnectionFacts => ({
  peerAddress: "203.0.113.7",
  encrypted: false,
  host: "app.example.test",
  forwardedFor: undefined,
  forwardedProto: undefined,
  forwardedHost: undefined,
  ...overrides,
});

describe("normaliseAddress", () => {
  it.each([
    { name: "IPv4", raw: "203.0.113.7", expected: "203.0.113.7" },
    { name: "IPv4 with a port", raw: "203.0.113.7:51234", expected: "203.0.113.7" },
    { name: "IPv6 compressed and lower-cased", raw: "2001:DB8:0:0:0:0:0:1", expected: "2001:db8::1" },
    { name: "bracketed IPv6 with a port", raw: "[2001:db8::1]:443", expected: "2001:db8::1" },
    { name: "IPv6 zone dropped", raw: "fe80::1%eth0", expected: "fe80::1" },
    { name: "IPv4-mapped, dotted", raw: "::ffff:198.51.100.4", expected: "198.51.100.4" },
    { name: "IPv4-mapped, hex", raw: "::ffff:c633:6404", expected: "198.51.100.4" },
    { name: "loopback IPv6", raw: "0:0:0:0:0:0:0:1", expected: "::1" },
    { name: "a name", raw: "localhost", expected: null },
    { name: "an octet over 255", raw: "203.0.113.256", expected: null },
    { name: "an empty string", raw: "", expected: null },
    { name: "script", raw: "<script>", expected: null },
  ])("$name", ({ raw, expected }) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});

describe("parseAddressList", () => {
  it.each([
    { name: "an address in a /8", address: "10.200.3.4", expected: true },
    { name: "the single address", address: "192.0.2.1", expected: true },
    { name: "its neighbour", address: "192.0.2.2", expected: false },
    { name: "IPv6 loopback", address: "::1", expected: true },
    { name: "inside fd00::/8", address: "fd12:3456::9", expected: true },
    { name: "outside every entry", address: "203.0.113.7", expected: false },
  ])("matches $name: $expected", ({ address, expected }) => {
    expect(PROXIES.matches(address)).toBe(expected);
  });

  it("normalises mapped entries", () => {
    expect(parseAddressList("::ffff:10.1.2.3").matches("10.1.2.3")).toBe(true);
  });

  it.each([
    { name: "a name", list: "proxy.internal", message: "not an IP address" },
    { name: "a prefix too long", list: "10.0.0.0/33", message: "prefix length" },
    { name: "a non-numeric prefix", list: "10.0.0.0/x", message: "prefix length" },
    { name: "two slashes", list: "10.0.0.0/8/8", message: "not an IP address" },
  ])("refuses $name", ({ list, message }) => {
    expect(() => parseAddressList(list)).toThrow(message);
  });
});

describe("resolveClient", () => {
  it.each([
    {
      name: "no proxy configured: a spoofed X-Forwarded-For is ignored",
      trusted: NONE,
      input: facts({ forwardedFor: "1.2.3.4", forwardedProto: "https", forwardedHost: "evil.test" }),
      expected: { address: "203.0.113.7", protocol: "http", host: "app.example.test", viaTrustedProxy: false },
    },
    {
      name: "an untrusted peer cannot claim https",
      trusted: PROXIES,
      input: facts({ peerAddress: "198.51.100.9", forwardedProto: "https" }),
      expected: { address: "198.51.100.9", protocol: "http", host: "app.example.test", viaTrustedProxy: false },
    },
    {
      name: "TLS on the socket is https",
      trusted: NONE,
      input: facts({ encrypted: true }),
      expected: { address: "203.0.113.7", protocol: "https", host: "app.example.test", viaTrustedProxy: false },
    },
    {
      name: "a mapped IPv4 peer is IPv4",
      trusted: NONE,
      input: facts({ peerAddress: "::ffff:203.0.113.7" }),
      expected: { address: "203.0.113.7", protocol: "http", host: "app.example.test", viaTrustedProxy: false },
    },
    {
      name: "trusted proxy: its forwarded client, proto and host",
      trusted: PROXIES,
      input: facts({ peerAddress: "10.0.0.5", forwardedFor: "198.51.100.4", forwardedProto: "https", forwardedHost: "study.example.test" }),
      expected: { address: "198.51.100.4", protocol: "https", host: "study.example.test", viaTrustedProxy: true },
    },
    {
      name: "trusted proxy as a mapped address",
      trusted: PROXIES,
      input: facts({ peerAddress: "::ffff:10.0.0.5", forwardedFor: "198.51.100.4" }),
      expected: { address: "198.51.100.4", protocol: "http", host: "app.example.test", viaTrustedProxy: true },
    },
    {
      name: "spoofed chain: the rightmost untrusted hop, not the client's own claim",
      trusted: PROXIES,
      input: facts({ peerAddress: "10.0.0.5", forwardedFor: "1.1.1.1, 2.2.2.2, 198.51.100.4, 10.0.0.9" }),
      expected: { address: "198.51.100.4", protocol: "http", host: "app.example.test", viaTrustedProxy: true },
    },
    {
      name: "every hop trusted: the leftmost",
      trusted: PROXIES,
      input: facts({ peerAddress: "10.0.0.5", forwardedFor: "10.9.9.9, 10.0.0.9" }),
      expected: { address: "10.9.9.9", protocol: "http", host: "app.example.test", viaTrustedProxy: true },
    },
    {
      name: "garbage hop: stops at the trusted hop to its right",
      trusted: PROXIES,
      input: facts({ peerAddress: "10.0.0.5", forwardedFor: "198.51.100.4, not-an-ip, 10.0.0.9" }),
      expected: { address: "10.0.0.9", protocol: "http", host: "app.example.test", viaTrustedProxy: true },
    },
    {
      name: "trusted proxy without X-Forwarded-For: the proxy itself",
      trusted: PROXIES,
      input: facts({ peerAddress: "192.0.2.1" }),
      expected: { address: "192.0.2.1", protocol: "http", host: "app.example.test", viaTrustedProxy: true },
    },
    {
      name: "IPv6 client behind an IPv6 proxy",
      trusted: PROXIES,
      input: facts({ peerAddress: "::1", forwardedFor: "[2001:db8::7]:5000", forwardedProto: "http, https" }),
      expected: { address: "2001:db8::7", protocol: "https", host: "app.example.test", viaTrustedProxy: true },
    },
    {
      name: "an unknown X-Forwarded-Proto falls back to the socket's",
      trusted: PROXIES,
      input: facts({ peerAddress: "10.0.0.5", forwardedProto: "gopher" }),
      expected: { address: "10.0.0.5", protocol: "http", host: "app.example.test", viaTrustedProxy: true },
    },
    {
      name: "an invalid X-Forwarded-Host falls back to Host",
      trusted: PROXIES,
      input: facts({ peerAddress: "10.0.0.5", forwardedHost: "evil.test/<x>" }),
      expected: { address: "10.0.0.5", protocol: "http", host: "app.example.test", viaTrustedProxy: true },
    },
    {
      name: "a socket already gone",
      trusted: NONE,
      input: facts({ peerAddress: undefined }),
      expected: { address: "unknown", protocol: "http", host: "app.example.test", viaTrustedProxy: false },
    },
  ])("$name", ({ trusted, input, expected }) => {
    expect(resolveClient(input, trusted)).toEqual(expected);
  });
});

describe("addressLimitKey", () => {
  it.each([
    { name: "IPv4 by itself", address: "203.0.113.7", expected: "203.0.113.7" },
    { name: "IPv6 by its /64", address: "2001:db8:1:2:3:4:5:6", expected: "2001:0db8:0001:0002::/64" },
    { name: "another address in the same /64", address: "2001:db8:1:2::9", expected: "2001:0db8:0001:0002::/64" },
  ])("$name", ({ address, expected }) => {
    expect(addressLimitKey(address)).toBe(expected);
  });
});

describe("forwarded headers", () => {
  const client = { address: "198.51.100.4", protocol: "https" as const, host: "study.example.test", viaTrustedProxy: true };

  it("overwrites what the client sent and stamps the token", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "1.2.3.4",
      "x-real-ip": "1.2.3.4",
      forwarded: "for=1.2.3.4",
      [EDGE_TOKEN_HEADER]: "guess",
    };
    writeForwardedHeaders(headers, client, "token-0123456789abcdef");
    expect(headers).toEqual({
      "x-forwarded-for": "198.51.100.4",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "study.example.test",
      [EDGE_TOKEN_HEADER]: "token-0123456789abcdef",
    });
  });

  it.each([
    { name: "the right token", stamp: "token-0123456789abcdef", expected: { address: "198.51.100.4", protocol: "https" } },
    { name: "another token", stamp: "token-0123456789abcdeX", expected: null },
    { name: "no token", stamp: undefined, expected: null },
  ])("reads them back only with $name", ({ stamp, expected }) => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.4", "x-forwarded-proto": "https" });
    if (stamp) headers.set(EDGE_TOKEN_HEADER, stamp);
    expect(readEdgeClient(headers, "token-0123456789abcdef")).toEqual(expected);
  });

  it("trusts nothing when the process has no token (not served by the app server)", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.4", "x-forwarded-proto": "https", [EDGE_TOKEN_HEADER]: "" });
    expect(readEdgeClient(headers, undefined)).toBeNull();
  });
});
