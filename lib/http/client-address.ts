// Who is on the other end of a connection, and over what. The socket's peer
// is the client unless that peer is a configured trusted proxy; only then are
// its X-Forwarded-For / -Proto / -Host believed. Anyone else's forwarding
// headers are ignored, so a client cannot pick its own address or claim https.
import { normaliseAddress, type AddressList } from "./ip-address";

/** What the server knows about one request before Next sees it. */
export type ConnectionFacts = {
  /** The socket's remote address; undefined once the socket is gone. */
  peerAddress: string | undefined;
  /** True when TLS terminates on this socket. */
  encrypted: boolean;
  /** The Host header as received. */
  host: string | undefined;
  /** X-Forwarded-For as received (repeated headers already joined with ", "). */
  forwardedFor: string | undefined;
  forwardedProto: string | undefined;
  forwardedHost: string | undefined;
};

export type ClientProtocol = "http" | "https";

export type ResolvedClient = {
  /** Normalised client address, or `unknown` when the socket gave none. */
  address: string;
  /** The protocol the client used to reach the first trusted hop. */
  protocol: ClientProtocol;
  /** The host the client asked for; undefined when no valid one was sent. */
  host: string | undefined;
  /** True when the answer came from a trusted proxy's headers. */
  viaTrustedProxy: boolean;
};

export const UNKNOWN_ADDRESS = "unknown";

const HOST_PATTERN = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(?::\d{1,5})?$/i;

/**
 * Resolves the client of one request. Without a trusted peer: the peer's
 * address, the socket's own protocol and the Host header. From a trusted
 * peer: the rightmost X-Forwarded-For hop that is not itself trusted (when
 * every hop is trusted, the leftmost; an unparseable hop stops the walk at the
 * trusted hop to its right), the rightmost X-Forwarded-Proto when it is
 * `http` or `https` (else the socket's), and the rightmost valid
 * X-Forwarded-Host (else Host).
 */
export function resolveClient(facts: ConnectionFacts, trustedProxies: AddressList): ResolvedClient {
  const socketProtocol: ClientProtocol = facts.encrypted ? "https" : "http";
  const peer = facts.peerAddress === undefined ? null : normaliseAddress(facts.peerAddress);
  const host = validHost(facts.host);
  if (peer === null) return { address: UNKNOWN_ADDRESS, protocol: socketProtocol, host, viaTrustedProxy: false };
  if (!trustedProxies.matches(peer)) return { address: peer, protocol: socketProtocol, host, viaTrustedProxy: false };

  const proto = lastListItem(facts.forwardedProto)?.toLowerCase();
  return {
    address: clientFromChain(peer, facts.forwardedFor, trustedProxies),
    protocol: proto === "https" || proto === "http" ? proto : socketProtocol,
    host: validHost(lastListItem(facts.forwardedHost)) ?? host,
    viaTrustedProxy: true,
  };
}

function clientFromChain(peer: string, forwardedFor: string | undefined, trustedProxies: AddressList): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  let nearestTrusted = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i] ?? "");
    if (hop === null) return nearestTrusted;
    if (!trustedProxies.matches(hop)) return hop;
    nearestTrusted = hop;
  }
  return nearestTrusted;
}

function lastListItem(value: string | undefined): string | undefined {
  const items = (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return items[items.length - 1];
}

function validHost(value: string | undefined): string | undefined {
  const host = value?.trim();
  return host && host.length <= 261 && HOST_PATTERN.test(host) ? host : undefined;
}
