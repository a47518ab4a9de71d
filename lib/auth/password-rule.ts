// The password rule as numbers and words, with nothing heavy attached, so the
// sign-up form can state it (password-policy.ts enforces it on the server).

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The rule as the sign-up page states it before anyone types. */
export const PASSWORD_RULE = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not only spaces, and not a well-known password such as 12345678 or password1.`;
