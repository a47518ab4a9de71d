// Turns any thrown value into a JSON response. Validation errors name the
// field; unknown errors are logged and answered with a generic 500.
import { ZodError } from "zod";
import { AppError, type AppErrorCode, type FieldIssue } from "../errors/app-error";

const STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  REQUEST_TIMEOUT: 408,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type ErrorBody = { error: { code: AppErrorCode; message: string; issues?: FieldIssue[] } };

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

/** Maps an error to a Response: AppError by code, ZodError as 422 with paths, anything else 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers = error.retryAfterSeconds === undefined ? undefined : { "retry-after": String(error.retryAfterSeconds) };
    return json(
      STATUS[error.code],
      { error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } },
      headers,
    );
  }
  if (error instanceof ZodError) {
    const issues = zodIssues(error);
    const first = issues[0];
    return json(422, {
      error: { code: "VALIDATION", message: first ? `${first.path}: ${first.message}` : "Invalid request", issues },
    });
  }
  console.error("Unhandled error", error);
  return json(500, { error: { code: "INTERNAL", message: "Something went wrong on our side" } });
}

function json(status: number, body: ErrorBody, headers?: Record<string, string>): Response {
  return Response.json(body, { status, headers });
}
