// The contract between the app server (scripts/support/app-server.ts) and
// route code: before Next sees a request the server overwrites
// X-Forwarded-For / -Proto / -Host with the resolved client, and stamps it
// with a per-process token. Route code believes those headers only when the
// token matches, so under a bare `next start` (no such server) a client's
// own forwarding headers are never taken for the truth.
import type { IncomingHttpHeaders } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { ClientProtocol, ResolvedClient } from "./client-address";

/** The header carrying the server's per-process token. */
export const EDGE_TOKEN_HEADER = "x-residual-edge";

/** Headers a client could use to claim an address or scheme; all are replaced or removed. */
const REPLACED = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded", EDGE_TOKEN_HEADER];

/** The request as the app server saw it: client address and protocol. */
export type EdgeClient = { address: string; protocol: ClientProtocol };

/** Overwrites the forwarding headers of a Node request in place with `client`, stamped with `token`. */
export function writeForwardedHeaders(headers: IncomingHttpHeaders, client: ResolvedClient, token: string): void {
  for (const name of REPLACED) delete headers[name];
  headers["x-forwarded-for"] = client.address;
  headers["x-forwarded-proto"] = client.protocol;
  if (client.host) headers["x-forwarded-host"] = client.host;
  headers[EDGE_TOKEN_HEADER] = token;
}

/**
 * The client the app server resolved for this request, or null when the
 * request did not come through it (no token, or another token): then nothing
 * in the forwarding headers can be trusted.
 */
export function readEdgeClient(headers: Headers, token: string | undefined): EdgeClient | null {
  const stamped = headers.get(EDGE_TOKEN_HEADER);
  if (!token || !stamped || !sameToken(stamped, token)) return null;
  const address = headers.get("x-forwarded-for")?.trim();
  const proto = headers.get("x-forwarded-proto");
  if (!address || (proto !== "http" && proto !== "https")) return null;
  return { address, protocol: proto };
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
