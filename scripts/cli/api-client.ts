// One request to the Residual API with the bearer token. A reply of any
// status is a value; only a network failure or timeout is "unreachable".
import type { CliConfig } from "./config";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** `body` is the parsed JSON, or the raw text when the reply is not JSON. */
export type ApiReply = { kind: "reply"; status: number; body: unknown } | { kind: "unreachable"; message: string };

export type ApiRequest = { method: "GET" | "POST" | "PATCH"; path: string; body?: unknown };

const TIMEOUT_MS = 15_000;

/** Sends `request` to `config.url` + `request.path`; never throws. */
export async function callApi(fetchFn: FetchLike, config: CliConfig, request: ApiRequest): Promise<ApiReply> {
  const url = `${config.url}${request.path}`;
  const headers: Record<string, string> = { authorization: `Bearer ${config.token}`, accept: "application/json" };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  try {
    const response = await fetchFn(url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    return { kind: "reply", status: response.status, body: parseJson(text) };
  } catch (error) {
    return { kind: "unreachable", message: `cannot reach ${config.url} (${describeNetworkError(error)})` };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause ? `${error.message}: ${cause}` : error.message;
}

/** A reply to a request whose body or answer is bytes: the bytes of a 2xx answer, else the usual JSON error. */
export type BytesReply = { kind: "bytes"; bytes: Uint8Array } | { kind: "reply"; status: number; body: unknown } | { kind: "unreachable"; message: string };

/** Sends `body` as raw bytes (uploads) or fetches bytes (downloads); never throws. */
export async function sendBytes(
  fetchFn: FetchLike,
  config: CliConfig,
  method: "GET" | "POST",
  path: string,
  body?: Uint8Array,
  contentType = "application/octet-stream",
): Promise<BytesReply> {
  try {
    const response = await fetchFn(`${config.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${config.token}`, ...(body ? { "content-type": contentType } : {}) },
      body: body ? new Blob([body.slice().buffer as ArrayBuffer]) : undefined,
      signal: AbortSignal.timeout(60_000),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.ok) return { kind: "bytes", bytes };
    return { kind: "reply", status: response.status, body: parseJsonBytes(bytes) };
  } catch (error) {
    return { kind: "unreachable", message: `cannot reach ${config.url} (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** UTF-8 bytes parsed as JSON, or the text when they are not JSON. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  return parseJson(new TextDecoder().decode(bytes));
}
