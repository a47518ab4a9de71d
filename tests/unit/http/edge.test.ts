import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, MAX_ISSUES, MAX_MESSAGE_CHARS, MAX_PATH_CHARS, zodIssues, type ErrorBody } from "@/lib/http/error-response";
import { parseJsonBody } from "@/lib/http/parse";

const Schema = z.object({ rating: z.number().int().min(1).max(4) }).strict();
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

describe("parseJsonBody", () => {
  it.each([
    { name: "not JSON", body: "{rating:", code: "VALIDATION", message: "not valid JSON" },
    { name: "wrong type", body: '{"rating":"3"}', code: "VALIDATION", message: "rating" },
    { name: "out of range", body: '{"rating":9}', code: "VALIDATION", message: "rating" },
    { name: "unknown field", body: '{"rating":3,"extra":1}', code: "VALIDATION", message: "extra" },
    { name: "too large", body: JSON.stringify({ rating: 3, pad: "x".repeat(5000) }), code: "PAYLOAD_TOO_LARGE", message: "larger than" },
  ])("rejects $name", async ({ body, code, message }) => {
    const attempt = parseJsonBody(post(body), Schema, 1024);
    await expect(attempt).rejects.toMatchObject({ code });
    await expect(attempt).rejects.toThrow(message);
  });

  it.each([
    { name: "text/plain", type: "text/plain;charset=UTF-8" },
    { name: "form-encoded", type: "application/x-www-form-urlencoded" },
    { name: "multipart", type: "multipart/form-data; boundary=x" },
    { name: "JSON-looking text", type: "text/json" },
  ])("answers 415 to a $name body", async ({ type }) => {
    const attempt = parseJsonBody(post('{"rating":3}', { "content-type": type }), Schema);
    await expect(attempt).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    await expect(attempt).rejects.toThrow("application/json");
  });

  it("answers 415 to a body with no content type", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: new Blob(['{"rating":3}']) });
    await expect(parseJsonBody(request, Schema)).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it.each(["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/merge-patch+json", "application/vnd.api+json"])(
    "reads %s",
    async (type) => {
      expect(await parseJsonBody(post('{"rating":3}', { "content-type": type }), Schema)).toEqual({ rating: 3 });
    },
  );

  it("refuses a declared length over the cap before reading", async () => {
    await expect(parseJsonBody(post("{}", { "content-length": "999999" }), Schema, 1024)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("returns the parsed value", async () => {
    expect(await parseJsonBody(post('{"rating":3}'), Schema)).toEqual({ rating: 3 });
  });
});

describe("errorResponse", () => {
  it.each([
    { name: "validation", error: new AppError("VALIDATION", "bad", [{ path: "rating", message: "bad" }]), status: 422 },
    { name: "unauthenticated", error: new AppError("UNAUTHENTICATED", "sign in"), status: 401 },
    { name: "not found", error: new AppError("NOT_FOUND", "Card not found"), status: 404 },
    { name: "conflict", error: new AppError("CONFLICT", "raced"), status: 409 },
    { name: "too large", error: new AppError("PAYLOAD_TOO_LARGE", "big"), status: 413 },
    { name: "unsupported media type", error: new AppError("UNSUPPORTED_MEDIA_TYPE", "send JSON"), status: 415 },
    { name: "forbidden", error: new AppError("FORBIDDEN", "cross-site"), status: 403 },
  ])("maps $name to $status with its message", async ({ error, status }) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(error.message);
  });

  it("hides unknown errors behind a generic 500", async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const response = errorResponse(new Error("password=hunter2 in a stack"));
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toContain("hunter2");
    } finally {
      console.error = original;
    }
  });
});

describe("errorResponse keeps the body small", () => {
  const huge = "x".repeat(20 * 2 ** 20);
  const bodyOf = async (response: Response) => (await response.json()) as ErrorBody;

  it("caps the message and each issue, and says an issue's text once", async () => {
    const response = errorResponse(new AppError("VALIDATION", `Could not read the JSON file: ${huge}`, [{ path: "body", message: huge }]));
    const text = await response.clone().text();
    expect(text.length).toBeLessThan(MAX_MESSAGE_CHARS + MAX_PATH_CHARS + 200);
    const body = await bodyOf(response);
    expect(body.error.message.endsWith("…")).toBe(true);
    expect(body.error.issues).toEqual([{ path: "body" }]);
  });

  it("keeps an issue's message when the summary does not say it", async () => {
    const body = await bodyOf(
      errorResponse(
        new AppError("VALIDATION", "mean: bad", [
          { path: "mean", message: "bad" },
          { path: "std", message: "worse" },
        ]),
      ),
    );
    expect(body.error.issues).toEqual([{ path: "mean" }, { path: "std", message: "worse" }]);
  });

  it("lists at most MAX_ISSUES issues and cuts long paths", async () => {
    const issues = Array.from({ length: 500 }, (_, i) => ({ path: `${"k".repeat(10_000)}.${i}`, message: `problem ${i}` }));
    const body = await bodyOf(errorResponse(new AppError("VALIDATION", "many problems", issues)));
    expect(body.error.issues).toHaveLength(MAX_ISSUES);
    for (const issue of body.error.issues ?? []) expect(issue.path.length).toBeLessThanOrEqual(MAX_PATH_CHARS + 1);
  });

  it("quotes unrecognised keys briefly, in a ZodError too", async () => {
    const strict = z.object({}).strict();
    const parsed = strict.safeParse({ [huge]: 1, b: 2, c: 3, d: 4, e: 5 });
    if (parsed.success) throw new Error("expected a failure");
    const response = errorResponse(parsed.error);
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text.length).toBeLessThan(600);
    expect(text).toContain("and 2 more");
  });

  it("turns an invalid record key into a message that says why, with the key cut in the path", async () => {
    const record = z.record(z.string().max(4), z.string());
    const parsed = record.safeParse({ [huge]: "1" });
    if (parsed.success) throw new Error("expected a failure");
    const [issue] = zodIssues(parsed.error);
    expect(issue?.message).toMatch(/^Invalid key: /);
    expect(issue?.path.length).toBeLessThanOrEqual(41);
  });
});
