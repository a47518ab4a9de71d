import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { parseJsonBody } from "@/lib/http/parse";

const Schema = z.object({ rating: z.number().int().min(1).max(4) }).strict();
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers });

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
