import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsBrotli, brotliStatic } from "@/scripts/support/brotli-static";

const CHUNK = `console.log(${JSON.stringify("x".repeat(5_000))});`;

describe("acceptsBrotli", () => {
  it.each([
    { header: "gzip, deflate, br, zstd", takes: true },
    { header: "br;q=0.5, gzip", takes: true },
    { header: "gzip, deflate", takes: false },
    { header: "br;q=0, gzip", takes: false },
    { header: "brotli", takes: false },
    { header: undefined, takes: false },
  ])("$header → $takes", ({ header, takes }) => {
    expect(acceptsBrotli(header)).toBe(takes);
  });
});

// A real server in front of the handler; whatever it leaves alone is answered 404 "next".
describe("brotliStatic", () => {
  let dir = "";
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "brotli-static-"));
    mkdirSync(join(dir, "static", "chunks"), { recursive: true });
    writeFileSync(join(dir, "static", "chunks", "a1b2.js"), CHUNK);
    writeFileSync(join(dir, "secret.js"), "outside static");
    const { serve, warm } = brotliStatic(dir);
    await warm();
    server = createServer((request, response) => {
      void serve(request, response).then((served) => {
        if (!served) response.writeHead(404).end("next");
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  /** A raw GET (fetch would decode the body and hide the encoding). */
  function get(path: string, acceptEncoding: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path, headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("answers a chunk in brotli that decodes to the file, cached for good, with nosniff but no document headers", async () => {
    const response = await get("/_next/static/chunks/a1b2.js", "gzip, br");
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    // A document's rules (framing, permissions, referrer) are left off a script: each request would pay for them.
    expect(response.headers["x-frame-options"]).toBeUndefined();
    expect(response.headers["permissions-policy"]).toBeUndefined();
    expect(brotliDecompressSync(response.body).toString()).toBe(CHUNK);
    expect(response.body.length).toBeLessThan(CHUNK.length / 10);
  });

  it.each([
    { name: "a client without br", path: "/_next/static/chunks/a1b2.js", accept: "gzip" },
    { name: "a missing chunk", path: "/_next/static/chunks/none.js", accept: "br" },
    { name: "a page", path: "/review", accept: "br" },
    { name: "a climb out of static", path: "/_next/static/../secret.js", accept: "br" },
    { name: "an encoded climb", path: "/_next/static/%2e%2e/secret.js", accept: "br" },
  ])("leaves $name to Next", async ({ path, accept }) => {
    const response = await get(path, accept);
    expect(response.status).toBe(404);
    expect(response.body.toString()).toBe("next");
  });
});
