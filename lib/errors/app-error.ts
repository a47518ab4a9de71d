// The one error taxonomy. Domain code throws AppError with a closed code;
// lib/http/error-response.ts maps codes to HTTP statuses in one table.

export const APP_ERROR_CODES = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "REQUEST_TIMEOUT",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** A field-level problem, with the path into the request that caused it. */
export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: FieldIssue[];
  /** For RATE_LIMITED: whole seconds until a retry can succeed (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, issues: FieldIssue[] = [], options: { retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Sign in or send an API token to use this");
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
/** A 429: `message` says which limit and when; `retryAfterSeconds` (≥ 1) becomes the Retry-After header. */
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError("RATE_LIMITED", message, [], { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
