// The browser side of better-auth, for the sign-in and sign-up forms only (the
// overview signs out with a plain POST: app/sign-out-button.tsx).
// The framework-free client: the forms call its methods and need none of the
// React hooks that better-auth/react adds.
import { createAuthClient } from "better-auth/client";

export const authClient = createAuthClient();
