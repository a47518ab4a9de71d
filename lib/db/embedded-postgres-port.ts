// Port helpers for the embedded Postgres: pick a free TCP port on 127.0.0.1
// and wait until a server accepts connections on one.
import { createConnection, createServer } from "node:net";

/**
 * The port to start on: `requested` when given (even if busy, so the caller
 * sees the real error); else `preferred` when free; else one the OS hands out.
 * `preferred = 0` skips straight to an OS-chosen port.
 */
export async function choosePort(requested: number | undefined, preferred: number): Promise<number> {
  if (requested !== undefined) return requested;
  if (preferred !== 0 && (await listenOn(preferred)) !== undefined) return preferred;
  const port = await listenOn(0);
  if (port === undefined) throw new Error("no free TCP port on 127.0.0.1");
  return port;
}

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`; rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (Date.now() > deadline) throw new Error(`nothing is listening on 127.0.0.1:${port}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function listenOn(port: number): Promise<number | undefined> {
  return new Promise((done) => {
    const server = createServer();
    server.unref();
    server.once("error", () => done(undefined));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : undefined;
      server.close(() => done(bound));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}
