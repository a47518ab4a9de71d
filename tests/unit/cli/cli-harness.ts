// The CLI run as a function against a scripted server: each request is
// recorded and answered by the test's handler (a status and a JSON body in
// the server's real shape, or an Error for a network failure), and the lines
// printed are kept. No server, no files, no clock: every command test reads
// as its scenarios.
import { runCli, type CliDeps } from "@/scripts/cli/run";
import type { ExitCode } from "@/scripts/cli/exit-codes";

export const ID = "0b6f6a0e-4c8e-4a57-9a43-0b4f3c1d2e5f";
export const TOKEN = "rsd_test_token";
export const URL_BASE = "http://grader.test:4000";

/** A request as the CLI sent it; `path` is `url` less URL_BASE (when the env names it), `body` the parsed JSON. */
export type SentRequest = { url: string; path: string; method: string; headers: Record<string, string>; body: unknown };

/** The scripted server's answer: a status and body (a string is sent as it is, anything else as JSON), or an Error to throw. */
export type ScriptedReply = { status: number; body: unknown } | Error;

export type CliHarness = {
  deps: CliDeps;
  sent: SentRequest[];
  out: string[];
  err: string[];
  /** Runs the CLI with `argv` against the script; the lines add up in `out` and `err` across runs. */
  run: (argv: readonly string[]) => Promise<ExitCode>;
};

/** The status-and-body reply a JSON API gives (a 204 has no body). */
function toResponse(reply: { status: number; body: unknown }): Response {
  if (reply.status === 204) return new Response(null, { status: 204 });
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  return new Response(text, { status: reply.status, headers: { "content-type": "application/json" } });
}

/** CLI surroundings whose fetch asks `answer` for each request; `env` (default: URL_BASE and TOKEN) and `files` (readFile's) as given. */
export function cliHarness(
  answer: (request: SentRequest) => ScriptedReply,
  options: { env?: Record<string, string>; files?: Record<string, string> } = {},
): CliHarness {
  const sent: SentRequest[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const env = options.env ?? { RESIDUAL_URL: URL_BASE, RESIDUAL_TOKEN: TOKEN };
  const deps: CliDeps = {
    env,
    fetch: async (url, init) => {
      const request: SentRequest = {
        url,
        path: env.RESIDUAL_URL && url.startsWith(env.RESIDUAL_URL) ? url.slice(env.RESIDUAL_URL.length) : url,
        method: init.method ?? "GET",
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        body: typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
      };
      sent.push(request);
      const reply = answer(request);
      if (reply instanceof Error) throw reply;
      return toResponse(reply);
    },
    readFile: async (path) => {
      const text = options.files?.[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    newId: () => ID,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { deps, sent, out, err, run: (argv) => runCli(argv, deps) };
}

/** A harness whose server gives every request the same `reply`. */
export function fakeDeps(reply: ScriptedReply, options: { env?: Record<string, string>; files?: Record<string, string> } = {}): CliHarness {
  return cliHarness(() => reply, options);
}
