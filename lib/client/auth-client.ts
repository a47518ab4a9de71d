"use client";
// The browser side of better-auth, for the sign-in / sign-up forms.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
