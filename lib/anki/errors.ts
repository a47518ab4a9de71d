// The one error an Anki package can raise. Reading is all or nothing: when
// this is thrown nothing partial is returned.
import { AppError, type AppErrorCode } from "../errors/app-error";
import { truncateInput } from "../errors/quote-input";

/** Why a package was refused. */
export type AnkiPackageProblem =
  | "NOT_A_ZIP"
  | "CORRUPT"
  | "TOO_LARGE"
  | "UNSAFE_MEMBER_NAME"
  | "NO_COLLECTION"
  | "UNKNOWN_PACKAGE_VERSION"
  | "UNKNOWN_SCHEMA"
  | "MISSING_MEDIA";

const CODE: Record<AnkiPackageProblem, AppErrorCode> = {
  NOT_A_ZIP: "UNSUPPORTED_MEDIA_TYPE",
  CORRUPT: "VALIDATION",
  TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSAFE_MEMBER_NAME: "VALIDATION",
  NO_COLLECTION: "VALIDATION",
  UNKNOWN_PACKAGE_VERSION: "VALIDATION",
  UNKNOWN_SCHEMA: "VALIDATION",
  MISSING_MEDIA: "VALIDATION",
};

/** A package that cannot be read; `problem` says why, the message says it to a person. */
export class AnkiPackageError extends AppError {
  readonly problem: AnkiPackageProblem;

  constructor(problem: AnkiPackageProblem, message: string) {
    super(CODE[problem], truncateInput(message, 300));
    this.name = "AnkiPackageError";
    this.problem = problem;
  }
}

/** The message of an unknown thrown value, for wrapping library errors. */
export function causeText(error: unknown): string {
  return truncateInput(error instanceof Error ? error.message : String(error), 120);
}
