// What a new password must be: 8 to 128 characters, not only whitespace, and
// not one of the ~18,000 passwords of 8+ characters that lead the public
// breach-frequency lists (the list @zxcvbn-ts/language-common ships). Checked
// on sign-up and on every password change (lib/auth/auth-plugins.ts).
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MIN_LENGTH } from "./password-rule";

export type PasswordProblem = { code: "PASSWORD_BLANK" | "PASSWORD_TOO_COMMON"; message: string };

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].filter((word) => word.length >= PASSWORD_MIN_LENGTH).map((word) => word.toLowerCase()));
  return common;
}

/**
 * Why `password` may not be used, or null when it may. Length limits are the
 * auth library's own (it answers 400 with its message); this adds
 * whitespace-only and well-known passwords, compared case-insensitively and
 * ignoring surrounding spaces.
 */
export function passwordProblem(password: string): PasswordProblem | null {
  const trimmed = password.trim();
  if (trimmed.length === 0) return { code: "PASSWORD_BLANK", message: "The password cannot be only spaces. Choose one with letters, digits or symbols." };
  if (commonPasswords().has(trimmed.toLowerCase())) {
    return {
      code: "PASSWORD_TOO_COMMON",
      message: "That password is one of the most common ones and would be guessed quickly. Choose another (a few unrelated words work well).",
    };
  }
  return null;
}
