// The AppError a promise rejects with, for tests that check the error's code and words.
import { expect } from "vitest";
import { AppError } from "@/lib/errors/app-error";

export async function rejectsWithAppError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
