// Turns any thrown value into a JSON response. Validation errors name the
// field; unknown errors are logged and answered with a generic 500. Whatever
// a message quotes, the body stays small: messages, paths and the issue list
// are capped here, and an issue's text already said by the message is not
// said again.
import { ZodError, type z } from "zod";
import { AppError, type AppErrorCode, type FieldIssue } from "../errors/app-error";
import { quoteInput, truncateInput } from "../errors/quote-input";

const STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_TIMEOUT: 408,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Longest message or issue message sent, in characters. */
export const MAX_MESSAGE_CHARS = 300;
/** Longest issue path sent, and longest single key within it. */
export const MAX_PATH_CHARS = 120;
const MAX_PATH_SEGMENT_CHARS = 40;
/** Most issues listed in one response. */
export const MAX_ISSUES = 20;
/** Most unrecognised keys a message names. */
const MAX_KEYS_NAMED = 3;

/** An issue as sent: its message is left out when the response's message already says it. */
export type SentIssue = { path: string; message?: string };

export type ErrorBody = { error: { code: AppErrorCode; message: string; issues?: SentIssue[] } };

/** Zod's issues as field issues: paths joined with dots (long keys cut), keys a message names quoted briefly. */
export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => truncateInput(String(segment), MAX_PATH_SEGMENT_CHARS)).join(".") || "(root)",
    message: issueMessage(issue),
  }));
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const named = issue.keys.slice(0, MAX_KEYS_NAMED).map((key) => quoteInput(key, MAX_PATH_SEGMENT_CHARS));
    const more = issue.keys.length > MAX_KEYS_NAMED ? ` and ${issue.keys.length - MAX_KEYS_NAMED} more` : "";
    return `Unrecognized key${issue.keys.length === 1 ? "" : "s"}: ${named.join(", ")}${more}`;
  }
  if (issue.code === "invalid_key") {
    const inner = issue.issues[0];
    return inner ? `Invalid key: ${inner.message}` : issue.message;
  }
  return issue.message;
}

/** Maps an error to a Response: AppError by code, ZodError as 422 with paths, anything else 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers = error.retryAfterSeconds === undefined ? undefined : { "retry-after": String(error.retryAfterSeconds) };
    return json(STATUS[error.code], error.code, error.message, error.issues, headers);
  }
  if (error instanceof ZodError) {
    const issues = zodIssues(error);
    const first = issues[0];
    return json(422, "VALIDATION", first ? `${first.path}: ${first.message}` : "Invalid request", issues);
  }
  console.error("Unhandled error", error);
  return json(500, "INTERNAL", "Something went wrong on our side", []);
}

/** The error body: message capped; at most MAX_ISSUES issues, each capped, without text the message already holds. */
export function errorBody(code: AppErrorCode, message: string, issues: readonly FieldIssue[]): ErrorBody {
  const sent = issues.slice(0, MAX_ISSUES).map((issue): SentIssue => {
    const path = truncateInput(issue.path, MAX_PATH_CHARS);
    const said = issue.message.length > 0 && message.includes(issue.message);
    return said ? { path } : { path, message: truncateInput(issue.message, MAX_MESSAGE_CHARS) };
  });
  return { error: { code, message: truncateInput(message, MAX_MESSAGE_CHARS), ...(sent.length ? { issues: sent } : {}) } };
}

function json(status: number, code: AppErrorCode, message: string, issues: readonly FieldIssue[], headers?: Record<string, string>): Response {
  return Response.json(errorBody(code, message, issues), { status, headers });
}
