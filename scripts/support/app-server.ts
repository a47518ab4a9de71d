// The app's HTTP server: Next.js (dev or production) behind a small Node
// server that decides who the client is before Next sees the request. Next
// itself only fills X-Forwarded-* when they are missing, so a client could
// name any address or claim https; here they are always overwritten with the
// socket's peer and protocol, or, from a TRUSTED_PROXIES peer, with what that
// proxy forwarded (lib/http/client-address.ts).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type { TLSSocket } from "node:tls";
import next from "next";
import { env } from "../../lib/env";
import { resolveClient } from "../../lib/http/client-address";
import { writeForwardedHeaders } from "../../lib/http/forwarded-headers";
import type { AddressList } from "../../lib/http/ip-address";
import { brotliStatic } from "./brotli-static";

/** How long closing waits for the listener, then for Next, before giving up on each. */
const CLOSE_WAIT_MS = 3_000;

export type AppServerOptions = { dev: boolean; dir: string; hostname: string; port: number };

export type RunningAppServer = { url: string; close: () => Promise<void> };

/** Starts Next in this process behind the rewriting server; resolves once it listens. */
export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  // Route code reads this through lib/env.ts to tell our rewritten headers from a client's.
  const token = randomBytes(24).toString("base64url");
  process.env.RESIDUAL_EDGE_TOKEN = token;
  const { TRUSTED_PROXIES, TLS_CERT_FILE, TLS_KEY_FILE } = env();
  if (Boolean(TLS_CERT_FILE) !== Boolean(TLS_KEY_FILE)) throw new Error("Set both TLS_CERT_FILE and TLS_KEY_FILE, or neither");

  const app = next({ dev: options.dev, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const rewrite = (request: IncomingMessage) => rewriteRequest(request, TRUSTED_PROXIES, token);
  // Production chunks only: in dev they change under the server.
  const serveStatic = options.dev ? null : brotliStatic(join(options.dir, process.env.NEXT_DIST_DIR || ".next"));

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    rewrite(request);
    const served = serveStatic ? serveStatic.serve(request, response) : Promise.resolve(false);
    served
      .then((done) => (done ? undefined : handle(request, response)))
      .catch((error: unknown) => {
        console.error("[residual] request failed", error);
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end("Internal error");
      });
  };
  const server: Server =
    TLS_CERT_FILE && TLS_KEY_FILE
      ? createHttpsServer({ cert: readFileSync(TLS_CERT_FILE), key: readFileSync(TLS_KEY_FILE) }, onRequest)
      : createHttpServer(onRequest);
  // Next attaches its own upgrade listener (dev HMR) to this server on the first
  // request; ours runs before it and rewrites the same headers.
  server.prependListener("upgrade", (request: IncomingMessage, socket: Duplex) => {
    rewrite(request);
    if (server.listenerCount("upgrade") === 1) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  // In the background, so the first page loads after a start do not wait for the compressor.
  void serveStatic?.warm();
  const scheme = TLS_CERT_FILE ? "https" : "http";
  const proxies = TRUSTED_PROXIES.entries.length ? `trusting forwarded headers from ${TRUSTED_PROXIES.entries.join(", ")}` : "no trusted proxy";
  console.log(`[residual] ${options.dev ? "dev" : "production"} server on ${scheme}://${options.hostname}:${options.port} (${proxies})`);
  return {
    url: `${scheme}://${options.hostname}:${options.port}`,
    close: async () => {
      // Keep-alive and upgraded (HMR) sockets would hold close() open indefinitely.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.race([closed, delay(CLOSE_WAIT_MS)]);
      await Promise.race([app.close(), delay(CLOSE_WAIT_MS)]);
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function rewriteRequest(request: IncomingMessage, trustedProxies: AddressList, token: string): void {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  const client = resolveClient(
    {
      peerAddress: request.socket.remoteAddress,
      encrypted: Boolean((request.socket as Partial<TLSSocket>).encrypted),
      host: header("host"),
      forwardedFor: header("x-forwarded-for"),
      forwardedProto: header("x-forwarded-proto"),
      forwardedHost: header("x-forwarded-host"),
    },
    trustedProxies,
  );
  writeForwardedHeaders(request.headers, client, token);
}
