// The CLI's exit codes, one meaning each, so scripts can branch on them.

export const EXIT = {
  /** Graded and fully correct, or a listing printed. */
  ok: 0,
  /** Graded, but not every step is correct. */
  notCorrect: 1,
  /** Bad arguments, a bad answers file, or a request the server rejected (4xx other than 401/403). */
  usage: 2,
  /** The server could not be reached, refused the token, or failed (5xx or an unexpected reply). */
  unavailable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
