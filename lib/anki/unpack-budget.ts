// Counts bytes as they come out of a decompressor, so a bomb is stopped while
// it inflates rather than after: header sizes are claims, not facts.
import { AnkiPackageError } from "./errors";
import { MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_UNPACKED_BYTES } from "./limits";

const MIB = 1024 * 1024;

/** Caps on one package: bytes of all members together, bytes of one member, number of members. */
export type UnpackLimits = { totalBytes: number; entryBytes: number; entries: number };

export const DEFAULT_UNPACK_LIMITS: UnpackLimits = {
  totalBytes: MAX_TOTAL_UNPACKED_BYTES,
  entryBytes: MAX_ENTRY_BYTES,
  entries: MAX_ENTRIES,
};

/** The unpacked bytes one package may still produce. */
export class UnpackBudget {
  private used = 0;

  constructor(readonly limits: UnpackLimits = DEFAULT_UNPACK_LIMITS) {}

  /** Counts `bytes` more of member `name` (which has produced `entrySoFar` bytes in all); throws TOO_LARGE past a cap. */
  take(bytes: number, name: string, entrySoFar: number): void {
    this.used += bytes;
    if (entrySoFar > this.limits.entryBytes) {
      throw new AnkiPackageError("TOO_LARGE", `Package member ${name} unpacks to more than ${this.limits.entryBytes / MIB} MiB`);
    }
    if (this.used > this.limits.totalBytes) {
      throw new AnkiPackageError("TOO_LARGE", `Package unpacks to more than ${this.limits.totalBytes / MIB} MiB`);
    }
  }

  /** Throws TOO_LARGE before reading when a member's declared size alone breaks a cap. */
  checkDeclared(bytes: number, name: string): void {
    if (bytes > this.limits.entryBytes || this.used + bytes > this.limits.totalBytes) {
      throw new AnkiPackageError("TOO_LARGE", `Package member ${name} declares ${Math.ceil(bytes / MIB)} MiB, more than allowed`);
    }
  }
}
