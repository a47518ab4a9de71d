// Bytes of an upload → text. Only UTF-8 is read (a byte-order mark is
// dropped): guessing a legacy encoding would import mojibake without a word.
import { AppError } from "../errors/app-error";
import { textProblem } from "../http/text-schema";

/** The upload as text; AppError VALIDATION when it is not UTF-8 or holds a NUL (a binary file). */
export function decodeUploadText(bytes: Uint8Array, fileLabel: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      "VALIDATION",
      `${fileLabel} is not UTF-8 text. Save it as UTF-8 (in a spreadsheet: "CSV UTF-8"; in an editor: encoding UTF-8) and import it again.`,
    );
  }
  const problem = textProblem(text);
  if (problem) throw new AppError("VALIDATION", `${fileLabel} is not a text file: it ${problem.replace(/^must not contain/, "contains")}.`);
  return text;
}
